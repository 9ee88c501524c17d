import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import {
  canManageOrganization,
  canReadEmployeeDetails,
  canReadEmployeeIdentity,
  canReadPayBase,
  employeeRowScope,
} from './employee-access.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const reports = new Set(['report']);
const rel = (targetId: string) => ({ targetId, reportIds: reports });

describe('employee access policies', () => {
  it('denies everything to an account with no role', () => {
    const nobody = actor([]);
    expect(employeeRowScope(nobody)).toEqual({ kind: 'none' });
    expect(canReadEmployeeIdentity(nobody, rel('me'))).toBe(false);
    expect(canReadPayBase(nobody, rel('me'))).toBe(false);
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
    expect(canReadPayBase(employee, rel('me'))).toBe(true);
    expect(canReadPayBase(employee, rel('other'))).toBe(false);
    expect(canReadEmployeeIdentity(employee, rel('other'))).toBe(false);
  });

  it('lets a supervisor read details of reports but never their pay', () => {
    const supervisor = actor(['SUPERVISOR']);
    expect(canReadEmployeeDetails(supervisor, rel('report'))).toBe(true);
    expect(canReadEmployeeDetails(supervisor, rel('stranger'))).toBe(false);
    expect(canReadPayBase(supervisor, rel('report'))).toBe(false);
  });

  it('gives the committee names only, and HR everything', () => {
    const committee = actor(['COMMITTEE'], null);
    expect(canReadEmployeeIdentity(committee, rel('anyone'))).toBe(true);
    expect(canReadEmployeeDetails(committee, rel('anyone'))).toBe(false);
    expect(canReadPayBase(committee, rel('anyone'))).toBe(false);
    const hr = actor(['HR'], null);
    expect(canReadPayBase(hr, rel('anyone'))).toBe(true);
    expect(canManageOrganization(hr)).toBe(true);
  });

  it('shows an employee who their supervisors are, but no details of them', () => {
    const employee = actor(['EMPLOYEE']);
    const withLine = { targetId: 'boss', reportIds: new Set<string>(), supervisorIds: new Set(['boss']) };
    expect(canReadEmployeeIdentity(employee, withLine)).toBe(true);
    expect(canReadEmployeeDetails(employee, withLine)).toBe(false);
    expect(canReadPayBase(employee, withLine)).toBe(false);
    expect(canReadEmployeeIdentity(actor([]), withLine)).toBe(false);
  });

  it('does not widen reports of a non-supervisor that happens to have a reportIds set', () => {
    expect(canReadEmployeeDetails(actor(['EMPLOYEE']), rel('report'))).toBe(false);
  });
});
