import { describe, expect, it } from 'vitest';
import { cnCalendar } from './__fixtures__/cn-holidays.js';
import { CalendarError } from './errors.js';
import { isWithinWindow, scheduleWindowFor, scheduleWindowSchema, type ScheduleWindow } from './windows.js';

// Part 5 (group HQ), Article 3, as data.
const part5Monthly: ScheduleWindow = {
  opens: { monthOffset: 0, day: 25 },
  closes: { monthOffset: 1, day: 5 },
  postponeClose: true,
  anchorMonths: [1, 2, 4, 5, 7, 8, 10, 11],
};
const part5Quarterly: ScheduleWindow = { opens: { monthOffset: 0, day: 25 }, closes: { monthOffset: 1, day: 5 }, postponeClose: true, anchorMonths: [3, 6, 9] };
const part5HalfYear: ScheduleWindow = { opens: { monthOffset: 0, day: 25 }, closes: { monthOffset: 1, day: 10 }, postponeClose: true, anchorMonths: [6] };
const part5Annual: ScheduleWindow = { opens: { monthOffset: 0, day: 25 }, closes: { monthOffset: 1, day: 25 }, postponeClose: true };
// Part 2 (cafeteria): "the assessment time for the next month before the 5th, postponed in case of holidays".
const cafeteriaMonthly: ScheduleWindow = { opens: { monthOffset: 1, day: 1 }, closes: { monthOffset: 1, day: 5 }, postponeClose: true };
// Part 2: annual assessment "before January 15".
const cafeteriaAnnual: ScheduleWindow = { opens: { monthOffset: 1, day: 1 }, closes: { monthOffset: 1, day: 15 }, postponeClose: true };

describe('scheduleWindowFor', () => {
  it('Part 5 monthly: 25th to the 5th of the next month, only in non-quarter months', () => {
    expect(scheduleWindowFor(part5Monthly, '2026-05', cnCalendar)).toEqual({
      opens: '2026-05-25',
      closes: '2026-06-05',
      nominalCloses: '2026-06-05',
      postponed: false,
    });
    expect(scheduleWindowFor(part5Monthly, '2026-06', cnCalendar)).toBeNull();
    expect(scheduleWindowFor(part5Monthly, '2026-12', cnCalendar)).toBeNull();
  });

  it('Part 5 quarterly for Q3: Sep 25 to Oct 5 is postponed past National Day 2026 to Oct 8', () => {
    expect(scheduleWindowFor(part5Quarterly, '2026-Q3', cnCalendar)).toEqual({
      opens: '2026-09-25',
      closes: '2026-10-08',
      nominalCloses: '2026-10-05',
      postponed: true,
    });
    expect(scheduleWindowFor(part5Quarterly, '2026-Q4', cnCalendar)).toBeNull();
  });

  it('Part 5 half-year (June 25 to July 10) and annual (Dec 25 to Jan 25) across the year end', () => {
    // 2026-07-10 is a Friday.
    expect(scheduleWindowFor(part5HalfYear, '2026-H1', cnCalendar)).toMatchObject({ opens: '2026-06-25', closes: '2026-07-10', postponed: false });
    expect(scheduleWindowFor(part5HalfYear, '2026-H2', cnCalendar)).toBeNull();
    // 2026-01-25 is a Sunday: the annual window for 2025 closes Monday 2026-01-26.
    expect(scheduleWindowFor(part5Annual, '2025', cnCalendar)).toEqual({
      opens: '2025-12-25',
      closes: '2026-01-26',
      nominalCloses: '2026-01-25',
      postponed: true,
    });
  });

  it('cafeteria: before the 5th of next month, postponed in case of holidays', () => {
    // September 2025: Oct 5 is inside National Day (Oct 1-8), first working day is Thu Oct 9.
    expect(scheduleWindowFor(cafeteriaMonthly, '2025-09', cnCalendar)).toEqual({
      opens: '2025-10-01',
      closes: '2025-10-09',
      nominalCloses: '2025-10-05',
      postponed: true,
    });
    // December 2025 -> January 2026: Jan 5 is a Monday, no postponement.
    expect(scheduleWindowFor(cafeteriaMonthly, '2025-12', cnCalendar)).toMatchObject({ opens: '2026-01-01', closes: '2026-01-05', postponed: false });
    // Annual 2025 -> before Jan 15 2026 (a Thursday).
    expect(scheduleWindowFor(cafeteriaAnnual, '2025', cnCalendar)).toMatchObject({ closes: '2026-01-15', postponed: false });
  });

  it('supports the last day of a month and clamps short months', () => {
    const w: ScheduleWindow = { opens: { monthOffset: 0, day: 20 }, closes: { monthOffset: 0, day: 'last' }, postponeClose: false };
    expect(scheduleWindowFor(w, '2026-02')).toMatchObject({ opens: '2026-02-20', closes: '2026-02-28' });
    const clamp: ScheduleWindow = { opens: { monthOffset: 0, day: 1 }, closes: { monthOffset: 0, day: 31 }, postponeClose: false };
    expect(scheduleWindowFor(clamp, '2026-04')).toMatchObject({ closes: '2026-04-30' });
  });

  it('rejects reversed windows and postponement without a calendar', () => {
    const reversed: ScheduleWindow = { opens: { monthOffset: 1, day: 10 }, closes: { monthOffset: 1, day: 5 }, postponeClose: false };
    expect(() => scheduleWindowFor(reversed, '2026-05')).toThrow(CalendarError);
    expect(() => scheduleWindowFor(cafeteriaMonthly, '2026-05')).toThrow(/needs a work calendar/);
  });

  it('tests membership inclusively and validates documents', () => {
    const dates = scheduleWindowFor(cafeteriaMonthly, '2025-09', cnCalendar);
    expect(dates).not.toBeNull();
    if (dates) {
      expect(isWithinWindow(dates, '2025-10-09')).toBe(true);
      expect(isWithinWindow(dates, '2025-10-10')).toBe(false);
      expect(isWithinWindow(dates, '2025-09-30')).toBe(false);
    }
    expect(scheduleWindowSchema.safeParse(part5Monthly).success).toBe(true);
    expect(scheduleWindowSchema.safeParse({ ...part5Monthly, closes: { monthOffset: 1, day: 0 } }).success).toBe(false);
  });
});
