import { z } from 'zod';
import { CalendarError } from './errors.js';
import { isoDate, parseIsoDate, type IsoDate } from './dates.js';

/** The period lengths a cycle can run over. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** A parsed period key: '2026-05' -> { kind: 'month', year: 2026, index: 5 }; index is 1 for a year. */
export interface PeriodRef {
  kind: PeriodKind;
  year: number;
  index: number;
}

/**
 * How an organisation cuts its months. `monthStartDay: 1` is the calendar month; the workshop's
 * accounting month "from the 26th of last month to the 25th of this month" is `monthStartDay: 26`.
 * Quarters, halves and years are unions of those months, so '2026' then runs 2025-12-26 .. 2026-12-25.
 */
export interface AccountingConvention {
  /** 1..28 so every month has that day. */
  monthStartDay: number;
}

/** Zod schema of an AccountingConvention. Example: accountingConventionSchema.parse({ monthStartDay: 26 }) */
export const accountingConventionSchema = z.strictObject({ monthStartDay: z.number().int().min(1).max(28) });

/** The plain calendar convention (months start on the 1st). */
export const CALENDAR_MONTHS: AccountingConvention = { monthStartDay: 1 };

const KEY = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/;

function badKey(key: string): CalendarError {
  return new CalendarError({
    path: [],
    code: 'calendar_invalid_period',
    message: `${key} is not a period key (expected 2026-05, 2026-Q2, 2026-H1 or 2026)`,
    params: { value: key },
  });
}

/** Parses a period key. Example: parsePeriodKey('2026-Q2') -> { kind: 'quarter', year: 2026, index: 2 } */
export function parsePeriodKey(key: string): PeriodRef {
  const m = KEY.exec(key);
  if (!m) throw badKey(key);
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw badKey(key);
    return { kind: 'month', year, index: month };
  }
  if (m[3] !== undefined) return { kind: 'quarter', year, index: Number(m[3]) };
  if (m[4] !== undefined) return { kind: 'half', year, index: Number(m[4]) };
  return { kind: 'year', year, index: 1 };
}

/** Formats a period reference as its key. Example: formatPeriodKey({ kind: 'half', year: 2026, index: 1 }) -> '2026-H1' */
export function formatPeriodKey(ref: PeriodRef): string {
  switch (ref.kind) {
    case 'month':
      return `${ref.year}-${String(ref.index).padStart(2, '0')}`;
    case 'quarter':
      return `${ref.year}-Q${ref.index}`;
    case 'half':
      return `${ref.year}-H${ref.index}`;
    case 'year':
      return `${ref.year}`;
  }
}

const MONTHS_PER: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** First and last month (1-12) a period key covers, by name. Example: periodMonths('2026-H2') -> { year: 2026, first: 7, last: 12 } */
export function periodMonths(key: string): { year: number; first: number; last: number } {
  const ref = parsePeriodKey(key);
  const len = MONTHS_PER[ref.kind];
  const first = (ref.index - 1) * len + 1;
  return { year: ref.year, first, last: first + len - 1 };
}

function checkConvention(c: AccountingConvention): void {
  if (!Number.isInteger(c.monthStartDay) || c.monthStartDay < 1 || c.monthStartDay > 28) {
    throw new CalendarError({
      path: ['monthStartDay'],
      code: 'calendar_invalid_month_start',
      message: `an accounting month must start on day 1..28, got ${c.monthStartDay}`,
      params: { monthStartDay: c.monthStartDay },
    });
  }
}

/**
 * First and last date (both inclusive) of a period under a convention.
 * Example: periodBounds('2026-05', { monthStartDay: 26 }) -> { start: '2026-04-26', end: '2026-05-25' }
 */
export function periodBounds(key: string, convention: AccountingConvention = CALENDAR_MONTHS): { start: IsoDate; end: IsoDate } {
  checkConvention(convention);
  const { year, first, last } = periodMonths(key);
  const s = convention.monthStartDay;
  if (s === 1) return { start: isoDate(year, first, 1), end: isoDate(year, last, 31) };
  // Accounting month M runs from day s of month M-1 to day s-1 of month M; isoDate normalises month 0.
  return { start: isoDate(year, first - 1, s), end: isoDate(year, last, s - 1) };
}

/**
 * The key of the period of a kind that contains a date.
 * Example: periodContaining('2025-12-27', 'year', { monthStartDay: 26 }) -> '2026'
 */
export function periodContaining(date: IsoDate, kind: PeriodKind, convention: AccountingConvention = CALENDAR_MONTHS): string {
  checkConvention(convention);
  const d = parseIsoDate(date);
  let year = d.year;
  let month = d.month;
  if (convention.monthStartDay > 1 && d.day >= convention.monthStartDay) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  const len = MONTHS_PER[kind];
  return formatPeriodKey({ kind, year, index: Math.floor((month - 1) / len) + 1 });
}

/** The sub-periods of a kind inside a period, in order (for roll-ups). Example: childPeriodKeys('2026-Q2', 'month') -> ['2026-04', '2026-05', '2026-06'] */
export function childPeriodKeys(key: string, kind: PeriodKind): string[] {
  const { year, first, last } = periodMonths(key);
  const len = MONTHS_PER[kind];
  if (len > last - first + 1) {
    throw new CalendarError({
      path: [],
      code: 'calendar_invalid_child_kind',
      message: `a ${kind} does not fit inside ${key}`,
      params: { key, kind },
    });
  }
  const out: string[] = [];
  for (let m = first; m <= last; m += len) out.push(formatPeriodKey({ kind, year, index: Math.floor((m - 1) / len) + 1 }));
  return out;
}

/** Moves a period key by n periods of its own kind. Example: shiftPeriodKey('2026-01', -1) -> '2025-12' */
export function shiftPeriodKey(key: string, n: number): string {
  const ref = parsePeriodKey(key);
  const perYear = 12 / MONTHS_PER[ref.kind];
  const zero = ref.year * perYear + (ref.index - 1) + n;
  return formatPeriodKey({ kind: ref.kind, year: Math.floor(zero / perYear), index: (zero % perYear) + 1 });
}
