import { describe, expect, it } from 'vitest';
import { cnCalendar } from './__fixtures__/cn-holidays.js';
import { cn2025, cn2026, cnYears } from './__fixtures__/cn-years.js';
import {
  accountingConventionFor,
  buildWorkCalendar,
  checkCalendarCoverage,
  checkWorkCalendarYear,
  describeCalendarDay,
  type WorkCalendarYear,
} from './definition.js';
import { isWorkingDay, nextWorkingDay } from './work-calendar.js';

const codes = (input: unknown) => {
  const r = checkWorkCalendarYear(input);
  return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')]);
};
const name = { en: 'x', zh: 'x' };

describe('work calendar years as HR enters them', () => {
  it('accepts the 2025 and 2026 official arrangements and builds the same calendar as the flat fixture', () => {
    expect(codes(cn2025)).toEqual([]);
    expect(codes(cn2026)).toEqual([]);
    const cal = buildWorkCalendar(cnYears);
    expect([...cal.holidays].sort()).toEqual([...cnCalendar.holidays].sort());
    expect([...cal.makeUpWorkdays].sort()).toEqual([...cnCalendar.makeUpWorkdays].sort());
    expect(nextWorkingDay(cal, '2026-10-05')).toBe('2026-10-08');
  });

  it('reports every broken rule with a code, a path and params', () => {
    const bad: WorkCalendarYear = {
      year: 2026,
      weekendDays: [0, 6],
      holidays: [
        { from: '2026-10-07', to: '2026-10-01', name },
        { from: '2026-05-01', to: '2026-05-05', name },
        { from: '2026-05-05', to: '2026-05-06', name },
        { from: '2025-12-31', to: '2026-01-01', name },
      ],
      makeUpWorkdays: [
        { date: '2026-05-09', name },
        { date: '2026-05-09', name },
        { date: '2026-05-07', name },
        { date: '2027-01-02', name },
      ],
      accountingMonths: [
        { code: 'calendar', name, monthStartDay: 1 },
        { code: 'workshop', name, monthStartDay: 26 },
        { code: 'workshop', name, monthStartDay: 21 },
      ],
    };
    expect(codes(bad)).toEqual([
      ['calendar_range_reversed', 'holidays.0'],
      ['calendar_holiday_overlap', 'holidays.2'],
      ['calendar_date_outside_year', 'holidays.3.from'],
      ['calendar_duplicate_date', 'makeUpWorkdays.1.date'],
      ['calendar_makeup_not_weekend', 'makeUpWorkdays.2.date'],
      ['calendar_date_outside_year', 'makeUpWorkdays.3.date'],
      ['calendar_convention_reserved', 'accountingMonths.0.code'],
      ['calendar_convention_duplicate', 'accountingMonths.2.code'],
    ]);
    const r = checkWorkCalendarYear(bad);
    expect(r.ok ? null : r.issues[1]).toMatchObject({ params: { date: '2026-05-05', other: 1 } });
    expect(codes({ ...cn2026, weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toEqual([['calendar_no_working_weekday', 'weekendDays']]);
    expect(codes({ ...cn2026, holidays: [{ from: '2026-02-30', to: '2026-03-01', name }] })[0]).toEqual(['schema_custom', 'holidays.0.from']);
  });

  it('flags a holiday that is also a make-up day', () => {
    expect(codes({ ...cn2026, makeUpWorkdays: [{ date: '2026-10-03', name }] })).toEqual([['calendar_day_conflict', 'makeUpWorkdays.0.date']]);
  });

  it('keeps a year with different weekend days exact when joined with others', () => {
    const sixDays: WorkCalendarYear = { year: 2027, weekendDays: [0], holidays: [], makeUpWorkdays: [], accountingMonths: [] };
    const cal = buildWorkCalendar([cn2026, sixDays]);
    expect(isWorkingDay(cal, '2026-12-26')).toBe(false); // a 2026 Saturday
    expect(isWorkingDay(cal, '2027-01-02')).toBe(true); // a 2027 Saturday under the six-day week
    expect(isWorkingDay(cal, '2027-01-03')).toBe(false); // Sunday
  });

  it('reports years a computation would need but HR has not entered', () => {
    expect(checkCalendarCoverage(cnYears, '2026-12-25', '2027-01-25')).toEqual([
      { path: ['calendar'], code: 'calendar_year_missing', message: 'the work calendar has no year 2027; HR enters its holidays first', params: { year: 2027 } },
    ]);
    expect(checkCalendarCoverage(cnYears, '2025-06-01', '2026-06-01')).toEqual([]);
  });

  it('resolves accounting-month codes per year; calendar months always exist', () => {
    expect(accountingConventionFor(cnYears, 'workshop', 2026)).toEqual({ ok: true, value: { monthStartDay: 26 } });
    expect(accountingConventionFor([], undefined, 2026)).toEqual({ ok: true, value: { monthStartDay: 1 } });
    const r = accountingConventionFor(cnYears, 'hotel', 2026);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: 'calendar_accounting_month_unknown', params: { code: 'hotel', year: 2026 } });
  });

  it('names the holiday or make-up day behind a date', () => {
    expect(describeCalendarDay(cnYears, '2025-10-11')).toEqual({ date: '2025-10-11', working: true, makeUp: { en: 'National Day', zh: '国庆节' } });
    expect(describeCalendarDay(cnYears, '2026-02-18')).toMatchObject({ working: false, holiday: { en: 'Spring Festival' } });
    expect(describeCalendarDay(cnYears, '2026-03-07')).toEqual({ date: '2026-03-07', working: false });
  });
});
