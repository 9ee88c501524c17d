import { describe, expect, it } from 'vitest';
import { readableOnEveryRow } from './access.js';
import { rollupAccess, rollupRowScope } from './rollup-access.js';

const hr = { userId: 'h', employeeId: 'eh', roles: ['HR' as const] };
const employee = { userId: 'u', employeeId: 'e', roles: ['EMPLOYEE' as const] };
const supervisor = { userId: 's', employeeId: 'es', roles: ['SUPERVISOR' as const, 'EMPLOYEE' as const] };
const committee = { userId: 'c', employeeId: null, roles: ['COMMITTEE' as const] };

describe('roll-up result access', () => {
  it('scopes rows: HR all, people their own and their line, the committee and admins nothing', () => {
    expect(rollupRowScope(hr)).toEqual({ kind: 'all' });
    expect(rollupRowScope(employee)).toEqual({ kind: 'some', employeeId: 'e', own: true, line: false });
    expect(rollupRowScope(supervisor)).toEqual({ kind: 'some', employeeId: 'es', own: true, line: true });
    expect(rollupRowScope(committee)).toEqual({ kind: 'none' });
  });

  it('the employee reads their value; the line per the scheme; only HR the cycle', () => {
    expect(rollupAccess.fields.value?.(employee, { subject: 'self', supervisorResult: 'never' })).toBe(true);
    expect(rollupAccess.fields.value?.(supervisor, { subject: 'line', supervisorResult: 'afterPublication' })).toBe(true);
    expect(rollupAccess.fields.value?.(supervisor, { subject: 'line', supervisorResult: 'never' })).toBe(false);
    expect(rollupAccess.fields.value?.(employee, { subject: 'other', supervisorResult: 'always' })).toBe(false);
    expect(rollupAccess.fields.cycle?.(supervisor, { subject: 'self', supervisorResult: 'always' })).toBe(false);
  });

  it('filters and sorts on the value only where every listed row shows it', () => {
    expect(readableOnEveryRow(rollupAccess, hr, 'value')).toBe(true);
    expect(readableOnEveryRow(rollupAccess, employee, 'value')).toBe(true);
    expect(readableOnEveryRow(rollupAccess, supervisor, 'value')).toBe(false);
    expect(readableOnEveryRow(rollupAccess, supervisor, 'periodKey')).toBe(true);
  });
});
