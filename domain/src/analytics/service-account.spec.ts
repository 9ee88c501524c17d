import { describe, expect, it } from 'vitest';
import type { ResourceAccess } from '../policies/access.js';
import type { Actor } from '../policies/actor.js';
import { readableOnEveryRow } from '../policies/access.js';
import { appraisalAccess, DEFAULT_VISIBILITY, type AppraisalFacts } from '../policies/appraisal-access.js';
import { employeeAccess } from '../policies/employee-access.js';
import { appealAccess } from '../policies/appeal-access.js';
import { ledgerEntryAccess } from '../policies/ledger-access.js';
import { canManageServiceAccounts, canSeePayAggregate, payAggregateAccess, serviceAccountAccess, suppressSmallPayGroups } from '../policies/analytics-access.js';
import {
  admitRequest,
  checkServiceAccount,
  compileServiceGrant,
  DEFAULT_SERVICE_LIMITS,
  formatServiceToken,
  freshBuckets,
  hashServiceSecret,
  isServiceActor,
  parseServiceToken,
  serviceActor,
  serviceTokenStatus,
  withServiceScope,
} from './service-account.js';

const accesses = [appraisalAccess, employeeAccess, appealAccess, ledgerEntryAccess] as unknown as ResourceAccess<unknown>[];
const now = '2026-05-01T00:00:00Z';
const account = { id: '6f1c2a4e-0000-4000-8000-000000000001', name: 'BI dashboard', scopes: { Appraisal: { fields: ['id', 'cycle', 'employee', 'total', 'grade'] as string[] }, Employee: { fields: 'all' as const } }, expiresAt: '2026-12-31T00:00:00Z', limits: DEFAULT_SERVICE_LIMITS };
const published: AppraisalFacts = { subject: 'other', actorIsRater: false, published: true, ...DEFAULT_VISIBILITY };

describe('service account scopes', () => {
  it('are validated: known types and fields, never appeal contents, pay only when granted, expiry within a year', () => {
    expect(checkServiceAccount(account, accesses, now)).toEqual([]);
    const bad = checkServiceAccount(
      { ...account, scopes: { Appraisal: { fields: ['pay', 'raterComments', 'nope'] }, Appeal: { fields: ['grounds'] }, Ghost: { fields: 'all' } }, expiresAt: '2028-01-01T00:00:00Z', limits: { ...DEFAULT_SERVICE_LIMITS, maxQueryCost: 10_000_000 } },
      accesses,
      now,
    );
    expect(bad.map((i) => i.code)).toEqual(['service_scope_pay_not_granted', 'service_scope_forbidden', 'service_scope_unknown_field', 'service_scope_forbidden', 'service_scope_unknown_type', 'service_expiry_invalid', 'service_limits_invalid']);
    expect(checkServiceAccount({ ...account, scopes: { Appraisal: { fields: ['pay'], pay: true } } }, accesses, now)).toEqual([]);
  });

  it('compose with the field policies: granted fields on rows an HR-level reader may read; pay only with the grant', () => {
    const actor = serviceActor(compileServiceGrant(account, accesses));
    const scoped = withServiceScope(appraisalAccess);
    expect(isServiceActor(actor)).toBe(true);
    expect(scoped.fields.grade?.(actor, published)).toBe(true);
    expect(scoped.fields.pay?.(actor, published)).toBe(false);
    expect(scoped.fields.explanation?.(actor, published)).toBe(false);
    const employee = withServiceScope(employeeAccess);
    expect(employee.fields.hireDate?.(actor, { self: false, inLine: false, ownSupervisor: false })).toBe(true);
    expect(employee.fields.performancePayBase?.(actor, { self: false, inLine: false, ownSupervisor: false })).toBe(false);
    expect(employee.fields.email?.(actor, { self: false, inLine: false, ownSupervisor: false })).toBe(false);
    const withPay = serviceActor(compileServiceGrant({ ...account, scopes: { Appraisal: { fields: 'all', pay: true } } }, accesses));
    expect(scoped.fields.pay?.(withPay, published)).toBe(true);
    expect(scoped.fields.raterComments?.(withPay, published)).toBe(false);
    // Drafts stay private to their rater for services too (the HR-level reader never sees them).
    expect(withServiceScope(appealAccess).fields.grounds?.(withPay, { appellant: false, assigned: false, statementAsked: false })).toBe(false);
    // People are unaffected; a bare SERVICE role without a grant reads nothing.
    const hr: Actor = { userId: 'u', employeeId: 'hr', roles: ['HR'] };
    expect(scoped.fields.pay?.(hr, published)).toBe(true);
    expect(scoped.fields.grade?.({ userId: 's', employeeId: null, roles: ['SERVICE'] }, published)).toBe(false);
    // List arguments: a service filters on granted fields only.
    expect(readableOnEveryRow(scoped, actor, 'grade')).toBe(true);
    expect(readableOnEveryRow(scoped, actor, 'pay')).toBe(false);
    expect(withServiceScope(ledgerEntryAccess).factClasses(actor)).toEqual([]);
  });

  it('accounts are ADMIN business; the owner reads what the tool may do', () => {
    const admin: Actor = { userId: 'a', employeeId: null, roles: ['ADMIN'] };
    const owner: Actor = { userId: 'o', employeeId: 'o', roles: ['EMPLOYEE'] };
    expect(canManageServiceAccounts(admin)).toBe(true);
    expect(canManageServiceAccounts({ ...owner, roles: ['HR'] })).toBe(false);
    expect(serviceAccountAccess.fields.scopes?.(owner, { ownerIsActor: true })).toBe(true);
    expect(serviceAccountAccess.fields.createdBy?.(owner, { ownerIsActor: true })).toBe(false);
    expect(serviceAccountAccess.fields.scopes?.(owner, { ownerIsActor: false })).toBe(false);
  });

  it('tokens: shown once, parsed, hashed; expired and revoked tokens are refused', () => {
    const secret = 'kq3hZ0b1n9W8v7u6t5s4r3q2p1o0nmlkjihgfedcbaZ';
    const token = formatServiceToken(account.id, secret);
    expect(parseServiceToken(token)).toEqual({ accountId: account.id, secret });
    expect(parseServiceToken('Bearer nonsense')).toBeNull();
    expect(hashServiceSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashServiceSecret(secret)).not.toBe(hashServiceSecret(`${secret}x`));
    expect(serviceTokenStatus({ expiresAt: account.expiresAt, revokedAt: null }, now)).toBe('active');
    expect(serviceTokenStatus({ expiresAt: account.expiresAt, revokedAt: null }, '2027-01-01T00:00:00Z')).toBe('expired');
    expect(serviceTokenStatus({ expiresAt: account.expiresAt, revokedAt: '2026-02-01T00:00:00Z' }, now)).toBe('revoked');
  });

  it('rate limit and cost budget per token', () => {
    const limits = { ...DEFAULT_SERVICE_LIMITS, requestsPerMinute: 60, burst: 2, costPerMinute: 1000, maxQueryCost: 600 };
    let state = freshBuckets(limits, 0);
    const a = admitRequest(state, limits, 0, 500);
    expect(a.allowed).toBe(true);
    state = a.state;
    const b = admitRequest(state, limits, 0, 500);
    expect(b.allowed).toBe(true);
    state = b.state;
    expect(admitRequest(state, limits, 0, 10)).toMatchObject({ allowed: false, reason: 'rate', retryAfterMs: 1000 });
    expect(admitRequest(state, limits, 1000, 100)).toMatchObject({ allowed: false, reason: 'cost' });
    expect(admitRequest(state, limits, 6000, 100).allowed).toBe(true);
    expect(admitRequest(state, limits, 60_000, 601)).toMatchObject({ allowed: false, reason: 'tooExpensive' });
  });
});

