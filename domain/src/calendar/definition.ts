import { z } from 'zod';
import type { Checked, DomainIssue } from '../issues.js';
import { addCalendarDays, compareIsoDates, expandDateRange, isCalendarDate, parseIsoDate, weekdayOf, type IsoDate, type Weekday } from './dates.js';
import type { AccountingConvention } from './periods.js';
import type { WorkCalendar } from './work-calendar.js';
import { zodToDomainIssues } from './zod-issues.js';

/** A name in the console's two languages (restated here so the calendar does not depend on the scheme module). */
export interface CalendarText {
  en: string;
  zh: string;
}

/** A public holiday as HR enters it from the official notice: a named range of days off (both ends inclusive). */
export interface HolidayRange {
  from: IsoDate;
  to: IsoDate;
  name: CalendarText;
}

/** A weekend day that is worked this year to bridge a holiday (调休上班日), with the holiday it belongs to. */
export interface MakeUpWorkday {
  date: IsoDate;
  name: CalendarText;
}

/**
 * A named way of cutting months for accounting: the workshop's "26th of last month to the 25th of this month" is
 * `{ code: 'workshop', monthStartDay: 26 }`. The code `calendar` (months start on the 1st) always exists and
 * cannot be redefined.
 */
export interface AccountingMonthDefinition {
  code: string;
  name: CalendarText;
  monthStartDay: number;
}

/**
 * One year of the work calendar as HR manages it (one row per year in the API): weekend days, holidays,
 * make-up working days and the accounting-month conventions in force that year. Plain JSON.
 */
export interface WorkCalendarYear {
  year: number;
  weekendDays: Weekday[];
  holidays: HolidayRange[];
  makeUpWorkdays: MakeUpWorkday[];
  accountingMonths: AccountingMonthDefinition[];
}

/** The built-in convention code: calendar months. */
export const CALENDAR_MONTH_CODE = 'calendar';

const text = z.strictObject({ en: z.string().min(1).max(100), zh: z.string().min(1).max(100) });
const date = z.string().refine(isCalendarDate, { message: 'expected a real date YYYY-MM-DD' });
const weekday = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);

/** Zod schema of one calendar year. Example: workCalendarYearSchema.parse({ year: 2026, weekendDays: [0, 6], holidays: [], makeUpWorkdays: [], accountingMonths: [] }) */
export const workCalendarYearSchema = z.strictObject({
  year: z.number().int().min(1900).max(2999),
  weekendDays: z.array(weekday).max(7),
  holidays: z.array(z.strictObject({ from: date, to: date, name: text })).max(100),
  makeUpWorkdays: z.array(z.strictObject({ date, name: text })).max(60),
  accountingMonths: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'expected an identifier: a letter, then letters, digits or _ (max 32)'),
        name: text,
        monthStartDay: z.number().int().min(1).max(28),
      }),
    )
    .max(20),
});

function issue(path: (string | number)[], code: string, message: string, params: Record<string, string | number>): DomainIssue {
  return { path, code, message, params };
}

/**
 * Validates one year of the work calendar: shape, every date inside the year, holiday ranges in order and not
 * overlapping, make-up days unique, on weekend days and not inside a holiday, at least one working weekday,
 * convention codes unique and not the built-in `calendar`. Returns every issue, each with code and params.
 * Example: checkWorkCalendarYear({ year: 2026, weekendDays: [0, 6], holidays: [{ from: '2026-10-07', to: '2026-10-01', name }], makeUpWorkdays: [], accountingMonths: [] }) -> issues [{ code: 'calendar_range_reversed', path: ['holidays', 0] }]
 */
export function checkWorkCalendarYear(input: unknown): Checked<WorkCalendarYear> {
  const parsed = workCalendarYearSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodToDomainIssues(parsed.error.issues) };
  const cal = parsed.data as WorkCalendarYear;
  const issues: DomainIssue[] = [];
  const inYear = (d: IsoDate, path: (string | number)[]): boolean => {
    if (parseIsoDate(d).year === cal.year) return true;
    issues.push(issue(path, 'calendar_date_outside_year', `${d} is not in ${cal.year}; enter it in the calendar of its own year`, { date: d, year: cal.year }));
    return false;
  };
  const off = new Map<IsoDate, number>();
  cal.holidays.forEach((h, i) => {
    const a = inYear(h.from, ['holidays', i, 'from']);
    const b = inYear(h.to, ['holidays', i, 'to']);
    if (!a || !b) return;
    if (compareIsoDates(h.to, h.from) < 0) {
      issues.push(issue(['holidays', i], 'calendar_range_reversed', `holiday "${h.name.en}" ends (${h.to}) before it starts (${h.from})`, { from: h.from, to: h.to }));
      return;
    }
    for (const d of expandDateRange(h.from, h.to)) {
      const other = off.get(d);
      if (other !== undefined) {
        issues.push(issue(['holidays', i], 'calendar_holiday_overlap', `${d} is in two holidays (${other + 1} and ${i + 1})`, { date: d, other }));
        return;
      }
      off.set(d, i);
    }
  });
  const weekend = new Set<number>(cal.weekendDays);
  const seen = new Set<IsoDate>();
  cal.makeUpWorkdays.forEach((m, i) => {
    const path = ['makeUpWorkdays', i, 'date'];
    if (!inYear(m.date, path)) return;
    if (seen.has(m.date)) issues.push(issue(path, 'calendar_duplicate_date', `${m.date} is listed twice as a make-up working day`, { date: m.date }));
    seen.add(m.date);
    if (off.has(m.date)) issues.push(issue(path, 'calendar_day_conflict', `${m.date} is both a holiday and a make-up working day`, { date: m.date }));
    else if (!weekend.has(weekdayOf(m.date))) {
      issues.push(issue(path, 'calendar_makeup_not_weekend', `${m.date} is a working day anyway; a make-up day replaces a weekend day`, { date: m.date, weekday: weekdayOf(m.date) }));
    }
  });
  // With all seven days off, "next working day" exists only on make-up days and deadlines could run into next year.
  if (weekend.size >= 7) issues.push(issue(['weekendDays'], 'calendar_no_working_weekday', 'every day of the week is a weekend day', { year: cal.year }));
  const codes = new Set<string>();
  cal.accountingMonths.forEach((a, i) => {
    if (a.code === CALENDAR_MONTH_CODE) {
      issues.push(issue(['accountingMonths', i, 'code'], 'calendar_convention_reserved', `"${CALENDAR_MONTH_CODE}" always means calendar months and cannot be redefined`, { code: a.code }));
    } else if (codes.has(a.code)) {
      issues.push(issue(['accountingMonths', i, 'code'], 'calendar_convention_duplicate', `accounting month "${a.code}" is defined twice`, { code: a.code }));
    }
    codes.add(a.code);
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: cal };
}

