import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { allGuards, missingFact, requireText, requireTrue } from './guards.js';

/** States of a payout batch ("special project application" for payroll). Approved batches are frozen. */
export const PAYOUT_BATCH_STATES = ['draft', 'submitted', 'approved', 'cancelled'] as const;
/** A payout batch state. */
export type PayoutBatchState = (typeof PAYOUT_BATCH_STATES)[number];
/** Actions on a payout batch. */
export const PAYOUT_BATCH_ACTIONS = ['submit', 'return', 'approve', 'cancel'] as const;
/** A payout batch action. */
export type PayoutBatchAction = (typeof PAYOUT_BATCH_ACTIONS)[number];

/** Facts the batch guards read. */
export interface PayoutBatchContext extends WorkflowContext {
  actorId?: string;
  /** The account that prepared (built and submitted) the batch. */
  preparedBy?: string;
  entryCount?: number;
  /** The totals stored at submission equal the totals recomputed now (nothing changed underneath). */
  totalsMatch?: boolean;
  reason?: string;
}

// The two-person rule: whoever prepared a batch never approves it, whatever roles they hold.
const notPreparer: WorkflowGuard<PayoutBatchContext> = (ctx) => {
  if (!ctx.actorId) return missingFact('actorId');
  if (!ctx.preparedBy) return missingFact('preparedBy');
  return ctx.actorId === ctx.preparedBy ? { code: 'batch_two_person_rule', message: 'the preparer of a batch cannot approve it' } : null;
};

const hasEntries: WorkflowGuard<PayoutBatchContext> = (ctx) => {
  if (typeof ctx.entryCount !== 'number') return missingFact('entryCount');
  return ctx.entryCount > 0 ? null : { code: 'batch_empty', message: 'the batch holds no entry' };
};

/**
 * A payout batch: HR builds a draft and submits it; an APPROVER other than the preparer approves it (the entries
 * become paid and the batch is frozen) or returns it with a reason; HR may cancel a draft.
 * Example: nextState(payoutBatchWorkflow, 'submitted', 'approve', { roles: ['APPROVER'], actorId: 'fin-1', preparedBy: 'hr-1', totalsMatch: true }) -> { ok: true, to: 'approved' }
 */
export const payoutBatchWorkflow = defineWorkflow<PayoutBatchState, PayoutBatchAction, PayoutBatchContext>({
  name: 'payoutBatch',
  states: PAYOUT_BATCH_STATES,
  initial: 'draft',
  transitions: [
    { from: 'draft', action: 'submit', to: 'submitted', roles: ['HR'], guard: hasEntries },
    { from: 'submitted', action: 'return', to: 'draft', roles: ['APPROVER', 'HR'], guard: requireText<PayoutBatchContext>('reason', 'batch_return_reason', 'returning a batch needs a reason') },
    {
      from: 'submitted',
      action: 'approve',
      to: 'approved',
      roles: ['APPROVER'],
      guard: allGuards(notPreparer, requireTrue<PayoutBatchContext>('totalsMatch', 'batch_totals_changed', 'the batch changed since it was submitted')),
    },
    { from: 'draft', action: 'cancel', to: 'cancelled', roles: ['HR'], guard: requireText<PayoutBatchContext>('reason', 'batch_cancel_reason', 'cancelling a batch needs a reason') },
  ],
});
