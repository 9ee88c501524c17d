import { CalendarError } from './errors.js';

/** An ISO calendar date `YYYY-MM-DD` with no time and no zone: the unit every calendar rule works in. */
export type IsoDate = string;

/** Day of week as JavaScript numbers it: 0 = Sunday ... 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD` into numbers, rejecting impossible dates. Example: parseIsoDate('2026-05-25') -> { year: 2026, month: 5, day: 25 } */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new CalendarError({
    path: [],
    code: 'calendar_invalid_date',
    message: `${date} is not an ISO date (YYYY-MM-DD)`,
    params: { value: date },
  });
}

/** True when the string is a real `YYYY-MM-DD` date. Example: isCalendarDate('2026-02-29') -> false */
export function isCalendarDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

/** Builds an ISO date from parts, clamping the day to the month's length. Example: isoDate(2026, 2, 31) -> '2026-02-28' */
export function isoDate(year: number, month: number, day: number): IsoDate {
  // Month arithmetic in callers may overflow (month 13, month 0); normalise it here once.
  const y = year + Math.floor((month - 1) / 12);
  const mo = ((((month - 1) % 12) + 12) % 12) + 1;
  const d = Math.min(Math.max(day, 1), daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Number of days in a month (1-12), leap years included. Example: daysInMonth(2028, 2) -> 29 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromEpochDay(epochDay: number): IsoDate {
  // toISOString is UTC, so no local time zone can shift the date.
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Adds (or subtracts) calendar days. Example: addCalendarDays('2025-12-31', 1) -> '2026-01-01' */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Example: calendarDaysBetween('2026-01-30', '2026-02-02') -> 3 */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of week, 0 = Sunday. Example: weekdayOf('2025-10-11') -> 6 (a Saturday) */
export function weekdayOf(date: IsoDate): Weekday {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay() as Weekday;
}

/** Compares two ISO dates chronologically. Example: compareIsoDates('2026-01-02', '2025-12-31') -> 1 */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toEpochDay(a) - toEpochDay(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Every date from `from` to `to`, both included; handy for writing holiday tables. Example: expandDateRange('2025-10-01', '2025-10-03') -> ['2025-10-01', '2025-10-02', '2025-10-03'] */
export function expandDateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  if (end < start) {
    throw new CalendarError({
      path: [],
      code: 'calendar_range_reversed',
      message: `range ends (${to}) before it starts (${from})`,
      params: { from, to },
    });
  }
  const out: IsoDate[] = [];
  for (let d = start; d <= end; d++) out.push(fromEpochDay(d));
  return out;
}
