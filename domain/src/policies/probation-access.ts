import { hasRole, type Actor } from './actor.js';
import { sameFor, type FieldPolicy, type ResourceAccess } from './access.js';
import { asLineSupervisor, asSubject, factCombinations, type SubjectRelation } from './facts.js';

/** What one probation review row tells about its relation to the actor. */
export interface ProbationFacts {
  subject: SubjectRelation;
  /** HR has confirmed, extended or terminated. */
  decided: boolean;
}

/**
 * Which probation reviews an actor may list: HR all; a supervisor their own and their line's; an employee their own.
 * Example: probationRowScope({ userId: 'u', employeeId: 'e', roles: ['SUPERVISOR'] }) -> { kind: 'reportingLine', employeeId: 'e' }
 */
export type ProbationRowScope = { kind: 'all' } | { kind: 'reportingLine'; employeeId: string } | { kind: 'self'; employeeId: string } | { kind: 'none' };

export function probationRowScope(actor: Actor): ProbationRowScope {
  if (hasRole(actor, 'HR')) return { kind: 'all' };
  if (actor.employeeId && hasRole(actor, 'SUPERVISOR')) return { kind: 'reportingLine', employeeId: actor.employeeId };
  if (actor.employeeId && hasRole(actor, 'EMPLOYEE')) return { kind: 'self', employeeId: actor.employeeId };
  return { kind: 'none' };
}

function probationFactClasses(actor: Actor): ProbationFacts[] {
  const scope = probationRowScope(actor);
  const subjects: SubjectRelation[] = scope.kind === 'all' ? ['self', 'line', 'other'] : scope.kind === 'reportingLine' ? ['self', 'line'] : scope.kind === 'self' ? ['self'] : [];
  return factCombinations<ProbationFacts>({ subject: subjects, decided: [true, false] });
}

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
const hrOrLine: FieldPolicy<ProbationFacts> = (actor, f) => isHR(actor) || asLineSupervisor(actor, f.subject);
const involved: FieldPolicy<ProbationFacts> = (actor, f) => hrOrLine(actor, f) || asSubject(actor, f.subject);
/** The decision reaches the employee once it is made. */
const decision: FieldPolicy<ProbationFacts> = (actor, f) => hrOrLine(actor, f) || (asSubject(actor, f.subject) && f.decided);

/** Fields of the ProbationReview GraphQL type, grouped by policy. */
export const PROBATION_FIELDS = {
  involved: ['id', 'employee', 'probationStart', 'probationEndDate', 'state', 'appraisal', 'dueInDays', 'version', 'createdAt', 'updatedAt'],
  decision: ['outcome', 'newEndDate', 'effectiveOn', 'decisionReason', 'decidedAt'],
  hrOrLine: ['recommendation', 'recommendedOutcome'],
} as const;

/**
 * Field access of the ProbationReview type: the person sees their review and, once made, the decision; the
 * supervisor's recommendation stays between the line and HR.
 * Example: probationAccess.fields.recommendation(employeeActor, { subject: 'self', decided: true }) -> false
 */
export const probationAccess: ResourceAccess<ProbationFacts> = {
  typeName: 'ProbationReview',
  factClasses: probationFactClasses,
  fields: {
    ...sameFor(PROBATION_FIELDS.involved, involved),
    ...sameFor(PROBATION_FIELDS.decision, decision),
    ...sameFor(PROBATION_FIELDS.hrOrLine, hrOrLine),
  },
};

/** Confirming, extending or terminating a probation. Example: canDecideProbation(supervisorActor) -> false */
export function canDecideProbation(actor: Actor): boolean {
  return isHR(actor);
}

/** Recommending an outcome for someone in the line. Example: canRecommendProbation(supervisorActor, 'line') -> true */
export function canRecommendProbation(actor: Actor, subject: SubjectRelation): boolean {
  return isHR(actor) || asLineSupervisor(actor, subject);
}
