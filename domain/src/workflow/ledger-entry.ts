import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { allGuards, missingFact, requireText, requireTrue } from './guards.js';

/** States of a reward-and-punishment ledger entry. There is no deleted state: entries are only ever reversed. */
export const LEDGER_ENTRY_STATES = ['draft', 'submitted', 'approved', 'paid', 'rejected', 'reversed'] as const;
/** A ledger entry state. */
export type LedgerEntryState = (typeof LEDGER_ENTRY_STATES)[number];
/** Actions on a ledger entry. */
export const LEDGER_ENTRY_ACTIONS = ['submit', 'approve', 'reject', 'revise', 'pay', 'reverse'] as const;
/** A ledger entry action. */
export type LedgerEntryAction = (typeof LEDGER_ENTRY_ACTIONS)[number];

/** Facts the ledger guards read. */
export interface LedgerEntryContext extends WorkflowContext {
  /** The entry's points / money / work hours lie within its LedgerRule's range (e.g. "plus 20-50 points"). */
  valueWithinRuleRange?: boolean;
  actorId?: string;
  submittedBy?: string;
  inPayoutBatch?: boolean;
  rejectionReason?: string;
  reversalReason?: string;
}

const inRange = requireTrue<LedgerEntryContext>('valueWithinRuleRange', 'ledger_value_out_of_range', "the value is outside the rule's range");

// Four eyes: whoever recorded the entry cannot also approve it.
const notOwnEntry: WorkflowGuard<LedgerEntryContext> = (ctx) => {
  if (!ctx.actorId) return missingFact('actorId');
  if (!ctx.submittedBy) return missingFact('submittedBy');
  return ctx.actorId === ctx.submittedBy ? { code: 'ledger_self_approval', message: 'an entry cannot be approved by the person who submitted it' } : null;
};

/**
 * A ledger entry: draft -> submitted -> approved -> paid, or rejected (and revised back to draft);
 * approved or paid entries are corrected by reversal, which keeps the entry and its history.
 * Example: nextState(ledgerEntryWorkflow, 'paid', 'reverse', { roles: ['HR'], reversalReason: 'wrong employee' }) -> { ok: true, to: 'reversed' }
 */
export const ledgerEntryWorkflow = defineWorkflow<LedgerEntryState, LedgerEntryAction, LedgerEntryContext>({
  name: 'ledgerEntry',
  states: LEDGER_ENTRY_STATES,
  initial: 'draft',
  transitions: [
    { from: 'draft', action: 'submit', to: 'submitted', roles: ['SUPERVISOR', 'HR'], guard: inRange },
    { from: 'submitted', action: 'approve', to: 'approved', roles: ['HR'], guard: allGuards(inRange, notOwnEntry) },
    { from: 'submitted', action: 'reject', to: 'rejected', roles: ['HR'], guard: requireText<LedgerEntryContext>('rejectionReason', 'ledger_rejection_reason', 'a rejection needs a reason') },
    { from: 'rejected', action: 'revise', to: 'draft', roles: ['SUPERVISOR', 'HR'] },
    { from: 'approved', action: 'pay', to: 'paid', roles: ['HR'], guard: requireTrue<LedgerEntryContext>('inPayoutBatch', 'ledger_not_in_batch', 'the entry is not in a submitted payout batch') },
    { from: ['approved', 'paid'], action: 'reverse', to: 'reversed', roles: ['HR'], guard: requireText<LedgerEntryContext>('reversalReason', 'ledger_reversal_reason', 'a reversal needs a reason') },
  ],
});
