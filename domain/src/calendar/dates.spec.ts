import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  compareIsoDates,
  daysInMonth,
  expandDateRange,
  isCalendarDate,
  isoDate,
  parseIsoDate,
  weekdayOf,
} from './dates.js';
import { CalendarError } from './errors.js';

describe('ISO dates', () => {
  it('parses real dates and rejects impossible ones with a typed error', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-5-1')).toBe(false);
    expect(() => parseIsoDate('2026-04-31')).toThrow(CalendarError);
    try {
      parseIsoDate('nope');
    } catch (e) {
      expect((e as CalendarError).code).toBe('calendar_invalid_date');
    }
  });

  it('adds days across month and year boundaries and leap days', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(calendarDaysBetween('2026-01-30', '2026-02-02')).toBe(3);
    expect(calendarDaysBetween('2026-02-02', '2026-01-30')).toBe(-3);
  });

  it('knows weekdays (0 = Sunday)', () => {
    expect(weekdayOf('2025-10-01')).toBe(3); // Wednesday
    expect(weekdayOf('2025-10-11')).toBe(6); // Saturday
    expect(weekdayOf('2026-01-04')).toBe(0); // Sunday
  });

  it('normalises month overflow and clamps days when building dates', () => {
    expect(isoDate(2026, 13, 5)).toBe('2027-01-05');
    expect(isoDate(2026, 0, 26)).toBe('2025-12-26');
    expect(isoDate(2026, 2, 31)).toBe('2026-02-28');
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it('compares and expands ranges', () => {
    expect(compareIsoDates('2026-01-02', '2025-12-31')).toBe(1);
    expect(compareIsoDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(expandDateRange('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(() => expandDateRange('2026-01-02', '2026-01-01')).toThrow(CalendarError);
  });
});
