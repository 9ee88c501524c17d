import { describe, expect, it } from 'vitest';
import { cnCalendar } from '../calendar/__fixtures__/cn-holidays.js';
import { availableActions, nextState } from './engine.js';
import { APPEAL_ACTIONS, APPEAL_STATES, appealResponseDue, appealWorkflow, type AppealContext } from './appeal.js';

const hr: AppealContext = { roles: ['HR'], isHandler: true };
const appellant: AppealContext = { roles: ['EMPLOYEE'], isAppellant: true, withdrawalReason: 'talked it through with my supervisor' };
const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);

describe('appeal workflow', () => {
  it('declares filed -> under_review -> decided -> closed, and withdrawn', () => {
    expect(appealWorkflow.states).toEqual(APPEAL_STATES);
    expect([...appealWorkflow.actions].sort()).toEqual([...APPEAL_ACTIONS].sort());
    expect(appealWorkflow.terminal).toEqual(['closed', 'withdrawn']);
  });

  it('computes the cafeteria response deadline: seven working days after receipt', () => {
    expect(appealResponseDue(cnCalendar, '2025-09-30')).toBe('2025-10-16');
    expect(appealResponseDue(cnCalendar, '2026-03-02', 3)).toBe('2026-03-05');
  });

  it('is handled by HR or an assigned handler, decided with a valid decision', () => {
    expect(code(nextState(appealWorkflow, 'filed', 'start_review', hr))).toBe('under_review');
    expect(code(nextState(appealWorkflow, 'filed', 'start_review', { roles: ['COMMITTEE'], isHandler: false }))).toBe('appeal_not_handler');
    expect(code(nextState(appealWorkflow, 'filed', 'start_review', { roles: ['COMMITTEE'], isHandler: true }))).toBe('under_review');
    expect(code(nextState(appealWorkflow, 'under_review', 'decide', { ...hr, decisionValid: false }))).toBe('appeal_decision_invalid');
    expect(code(nextState(appealWorkflow, 'under_review', 'decide', { ...hr, decisionValid: true }))).toBe('decided');
    expect(code(nextState(appealWorkflow, 'filed', 'decide', { ...hr, decisionValid: true }))).toBe('workflow_illegal_transition');
    expect(code(nextState(appealWorkflow, 'filed', 'start_review', { roles: ['EMPLOYEE'], isHandler: true }))).toBe('workflow_forbidden');
  });

  it('closes a rejected appeal at once, an upheld one after the correction is in place', () => {
    expect(code(nextState(appealWorkflow, 'decided', 'close', { ...hr, outcome: 'rejected' }))).toBe('closed');
    expect(code(nextState(appealWorkflow, 'decided', 'close', { ...hr, outcome: 'upheld', correctionApplied: false }))).toBe('appeal_correction_pending');
    expect(code(nextState(appealWorkflow, 'decided', 'close', { ...hr, outcome: 'upheld', correctionApplied: true }))).toBe('closed');
  });

  it('lets only the appellant withdraw, with a reason, before the decision', () => {
    expect(code(nextState(appealWorkflow, 'under_review', 'withdraw', appellant))).toBe('withdrawn');
    expect(code(nextState(appealWorkflow, 'under_review', 'withdraw', { ...appellant, isAppellant: false }))).toBe('appeal_not_appellant');
    expect(code(nextState(appealWorkflow, 'filed', 'withdraw', { ...appellant, withdrawalReason: '' }))).toBe('appeal_withdrawal_reason');
    expect(code(nextState(appealWorkflow, 'decided', 'withdraw', appellant))).toBe('workflow_illegal_transition');
    expect(availableActions(appealWorkflow, 'filed', appellant)).toEqual(['withdraw']);
    expect(availableActions(appealWorkflow, 'filed', hr)).toEqual(['start_review']);
  });
});
