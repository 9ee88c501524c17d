import { defineWorkflow, type WorkflowContext } from './engine.js';
import { allGuards, requireText, requireTrue, requireZero } from './guards.js';

/**
 * States of one rating (one rater's form for one section of one appraisal). `pending` is the slot created at
 * launch; `reassigned` keeps the history when HR gives the slot to someone else (a new rating is created).
 */
export const RATING_STATES = ['pending', 'draft', 'submitted', 'returned', 'reassigned'] as const;
/** A rating state. */
export type RatingState = (typeof RATING_STATES)[number];
/** Actions on a rating. */
export const RATING_ACTIONS = ['save', 'submit', 'return', 'reassign'] as const;
/** A rating action. */
export type RatingAction = (typeof RATING_ACTIONS)[number];

/** Facts the rating guards read. */
export interface RatingContext extends WorkflowContext {
  /** The actor holds this rating's slot. */
  isRater?: boolean;
  /** checkActionWindow allowed the action today (the service reports its typed issue first; this is the backstop). */
  windowOpen?: boolean;
  /** Issues validateRating found in submit mode. */
  validationIssues?: number;
  /** The cycle has not published yet: after publication a rating changes only through an appeal. */
  beforePublication?: boolean;
  returnReason?: string;
  reassignReason?: string;
}

const HR = ['HR'] as const;
const rater = requireTrue<RatingContext>('isRater', 'rating_not_rater', 'only the assigned rater may fill this rating');
const open = requireTrue<RatingContext>('windowOpen', 'rating_window_closed', 'the rating window is closed');
const unpublished = requireTrue<RatingContext>('beforePublication', 'rating_after_publication', 'the results are published; a correction goes through an appeal');

/**
 * A rating: pending -> draft (saved any number of times) -> submitted, which locks it; HR may return a
 * submitted rating to its rater (returned, editable again) or reassign an unsubmitted one. Only the rater saves
 * and submits, only inside the window; submitting needs a complete, valid form.
 * Example: nextState(ratingWorkflow, 'draft', 'submit', { roles: ['SUPERVISOR'], isRater: true, windowOpen: true, validationIssues: 0 }) -> { ok: true, to: 'submitted' }
 */
export const ratingWorkflow = defineWorkflow<RatingState, RatingAction, RatingContext>({
  name: 'rating',
  states: RATING_STATES,
  initial: 'pending',
  transitions: [
    { from: ['pending', 'draft'], action: 'save', to: 'draft', guard: allGuards(rater, open) },
    // A returned rating stays marked as returned while its rater edits it, so HR sees it is back with them.
    { from: 'returned', action: 'save', to: 'returned', guard: allGuards(rater, open) },
    {
      from: ['pending', 'draft', 'returned'],
      action: 'submit',
      to: 'submitted',
      guard: allGuards(rater, open, requireZero<RatingContext>('validationIssues', 'rating_invalid', 'the form has errors or empty items')),
    },
    {
      from: 'submitted',
      action: 'return',
      to: 'returned',
      roles: HR,
      guard: allGuards(unpublished, requireText<RatingContext>('returnReason', 'rating_return_reason', 'returning a rating needs a reason')),
    },
    {
      from: ['pending', 'draft', 'returned'],
      action: 'reassign',
      to: 'reassigned',
      roles: HR,
      guard: allGuards(unpublished, requireText<RatingContext>('reassignReason', 'rating_reassign_reason', 'reassigning a rating needs a reason')),
    },
  ],
});
