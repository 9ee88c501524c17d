import { hasRole, type Actor } from './actor.js';
import { sameFor, type FieldPolicy, type ResourceAccess } from './access.js';
import type { SupervisorResultVisibility } from './appraisal-access.js';
import { asLineSupervisor, asSubject, factCombinations, type SubjectRelation } from './facts.js';

/**
 * What one roll-up result row tells about its relation to the actor, computed in SQL: the employee's relation
 * (self, in the actor's line, other) and the visibility of the cycle that computed it. Roll-ups are computed from
 * published results only, so there is no "before publication" for them.
 */
export interface RollupFacts {
  subject: SubjectRelation;
  supervisorResult: SupervisorResultVisibility;
}

/** Which roll-up results an actor may list: HR all; employees their own; supervisors also their line; others none. */
export type RollupRowScope = { kind: 'all' } | { kind: 'some'; employeeId: string; own: boolean; line: boolean } | { kind: 'none' };

/** Example: rollupRowScope({ userId: 'u', employeeId: 'e', roles: ['SUPERVISOR'] }) -> { kind: 'some', employeeId: 'e', own: true, line: true } */
export function rollupRowScope(actor: Actor): RollupRowScope {
  if (hasRole(actor, 'HR')) return { kind: 'all' };
  if (actor.employeeId === null || !hasRole(actor, 'EMPLOYEE', 'SUPERVISOR')) return { kind: 'none' };
  return { kind: 'some', employeeId: actor.employeeId, own: true, line: hasRole(actor, 'SUPERVISOR') };
}

function rollupFactClasses(actor: Actor): RollupFacts[] {
  const scope = rollupRowScope(actor);
  if (scope.kind === 'none') return [];
  const all = factCombinations<RollupFacts>({ subject: ['self', 'line', 'other'], supervisorResult: ['never', 'afterPublication', 'always'] });
  if (scope.kind === 'all') return all;
  return all.filter((f) => (f.subject === 'self' && scope.own) || (f.subject === 'line' && scope.line));
}

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
const seesRow: FieldPolicy<RollupFacts> = (actor, f) => isHR(actor) || asSubject(actor, f.subject) || asLineSupervisor(actor, f.subject);
/** The value and grade: HR, the employee, and the line unless the scheme hides results from supervisors. */
const readsValue: FieldPolicy<RollupFacts> = (actor, f) => isHR(actor) || asSubject(actor, f.subject) || (asLineSupervisor(actor, f.subject) && f.supervisorResult !== 'never');

/** Fields of the RollupResult GraphQL type, grouped by policy. */
export const ROLLUP_FIELDS = {
  row: ['id', 'employee', 'rollupId', 'periodKey', 'number', 'createdAt'],
  value: ['value', 'grade', 'inputs', 'explanation'],
  hr: ['cycle'],
} as const;

/**
 * Field access of roll-up results (quarterly, half-year, annual results computed from child cycles).
 * Example: rollupAccess.fields.value(supervisorActor, { subject: 'line', supervisorResult: 'never' }) -> false
 */
export const rollupAccess: ResourceAccess<RollupFacts> = {
  typeName: 'RollupResult',
  factClasses: rollupFactClasses,
  fields: {
    ...sameFor(ROLLUP_FIELDS.row, seesRow),
    ...sameFor(ROLLUP_FIELDS.value, readsValue),
    ...sameFor(ROLLUP_FIELDS.hr, (actor) => isHR(actor)),
  },
};
