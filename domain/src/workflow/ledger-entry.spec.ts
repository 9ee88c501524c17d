import { describe, expect, it } from 'vitest';
import { nextState } from './engine.js';
import { LEDGER_ENTRY_ACTIONS, LEDGER_ENTRY_STATES, ledgerEntryWorkflow, type LedgerEntryContext } from './ledger-entry.js';

const hr: LedgerEntryContext = { roles: ['HR'], actorId: 'hr-1' };
const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);

describe('ledger entry workflow', () => {
  it('declares its states and actions, with no way to edit, delete or un-approve', () => {
    expect(ledgerEntryWorkflow.states).toEqual(LEDGER_ENTRY_STATES);
    expect([...ledgerEntryWorkflow.actions].sort()).toEqual([...LEDGER_ENTRY_ACTIONS].sort());
    expect(ledgerEntryWorkflow.terminal).toEqual(['paid', 'rejected', 'withdrawn']);
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'delete', hr))).toBe('workflow_unknown_action');
    // Leaving approved only towards paid: a correction is a new (reversal) entry.
    expect(ledgerEntryWorkflow.transitions.filter((t) => t.from.includes('approved')).map((t) => t.to)).toEqual(['paid']);
  });

  it('runs proposed -> approved -> paid', () => {
    expect(code(nextState(ledgerEntryWorkflow, 'proposed', 'approve', { ...hr, proposedBy: 'sup-7', validationIssues: 0 }))).toBe('approved');
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'pay', { roles: ['APPROVER'], inApprovedBatch: true }))).toBe('paid');
  });

  it('refuses an entry that breaks its rule now (range, caps, retired rule)', () => {
    expect(code(nextState(ledgerEntryWorkflow, 'proposed', 'approve', { ...hr, proposedBy: 'sup-7', validationIssues: 1 }))).toBe('ledger_entry_invalid');
  });

  it('refuses self-approval, payment outside a batch, reasonless rejection and withdrawal by others', () => {
    expect(code(nextState(ledgerEntryWorkflow, 'proposed', 'approve', { ...hr, proposedBy: 'hr-1', validationIssues: 0 }))).toBe('ledger_self_approval');
    expect(code(nextState(ledgerEntryWorkflow, 'proposed', 'approve', { roles: ['HR'], validationIssues: 0 }))).toBe('workflow_fact_missing');
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'pay', { roles: ['APPROVER'], inApprovedBatch: false }))).toBe('ledger_not_in_batch');
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'pay', { roles: ['HR'], inApprovedBatch: true }))).toBe('workflow_forbidden');
    expect(code(nextState(ledgerEntryWorkflow, 'proposed', 'reject', hr))).toBe('ledger_rejection_reason');
    expect(code(nextState(ledgerEntryWorkflow, 'proposed', 'reject', { ...hr, rejectionReason: 'no evidence' }))).toBe('rejected');
    expect(code(nextState(ledgerEntryWorkflow, 'proposed', 'withdraw', { roles: ['SUPERVISOR'], actorId: 'sup-8', proposedBy: 'sup-7' }))).toBe('ledger_not_proposer');
    expect(code(nextState(ledgerEntryWorkflow, 'proposed', 'withdraw', { roles: ['SUPERVISOR'], actorId: 'sup-7', proposedBy: 'sup-7' }))).toBe('withdrawn');
    expect(code(nextState(ledgerEntryWorkflow, 'rejected', 'approve', { ...hr, proposedBy: 'x', validationIssues: 0 }))).toBe('workflow_illegal_transition');
  });
});
