import { hasRole, type Actor } from './actor.js';
import { sameFor, type FieldPolicy, type ResourceAccess } from './access.js';
import { asLineSupervisor, factCombinations, type SubjectRelation } from './facts.js';

/**
 * What one measured input row (survey figures, an occurrence, a work ticket, a pay fact) tells about its relation
 * to the actor, computed in SQL: the measured person's relation (self, in the actor's line, other).
 */
export interface MeasuredInputFacts {
  subject: SubjectRelation;
}

/**
 * Which measured inputs an actor may list: HR all; a supervisor those of their line (they enter and check them);
 * the measured person does not see the raw data before publication (it is part of the result), others none.
 * Example: measuredInputRowScope({ userId: 's', employeeId: 'es', roles: ['SUPERVISOR'] }) -> { kind: 'line', employeeId: 'es' }
 */
export type MeasuredInputRowScope = { kind: 'all' } | { kind: 'line'; employeeId: string } | { kind: 'none' };

export function measuredInputRowScope(actor: Actor): MeasuredInputRowScope {
  if (hasRole(actor, 'HR')) return { kind: 'all' };
  if (actor.employeeId !== null && hasRole(actor, 'SUPERVISOR')) return { kind: 'line', employeeId: actor.employeeId };
  return { kind: 'none' };
}

function factClasses(actor: Actor): MeasuredInputFacts[] {
  const scope = measuredInputRowScope(actor);
  if (scope.kind === 'none') return [];
  const all = factCombinations<MeasuredInputFacts>({ subject: ['self', 'line', 'other'] });
  return scope.kind === 'all' ? all : all.filter((f) => f.subject === 'line');
}

const hrOrLine: FieldPolicy<MeasuredInputFacts> = (actor, f) => hasRole(actor, 'HR') || asLineSupervisor(actor, f.subject);

/** Fields of the MeasuredInput GraphQL type (every field named). */
export const MEASURED_INPUT_FIELDS = [
  'id',
  'cycle',
  'employee',
  'kind',
  'item',
  'values',
  'rule',
  'date',
  'count',
  'ticket',
  'hours',
  'level',
  'note',
  'importBatchId',
  'version',
  'createdAt',
  'updatedAt',
] as const;

/**
 * Field access of measured inputs: HR and the supervisors of the measured person's line read every field.
 * Example: measuredInputAccess.fields.values(supervisorActor, { subject: 'other' }) -> false
 */
export const measuredInputAccess: ResourceAccess<MeasuredInputFacts> = {
  typeName: 'MeasuredInput',
  factClasses,
  fields: sameFor(MEASURED_INPUT_FIELDS, hrOrLine),
};

/** Who enters a person's measured inputs: HR, or a supervisor of their line. Example: canEnterMeasuredInputs(hrActor, 'other') -> true */
export function canEnterMeasuredInputs(actor: Actor, subject: SubjectRelation): boolean {
  return hasRole(actor, 'HR') || asLineSupervisor(actor, subject);
}
