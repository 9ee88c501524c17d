import { z } from 'zod';
import type { Checked, DomainIssue } from '../issues.js';
import { CalendarError } from './errors.js';
import { addCalendarDays, compareIsoDates, isCalendarDate, weekdayOf, type IsoDate, type Weekday } from './dates.js';
import { zodToDomainIssues } from './zod-issues.js';

/**
 * Which days people work, given as data so HR can load each year's official holiday table:
 * weekend days, public holidays, and make-up working days (调休上班日, usually a Saturday or Sunday
 * that becomes a working day to bridge a long holiday).
 */
export interface WorkCalendar {
  /** Days of week that are normally off; 0 = Sunday, 6 = Saturday. */
  weekendDays: readonly Weekday[];
  /** Public holidays (non-working even on a weekday). */
  holidays: readonly IsoDate[];
  /** Weekend dates that are working days this year. */
  makeUpWorkdays: readonly IsoDate[];
}

const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'not a calendar date' });

/** Zod schema of a WorkCalendar document. Example: workCalendarSchema.parse({ weekendDays: [0, 6], holidays: [], makeUpWorkdays: [] }) */
export const workCalendarSchema = z.strictObject({
  weekendDays: z.array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])),
  holidays: z.array(isoDateSchema),
  makeUpWorkdays: z.array(isoDateSchema),
});

/** Validates a calendar document: shape, no date both a holiday and a make-up day, at least one working weekday. Example: checkWorkCalendar({ weekendDays: [0, 6], holidays: ['2025-10-01'], makeUpWorkdays: ['2025-10-01'] }).ok -> false */
export function checkWorkCalendar(input: unknown): Checked<WorkCalendar> {
  const parsed = workCalendarSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodToDomainIssues(parsed.error.issues) };
  const cal = parsed.data;
  const issues: DomainIssue[] = [];
  const holidays = new Set(cal.holidays);
  cal.makeUpWorkdays.forEach((d, i) => {
    if (holidays.has(d)) {
      issues.push({
        path: ['makeUpWorkdays', i],
        code: 'calendar_day_conflict',
        message: `${d} is listed both as a holiday and as a make-up working day`,
        params: { date: d },
      });
    }
  });
  // With all seven days off, "next working day" would only exist on make-up days and could loop for years.
  if (new Set(cal.weekendDays).size >= 7) {
    issues.push({ path: ['weekendDays'], code: 'calendar_no_working_weekday', message: 'every day of the week is a weekend day' });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: cal };
}

interface CalendarIndex {
  weekend: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  makeUp: ReadonlySet<string>;
}

// Calendars are plain data passed around freely; index each object once instead of scanning arrays per day.
const indexCache = new WeakMap<WorkCalendar, CalendarIndex>();

function indexOf(cal: WorkCalendar): CalendarIndex {
  let idx = indexCache.get(cal);
  if (!idx) {
    idx = { weekend: new Set(cal.weekendDays), holidays: new Set(cal.holidays), makeUp: new Set(cal.makeUpWorkdays) };
    indexCache.set(cal, idx);
  }
  return idx;
}

// Ten years of consecutive non-working days means the calendar data is broken, not that the answer is far away.
const MAX_SCAN_DAYS = 3660;

function noWorkingDay(from: IsoDate): CalendarError {
  return new CalendarError({
    path: [],
    code: 'calendar_no_working_day',
    message: `no working day within ${MAX_SCAN_DAYS} days of ${from}; check the calendar data`,
    params: { from },
  });
}

/** True when people work on that date: a holiday never is, a make-up day always is, otherwise not a weekend day. Example: isWorkingDay(cn2025, '2025-10-11') -> true (make-up Saturday) */
export function isWorkingDay(cal: WorkCalendar, date: IsoDate): boolean {
  const idx = indexOf(cal);
  if (idx.holidays.has(date)) return false;
  if (idx.makeUp.has(date)) return true;
  return !idx.weekend.has(weekdayOf(date));
}

/** The date itself when it is a working day, else the first working day after it ("postponed in case of holidays"). Example: nextWorkingDay(cn2025, '2025-10-05') -> '2025-10-09' */
export function nextWorkingDay(cal: WorkCalendar, date: IsoDate): IsoDate {
  let d = date;
  for (let i = 0; i <= MAX_SCAN_DAYS; i++) {
    if (isWorkingDay(cal, d)) return d;
    d = addCalendarDays(d, 1);
  }
  throw noWorkingDay(date);
}

/** The date itself when it is a working day, else the last working day before it. Example: previousWorkingDay(cn2025, '2025-10-05') -> '2025-09-30' */
export function previousWorkingDay(cal: WorkCalendar, date: IsoDate): IsoDate {
  let d = date;
  for (let i = 0; i <= MAX_SCAN_DAYS; i++) {
    if (isWorkingDay(cal, d)) return d;
    d = addCalendarDays(d, -1);
  }
  throw noWorkingDay(date);
}

/**
 * "N working days after" a date: counts working days strictly after it (the start day itself never
 * counts, so receiving an appeal on a holiday does not use up a day). n = 0 returns the date
 * unchanged; a negative n counts backwards.
 * Example: addWorkingDays(cn2025, '2025-09-30', 7) -> '2025-10-16' (National Day Oct 1-8 skipped, Oct 11 worked)
 */
export function addWorkingDays(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new CalendarError({ path: ['n'], code: 'calendar_invalid_count', message: `working days must be a whole number, got ${n}`, params: { n } });
  }
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let d = date;
  let idle = 0;
  while (remaining > 0) {
    d = addCalendarDays(d, step);
    if (isWorkingDay(cal, d)) {
      remaining--;
      idle = 0;
    } else if (++idle > MAX_SCAN_DAYS) {
      throw noWorkingDay(date);
    }
  }
  return d;
}

/** Working days after `from` up to and including `to` (the inverse of addWorkingDays; 0 when `to` is not later). Example: workingDaysBetween(cn2025, '2025-09-30', '2025-10-16') -> 7 */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); compareIsoDates(d, to) <= 0; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(cal, d)) count++;
  }
  return count;
}
