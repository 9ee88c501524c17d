import type { IsoDate } from '../calendar/dates.js';
import { addWorkingDays, type WorkCalendar } from '../calendar/work-calendar.js';
import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { onOrBefore, requireText, requireTrue, workingDayDeadline, type DeadlineFacts } from './guards.js';

/** States of an appeal against a published result. */
export const APPEAL_STATES = ['submitted', 'investigating', 'escalated', 'resolved_upheld', 'resolved_rejected', 'withdrawn'] as const;
/** An appeal state. */
export type AppealState = (typeof APPEAL_STATES)[number];
/** Actions on an appeal. */
export const APPEAL_ACTIONS = ['start_investigation', 'uphold', 'reject', 'withdraw', 'escalate'] as const;
/** An appeal action. */
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

/** The cafeteria's rule: the management level answers an appeal within seven working days of receiving it. */
export const DEFAULT_APPEAL_RESPONSE_WORKING_DAYS = 7;

/** Facts the appeal guards read. */
export interface AppealContext extends WorkflowContext, DeadlineFacts {
  /** The actor filed this appeal. */
  isAppellant?: boolean;
  /** When the current handling level received it (reset on escalation). */
  receivedOn?: IsoDate;
  responseWorkingDays?: number;
  resolutionNote?: string;
}

/** The last day the handling level may answer: N working days after receipt. Example: appealResponseDue(cn2025, '2025-09-30') -> '2025-10-16' */
export function appealResponseDue(calendar: WorkCalendar, receivedOn: IsoDate, workingDays: number = DEFAULT_APPEAL_RESPONSE_WORKING_DAYS): IsoDate {
  return addWorkingDays(calendar, receivedOn, workingDays);
}

const HANDLERS = ['SUPERVISOR', 'HR'] as const;
const resolutionNote = requireText<AppealContext>('resolutionNote', 'appeal_resolution_note', 'a resolution needs a written answer');

// Escalation to the next level is the remedy when a level lets the deadline pass, so it is only open after it.
const deadlinePassed: WorkflowGuard<AppealContext> = (ctx) => {
  const d = workingDayDeadline(ctx, ctx.receivedOn, ctx.responseWorkingDays ?? DEFAULT_APPEAL_RESPONSE_WORKING_DAYS, {
    from: 'receivedOn',
    days: 'responseWorkingDays',
  });
  if ('code' in d) return d;
  return onOrBefore(d.today, d.due)
    ? { code: 'appeal_deadline_not_passed', message: `the handling level may answer until ${d.due}`, params: { due: d.due, today: d.today } }
    : null;
};

/**
 * An appeal: submitted -> investigating -> resolved_upheld / resolved_rejected, withdrawable by the
 * appellant until resolved, and escalated to the next level once the response deadline (working days
 * after receipt, 7 by default) has passed without an answer.
 * Example: nextState(appealWorkflow, 'submitted', 'escalate', { roles: ['EMPLOYEE'], today: '2025-10-17', receivedOn: '2025-09-30', calendar: cn2025 }) -> { ok: true, to: 'escalated' }
 */
export const appealWorkflow = defineWorkflow<AppealState, AppealAction, AppealContext>({
  name: 'appeal',
  states: APPEAL_STATES,
  initial: 'submitted',
  transitions: [
    { from: ['submitted', 'escalated'], action: 'start_investigation', to: 'investigating', roles: HANDLERS },
    { from: 'investigating', action: 'uphold', to: 'resolved_upheld', roles: HANDLERS, guard: resolutionNote },
    { from: 'investigating', action: 'reject', to: 'resolved_rejected', roles: HANDLERS, guard: resolutionNote },
    {
      from: ['submitted', 'investigating', 'escalated'],
      action: 'withdraw',
      to: 'withdrawn',
      roles: ['EMPLOYEE'],
      guard: requireTrue<AppealContext>('isAppellant', 'appeal_not_appellant', 'only the appellant may withdraw'),
    },
    { from: ['submitted', 'investigating'], action: 'escalate', to: 'escalated', roles: ['EMPLOYEE', 'HR'], guard: deadlinePassed },
  ],
});
