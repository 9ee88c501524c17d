import type { IsoDate } from '../calendar/dates.js';
import { addWorkingDays, type WorkCalendar } from '../calendar/work-calendar.js';
import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { allGuards, missingFact, requireText, requireTrue } from './guards.js';

/**
 * States of an appeal against a published result or a ledger entry. (Replaces the earlier submitted ->
 * investigating -> resolved_* table with escalation: overdue appeals are flagged to HR instead, see governance/appeals.ts.)
 */
export const APPEAL_STATES = ['filed', 'under_review', 'decided', 'closed', 'withdrawn'] as const;
/** An appeal state. */
export type AppealState = (typeof APPEAL_STATES)[number];
/** Actions on an appeal. */
export const APPEAL_ACTIONS = ['start_review', 'decide', 'close', 'withdraw'] as const;
/** An appeal action. */
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

/** The cafeteria's rule (Part 2, VI): the management level answers within seven working days of receiving it. */
export const DEFAULT_APPEAL_RESPONSE_WORKING_DAYS = 7;

/** Facts the appeal guards read. */
export interface AppealContext extends WorkflowContext {
  /** The actor filed this appeal. */
  isAppellant?: boolean;
  /** The actor is HR, or someone HR assigned to handle this appeal (e.g. a committee member when the scheme says so). */
  isHandler?: boolean;
  /** checkAppealDecision found no issue (an outcome, a reason, a correction for an upheld appeal). */
  decisionValid?: boolean;
  outcome?: 'upheld' | 'rejected';
  /** Upheld: the re-scored result is published and the pay and ledger are re-issued (or the entry reversed). */
  correctionApplied?: boolean;
  withdrawalReason?: string;
}

/** The last day the handler may answer: N working days after receipt. Example: appealResponseDue(cn2025, '2025-09-30') -> '2025-10-16' */
export function appealResponseDue(calendar: WorkCalendar, receivedOn: IsoDate, workingDays: number = DEFAULT_APPEAL_RESPONSE_WORKING_DAYS): IsoDate {
  return addWorkingDays(calendar, receivedOn, workingDays);
}

const handler = requireTrue<AppealContext>('isHandler', 'appeal_not_handler', 'only HR and the handlers HR assigns handle an appeal');

// A rejected appeal closes with its decision; an upheld one closes once the correction is in place.
const correctionDone: WorkflowGuard<AppealContext> = (ctx) => {
  if (!ctx.outcome) return missingFact('outcome');
  if (ctx.outcome === 'rejected') return null;
  return ctx.correctionApplied === true ? null : { code: 'appeal_correction_pending', message: 'the corrected result, pay and ledger are not in place yet' };
};

/**
 * An appeal: filed -> under_review -> decided (upheld with a correction, or rejected with a reason) -> closed (once
 * an upheld appeal's re-scored result is published and pay and ledger re-issued); the appellant may withdraw it
 * until it is decided.
 * Example: nextState(appealWorkflow, 'under_review', 'decide', { roles: ['HR'], isHandler: true, decisionValid: true }) -> { ok: true, to: 'decided' }
 */
export const appealWorkflow = defineWorkflow<AppealState, AppealAction, AppealContext>({
  name: 'appeal',
  states: APPEAL_STATES,
  initial: 'filed',
  transitions: [
    { from: 'filed', action: 'start_review', to: 'under_review', roles: ['HR', 'COMMITTEE', 'SUPERVISOR'], guard: handler },
    { from: 'under_review', action: 'decide', to: 'decided', roles: ['HR', 'COMMITTEE', 'SUPERVISOR'], guard: allGuards(handler, requireTrue<AppealContext>('decisionValid', 'appeal_decision_invalid', 'the decision is incomplete')) },
    { from: 'decided', action: 'close', to: 'closed', roles: ['HR'], guard: correctionDone },
    {
      from: ['filed', 'under_review'],
      action: 'withdraw',
      to: 'withdrawn',
      roles: ['EMPLOYEE', 'SUPERVISOR'],
      guard: allGuards(requireTrue<AppealContext>('isAppellant', 'appeal_not_appellant', 'only the appellant may withdraw'), requireText<AppealContext>('withdrawalReason', 'appeal_withdrawal_reason', 'say why the appeal is withdrawn')),
    },
  ],
});
