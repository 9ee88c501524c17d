import { hasRole, type Actor } from './actor.js';

/**
 * Which employee rows an actor may list. The widest grant among the actor's roles wins:
 * HR, ADMIN and COMMITTEE see every row (COMMITTEE only names, departments and positions, enforced per field);
 * a SUPERVISOR sees self plus direct and indirect reports; an EMPLOYEE sees self; nobody else sees anything.
 * Example: employeeRowScope({ userId: 'u', employeeId: 'e', roles: ['EMPLOYEE'] }) -> { kind: 'self', employeeId: 'e' }
 */
export type EmployeeRowScope =
  | { kind: 'all' }
  | { kind: 'reportingLine'; employeeId: string }
  | { kind: 'self'; employeeId: string }
  | { kind: 'none' };

export function employeeRowScope(actor: Actor): EmployeeRowScope {
  if (hasRole(actor, 'HR', 'ADMIN', 'COMMITTEE')) return { kind: 'all' };
  if (actor.employeeId && hasRole(actor, 'SUPERVISOR')) return { kind: 'reportingLine', employeeId: actor.employeeId };
  if (actor.employeeId && hasRole(actor, 'EMPLOYEE')) return { kind: 'self', employeeId: actor.employeeId };
  return { kind: 'none' };
}

/**
 * What the actor knows about its relation to one employee: is it them, and is it in their reporting line.
 * `reportIds` are the actor's direct and indirect reports (empty unless the actor is a SUPERVISOR).
 */
export interface EmployeeRelation {
  targetId: string;
  reportIds: ReadonlySet<string>;
  /** The actor's own supervisors up the line: people know who they report to. */
  supervisorIds?: ReadonlySet<string>;
}

// Reading one's own record is a grant of the EMPLOYEE and SUPERVISOR roles, not of merely having an employee link.
const isSelf = (actor: Actor, rel: EmployeeRelation): boolean =>
  hasRole(actor, 'EMPLOYEE', 'SUPERVISOR') && actor.employeeId !== null && actor.employeeId === rel.targetId;
const isInLine = (actor: Actor, rel: EmployeeRelation): boolean => hasRole(actor, 'SUPERVISOR') && rel.reportIds.has(rel.targetId);
const isOwnSupervisor = (actor: Actor, rel: EmployeeRelation): boolean =>
  hasRole(actor, 'EMPLOYEE', 'SUPERVISOR') && (rel.supervisorIds?.has(rel.targetId) ?? false);

/**
 * Names, department and position: everyone who may see the row at all, and the actor's own supervisors.
 * Example: canReadEmployeeIdentity(committeeActor, { targetId: 'x', reportIds: new Set() }) -> true
 */
export function canReadEmployeeIdentity(actor: Actor, rel: EmployeeRelation): boolean {
  return hasRole(actor, 'HR', 'ADMIN', 'COMMITTEE') || isSelf(actor, rel) || isInLine(actor, rel) || isOwnSupervisor(actor, rel);
}

/**
 * Employment details (contact, dates, status, category, discipline, reporting line): HR and ADMIN, the
 * employee themself, and their supervisors up the line; not the committee.
 * Example: canReadEmployeeDetails(committeeActor, rel) -> false
 */
export function canReadEmployeeDetails(actor: Actor, rel: EmployeeRelation): boolean {
  return hasRole(actor, 'HR', 'ADMIN') || isSelf(actor, rel) || isInLine(actor, rel);
}

/**
 * Performance and floating pay bases: HR and the employee themself, nobody else (not even their supervisor).
 * Example: canReadPayBase(supervisorActor, { targetId: reportId, reportIds }) -> false
 */
export function canReadPayBase(actor: Actor, rel: EmployeeRelation): boolean {
  return hasRole(actor, 'HR') || isSelf(actor, rel);
}

/** Creating, editing and deactivating departments, positions and employees. Example: canManageOrganization(hrActor) -> true */
export function canManageOrganization(actor: Actor): boolean {
  return hasRole(actor, 'HR');
}