describe('the small-group rule for pay aggregates', () => {
  const supervisor: Actor = { userId: 'u', employeeId: 'b', roles: ['SUPERVISOR', 'EMPLOYEE'] };
  const hr: Actor = { userId: 'h', employeeId: 'h', roles: ['HR'] };

  it('nobody below HR sees pay of fewer than 5 people; a lone small group takes the smallest other with it', () => {
    expect(canSeePayAggregate(supervisor, 4)).toBe(false);
    expect(canSeePayAggregate(supervisor, 5)).toBe(true);
    expect(canSeePayAggregate(hr, 1)).toBe(true);
    const rows = [
      { departmentId: 'a', people: 12, pay: '12000.00' },
      { departmentId: 'b', people: 3, pay: '3100.00' },
      { departmentId: 'c', people: 6, pay: '6100.00' },
    ];
    const out = suppressSmallPayGroups(rows, supervisor, { size: (r) => r.people, payFields: ['pay'] });
    expect(out.map((r) => [r.departmentId, r.pay, r.suppressed?.reason ?? null])).toEqual([
      ['a', '12000.00', null],
      ['b', null, 'smallGroup'],
      ['c', null, 'complementary'],
    ]);
    expect(suppressSmallPayGroups(rows, hr, { size: (r) => r.people, payFields: ['pay'] }).every((r) => r.suppressed === null)).toBe(true);
    expect(payAggregateAccess.fields.pay?.(supervisor, { groupSize: 3, suppressed: false })).toBe(false);
    expect(payAggregateAccess.fields.pay?.(supervisor, { groupSize: 3, suppressed: true })).toBe(true);
    expect(readableOnEveryRow(payAggregateAccess, supervisor, 'pay')).toBe(false);
    expect(readableOnEveryRow(payAggregateAccess, hr, 'pay')).toBe(true);
    expect(payAggregateAccess.factClasses({ userId: 'e', employeeId: 'e', roles: ['EMPLOYEE'] })).toEqual([]);
  });
});
