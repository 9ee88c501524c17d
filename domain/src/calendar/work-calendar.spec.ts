import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnCalendar } from './__fixtures__/cn-holidays.js';
import { addCalendarDays, weekdayOf } from './dates.js';
import { CalendarError } from './errors.js';
import {
  addWorkingDays,
  checkWorkCalendar,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from './work-calendar.js';

describe('isWorkingDay', () => {
  it('treats holidays as off, make-up weekend days as on, and plain weekends as off', () => {
    expect(isWorkingDay(cnCalendar, '2025-10-01')).toBe(false); // National Day, a Wednesday
    expect(isWorkingDay(cnCalendar, '2025-10-08')).toBe(false);
    expect(isWorkingDay(cnCalendar, '2025-09-28')).toBe(true); // make-up Sunday
    expect(isWorkingDay(cnCalendar, '2025-10-11')).toBe(true); // make-up Saturday
    expect(isWorkingDay(cnCalendar, '2025-10-12')).toBe(false); // ordinary Sunday
    expect(isWorkingDay(cnCalendar, '2025-10-09')).toBe(true);
  });
});

describe('nextWorkingDay / previousWorkingDay', () => {
  it('keeps a working day and postpones a holiday to the next working day', () => {
    expect(nextWorkingDay(cnCalendar, '2025-10-09')).toBe('2025-10-09');
    expect(nextWorkingDay(cnCalendar, '2025-10-05')).toBe('2025-10-09');
    expect(nextWorkingDay(cnCalendar, '2025-10-04')).toBe('2025-10-09');
    // Across the year boundary: New Year 2026 Jan 1-3, Sunday Jan 4 is a make-up working day.
    expect(nextWorkingDay(cnCalendar, '2026-01-01')).toBe('2026-01-04');
    expect(previousWorkingDay(cnCalendar, '2025-10-05')).toBe('2025-09-30');
    expect(previousWorkingDay(cnCalendar, '2026-01-03')).toBe('2025-12-31');
  });
});

describe('addWorkingDays', () => {
  it('answers the cafeteria appeal within seven working days across National Day', () => {
    // Received Tue 2025-09-30: Oct 1-8 off, 9 Thu, 10 Fri, 11 Sat (make-up), 13-16 Mon-Thu.
    expect(addWorkingDays(cnCalendar, '2025-09-30', 7)).toBe('2025-10-16');
    expect(workingDaysBetween(cnCalendar, '2025-09-30', '2025-10-16')).toBe(7);
  });

  it('does not count the start day, even when it is a holiday', () => {
    expect(addWorkingDays(cnCalendar, '2025-10-03', 1)).toBe('2025-10-09');
    expect(addWorkingDays(cnCalendar, '2025-10-09', 1)).toBe('2025-10-10');
  });

  it('crosses the year boundary with New Year holidays and a make-up Sunday', () => {
    expect(weekdayOf('2025-12-30')).toBe(2);
    // Dec 31 (1), Jan 1-3 off, Sun Jan 4 make-up (2), Mon Jan 5 (3).
    expect(addWorkingDays(cnCalendar, '2025-12-30', 3)).toBe('2026-01-05');
    expect(addWorkingDays(cnCalendar, '2026-01-05', -3)).toBe('2025-12-30');
  });

  it('crosses the long Spring Festival 2026 break', () => {
    // Fri Feb 13, Sat Feb 14 (make-up), Feb 15-23 off, Tue Feb 24.
    expect(addWorkingDays(cnCalendar, '2026-02-12', 3)).toBe('2026-02-24');
  });

  it('returns the date unchanged for n = 0 and rejects fractional counts', () => {
    expect(addWorkingDays(cnCalendar, '2025-10-05', 0)).toBe('2025-10-05');
    expect(() => addWorkingDays(cnCalendar, '2025-10-05', 1.5)).toThrow(CalendarError);
  });

  it('fails loudly instead of looping on a calendar with no working day', () => {
    const never: WorkCalendar = { weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: [], makeUpWorkdays: [] };
    expect(() => addWorkingDays(never, '2026-01-01', 1)).toThrow(/no working day/);
    expect(() => nextWorkingDay(never, '2026-01-01')).toThrow(CalendarError);
  });

  it('property: for n >= 1 it always lands on a working day strictly after the start, n working days later', () => {
    const start = new Date(Date.UTC(2024, 11, 1)).getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 40 }), (offset, n) => {
        const from = addCalendarDays(new Date(start).toISOString().slice(0, 10), offset);
        const to = addWorkingDays(cnCalendar, from, n);
        expect(isWorkingDay(cnCalendar, to)).toBe(true);
        expect(to > from).toBe(true);
        expect(workingDaysBetween(cnCalendar, from, to)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('property: holds for any weekend set and random holiday tables', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((o) => addCalendarDays('2026-01-01', o));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(0, 1, 2, 3, 4, 5, 6) as fc.Arbitrary<0 | 1 | 2 | 3 | 4 | 5 | 6>, { maxLength: 5 }),
        fc.uniqueArray(day, { maxLength: 40 }),
        day,
        fc.integer({ min: 1, max: 15 }),
        (weekendDays, holidays, from, n) => {
          const cal: WorkCalendar = { weekendDays, holidays, makeUpWorkdays: [] };
          const to = addWorkingDays(cal, from, n);
          expect(isWorkingDay(cal, to)).toBe(true);
          expect(workingDaysBetween(cal, from, to)).toBe(n);
        },
      ),
    );
  });
});

describe('checkWorkCalendar', () => {
  it('accepts the fixture and reports conflicts and impossible data with paths', () => {
    expect(checkWorkCalendar(cnCalendar).ok).toBe(true);
    const bad = checkWorkCalendar({ weekendDays: [0, 6], holidays: ['2025-10-01'], makeUpWorkdays: ['2025-10-01'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: ['makeUpWorkdays', 0], code: 'calendar_day_conflict' });
    const shape = checkWorkCalendar({ weekendDays: [7], holidays: ['2025-02-30'], makeUpWorkdays: [] });
    expect(shape.ok).toBe(false);
    if (!shape.ok) expect(shape.issues.map((i) => i.path)).toEqual([['weekendDays', 0], ['holidays', 0]]);
    const allOff = checkWorkCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: [], makeUpWorkdays: [] });
    expect(allOff.ok).toBe(false);
  });
});
