import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { NO_FACTS, readableOnEveryRow } from './access.js';
import {
  canApproveBatch,
  canProposeLedgerEntry,
  LEDGER_ENTRY_FIELDS,
  ledgerEntryAccess,
  ledgerEntryRowScope,
  ledgerRuleAccess,
  payoutBatchAccess,
  payoutBatchRowScope,
  type LedgerEntryFacts,
} from './ledger-access.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const hr = actor(['HR', 'EMPLOYEE'], 'hr');
const employee = actor(['EMPLOYEE']);
const supervisor = actor(['EMPLOYEE', 'SUPERVISOR'], 'boss');
const committee = actor(['COMMITTEE'], null);
const approver = actor(['APPROVER'], null);
const facts = (over: Partial<LedgerEntryFacts> = {}): LedgerEntryFacts => ({ subject: 'self', proposedByActor: false, payFromAppraisal: false, supervisorPay: false, inSubmittedBatch: false, ...over });
const readable = (a: Actor, f: LedgerEntryFacts) => Object.keys(ledgerEntryAccess.fields).filter((k) => ledgerEntryAccess.fields[k]?.(a, f));

describe('ledger entries', () => {
  it('scopes rows: HR all, people their own, supervisors their line and proposals, the approver batches, the committee none', () => {
    expect(ledgerEntryRowScope(hr)).toEqual({ kind: 'all' });
    expect(ledgerEntryRowScope(employee)).toEqual({ kind: 'some', employeeId: 'me', own: true, line: false, proposed: false, batches: false });
    expect(ledgerEntryRowScope(supervisor)).toMatchObject({ line: true, proposed: true });
    expect(ledgerEntryRowScope(approver)).toEqual({ kind: 'some', employeeId: null, own: false, line: false, proposed: false, batches: true });
    expect(ledgerEntryRowScope(committee)).toEqual({ kind: 'none' });
    expect(ledgerEntryAccess.factClasses(committee)).toEqual([]);
  });

  it('employees read their own entries with amounts, evidence and who approved them', () => {
    expect(readable(employee, facts())).toEqual(Object.keys(ledgerEntryAccess.fields));
    expect(readable(employee, facts({ subject: 'other' }))).toEqual([]);
  });

  it('supervisors read their line; appraisal pay only where the scheme shows them pay', () => {
    expect(ledgerEntryAccess.fields.amount?.(supervisor, facts({ subject: 'line' }))).toBe(true);
    expect(ledgerEntryAccess.fields.amount?.(supervisor, facts({ subject: 'line', payFromAppraisal: true }))).toBe(false);
    expect(ledgerEntryAccess.fields.amount?.(supervisor, facts({ subject: 'line', payFromAppraisal: true, supervisorPay: true }))).toBe(true);
    expect(ledgerEntryAccess.fields.evidence?.(supervisor, facts({ subject: 'other', proposedByActor: true }))).toBe(true);
    expect(canProposeLedgerEntry(supervisor, 'line')).toBe(true);
    expect(canProposeLedgerEntry(supervisor, 'other')).toBe(false);
    expect(canProposeLedgerEntry(employee, 'self')).toBe(false);
  });

  it('the approver reads amounts of entries in batches before them, never evidence; the committee never reads amounts', () => {
    const r = readable(approver, facts({ subject: 'other', inSubmittedBatch: true }));
    expect(r).toContain('money');
    expect(r).not.toContain('evidence');
    for (const f of ledgerEntryAccess.factClasses(hr)) for (const field of LEDGER_ENTRY_FIELDS.amount) expect(ledgerEntryAccess.fields[field]?.(committee, f)).toBe(false);
  });

  it('filters: an employee may filter by amount (only own rows), a supervisor may not (appraisal pay of the line is hidden)', () => {
    expect(readableOnEveryRow(ledgerEntryAccess, employee, 'amount')).toBe(true);
    expect(readableOnEveryRow(ledgerEntryAccess, supervisor, 'amount')).toBe(false);
    expect(readableOnEveryRow(ledgerEntryAccess, supervisor, 'status')).toBe(true);
    expect(readableOnEveryRow(ledgerEntryAccess, hr, 'money')).toBe(true);
  });
});

describe('rules and batches', () => {
  it('the catalog is readable by every signed-in person', () => {
    expect(ledgerRuleAccess.fields.amount?.(employee, NO_FACTS)).toBe(true);
    expect(ledgerRuleAccess.fields.amount?.(actor([], null), NO_FACTS)).toBe(false);
  });

  it('batches: HR all, the approver those before them, nobody else; the preparer never approves', () => {
    expect(payoutBatchRowScope(hr)).toEqual({ kind: 'all' });
    expect(payoutBatchRowScope(approver)).toEqual({ kind: 'submittedOrApproved' });
    expect(payoutBatchRowScope(supervisor)).toEqual({ kind: 'none' });
    expect(payoutBatchAccess.fields.total?.(approver, { beforeApprover: false, preparedByActor: false })).toBe(false);
    expect(payoutBatchAccess.fields.lines?.(approver, { beforeApprover: true, preparedByActor: false })).toBe(true);
    expect(payoutBatchAccess.fields.total?.(committee, { beforeApprover: true, preparedByActor: false })).toBe(false);
    expect(canApproveBatch(actor(['HR', 'APPROVER'], 'hr'), { beforeApprover: true, preparedByActor: true })).toBe(false);
    expect(canApproveBatch(approver, { beforeApprover: true, preparedByActor: false })).toBe(true);
    expect(readableOnEveryRow(payoutBatchAccess, approver, 'total')).toBe(true);
  });
});
