import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, compareIsoDates } from './dates.js';
import { CalendarError } from './errors.js';
import {
  childPeriodKeys,
  formatPeriodKey,
  parsePeriodKey,
  periodBounds,
  periodContaining,
  periodMonths,
  shiftPeriodKey,
  type PeriodKind,
} from './periods.js';

const workshop = { monthStartDay: 26 };

describe('period keys', () => {
  it('parses and formats every kind', () => {
    expect(parsePeriodKey('2026-05')).toEqual({ kind: 'month', year: 2026, index: 5 });
    expect(parsePeriodKey('2026-Q2')).toEqual({ kind: 'quarter', year: 2026, index: 2 });
    expect(parsePeriodKey('2026-H1')).toEqual({ kind: 'half', year: 2026, index: 1 });
    expect(parsePeriodKey('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
    for (const k of ['2026-05', '2026-Q2', '2026-H1', '2026']) expect(formatPeriodKey(parsePeriodKey(k))).toBe(k);
    for (const k of ['2026-13', '2026-Q5', '2026-H3', '26-05', '2026-5']) expect(() => parsePeriodKey(k)).toThrow(CalendarError);
  });

  it('lists child periods for roll-ups (Part 5: months -> quarters -> year)', () => {
    expect(childPeriodKeys('2026-Q2', 'month')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(childPeriodKeys('2026', 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(childPeriodKeys('2026-H2', 'quarter')).toEqual(['2026-Q3', '2026-Q4']);
    expect(childPeriodKeys('2026', 'month')).toHaveLength(12);
    expect(() => childPeriodKeys('2026-Q1', 'half')).toThrow(CalendarError);
  });

  it('shifts keys across year boundaries', () => {
    expect(shiftPeriodKey('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriodKey('2025-12', 1)).toBe('2026-01');
    expect(shiftPeriodKey('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriodKey('2026-H2', 1)).toBe('2027-H1');
    expect(shiftPeriodKey('2026', -2)).toBe('2024');
    expect(periodMonths('2026-Q4')).toEqual({ year: 2026, first: 10, last: 12 });
  });
});

describe('periodBounds', () => {
  it('gives calendar bounds for month, quarter, half and year', () => {
    expect(periodBounds('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodBounds('2026-Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodBounds('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodBounds('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('gives the workshop accounting month, 26th of last month to the 25th (Part 4, Article 5)', () => {
    expect(periodBounds('2026-05', workshop)).toEqual({ start: '2026-04-26', end: '2026-05-25' });
    expect(periodBounds('2026-01', workshop)).toEqual({ start: '2025-12-26', end: '2026-01-25' });
    expect(periodBounds('2026-03', workshop)).toEqual({ start: '2026-02-26', end: '2026-03-25' });
    expect(periodBounds('2026-Q1', workshop)).toEqual({ start: '2025-12-26', end: '2026-03-25' });
    expect(periodBounds('2026', workshop)).toEqual({ start: '2025-12-26', end: '2026-12-25' });
    expect(() => periodBounds('2026-05', { monthStartDay: 29 })).toThrow(CalendarError);
  });
});

describe('periodContaining', () => {
  it('finds calendar periods', () => {
    expect(periodContaining('2026-05-26', 'month')).toBe('2026-05');
    expect(periodContaining('2026-06-30', 'quarter')).toBe('2026-Q2');
    expect(periodContaining('2026-07-01', 'half')).toBe('2026-H2');
    expect(periodContaining('2026-12-31', 'year')).toBe('2026');
  });

  it('moves the 26th onwards into the next accounting month, across the year end', () => {
    expect(periodContaining('2026-05-25', 'month', workshop)).toBe('2026-05');
    expect(periodContaining('2026-05-26', 'month', workshop)).toBe('2026-06');
    expect(periodContaining('2025-12-27', 'month', workshop)).toBe('2026-01');
    expect(periodContaining('2025-12-27', 'year', workshop)).toBe('2026');
    expect(periodContaining('2026-03-26', 'quarter', workshop)).toBe('2026-Q2');
  });

  it('property: every date lies inside the bounds of the period that contains it', () => {
    const kinds: PeriodKind[] = ['month', 'quarter', 'half', 'year'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(...kinds), fc.constantFrom(1, 16, 21, 26, 28), (offset, kind, startDay) => {
        const date = addCalendarDays('2023-01-01', offset);
        const convention = { monthStartDay: startDay };
        const { start, end } = periodBounds(periodContaining(date, kind, convention), convention);
        expect(compareIsoDates(start, date) <= 0 && compareIsoDates(date, end) <= 0).toBe(true);
        // Consecutive periods tile time: the next period starts the day after this one ends.
        const next = periodBounds(shiftPeriodKey(periodContaining(date, kind, convention), 1), convention);
        expect(next.start).toBe(addCalendarDays(end, 1));
      }),
    );
  });
});
