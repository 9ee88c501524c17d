import { hasRole, type Actor } from './actor.js';
import { NO_FACTS, sameFor, type NoFacts, type ResourceAccess } from './access.js';

/**
 * Which cycles an actor may list. HR: all (drafts included). Others: launched cycles they take part in — as the
 * appraised person, as a supervisor of someone appraised, or as a rater; COMMITTEE also every published cycle.
 * The API turns `involved` into EXISTS over appraisal (employee = me, or employee in my line) and rating (rater = me).
 * Example: cycleRowScope({ userId: 'u', employeeId: 'e', roles: ['SUPERVISOR'] }) -> { kind: 'involved', employeeId: 'e', line: true, publishedAll: false }
 */
export type CycleRowScope = { kind: 'all' } | { kind: 'involved'; employeeId: string | null; line: boolean; publishedAll: boolean } | { kind: 'none' };

export function cycleRowScope(actor: Actor): CycleRowScope {
  if (hasRole(actor, 'HR')) return { kind: 'all' };
  const committee = hasRole(actor, 'COMMITTEE');
  if (actor.employeeId && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE')) {
    return { kind: 'involved', employeeId: actor.employeeId, line: hasRole(actor, 'SUPERVISOR'), publishedAll: committee };
  }
  if (committee) return { kind: 'involved', employeeId: null, line: false, publishedAll: true };
  return { kind: 'none' };
}

/** Fields everyone who sees a cycle reads: what it is and its dates. */
export const CYCLE_PUBLIC_FIELDS = ['id', 'name', 'scheme', 'schemeVersion', 'periodKind', 'periodKey', 'periodStart', 'periodEnd', 'state', 'phases', 'acknowledgementWorkingDays', 'publishedAt', 'closedAt'] as const;
/** Fields of HR's management: who is in and why, launch progress, completion statistics, calibration, reopenings, overrides, audit. */
export const CYCLE_HR_FIELDS = ['population', 'launch', 'progress', 'calibration', 'groupAmounts', 'reopenings', 'phaseOverrides', 'quotaOverrideReason', 'createdBy', 'version', 'createdAt', 'updatedAt'] as const;

const inScope = (actor: Actor): boolean => cycleRowScope(actor).kind !== 'none';

/**
 * Field access of the Cycle type: facts are not needed because the row scope already limits non-HR actors to
 * cycles they take part in, and what they read there does not depend on how they take part.
 * Example: cycleAccess.fields.population(supervisorActor, NO_FACTS) -> false
 */
export const cycleAccess: ResourceAccess<NoFacts> = {
  typeName: 'Cycle',
  factClasses: (actor) => (inScope(actor) ? [NO_FACTS] : []),
  fields: {
    ...sameFor<NoFacts>(CYCLE_PUBLIC_FIELDS, (actor) => inScope(actor)),
    ...sameFor<NoFacts>(CYCLE_HR_FIELDS, (actor) => hasRole(actor, 'HR')),
  },
};

/** Creating, launching, moving phases, reopening, calibrating, publishing and closing cycles. Example: canManageCycles(supervisorActor) -> false */
export function canManageCycles(actor: Actor): boolean {
  return hasRole(actor, 'HR');
}
