import { z } from 'zod';
import { CalendarError } from './errors.js';
import { compareIsoDates, isoDate, type IsoDate } from './dates.js';
import { periodMonths } from './periods.js';
import { nextWorkingDay, type WorkCalendar } from './work-calendar.js';

/**
 * A date relative to the last month of a period: `{ monthOffset: 1, day: 5 }` is "the 5th of the
 * following month". `day: 'last'` is the month's last day; a day past the month's end is clamped.
 */
export interface WindowPoint {
  monthOffset: number;
  day: number | 'last';
}

/**
 * When the appraisal of a period is carried out, as data. Part 5: monthly "from the 25th to the 5th
 * of the following month" is `{ opens: { monthOffset: 0, day: 25 }, closes: { monthOffset: 1, day: 5 } }`.
 * `postponeClose` moves a close date that is not a working day to the next working day ("postponed
 * in case of holidays"). `anchorMonths` limits the window to periods ending in those months (Part 5
 * runs the monthly window only in non-quarter months, because quarter months use the quarterly one).
 */
export interface ScheduleWindow {
  opens: WindowPoint;
  closes: WindowPoint;
  postponeClose: boolean;
  anchorMonths?: readonly number[];
}

/** The concrete dates of a window for one period (inclusive). `nominalCloses` is before any postponement. */
export interface ScheduleWindowDates {
  opens: IsoDate;
  closes: IsoDate;
  nominalCloses: IsoDate;
  postponed: boolean;
}

const windowPointSchema = z.strictObject({
  monthOffset: z.number().int().min(-12).max(24),
  day: z.union([z.number().int().min(1).max(31), z.literal('last')]),
});

/** Zod schema of a ScheduleWindow. Example: scheduleWindowSchema.parse({ opens: { monthOffset: 0, day: 25 }, closes: { monthOffset: 1, day: 5 }, postponeClose: true }) */
export const scheduleWindowSchema = z.strictObject({
  opens: windowPointSchema,
  closes: windowPointSchema,
  postponeClose: z.boolean(),
  anchorMonths: z.array(z.number().int().min(1).max(12)).optional(),
});

function resolvePoint(year: number, anchorMonth: number, p: WindowPoint): IsoDate {
  // isoDate clamps the day, so 'last' is simply a day no month exceeds.
  return isoDate(year, anchorMonth + p.monthOffset, p.day === 'last' ? 31 : p.day);
}

/**
 * The dates of a schedule window for a period, or null when the window does not apply to it.
 * Example: scheduleWindowFor(monthly, '2025-09', cn2025) -> { opens: '2025-09-25', closes: '2025-10-09', nominalCloses: '2025-10-05', postponed: true }
 */
export function scheduleWindowFor(window: ScheduleWindow, periodKey: string, calendar?: WorkCalendar): ScheduleWindowDates | null {
  const { year, last } = periodMonths(periodKey);
  if (window.anchorMonths && !window.anchorMonths.includes(last)) return null;
  const opens = resolvePoint(year, last, window.opens);
  const nominalCloses = resolvePoint(year, last, window.closes);
  if (compareIsoDates(nominalCloses, opens) < 0) {
    throw new CalendarError({
      path: ['closes'],
      code: 'calendar_window_reversed',
      message: `window for ${periodKey} closes (${nominalCloses}) before it opens (${opens})`,
      params: { opens, closes: nominalCloses },
    });
  }
  if (window.postponeClose && !calendar) {
    throw new CalendarError({
      path: ['postponeClose'],
      code: 'calendar_required',
      message: 'a window postponed past holidays needs a work calendar',
    });
  }
  const closes = window.postponeClose && calendar ? nextWorkingDay(calendar, nominalCloses) : nominalCloses;
  return { opens, closes, nominalCloses, postponed: closes !== nominalCloses };
}

/** True when a date falls inside resolved window dates (both ends inclusive). Example: isWithinWindow({ opens: '2026-05-25', closes: '2026-06-05', ... }, '2026-06-05') -> true */
export function isWithinWindow(dates: ScheduleWindowDates, date: IsoDate): boolean {
  return compareIsoDates(date, dates.opens) >= 0 && compareIsoDates(date, dates.closes) <= 0;
}
