import { describe, expect, it } from 'vitest';
import { cnCalendar } from '../calendar/__fixtures__/cn-holidays.js';
import { availableActions, nextState } from './engine.js';
import { APPEAL_ACTIONS, APPEAL_STATES, appealResponseDue, appealWorkflow, type AppealContext } from './appeal.js';

const handler: AppealContext = { roles: ['SUPERVISOR'] };
const appellant: AppealContext = { roles: ['EMPLOYEE'], isAppellant: true };
const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);

describe('appeal workflow', () => {
  it('declares its states and actions', () => {
    expect(appealWorkflow.states).toEqual(APPEAL_STATES);
    expect([...appealWorkflow.actions].sort()).toEqual([...APPEAL_ACTIONS].sort());
    expect(appealWorkflow.terminal).toEqual(['resolved_upheld', 'resolved_rejected', 'withdrawn']);
  });

  it('computes the cafeteria response deadline: seven working days after receipt', () => {
    expect(appealResponseDue(cnCalendar, '2025-09-30')).toBe('2025-10-16');
    expect(appealResponseDue(cnCalendar, '2026-03-02', 3)).toBe('2026-03-05');
  });

  it('investigates and resolves with a written answer', () => {
    expect(code(nextState(appealWorkflow, 'submitted', 'start_investigation', handler))).toBe('investigating');
    expect(code(nextState(appealWorkflow, 'investigating', 'uphold', { ...handler, resolutionNote: 'score corrected to 82' }))).toBe('resolved_upheld');
    expect(code(nextState(appealWorkflow, 'investigating', 'reject', { ...handler, resolutionNote: 'deduction confirmed by record' }))).toBe('resolved_rejected');
    expect(code(nextState(appealWorkflow, 'investigating', 'reject', handler))).toBe('appeal_resolution_note');
    expect(code(nextState(appealWorkflow, 'submitted', 'uphold', { ...handler, resolutionNote: 'x' }))).toBe('workflow_illegal_transition');
    expect(code(nextState(appealWorkflow, 'submitted', 'start_investigation', appellant))).toBe('workflow_forbidden');
  });

  it('lets only the appellant withdraw, and not after resolution', () => {
    expect(code(nextState(appealWorkflow, 'investigating', 'withdraw', appellant))).toBe('withdrawn');
    expect(code(nextState(appealWorkflow, 'investigating', 'withdraw', { roles: ['EMPLOYEE'], isAppellant: false }))).toBe('appeal_not_appellant');
    expect(code(nextState(appealWorkflow, 'resolved_rejected', 'withdraw', appellant))).toBe('workflow_illegal_transition');
  });

  it('escalates only after the working-day deadline has passed (National Day in between)', () => {
    const ctx: AppealContext = { ...appellant, receivedOn: '2025-09-30', calendar: cnCalendar };
    const early = nextState(appealWorkflow, 'submitted', 'escalate', { ...ctx, today: '2025-10-16' });
    expect(early.ok ? null : early.issue).toMatchObject({ code: 'appeal_deadline_not_passed', params: { due: '2025-10-16' } });
    expect(code(nextState(appealWorkflow, 'submitted', 'escalate', { ...ctx, today: '2025-10-17' }))).toBe('escalated');
    expect(code(nextState(appealWorkflow, 'investigating', 'escalate', { ...ctx, today: '2025-10-17', responseWorkingDays: 10 }))).toBe('appeal_deadline_not_passed');
    expect(code(nextState(appealWorkflow, 'submitted', 'escalate', { ...appellant, today: '2025-10-17' }))).toBe('workflow_fact_missing');
    // The next level picks it up.
    expect(code(nextState(appealWorkflow, 'escalated', 'start_investigation', { roles: ['HR'] }))).toBe('investigating');
  });

  it('offers buttons per role', () => {
    const ctx: AppealContext = { ...appellant, receivedOn: '2025-09-30', calendar: cnCalendar, today: '2025-10-20' };
    expect(availableActions(appealWorkflow, 'submitted', ctx)).toEqual(['withdraw', 'escalate']);
    expect(availableActions(appealWorkflow, 'submitted', { ...handler, resolutionNote: 'x' })).toEqual(['start_investigation']);
  });
});
