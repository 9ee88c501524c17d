import type { IsoDate } from '../calendar/dates.js';
import { defineWorkflow, type WorkflowGuard } from './engine.js';
import { allGuards, onOrBefore, requireText, requireTrue, workingDayDeadline, type DeadlineFacts } from './guards.js';
import type { WorkflowContext } from './engine.js';

/** States of one employee's appraisal in one cycle. */
export const APPRAISAL_STATES = ['pending', 'self_review', 'rating', 'calibrated', 'published', 'acknowledged', 'refused', 'lapsed', 'appealed', 'excluded'] as const;
/** An appraisal state. */
export type AppraisalState = (typeof APPRAISAL_STATES)[number];
/** Actions on an appraisal. */
export const APPRAISAL_ACTIONS = [
  'start_self_review',
  'skip_self_review',
  'submit_self_review',
  'calibrate',
  'return_to_rating',
  'publish',
  'acknowledge',
  'refuse_acknowledgement',
  'lapse',
  'appeal',
  'resolve_appeal',
  'exclude',
  'include',
] as const;
/** An appraisal action. */
export type AppraisalAction = (typeof APPRAISAL_ACTIONS)[number];

/** Facts the appraisal guards read. */
export interface AppraisalContext extends WorkflowContext, DeadlineFacts {
  /** The actor is the appraised employee. */
  isSubject?: boolean;
  eligible?: boolean;
  selfReviewRequired?: boolean;
  /** A result is computed (on the last submission, or by closing the rating phase with the missing-rater policy). */
  hasResult?: boolean;
  exclusionReason?: string;
  publishedOn?: IsoDate;
  /** How many working days after publication an appeal may be filed (set by the scheme). */
  appealWindowWorkingDays?: number;
  /** checkActionWindow allowed the acknowledgement today (inside the window or an HR reopening). */
  acknowledgementWindowOpen?: boolean;
  /** The acknowledgement window has passed without an answer (the reminder job records it). */
  acknowledgementWindowPassed?: boolean;
  /** Why the employee refuses to acknowledge; kept for the appeal that may follow. */
  refusalReason?: string;
}

const HR = ['HR'] as const;
const EMPLOYEE = ['EMPLOYEE'] as const;
const isSubject = requireTrue<AppraisalContext>('isSubject', 'appraisal_not_subject', 'only the appraised employee may do this');
const ackOpen = requireTrue<AppraisalContext>('acknowledgementWindowOpen', 'appraisal_acknowledgement_closed', 'the acknowledgement window is closed');

const withinAppealWindow: WorkflowGuard<AppraisalContext> = (ctx) => {
  const d = workingDayDeadline(ctx, ctx.publishedOn, ctx.appealWindowWorkingDays, { from: 'publishedOn', days: 'appealWindowWorkingDays' });
  if ('code' in d) return d;
  return onOrBefore(d.today, d.due)
    ? null
    : { code: 'appraisal_appeal_window_closed', message: `the appeal window closed on ${d.due}`, params: { due: d.due, today: d.today } };
};

/**
 * One appraisal: pending -> self_review -> rating -> calibrated -> published -> acknowledged inside the
 * acknowledgement window, or refused (with a reason, the hook for an appeal) or lapsed when the window passes
 * unanswered; an appeal (inside its working-day window) returns to published once resolved; people out of
 * scope are excluded before publication.
 * Example: nextState(appraisalWorkflow, 'published', 'acknowledge', { roles: ['EMPLOYEE'], isSubject: true, acknowledgementWindowOpen: true }) -> { ok: true, to: 'acknowledged' }
 */
export const appraisalWorkflow = defineWorkflow<AppraisalState, AppraisalAction, AppraisalContext>({
  name: 'appraisal',
  states: APPRAISAL_STATES,
  initial: 'pending',
  transitions: [
    { from: 'pending', action: 'start_self_review', to: 'self_review', roles: HR, guard: requireTrue<AppraisalContext>('eligible', 'appraisal_not_eligible', 'the employee is not eligible for this scheme') },
    {
      from: 'pending',
      action: 'skip_self_review',
      to: 'rating',
      roles: HR,
      guard: allGuards<AppraisalContext>(
        requireTrue<AppraisalContext>('eligible', 'appraisal_not_eligible', 'the employee is not eligible for this scheme'),
        (ctx) => (ctx.selfReviewRequired === false ? null : { code: 'appraisal_self_review_required', message: 'the scheme requires a self-review' }),
      ),
    },
    { from: 'self_review', action: 'submit_self_review', to: 'rating', roles: EMPLOYEE, guard: isSubject },
    { from: 'rating', action: 'calibrate', to: 'calibrated', roles: HR, guard: requireTrue<AppraisalContext>('hasResult', 'appraisal_no_result', 'the appraisal has no result yet') },
    { from: 'calibrated', action: 'return_to_rating', to: 'rating', roles: HR },
    { from: 'calibrated', action: 'publish', to: 'published', roles: HR },
    // Someone who refused may still acknowledge while the window is open (after talking it through).
    { from: ['published', 'refused'], action: 'acknowledge', to: 'acknowledged', roles: EMPLOYEE, guard: allGuards(isSubject, ackOpen) },
    {
      from: 'published',
      action: 'refuse_acknowledgement',
      to: 'refused',
      roles: EMPLOYEE,
      guard: allGuards(isSubject, ackOpen, requireText<AppraisalContext>('refusalReason', 'appraisal_refusal_reason', 'refusing to acknowledge needs a reason')),
    },
    // Run by the scheduled job (no role): an unanswered result is recorded as lapsed, never as acknowledged.
    {
      from: 'published',
      action: 'lapse',
      to: 'lapsed',
      guard: requireTrue<AppraisalContext>('acknowledgementWindowPassed', 'appraisal_acknowledgement_open', 'the acknowledgement window is still open'),
    },
    { from: ['published', 'refused', 'lapsed'], action: 'appeal', to: 'appealed', roles: EMPLOYEE, guard: allGuards(isSubject, withinAppealWindow) },
    // The appeal's outcome (upheld with a corrected score, or rejected) is published again for acknowledgement.
    { from: 'appealed', action: 'resolve_appeal', to: 'published', roles: HR },
    {
      from: ['pending', 'self_review', 'rating', 'calibrated'],
      action: 'exclude',
      to: 'excluded',
      roles: HR,
      guard: requireText<AppraisalContext>('exclusionReason', 'appraisal_exclusion_reason', 'an exclusion needs a reason'),
    },
    { from: 'excluded', action: 'include', to: 'pending', roles: HR, guard: requireTrue<AppraisalContext>('eligible', 'appraisal_not_eligible', 'the employee is not eligible for this scheme') },
  ],
});
