import { NO_FACTS, type NoFacts, sameFor, type ResourceAccess } from './access.js';
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
 * What one employee row is to the actor, computed by the API for a whole page in SQL:
 * the actor themself, someone in the actor's reporting line (direct or indirect report), or one of the
 * actor's own supervisors up the line. At most one is true (the supervisor tree has no cycles).
 */
export interface EmployeeRowFacts {
  self: boolean;
  inLine: boolean;
  ownSupervisor: boolean;
}

// Reading one's own record is a grant of the EMPLOYEE and SUPERVISOR roles, not of merely having an employee link.
const isSelf = (actor: Actor, f: EmployeeRowFacts): boolean => f.self && actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR');
const isInLine = (actor: Actor, f: EmployeeRowFacts): boolean => f.inLine && hasRole(actor, 'SUPERVISOR');
const isOwnSupervisor = (actor: Actor, f: EmployeeRowFacts): boolean => f.ownSupervisor && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR');

/**
 * Names, department and position: everyone who may see the row at all, and the actor's own supervisors.
 * Example: canReadEmployeeIdentity(committeeActor, { self: false, inLine: false, ownSupervisor: false }) -> true
 */
export function canReadEmployeeIdentity(actor: Actor, f: EmployeeRowFacts): boolean {
  return hasRole(actor, 'HR', 'ADMIN', 'COMMITTEE') || isSelf(actor, f) || isInLine(actor, f) || isOwnSupervisor(actor, f);
}

/**
 * Employment details (contact, dates, status, category, discipline, reporting line): HR and ADMIN, the
 * employee themself, and their supervisors up the line; not the committee.
 * Example: canReadEmployeeDetails(committeeActor, { self: false, inLine: false, ownSupervisor: false }) -> false
 */
export function canReadEmployeeDetails(actor: Actor, f: EmployeeRowFacts): boolean {
  return hasRole(actor, 'HR', 'ADMIN') || isSelf(actor, f) || isInLine(actor, f);
}

/**
 * Performance and floating pay bases: HR and the employee themself, nobody else (not even their supervisor).
 * Example: canReadPayBase(supervisorActor, { self: false, inLine: true, ownSupervisor: false }) -> false
 */
export function canReadPayBase(actor: Actor, f: EmployeeRowFacts): boolean {
  return hasRole(actor, 'HR') || isSelf(actor, f);
}

/** Creating, editing and deactivating departments, positions and employees. Example: canManageOrganization(hrActor) -> true */
export function canManageOrganization(actor: Actor): boolean {
  return hasRole(actor, 'HR');
}

const SELF: EmployeeRowFacts = { self: true, inLine: false, ownSupervisor: false };
const IN_LINE: EmployeeRowFacts = { self: false, inLine: true, ownSupervisor: false };
const OWN_SUPERVISOR: EmployeeRowFacts = { self: false, inLine: false, ownSupervisor: true };
const OTHER: EmployeeRowFacts = { self: false, inLine: false, ownSupervisor: false };

/** Every kind of employee row the actor's list scope can contain. Example: employeeFactClasses(employeeActor) -> [SELF] */
export function employeeFactClasses(actor: Actor): EmployeeRowFacts[] {
  const scope = employeeRowScope(actor);
  switch (scope.kind) {
    case 'none':
      return [];
    case 'self':
      return [SELF];
    case 'reportingLine':
      return [SELF, IN_LINE];
    case 'all': {
      const classes = [OTHER];
      if (actor.employeeId) classes.push(SELF, OWN_SUPERVISOR);
      if (actor.employeeId && hasRole(actor, 'SUPERVISOR')) classes.push(IN_LINE);
      return classes;
    }
  }
}

/** Field access to `Employee`: identity, employment details and pay bases, per the policies above. */
export const employeeAccess: ResourceAccess<EmployeeRowFacts> = {
  typeName: 'Employee',
  factClasses: employeeFactClasses,
  fields: {
    ...sameFor(['id', 'name', 'department', 'position', 'active'], canReadEmployeeIdentity),
    ...sameFor(
      [
        'employeeNumber',
        'email',
        'supervisor',
        'directReports',
        'reportingLine',
        'hireDate',
        'probationEndDate',
        'employmentStatus',
        'category',
        'disciplinaryFlag',
        'disciplinaryReference',
        'version',
        'createdAt',
        'updatedAt',
      ],
      canReadEmployeeDetails,
    ),
    ...sameFor(['performancePayBase', 'floatingPayBase'], canReadPayBase),
  },
};

/** Anyone signed in: departments and positions are not secret inside the group. */
const anySignedIn = (): boolean => true;

/** Field access to `Department`: reference data every signed-in person may read. */
export const departmentAccess: ResourceAccess<NoFacts> = {
  typeName: 'Department',
  factClasses: () => [NO_FACTS],
  fields: sameFor(['id', 'code', 'name', 'nameZh', 'parent', 'children', 'employeeCount', 'active', 'version', 'createdAt', 'updatedAt'], anySignedIn),
};

/** Field access to `Position`: reference data every signed-in person may read. */
export const positionAccess: ResourceAccess<NoFacts> = {
  typeName: 'Position',
  factClasses: () => [NO_FACTS],
  fields: sameFor(['id', 'code', 'name', 'nameZh', 'department', 'level', 'active', 'version', 'createdAt', 'updatedAt'], anySignedIn),
};

/** What an account row is to the actor: their own account or someone else's. */
export interface AccountFacts {
  self: boolean;
}

const ownAccountOrAdmin = (actor: Actor, f: AccountFacts): boolean => f.self || hasRole(actor, 'HR', 'ADMIN');

/** Field access to `User` (sign-in accounts): the account holder, HR and ADMIN. */
export const userAccess: ResourceAccess<AccountFacts> = {
  typeName: 'User',
  factClasses: (actor) => (hasRole(actor, 'HR', 'ADMIN') ? [{ self: true }, { self: false }] : [{ self: true }]),
  fields: sameFor(['id', 'email', 'displayName', 'roles', 'employee', 'locale', 'version', 'createdAt', 'updatedAt'], ownAccountOrAdmin),
};