/**
 * Joins calendar years into the runtime WorkCalendar the deadline functions use. A year whose weekend days
 * differ from the first year's keeps its own: the difference becomes explicit days off / make-up days.
 * Example: buildWorkCalendar([cn2025, cn2026]).holidays.includes('2026-10-01') -> true
 */
export function buildWorkCalendar(years: readonly WorkCalendarYear[]): WorkCalendar {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const base = new Set<number>(sorted[0]?.weekendDays ?? [0, 6]);
  const holidays: IsoDate[] = [];
  const makeUp: IsoDate[] = [];
  for (const y of sorted) {
    const own = new Set<number>(y.weekendDays);
    const same = own.size === base.size && [...own].every((d) => base.has(d));
    const off = new Set<IsoDate>();
    for (const h of y.holidays) for (const d of expandDateRange(h.from, h.to)) off.add(d);
    const made = new Set(y.makeUpWorkdays.map((m) => m.date));
    if (!same) {
      for (let d = `${y.year}-01-01`; parseIsoDate(d).year === y.year; d = addCalendarDays(d, 1)) {
        const wd = weekdayOf(d);
        if (own.has(wd) && !base.has(wd) && !made.has(d)) off.add(d);
        if (!own.has(wd) && base.has(wd) && !off.has(d)) made.add(d);
      }
    }
    holidays.push(...[...off].sort());
    makeUp.push(...[...made].sort());
  }
  return { weekendDays: [...base].sort() as Weekday[], holidays, makeUpWorkdays: makeUp };
}

/**
 * Issues for every year between two dates that has no calendar: a deadline computed there would ignore its
 * holidays. Example: checkCalendarCoverage([cn2026], '2026-12-25', '2027-01-25') -> [{ code: 'calendar_year_missing', params: { year: 2027 } }]
 */
export function checkCalendarCoverage(years: readonly WorkCalendarYear[], from: IsoDate, to: IsoDate): DomainIssue[] {
  const have = new Set(years.map((y) => y.year));
  const out: DomainIssue[] = [];
  for (let y = parseIsoDate(from).year; y <= parseIsoDate(to).year; y++) {
    if (!have.has(y)) out.push(issue(['calendar'], 'calendar_year_missing', `the work calendar has no year ${y}; HR enters its holidays first`, { year: y }));
  }
  return out;
}

/**
 * The accounting-month convention a code names in a year (`calendar` or absent = calendar months).
 * Example: accountingConventionFor([cn2026], 'workshop', 2026) -> { ok: true, value: { monthStartDay: 26 } }
 */
export function accountingConventionFor(years: readonly WorkCalendarYear[], code: string | undefined, year: number): Checked<AccountingConvention> {
  if (code === undefined || code === CALENDAR_MONTH_CODE) return { ok: true, value: { monthStartDay: 1 } };
  const y = years.find((x) => x.year === year);
  const def = y?.accountingMonths.find((a) => a.code === code);
  if (!def) {
    return {
      ok: false,
      issues: [issue(['accountingMonth'], 'calendar_accounting_month_unknown', `the work calendar of ${year} defines no accounting month "${code}"`, { code, year })],
    };
  }
  return { ok: true, value: { monthStartDay: def.monthStartDay } };
}

/** What a date is on the calendar, for the console's calendar view. */
export interface CalendarDay {
  date: IsoDate;
  working: boolean;
  holiday?: CalendarText;
  makeUp?: CalendarText;
}

/**
 * Describes a date with the holiday or make-up day that makes it what it is.
 * Example: describeCalendarDay([cn2025], '2025-10-11') -> { date: '2025-10-11', working: true, makeUp: { en: 'National Day', ... } }
 */
export function describeCalendarDay(years: readonly WorkCalendarYear[], d: IsoDate): CalendarDay {
  const y = years.find((x) => x.year === parseIsoDate(d).year);
  const holiday = y?.holidays.find((h) => compareIsoDates(h.from, d) <= 0 && compareIsoDates(d, h.to) <= 0);
  if (holiday) return { date: d, working: false, holiday: holiday.name };
  const makeUp = y?.makeUpWorkdays.find((m) => m.date === d);
  if (makeUp) return { date: d, working: true, makeUp: makeUp.name };
  const weekend: readonly number[] = y?.weekendDays ?? [0, 6];
  return { date: d, working: !weekend.includes(weekdayOf(d)) };
}
