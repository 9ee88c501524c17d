import { describe, expect, it } from 'vitest';
import { readableOnEveryRow } from './access.js';
import type { Actor } from './actor.js';
import {
  canManageOrganization,
  canReadEmployeeDetails,
  canReadEmployeeIdentity,
  canReadPayBase,
  employeeAccess,
  employeeFactClasses,
  employeeRowScope,
  type EmployeeRowFacts,
} from './employee-access.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const self: EmployeeRowFacts = { self: true, inLine: false, ownSupervisor: false };
const report: EmployeeRowFacts = { self: false, inLine: true, ownSupervisor: false };
const boss: EmployeeRowFacts = { self: false, inLine: false, ownSupervisor: true };
const other: EmployeeRowFacts = { self: false, inLine: false, ownSupervisor: false };

describe('employee access policies', () => {
  it('denies everything to an account with no role', () => {
    const nobody = actor([]);
    expect(employeeRowScope(nobody)).toEqual({ kind: 'none' });
    expect(employeeFactClasses(nobody)).toEqual([]);
    expect(canReadEmployeeIdentity(nobody, self)).toBe(false);
    expect(canReadPayBase(nobody, self)).toBe(false);
    expect(canManageOrganization(nobody)).toBe(false);
  });

  it('scopes rows by the widest role', () => {
    expect(employeeRowScope(actor(['EMPLOYEE']))).toEqual({ kind: 'self', employeeId: 'me' });
    expect(employeeRowScope(actor(['EMPLOYEE', 'SUPERVISOR']))).toEqual({ kind: 'reportingLine', employeeId: 'me' });
    expect(employeeRowScope(actor(['COMMITTEE']))).toEqual({ kind: 'all' });
    expect(employeeRowScope(actor(['EMPLOYEE'], null))).toEqual({ kind: 'none' });
  });

  it('lets an employee read their own pay but not a colleague', () => {
    const employee = actor(['EMPLOYEE']);
    expect(canReadPayBase(employee, self)).toBe(true);
    expect(canReadPayBase(employee, other)).toBe(false);
    expect(canReadEmployeeIdentity(employee, other)).toBe(false);
  });

  it('lets a supervisor read details of reports but never their pay', () => {
    const supervisor = actor(['SUPERVISOR']);
    expect(canReadEmployeeDetails(supervisor, report)).toBe(true);
    expect(canReadEmployeeDetails(supervisor, other)).toBe(false);
    expect(canReadPayBase(supervisor, report)).toBe(false);
  });

  it('gives the committee names only, and HR everything', () => {
    const committee = actor(['COMMITTEE'], null);
    expect(canReadEmployeeIdentity(committee, other)).toBe(true);
    expect(canReadEmployeeDetails(committee, other)).toBe(false);
    expect(canReadPayBase(committee, other)).toBe(false);
    const hr = actor(['HR'], null);
    expect(canReadPayBase(hr, other)).toBe(true);
    expect(canManageOrganization(hr)).toBe(true);
  });

  it('shows an employee who their supervisors are, but no details of them', () => {
    const employee = actor(['EMPLOYEE']);
    expect(canReadEmployeeIdentity(employee, boss)).toBe(true);
    expect(canReadEmployeeDetails(employee, boss)).toBe(false);
    expect(canReadPayBase(employee, boss)).toBe(false);
    expect(canReadEmployeeIdentity(actor([]), boss)).toBe(false);
  });

  it('does not widen reports of a non-supervisor whose row happens to say inLine', () => {
    expect(canReadEmployeeDetails(actor(['EMPLOYEE']), report)).toBe(false);
  });

  it('allows filtering and sorting on a field only where it is readable on every row in scope', () => {
    const readable = (roles: Actor['roles'], field: string, employeeId: string | null = 'me') =>
      readableOnEveryRow(employeeAccess, actor(roles, employeeId), field);
    expect(readable(['COMMITTEE'], 'name', null)).toBe(true);
    expect(readable(['COMMITTEE'], 'hireDate', null)).toBe(false);
    expect(readable(['COMMITTEE'], 'employmentStatus', null)).toBe(false);
    expect(readable(['SUPERVISOR'], 'hireDate')).toBe(true);
    expect(readable(['SUPERVISOR'], 'performancePayBase')).toBe(false);
    expect(readable(['EMPLOYEE'], 'performancePayBase')).toBe(true);
    expect(readable(['ADMIN'], 'email', null)).toBe(true);
    expect(readable(['ADMIN'], 'floatingPayBase', null)).toBe(false);
    expect(readable(['HR'], 'floatingPayBase', null)).toBe(true);
    // A committee member who is also an employee still sees every row, so details stay unfilterable.
    expect(readable(['COMMITTEE', 'EMPLOYEE'], 'email')).toBe(false);
    expect(readable(['EMPLOYEE'], 'unknownField')).toBe(false);
  });
});
