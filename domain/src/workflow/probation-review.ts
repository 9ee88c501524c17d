import { defineWorkflow, type WorkflowContext } from './engine.js';
import { allGuards, requireText, requireTrue, requireZero } from './guards.js';

/** States of a probation review (one person's probation appraisal and HR's decision). */
export const PROBATION_REVIEW_STATES = ['scheduled', 'rating', 'awaiting_decision', 'confirmed', 'extended', 'terminated', 'cancelled'] as const;
/** A probation review state. */
export type ProbationReviewState = (typeof PROBATION_REVIEW_STATES)[number];
/** Actions on a probation review. */
export const PROBATION_REVIEW_ACTIONS = ['start', 'result_ready', 'confirm', 'extend', 'terminate', 'cancel'] as const;
/** A probation review action. */
export type ProbationReviewAction = (typeof PROBATION_REVIEW_ACTIONS)[number];

/** Facts the probation review guards read. */
export interface ProbationReviewContext extends WorkflowContext {
  /** The probation appraisal has a computed result. */
  hasResult?: boolean;
  /** Issues decideProbation found for the chosen outcome (later end date, termination within probation, ...). */
  decisionIssues?: number;
  reason?: string;
  cancelReason?: string;
}

const HR = ['HR'] as const;
const valid = requireZero<ProbationReviewContext>('decisionIssues', 'probation_decision_invalid', 'the decision has problems');
const withReason = requireText<ProbationReviewContext>('reason', 'probation_reason_required', 'extending or terminating a probation needs a reason');

/**
 * A probation review: scheduled (due within N days) -> rating (the probation appraisal runs like any other) ->
 * awaiting_decision (result computed) -> confirmed / extended / terminated by HR. Extending ends this review; the
 * new end date makes the person due again, which schedules a new review.
 * Example: nextState(probationReviewWorkflow, 'awaiting_decision', 'extend', { roles: ['HR'], decisionIssues: 0, reason: 'needs the welding certificate' }) -> { ok: true, to: 'extended' }
 */
export const probationReviewWorkflow = defineWorkflow<ProbationReviewState, ProbationReviewAction, ProbationReviewContext>({
  name: 'probationReview',
  states: PROBATION_REVIEW_STATES,
  initial: 'scheduled',
  transitions: [
    { from: 'scheduled', action: 'start', to: 'rating', roles: HR },
    { from: 'rating', action: 'result_ready', to: 'awaiting_decision', guard: requireTrue<ProbationReviewContext>('hasResult', 'probation_no_result', 'the probation appraisal has no result yet') },
    { from: 'awaiting_decision', action: 'confirm', to: 'confirmed', roles: HR, guard: valid },
    { from: 'awaiting_decision', action: 'extend', to: 'extended', roles: HR, guard: allGuards(withReason, valid) },
    // Termination may not wait for the appraisal (a serious breach during probation), so it is open from every live state.
    { from: ['scheduled', 'rating', 'awaiting_decision'], action: 'terminate', to: 'terminated', roles: HR, guard: allGuards(withReason, valid) },
    {
      from: ['scheduled', 'rating'],
      action: 'cancel',
      to: 'cancelled',
      roles: HR,
      guard: requireText<ProbationReviewContext>('cancelReason', 'probation_cancel_reason', 'cancelling a probation review needs a reason'),
    },
  ],
});
