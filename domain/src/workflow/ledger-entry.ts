import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { allGuards, missingFact, requireText, requireTrue, requireZero } from './guards.js';

/**
 * States of a reward-and-punishment ledger entry. There is no deleted and no edited state: an approved entry is
 * corrected by a reversal entry pointing at it (plus a new entry), never changed. Entries generated from published
 * results and awards are written directly as approved (the publication or award decision is their approval).
 */
export const LEDGER_ENTRY_STATES = ['proposed', 'approved', 'paid', 'rejected', 'withdrawn'] as const;
/** A ledger entry state. */
export type LedgerEntryState = (typeof LEDGER_ENTRY_STATES)[number];
/** Actions on a ledger entry. */
export const LEDGER_ENTRY_ACTIONS = ['approve', 'reject', 'withdraw', 'pay'] as const;
/** A ledger entry action. */
export type LedgerEntryAction = (typeof LEDGER_ENTRY_ACTIONS)[number];

/** Facts the ledger guards read. */
export interface LedgerEntryContext extends WorkflowContext {
  /** Issues of validateLedgerEntry now (range, caps, rule retired): 0 to approve. */
  validationIssues?: number;
  actorId?: string;
  /** The account that proposed the entry. */
  proposedBy?: string;
  /** The entry is in a payout batch the approver is approving now. */
  inApprovedBatch?: boolean;
  rejectionReason?: string;
}

const valid = requireZero<LedgerEntryContext>('validationIssues', 'ledger_entry_invalid', 'the entry breaks its rule');

// Four eyes: whoever proposed the entry cannot also approve it.
const notOwnEntry: WorkflowGuard<LedgerEntryContext> = (ctx) => {
  if (!ctx.actorId) return missingFact('actorId');
  if (!ctx.proposedBy) return missingFact('proposedBy');
  return ctx.actorId === ctx.proposedBy ? { code: 'ledger_self_approval', message: 'an entry cannot be approved by the person who proposed it' } : null;
};

const ownProposal: WorkflowGuard<LedgerEntryContext> = (ctx) => {
  if (!ctx.actorId) return missingFact('actorId');
  if (!ctx.proposedBy) return missingFact('proposedBy');
  return ctx.actorId === ctx.proposedBy ? null : { code: 'ledger_not_proposer', message: 'only the proposer may withdraw an entry' };
};

/**
 * A ledger entry: proposed -> approved -> paid, or rejected (with a reason) or withdrawn by its proposer.
 * `pay` happens when the payout batch holding the entry is approved (same transaction).
 * Example: nextState(ledgerEntryWorkflow, 'proposed', 'approve', { roles: ['HR'], actorId: 'hr-2', proposedBy: 'sup-7', validationIssues: 0 }) -> { ok: true, to: 'approved' }
 */
export const ledgerEntryWorkflow = defineWorkflow<LedgerEntryState, LedgerEntryAction, LedgerEntryContext>({
  name: 'ledgerEntry',
  states: LEDGER_ENTRY_STATES,
  initial: 'proposed',
  transitions: [
    { from: 'proposed', action: 'approve', to: 'approved', roles: ['HR'], guard: allGuards(valid, notOwnEntry) },
    { from: 'proposed', action: 'reject', to: 'rejected', roles: ['HR'], guard: requireText<LedgerEntryContext>('rejectionReason', 'ledger_rejection_reason', 'a rejection needs a reason') },
    { from: 'proposed', action: 'withdraw', to: 'withdrawn', roles: ['SUPERVISOR', 'HR'], guard: ownProposal },
    { from: 'approved', action: 'pay', to: 'paid', roles: ['APPROVER'], guard: requireTrue<LedgerEntryContext>('inApprovedBatch', 'ledger_not_in_batch', 'the entry is not in the batch being approved') },
  ],
});
