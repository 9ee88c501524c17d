import type { Checked } from '../issues.js';
import { compareIsoDates, isCalendarDate, addCalendarDays, type IsoDate } from '../calendar/dates.js';
import { CalendarError } from '../calendar/errors.js';
import { parsePeriodKey, periodBounds, periodMonths, type AccountingConvention } from '../calendar/periods.js';
import { isWorkingDay, type WorkCalendar } from '../calendar/work-calendar.js';
import { schemeCycleKinds, type PeriodKindName, type SchemeDefinition } from '../scheme/index.js';
import { cycleIssue, fail } from './issue.js';

/**
 * The period a cycle runs over. Calendar periods are named by key ('2026-05', '2026-Q2', '2026-H1', '2026');
 * a day by its date; a probation by the person's hire date and probation end date.
 */
export type CyclePeriod =
  | { kind: 'day'; date: IsoDate }
  | { kind: 'month' | 'quarter' | 'half' | 'year'; key: string }
  | { kind: 'probation'; start: IsoDate; end: IsoDate };

/** First and last day of a cycle's period, both inclusive. */
export interface PeriodSpan {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The stable text key of a period, unique per scheme and kind (the API's cycle.period_key).
 * Example: cyclePeriodKey({ kind: 'probation', start: '2026-03-01', end: '2026-05-31' }) -> 'P2026-03-01..2026-05-31'
 */
export function cyclePeriodKey(p: CyclePeriod): string {
  switch (p.kind) {
    case 'day':
      return p.date;
    case 'probation':
      return `P${p.start}..${p.end}`;
    default:
      return p.key;
  }
}

/**
 * Checks a period: a real date or key of the stated kind, a probation that ends after it starts, and a kind the
 * scheme's cycles run over (its own period or a roll-up's).
 * Example: checkCyclePeriod(seedPrograms.cafeteria, { kind: 'quarter', key: '2026-Q1' }) -> issues [{ code: 'cycle_period_kind_not_allowed', params: { kind: 'quarter', allowed: 'month, year' } }]
 */
export function checkCyclePeriod(scheme: SchemeDefinition, p: CyclePeriod): Checked<CyclePeriod> {
  // Any scheme's form can rate a probation (a new cook is rated on the cafeteria form); other kinds must be the scheme's.
  const allowed = [...schemeCycleKinds(scheme).map((k) => k.kind), ...(scheme.period === 'probation' ? [] : ['probation' as const])];
  if (!allowed.includes(p.kind)) {
    return fail(
      cycleIssue('cycle_period_kind_not_allowed', `scheme "${scheme.code}" runs ${allowed.join(', ')} cycles, not ${p.kind}`, { kind: p.kind, allowed: allowed.join(', ') }, ['period', 'kind']),
    );
  }
  if (p.kind === 'day') {
    if (!isCalendarDate(p.date)) return fail(cycleIssue('cycle_period_invalid', `${p.date} is not a date`, { value: p.date }, ['period', 'date']));
  } else if (p.kind === 'probation') {
    if (!isCalendarDate(p.start) || !isCalendarDate(p.end) || compareIsoDates(p.end, p.start) < 0) {
      return fail(cycleIssue('cycle_period_invalid', `probation ${p.start}..${p.end} is not a date range`, { value: `${p.start}..${p.end}` }, ['period']));
    }
  } else {
    let kind: string;
    try {
      kind = parsePeriodKey(p.key).kind;
    } catch (e) {
      if (e instanceof CalendarError) return fail(cycleIssue('cycle_period_invalid', e.message, { value: p.key }, ['period', 'key']));
      throw e;
    }
    if (kind !== p.kind) return fail(cycleIssue('cycle_period_invalid', `${p.key} is a ${kind} key, not a ${p.kind}`, { value: p.key, kind: p.kind }, ['period', 'key']));
  }
  return { ok: true, value: p };
}

/**
 * First and last day of a (checked) period under an accounting convention.
 * Example: cyclePeriodSpan({ kind: 'month', key: '2026-05' }, { monthStartDay: 26 }) -> { start: '2026-04-26', end: '2026-05-25' }
 */
export function cyclePeriodSpan(p: CyclePeriod, convention: AccountingConvention = { monthStartDay: 1 }): PeriodSpan {
  switch (p.kind) {
    case 'day':
      return { start: p.date, end: p.date };
    case 'probation':
      return { start: p.start, end: p.end };
    default:
      return periodBounds(p.key, convention);
  }
}

/** The calendar year a period belongs to (its key's year; the year of its end for days and probations). Example: cyclePeriodYear({ kind: 'month', key: '2026-01' }) -> 2026 */
export function cyclePeriodYear(p: CyclePeriod): number {
  if (p.kind === 'day') return Number(p.date.slice(0, 4));
  if (p.kind === 'probation') return Number(p.end.slice(0, 4));
  return periodMonths(p.key).year;
}

/** The month (1-12) a calendar period ends in, by name; undefined for days and probations. Example: cyclePeriodLastMonth({ kind: 'quarter', key: '2026-Q3' }) -> 9 */
export function cyclePeriodLastMonth(p: CyclePeriod): number | undefined {
  return p.kind === 'day' || p.kind === 'probation' ? undefined : periodMonths(p.key).last;
}

/**
 * The working days of a span as day periods, for creating a daily program's cycles (hotel audit) in bulk.
 * Example: workingDayPeriods(cal, '2025-10-01', '2025-10-12').map((p) => p.date) -> ['2025-10-09', '2025-10-10', '2025-10-11']
 */
export function workingDayPeriods(calendar: WorkCalendar, from: IsoDate, to: IsoDate): Array<CyclePeriod & { kind: 'day' }> {
  const out: Array<CyclePeriod & { kind: 'day' }> = [];
  for (let d = from; compareIsoDates(d, to) <= 0; d = addCalendarDays(d, 1)) if (isWorkingDay(calendar, d)) out.push({ kind: 'day', date: d });
  return out;
}

/** The kinds a scheme allows, as a type guard over the period kind names. Example: isPeriodKind('half') -> true */
export function isPeriodKind(value: string): value is PeriodKindName {
  return ['day', 'month', 'quarter', 'half', 'year', 'probation'].includes(value);
}
