import { describe, expect, it } from 'vitest';
import { cnCalendar } from '../calendar/__fixtures__/cn-holidays.js';
import { availableActions, nextState } from './engine.js';
import { APPRAISAL_ACTIONS, APPRAISAL_STATES, appraisalWorkflow, type AppraisalContext } from './appraisal.js';

const hr: AppraisalContext = { roles: ['HR'] };
const me: AppraisalContext = { roles: ['EMPLOYEE'], isSubject: true, acknowledgementWindowOpen: true };
const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);

describe('appraisal workflow', () => {
  it('declares its states and actions', () => {
    expect(appraisalWorkflow.states).toEqual(APPRAISAL_STATES);
    expect([...appraisalWorkflow.actions].sort()).toEqual([...APPRAISAL_ACTIONS].sort());
    expect(appraisalWorkflow.terminal).toEqual(['acknowledged']);
    expect(appraisalWorkflow.initial).toBe('pending');
  });

  it('runs pending -> acknowledged', () => {
    expect(code(nextState(appraisalWorkflow, 'pending', 'start_self_review', { ...hr, eligible: true }))).toBe('self_review');
    expect(code(nextState(appraisalWorkflow, 'self_review', 'submit_self_review', me))).toBe('rating');
    expect(code(nextState(appraisalWorkflow, 'rating', 'calibrate', { ...hr, hasResult: true }))).toBe('calibrated');
    expect(code(nextState(appraisalWorkflow, 'calibrated', 'publish', hr))).toBe('published');
    expect(code(nextState(appraisalWorkflow, 'published', 'acknowledge', me))).toBe('acknowledged');
  });

  it('skips self-review only when the scheme has none (cafeteria)', () => {
    expect(code(nextState(appraisalWorkflow, 'pending', 'skip_self_review', { ...hr, eligible: true, selfReviewRequired: false }))).toBe('rating');
    expect(code(nextState(appraisalWorkflow, 'pending', 'skip_self_review', { ...hr, eligible: true, selfReviewRequired: true }))).toBe('appraisal_self_review_required');
    expect(code(nextState(appraisalWorkflow, 'pending', 'skip_self_review', { ...hr, eligible: false, selfReviewRequired: false }))).toBe('appraisal_not_eligible');
  });

  it('lets only the subject submit, acknowledge or appeal', () => {
    expect(code(nextState(appraisalWorkflow, 'self_review', 'submit_self_review', { roles: ['EMPLOYEE'], isSubject: false }))).toBe('appraisal_not_subject');
    expect(code(nextState(appraisalWorkflow, 'published', 'acknowledge', { roles: ['SUPERVISOR'], isSubject: true }))).toBe('workflow_forbidden');
    expect(code(nextState(appraisalWorkflow, 'rating', 'calibrate', { ...hr, hasResult: false }))).toBe('appraisal_no_result');
  });

  it('accepts an appeal inside the working-day window and refuses it after', () => {
    // Published Tue 2025-09-30 with a 5-working-day window: Oct 9, 10, 11 (make-up Sat), 13, 14.
    const base: AppraisalContext = { ...me, publishedOn: '2025-09-30', appealWindowWorkingDays: 5, calendar: cnCalendar };
    expect(code(nextState(appraisalWorkflow, 'published', 'appeal', { ...base, today: '2025-10-14' }))).toBe('appealed');
    const late = nextState(appraisalWorkflow, 'published', 'appeal', { ...base, today: '2025-10-15' });
    expect(late.ok ? null : late.issue).toMatchObject({ code: 'appraisal_appeal_window_closed', params: { due: '2025-10-14', today: '2025-10-15' } });
    expect(code(nextState(appraisalWorkflow, 'published', 'appeal', { ...me, today: '2025-10-01' }))).toBe('workflow_fact_missing');
    expect(code(nextState(appraisalWorkflow, 'acknowledged', 'appeal', { ...base, today: '2025-10-01' }))).toBe('workflow_illegal_transition');
    expect(code(nextState(appraisalWorkflow, 'appealed', 'resolve_appeal', hr))).toBe('published');
  });

  it('records a refusal with a reason, lets the job mark an unanswered result lapsed, and keeps the appeal open from both', () => {
    expect(code(nextState(appraisalWorkflow, 'published', 'refuse_acknowledgement', { ...me, refusalReason: 'my complaint count is wrong' }))).toBe('refused');
    expect(code(nextState(appraisalWorkflow, 'published', 'refuse_acknowledgement', me))).toBe('appraisal_refusal_reason');
    expect(code(nextState(appraisalWorkflow, 'published', 'acknowledge', { ...me, acknowledgementWindowOpen: false }))).toBe('appraisal_acknowledgement_closed');
    expect(code(nextState(appraisalWorkflow, 'refused', 'acknowledge', me))).toBe('acknowledged');
    expect(code(nextState(appraisalWorkflow, 'published', 'lapse', { acknowledgementWindowPassed: false }))).toBe('appraisal_acknowledgement_open');
    expect(code(nextState(appraisalWorkflow, 'published', 'lapse', { acknowledgementWindowPassed: true }))).toBe('lapsed');
    const appeal: AppraisalContext = { ...me, publishedOn: '2025-09-30', appealWindowWorkingDays: 5, calendar: cnCalendar, today: '2025-10-10' };
    expect(code(nextState(appraisalWorkflow, 'refused', 'appeal', appeal))).toBe('appealed');
    expect(code(nextState(appraisalWorkflow, 'lapsed', 'appeal', appeal))).toBe('appealed');
  });

  it('excludes with a reason before publication and re-includes eligible people', () => {
    expect(code(nextState(appraisalWorkflow, 'rating', 'exclude', { ...hr, exclusionReason: 'disciplinary decision' }))).toBe('excluded');
    expect(code(nextState(appraisalWorkflow, 'rating', 'exclude', hr))).toBe('appraisal_exclusion_reason');
    expect(code(nextState(appraisalWorkflow, 'published', 'exclude', { ...hr, exclusionReason: 'x' }))).toBe('workflow_illegal_transition');
    expect(code(nextState(appraisalWorkflow, 'excluded', 'include', { ...hr, eligible: false }))).toBe('appraisal_not_eligible');
    expect(code(nextState(appraisalWorkflow, 'excluded', 'include', { ...hr, eligible: true }))).toBe('pending');
  });

  it('shows the employee their buttons on a published result', () => {
    const ctx: AppraisalContext = { ...me, publishedOn: '2025-09-30', appealWindowWorkingDays: 5, calendar: cnCalendar, today: '2025-10-09' };
    expect(availableActions(appraisalWorkflow, 'published', ctx)).toEqual(['acknowledge', 'appeal']);
    expect(availableActions(appraisalWorkflow, 'published', { ...ctx, refusalReason: 'the complaint was withdrawn' })).toEqual(['acknowledge', 'refuse_acknowledgement', 'appeal']);
    expect(availableActions(appraisalWorkflow, 'published', { ...ctx, today: '2025-11-01', acknowledgementWindowOpen: false })).toEqual([]);
  });
});
