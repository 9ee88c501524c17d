import { describe, expect, it } from 'vitest';
import { readableOnEveryRow } from './access.js';
import { canEnterAdjustments } from './appraisal-access.js';
import { canEnterMeasuredInputs, measuredInputAccess, measuredInputRowScope } from './measured-input-access.js';

const hr = { userId: 'h', employeeId: 'eh', roles: ['HR' as const] };
const employee = { userId: 'u', employeeId: 'e', roles: ['EMPLOYEE' as const] };
const supervisor = { userId: 's', employeeId: 'es', roles: ['SUPERVISOR' as const, 'EMPLOYEE' as const] };
const committee = { userId: 'c', employeeId: null, roles: ['COMMITTEE' as const] };

describe('measured input access', () => {
  it('scopes rows: HR all, supervisors their line, everyone else nothing', () => {
    expect(measuredInputRowScope(hr)).toEqual({ kind: 'all' });
    expect(measuredInputRowScope(supervisor)).toEqual({ kind: 'line', employeeId: 'es' });
    expect(measuredInputRowScope(employee)).toEqual({ kind: 'none' });
    expect(measuredInputRowScope(committee)).toEqual({ kind: 'none' });
  });

  it('HR and the line read the values; nobody else; filters follow', () => {
    expect(measuredInputAccess.fields.values?.(hr, { subject: 'other' })).toBe(true);
    expect(measuredInputAccess.fields.values?.(supervisor, { subject: 'line' })).toBe(true);
    expect(measuredInputAccess.fields.values?.(supervisor, { subject: 'other' })).toBe(false);
    expect(measuredInputAccess.fields.values?.(employee, { subject: 'self' })).toBe(false);
    expect(readableOnEveryRow(measuredInputAccess, supervisor, 'kind')).toBe(true);
    expect(readableOnEveryRow(measuredInputAccess, employee, 'kind')).toBe(true); // no rows at all
  });

  it('entering: measured inputs HR or the line; adjustments the line only when the scheme allows it', () => {
    expect(canEnterMeasuredInputs(supervisor, 'line')).toBe(true);
    expect(canEnterMeasuredInputs(supervisor, 'other')).toBe(false);
    expect(canEnterMeasuredInputs(employee, 'self')).toBe(false);
    expect(canEnterAdjustments(hr, 'other', false)).toBe(true);
    expect(canEnterAdjustments(supervisor, 'line', false)).toBe(false);
    expect(canEnterAdjustments(supervisor, 'line', true)).toBe(true);
    expect(canEnterAdjustments(supervisor, 'other', true)).toBe(false);
  });
});
