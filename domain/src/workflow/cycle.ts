import { defineWorkflow, type WorkflowContext } from './engine.js';
import { allGuards, missingFact, requireText, requireZero } from './guards.js';

/** States of an appraisal cycle (one run of a scheme over a period). */
export const CYCLE_STATES = ['draft', 'open', 'self_review', 'rating', 'calibration', 'hr_review', 'published', 'closed', 'cancelled'] as const;
/** A cycle state. */
export type CycleState = (typeof CYCLE_STATES)[number];
/** Actions on a cycle (console buttons). */
export const CYCLE_ACTIONS = [
  'open',
  'start_self_review',
  'skip_self_review',
  'start_rating',
  'start_calibration',
  'return_to_rating',
  'start_hr_review',
  'return_to_calibration',
  'publish',
  'close',
  'cancel',
] as const;
/** A cycle action. */
export type CycleAction = (typeof CYCLE_ACTIONS)[number];

/** Facts the cycle guards read; the service fills what it knows, a missing fact denies. */
export interface CycleContext extends WorkflowContext {
  participantCount?: number;
  /** False when the scheme has no self-review section (the cafeteria's has none). */
  selfReviewRequired?: boolean;
  pendingSelfReviews?: number;
  selfReviewDeadlinePassed?: boolean;
  /** Appraisals without a computed result (computed on the last submission, or by closing the rating phase). */
  unscoredAppraisals?: number;
  quotaViolations?: number;
  /** HR publishes despite quota violations: the reason the audit row keeps. */
  quotaOverrideReason?: string;
  openAppeals?: number;
  cancelReason?: string;
}

const HR = ['HR'] as const;
const unscored = requireZero<CycleContext>('unscoredAppraisals', 'cycle_unscored_appraisals', 'appraisals still have no result');

/**
 * The cycle: draft -> open (launched) -> self_review -> rating -> calibration -> (hr_review) -> published -> closed,
 * with cancel before publication (a published result is corrected by appeal, never by cancelling). Publishing
 * needs every appraisal scored and no quota violation, unless HR overrides the violations with a reason.
 * Example: nextState(cycleWorkflow, 'calibration', 'publish', { roles: ['HR'], unscoredAppraisals: 0, quotaViolations: 0 }) -> { ok: true, to: 'published' }
 */
export const cycleWorkflow = defineWorkflow<CycleState, CycleAction, CycleContext>({
  name: 'cycle',
  states: CYCLE_STATES,
  initial: 'draft',
  transitions: [
    {
      from: 'draft',
      action: 'open',
      to: 'open',
      roles: HR,
      guard: (ctx) => {
        if (typeof ctx.participantCount !== 'number') return missingFact('participantCount');
        return ctx.participantCount > 0 ? null : { code: 'cycle_no_participants', message: 'the cycle has no eligible participants' };
      },
    },
    { from: 'open', action: 'start_self_review', to: 'self_review', roles: HR },
    {
      from: 'open',
      action: 'skip_self_review',
      to: 'rating',
      roles: HR,
      guard: (ctx) =>
        ctx.selfReviewRequired === false ? null : { code: 'cycle_self_review_required', message: 'the scheme requires a self-review' },
    },
    {
      from: 'self_review',
      action: 'start_rating',
      to: 'rating',
      roles: HR,
      // Raters may start once every self-review is in, or when the self-review deadline has passed anyway.
      guard: (ctx) =>
        ctx.selfReviewDeadlinePassed === true ? null : requireZero<CycleContext>('pendingSelfReviews', 'cycle_self_reviews_pending', 'self-reviews are still missing')(ctx),
    },
    // Closing the rating phase computes the missing results with the missing-rater policy; what stays unscored blocks.
    { from: 'rating', action: 'start_calibration', to: 'calibration', roles: HR, guard: unscored },
    { from: 'calibration', action: 'return_to_rating', to: 'rating', roles: HR },
    { from: 'calibration', action: 'start_hr_review', to: 'hr_review', roles: HR },
    { from: 'hr_review', action: 'return_to_calibration', to: 'calibration', roles: HR },
    {
      // HR review is optional: a scheme without that phase publishes straight from calibration.
      from: ['calibration', 'hr_review'],
      action: 'publish',
      to: 'published',
      roles: HR,
      guard: allGuards<CycleContext>(unscored, (ctx) =>
        typeof ctx.quotaOverrideReason === 'string' && ctx.quotaOverrideReason.trim() !== ''
          ? null
          : requireZero<CycleContext>('quotaViolations', 'cycle_quota_violations', 'grade quotas are still exceeded')(ctx),
      ),
    },
    { from: 'published', action: 'close', to: 'closed', roles: HR, guard: requireZero<CycleContext>('openAppeals', 'cycle_open_appeals', 'appeals are still open') },
    {
      from: ['draft', 'open', 'self_review', 'rating', 'calibration', 'hr_review'],
      action: 'cancel',
      to: 'cancelled',
      roles: HR,
      guard: requireText<CycleContext>('cancelReason', 'cycle_cancel_reason', 'a cancellation needs a reason'),
    },
  ],
});
