import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { canManageSchemes, canReadScheme, canReadSchemeDraft, schemeAppliesTo, schemeRowScope, type ActorPlacement, type SchemeVisibilityFacts } from './scheme-access.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const nurse: ActorPlacement = { departmentLineage: ['ward', 'nursing', 'hospital', 'group'], positionId: 'nurse' };
const nowhere: ActorPlacement = { departmentLineage: [], positionId: null };
const scheme = (overrides: Partial<SchemeVisibilityFacts> = {}): SchemeVisibilityFacts => ({ published: true, departmentIds: [], positionIds: [], ...overrides });

describe('scheme access policies', () => {
  it('denies everything to an account without a role, and drafts to everyone but HR', () => {
    expect(schemeRowScope(actor([]))).toEqual({ kind: 'none' });
    expect(canReadScheme(actor([]), scheme(), nurse)).toBe(false);
    expect(canReadScheme(actor(['ADMIN']), scheme(), nurse)).toBe(false);
    for (const roles of [['EMPLOYEE'], ['SUPERVISOR'], ['COMMITTEE'], ['ADMIN']] as const) expect(canReadSchemeDraft(actor(roles))).toBe(false);
    expect(canReadSchemeDraft(actor(['HR']))).toBe(true);
    expect(canManageSchemes(actor(['SUPERVISOR', 'COMMITTEE']))).toBe(false);
    expect(canManageSchemes(actor(['HR']))).toBe(true);
  });

  it('never shows an unpublished scheme to anyone but HR', () => {
    const draftOnly = scheme({ published: false });
    expect(canReadScheme(actor(['EMPLOYEE']), draftOnly, nurse)).toBe(false);
    expect(canReadScheme(actor(['COMMITTEE'], null), draftOnly, nowhere)).toBe(false);
    expect(canReadScheme(actor(['HR'], null), draftOnly, nowhere)).toBe(true);
  });

  it('lets the committee read every published scheme, applicable or not', () => {
    expect(schemeRowScope(actor(['COMMITTEE'], null))).toEqual({ kind: 'published' });
    expect(canReadScheme(actor(['COMMITTEE'], null), scheme({ departmentIds: ['workshop'] }), nowhere)).toBe(true);
  });

  it('shows employees and supervisors the published schemes that apply to them', () => {
    const employee = actor(['EMPLOYEE']);
    expect(schemeRowScope(employee)).toEqual({ kind: 'applicable' });
    expect(canReadScheme(employee, scheme(), nurse)).toBe(true); // applies to everyone
    expect(canReadScheme(employee, scheme({ departmentIds: ['nursing'] }), nurse)).toBe(true); // an ancestor department
    expect(canReadScheme(employee, scheme({ departmentIds: ['ward'] }), nurse)).toBe(true); // their own department
    expect(canReadScheme(employee, scheme({ positionIds: ['nurse'] }), nurse)).toBe(true);
    expect(canReadScheme(employee, scheme({ departmentIds: ['workshop'] }), nurse)).toBe(false);
    expect(canReadScheme(employee, scheme({ positionIds: ['welder'] }), nurse)).toBe(false);
    expect(canReadScheme(actor(['SUPERVISOR']), scheme({ departmentIds: ['workshop'], positionIds: ['nurse'] }), nurse)).toBe(true);
  });

  it('gives an employee role without an employee record nothing to apply to', () => {
    expect(schemeRowScope(actor(['EMPLOYEE'], null))).toEqual({ kind: 'none' });
    expect(canReadScheme(actor(['EMPLOYEE'], null), scheme(), nowhere)).toBe(false);
  });

  it('does not treat a sub-department as covering its parent', () => {
    expect(schemeAppliesTo(scheme({ departmentIds: ['ward'] }), { departmentLineage: ['nursing', 'hospital'], positionId: null })).toBe(false);
    expect(schemeAppliesTo(scheme({ positionIds: ['nurse'] }), nowhere)).toBe(false);
  });
});
