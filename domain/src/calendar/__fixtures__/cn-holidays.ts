import { expandDateRange } from '../dates.js';
import type { WorkCalendar } from '../work-calendar.js';

/**
 * Test fixture: the mainland China public holiday arrangements for 2025 and 2026 as published by the
 * State Council General Office (holidays and make-up working days). Test data only — production
 * calendars are loaded by HR each year.
 */
export const cnCalendar: WorkCalendar = {
  weekendDays: [0, 6],
  holidays: [
    // 2025
    '2025-01-01',
    ...expandDateRange('2025-01-28', '2025-02-04'), // Spring Festival
    ...expandDateRange('2025-04-04', '2025-04-06'), // Qingming
    ...expandDateRange('2025-05-01', '2025-05-05'), // Labour Day
    ...expandDateRange('2025-05-31', '2025-06-02'), // Dragon Boat
    ...expandDateRange('2025-10-01', '2025-10-08'), // National Day + Mid-Autumn
    // 2026
    ...expandDateRange('2026-01-01', '2026-01-03'), // New Year
    ...expandDateRange('2026-02-15', '2026-02-23'), // Spring Festival
    ...expandDateRange('2026-04-04', '2026-04-06'), // Qingming
    ...expandDateRange('2026-05-01', '2026-05-05'), // Labour Day
    ...expandDateRange('2026-06-19', '2026-06-21'), // Dragon Boat
    ...expandDateRange('2026-09-25', '2026-09-27'), // Mid-Autumn
    ...expandDateRange('2026-10-01', '2026-10-07'), // National Day
  ],
  makeUpWorkdays: [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
};
