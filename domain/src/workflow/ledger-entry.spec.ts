import { describe, expect, it } from 'vitest';
import { nextState } from './engine.js';
import { LEDGER_ENTRY_ACTIONS, LEDGER_ENTRY_STATES, ledgerEntryWorkflow, type LedgerEntryContext } from './ledger-entry.js';

const hr: LedgerEntryContext = { roles: ['HR'], actorId: 'hr-1' };
const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);

describe('ledger entry workflow', () => {
  it('declares its states and actions, with no way to delete', () => {
    expect(ledgerEntryWorkflow.states).toEqual(LEDGER_ENTRY_STATES);
    expect([...ledgerEntryWorkflow.actions].sort()).toEqual([...LEDGER_ENTRY_ACTIONS].sort());
    expect(ledgerEntryWorkflow.actions).not.toContain('delete');
    expect(ledgerEntryWorkflow.terminal).toEqual(['reversed']);
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'delete', hr))).toBe('workflow_unknown_action');
  });

  it('runs draft -> submitted -> approved -> paid -> reversed', () => {
    expect(code(nextState(ledgerEntryWorkflow, 'draft', 'submit', { roles: ['SUPERVISOR'], valueWithinRuleRange: true }))).toBe('submitted');
    expect(code(nextState(ledgerEntryWorkflow, 'submitted', 'approve', { ...hr, submittedBy: 'sup-7', valueWithinRuleRange: true }))).toBe('approved');
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'pay', { ...hr, inPayoutBatch: true }))).toBe('paid');
    expect(code(nextState(ledgerEntryWorkflow, 'paid', 'reverse', { ...hr, reversalReason: 'recorded for the wrong employee' }))).toBe('reversed');
  });

  it('keeps values within the rule range (hotel: "plus 20-50 points")', () => {
    expect(code(nextState(ledgerEntryWorkflow, 'draft', 'submit', { roles: ['SUPERVISOR'], valueWithinRuleRange: false }))).toBe('ledger_value_out_of_range');
    expect(code(nextState(ledgerEntryWorkflow, 'submitted', 'approve', { ...hr, submittedBy: 'sup-7', valueWithinRuleRange: false }))).toBe('ledger_value_out_of_range');
  });

  it('refuses self-approval, payment outside a batch, and reasonless rejection or reversal', () => {
    expect(code(nextState(ledgerEntryWorkflow, 'submitted', 'approve', { ...hr, submittedBy: 'hr-1', valueWithinRuleRange: true }))).toBe('ledger_self_approval');
    expect(code(nextState(ledgerEntryWorkflow, 'submitted', 'approve', { roles: ['HR'], valueWithinRuleRange: true }))).toBe('workflow_fact_missing');
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'pay', { ...hr, inPayoutBatch: false }))).toBe('ledger_not_in_batch');
    expect(code(nextState(ledgerEntryWorkflow, 'submitted', 'reject', hr))).toBe('ledger_rejection_reason');
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'reverse', hr))).toBe('ledger_reversal_reason');
    expect(code(nextState(ledgerEntryWorkflow, 'draft', 'approve', { ...hr, submittedBy: 'x', valueWithinRuleRange: true }))).toBe('workflow_illegal_transition');
    expect(code(nextState(ledgerEntryWorkflow, 'reversed', 'reverse', { ...hr, reversalReason: 'again' }))).toBe('workflow_illegal_transition');
    expect(code(nextState(ledgerEntryWorkflow, 'approved', 'pay', { roles: ['SUPERVISOR'], inPayoutBatch: true }))).toBe('workflow_forbidden');
  });

  it('lets a rejected entry be revised back to draft', () => {
    expect(code(nextState(ledgerEntryWorkflow, 'submitted', 'reject', { ...hr, rejectionReason: 'no evidence' }))).toBe('rejected');
    expect(code(nextState(ledgerEntryWorkflow, 'rejected', 'revise', { roles: ['SUPERVISOR'] }))).toBe('draft');
  });
});
