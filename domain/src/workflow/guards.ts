import { addWorkingDays } from '../calendar/work-calendar.js';
import { compareIsoDates, isCalendarDate, type IsoDate } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { GuardFailure, WorkflowGuard } from './engine.js';

/** A guard failure for a fact the caller did not supply; guards deny rather than guess. Example: missingFact('pendingRatings').code -> 'workflow_fact_missing' */
export function missingFact(name: string): GuardFailure {
  return { code: 'workflow_fact_missing', message: `the fact ${name} was not supplied`, params: { fact: name } };
}

/** Runs guards in order and returns the first failure. Example: allGuards(g1, g2)(ctx) -> g1's failure or g2's or null */
export function allGuards<C>(...guards: WorkflowGuard<C>[]): WorkflowGuard<C> {
  return (ctx) => {
    for (const g of guards) {
      const f = g(ctx);
      if (f) return f;
    }
    return null;
  };
}

/** Guard factory: a boolean fact must be exactly true (false or missing denies). Example: requireTrue<{ eligible?: boolean }>('eligible', 'not_eligible', 'the employee is not eligible') */
export function requireTrue<C>(fact: keyof C & string, code: string, message: string): WorkflowGuard<C> {
  return (ctx) => {
    const v = ctx[fact];
    if (v === undefined) return missingFact(fact);
    return v === true ? null : { code, message };
  };
}

/** Guard factory: a count fact must be zero (for "every rating is in", "no open appeal"). Example: requireZero<{ pendingRatings?: number }>('pendingRatings', 'ratings_pending', 'ratings are missing') */
export function requireZero<C>(fact: keyof C & string, code: string, message: string): WorkflowGuard<C> {
  return (ctx) => {
    const v = ctx[fact];
    if (typeof v !== 'number') return missingFact(fact);
    return v === 0 ? null : { code, message: `${message} (${v})`, params: { count: v } };
  };
}

/** Guard factory: a text fact must be non-blank (a reason, a resolution note). Example: requireText<{ reason?: string }>('reason', 'reason_required', 'a reason is required') */
export function requireText<C>(fact: keyof C & string, code: string, message: string): WorkflowGuard<C> {
  return (ctx) => {
    const v = ctx[fact];
    return typeof v === 'string' && v.trim() !== '' ? null : { code, message };
  };
}

/** The facts a working-day deadline guard reads. */
export interface DeadlineFacts {
  today?: IsoDate;
  calendar?: WorkCalendar;
}

/**
 * Resolves "N working days after `from`" for a guard, or the missing fact.
 * Example: workingDayDeadline({ today: '2025-10-01', calendar }, '2025-09-30', 7) -> { due: '2025-10-16', today: '2025-10-01' }
 */
export function workingDayDeadline(
  ctx: DeadlineFacts,
  from: IsoDate | undefined,
  days: number | undefined,
  names: { from: string; days: string },
): { due: IsoDate; today: IsoDate } | GuardFailure {
  if (!ctx.today || !isCalendarDate(ctx.today)) return missingFact('today');
  if (!ctx.calendar) return missingFact('calendar');
  if (!from || !isCalendarDate(from)) return missingFact(names.from);
  if (days === undefined || !Number.isInteger(days) || days < 0) return missingFact(names.days);
  return { due: addWorkingDays(ctx.calendar, from, days), today: ctx.today };
}

/** True when `today` is on or before `due`. Example: onOrBefore('2025-10-16', '2025-10-16') -> true */
export function onOrBefore(today: IsoDate, due: IsoDate): boolean {
  return compareIsoDates(today, due) <= 0;
}
