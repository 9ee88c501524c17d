import { describe, expect, it } from 'vitest';
import { availableActions, nextState } from './engine.js';
import { PROBATION_REVIEW_ACTIONS, PROBATION_REVIEW_STATES, probationReviewWorkflow, type ProbationReviewContext } from './probation-review.js';
import { RATING_ACTIONS, RATING_STATES, ratingWorkflow, type RatingContext } from './rating.js';

const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);
const rater: RatingContext = { roles: ['SUPERVISOR'], isRater: true, windowOpen: true, validationIssues: 0, beforePublication: true };
const hr: RatingContext = { roles: ['HR'], beforePublication: true };

describe('rating workflow', () => {
  it('declares its states and actions', () => {
    expect(ratingWorkflow.states).toEqual(RATING_STATES);
    expect([...ratingWorkflow.actions].sort()).toEqual([...RATING_ACTIONS].sort());
    expect(ratingWorkflow.terminal).toEqual(['reassigned']);
  });

  it('saves drafts and submits, then locks: only HR returns it, with a reason, before publication', () => {
    expect(code(nextState(ratingWorkflow, 'pending', 'save', rater))).toBe('draft');
    expect(code(nextState(ratingWorkflow, 'draft', 'save', rater))).toBe('draft');
    expect(code(nextState(ratingWorkflow, 'draft', 'submit', rater))).toBe('submitted');
    expect(code(nextState(ratingWorkflow, 'submitted', 'save', rater))).toBe('workflow_illegal_transition');
    expect(code(nextState(ratingWorkflow, 'submitted', 'return', { ...rater, returnReason: 'x' }))).toBe('workflow_forbidden');
    expect(code(nextState(ratingWorkflow, 'submitted', 'return', hr))).toBe('rating_return_reason');
    expect(code(nextState(ratingWorkflow, 'submitted', 'return', { ...hr, beforePublication: false, returnReason: 'x' }))).toBe('rating_after_publication');
    expect(code(nextState(ratingWorkflow, 'submitted', 'return', { ...hr, returnReason: 'item 3 scored on the wrong nurse' }))).toBe('returned');
    expect(code(nextState(ratingWorkflow, 'returned', 'save', rater))).toBe('returned');
    expect(code(nextState(ratingWorkflow, 'returned', 'submit', rater))).toBe('submitted');
  });

  it('lets only the rater act, only in the window, and submit only a valid form', () => {
    expect(code(nextState(ratingWorkflow, 'draft', 'save', { ...rater, isRater: false }))).toBe('rating_not_rater');
    expect(code(nextState(ratingWorkflow, 'draft', 'save', { ...rater, windowOpen: false }))).toBe('rating_window_closed');
    expect(code(nextState(ratingWorkflow, 'draft', 'submit', { ...rater, validationIssues: 2 }))).toBe('rating_invalid');
    expect(code(nextState(ratingWorkflow, 'draft', 'submit', { roles: ['EMPLOYEE'], isRater: true, windowOpen: true }))).toBe('workflow_fact_missing');
  });

  it('lets HR reassign an unsubmitted rating with a reason; a submitted one is returned first', () => {
    expect(code(nextState(ratingWorkflow, 'draft', 'reassign', { ...hr, reassignReason: 'rater on leave' }))).toBe('reassigned');
    expect(code(nextState(ratingWorkflow, 'submitted', 'reassign', { ...hr, reassignReason: 'x' }))).toBe('workflow_illegal_transition');
    expect(availableActions(ratingWorkflow, 'draft', rater)).toEqual(['save', 'submit']);
  });
});

describe('probation review workflow', () => {
  const hrp: ProbationReviewContext = { roles: ['HR'], decisionIssues: 0 };
  it('declares its states and actions', () => {
    expect(probationReviewWorkflow.states).toEqual(PROBATION_REVIEW_STATES);
    expect([...probationReviewWorkflow.actions].sort()).toEqual([...PROBATION_REVIEW_ACTIONS].sort());
    expect(probationReviewWorkflow.terminal).toEqual(['confirmed', 'extended', 'terminated', 'cancelled']);
  });

  it('runs scheduled -> rating -> awaiting_decision -> confirmed / extended / terminated', () => {
    expect(code(nextState(probationReviewWorkflow, 'scheduled', 'start', hrp))).toBe('rating');
    expect(code(nextState(probationReviewWorkflow, 'rating', 'result_ready', { hasResult: false }))).toBe('probation_no_result');
    expect(code(nextState(probationReviewWorkflow, 'rating', 'result_ready', { hasResult: true }))).toBe('awaiting_decision');
    expect(code(nextState(probationReviewWorkflow, 'awaiting_decision', 'confirm', hrp))).toBe('confirmed');
    expect(code(nextState(probationReviewWorkflow, 'awaiting_decision', 'extend', hrp))).toBe('probation_reason_required');
    expect(code(nextState(probationReviewWorkflow, 'awaiting_decision', 'extend', { ...hrp, reason: 'x', decisionIssues: 1 }))).toBe('probation_decision_invalid');
    expect(code(nextState(probationReviewWorkflow, 'awaiting_decision', 'extend', { ...hrp, reason: 'needs the welding certificate' }))).toBe('extended');
    expect(code(nextState(probationReviewWorkflow, 'rating', 'terminate', { ...hrp, reason: 'falsified records' }))).toBe('terminated');
    expect(code(nextState(probationReviewWorkflow, 'awaiting_decision', 'confirm', { roles: ['SUPERVISOR'], decisionIssues: 0 }))).toBe('workflow_forbidden');
    expect(code(nextState(probationReviewWorkflow, 'rating', 'cancel', { ...hrp, cancelReason: 'left on their own' }))).toBe('cancelled');
  });
});
