import { describe, expect, it } from 'vitest';
import { availableActions, nextState } from './engine.js';
import { CYCLE_ACTIONS, CYCLE_STATES, cycleWorkflow, type CycleContext } from './cycle.js';

const hr: CycleContext = { roles: ['HR'] };
const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);

describe('cycle workflow', () => {
  it('declares its states and actions', () => {
    expect(cycleWorkflow.states).toEqual(CYCLE_STATES);
    expect([...cycleWorkflow.actions].sort()).toEqual([...CYCLE_ACTIONS].sort());
    expect(cycleWorkflow.initial).toBe('draft');
    expect(cycleWorkflow.terminal).toEqual(['closed', 'cancelled']);
    expect(cycleWorkflow.states).toContain('hr_review');
  });

  it('runs the happy path draft -> closed', () => {
    const steps: [string, string, CycleContext][] = [
      ['draft', 'open', { ...hr, participantCount: 42 }],
      ['open', 'start_self_review', hr],
      ['self_review', 'start_rating', { ...hr, pendingSelfReviews: 0 }],
      ['rating', 'start_calibration', { ...hr, unscoredAppraisals: 0 }],
      ['calibration', 'start_hr_review', hr],
      ['hr_review', 'publish', { ...hr, unscoredAppraisals: 0, quotaViolations: 0 }],
      ['published', 'close', { ...hr, openAppeals: 0 }],
    ];
    let state = 'draft';
    for (const [from, action, ctx] of steps) {
      expect(state).toBe(from);
      const r = nextState(cycleWorkflow, state, action, ctx);
      expect(r.ok).toBe(true);
      if (r.ok) state = r.to;
    }
    expect(state).toBe('closed');
  });

  it('guards each phase', () => {
    expect(code(nextState(cycleWorkflow, 'draft', 'open', { ...hr, participantCount: 0 }))).toBe('cycle_no_participants');
    expect(code(nextState(cycleWorkflow, 'draft', 'open', hr))).toBe('workflow_fact_missing');
    expect(code(nextState(cycleWorkflow, 'self_review', 'start_rating', { ...hr, pendingSelfReviews: 3 }))).toBe('cycle_self_reviews_pending');
    // Past the self-review deadline raters may start even with self-reviews missing.
    expect(code(nextState(cycleWorkflow, 'self_review', 'start_rating', { ...hr, pendingSelfReviews: 3, selfReviewDeadlinePassed: true }))).toBe('rating');
    expect(code(nextState(cycleWorkflow, 'rating', 'start_calibration', { ...hr, unscoredAppraisals: 5 }))).toBe('cycle_unscored_appraisals');
    expect(code(nextState(cycleWorkflow, 'calibration', 'publish', { ...hr, unscoredAppraisals: 0, quotaViolations: 2 }))).toBe('cycle_quota_violations');
    expect(code(nextState(cycleWorkflow, 'calibration', 'publish', { ...hr, unscoredAppraisals: 0, quotaViolations: 2, quotaOverrideReason: ' ' }))).toBe('cycle_quota_violations');
    expect(code(nextState(cycleWorkflow, 'calibration', 'publish', { ...hr, unscoredAppraisals: 0, quotaViolations: 2, quotaOverrideReason: 'approved by the committee' }))).toBe('published');
    expect(code(nextState(cycleWorkflow, 'calibration', 'publish', { ...hr, unscoredAppraisals: 1, quotaViolations: 0 }))).toBe('cycle_unscored_appraisals');
    expect(code(nextState(cycleWorkflow, 'hr_review', 'return_to_calibration', hr))).toBe('calibration');
    expect(code(nextState(cycleWorkflow, 'published', 'close', { ...hr, openAppeals: 1 }))).toBe('cycle_open_appeals');
    expect(code(nextState(cycleWorkflow, 'open', 'skip_self_review', { ...hr, selfReviewRequired: true }))).toBe('cycle_self_review_required');
    expect(code(nextState(cycleWorkflow, 'open', 'skip_self_review', { ...hr, selfReviewRequired: false }))).toBe('rating');
    expect(code(nextState(cycleWorkflow, 'calibration', 'return_to_rating', hr))).toBe('rating');
  });

  it('cancels only before publication and only with a reason, by HR', () => {
    expect(code(nextState(cycleWorkflow, 'rating', 'cancel', { ...hr, cancelReason: 'scheme replaced' }))).toBe('cancelled');
    expect(code(nextState(cycleWorkflow, 'rating', 'cancel', hr))).toBe('cycle_cancel_reason');
    expect(code(nextState(cycleWorkflow, 'published', 'cancel', { ...hr, cancelReason: 'x' }))).toBe('workflow_illegal_transition');
    expect(code(nextState(cycleWorkflow, 'draft', 'cancel', { roles: ['SUPERVISOR'], cancelReason: 'x' }))).toBe('workflow_forbidden');
  });

  it('rejects skipping phases', () => {
    expect(code(nextState(cycleWorkflow, 'draft', 'publish', { ...hr, unscoredAppraisals: 0, quotaViolations: 0 }))).toBe('workflow_illegal_transition');
    expect(code(nextState(cycleWorkflow, 'closed', 'open', { ...hr, participantCount: 1 }))).toBe('workflow_illegal_transition');
  });

  it('offers the console buttons HR may press', () => {
    expect(availableActions(cycleWorkflow, 'calibration', { ...hr, unscoredAppraisals: 0, quotaViolations: 0, cancelReason: 'x' })).toEqual(['return_to_rating', 'start_hr_review', 'publish', 'cancel']);
    expect(availableActions(cycleWorkflow, 'calibration', { roles: ['EMPLOYEE'], quotaViolations: 0 })).toEqual([]);
  });
});
