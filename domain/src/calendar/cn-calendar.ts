import type { WorkCalendarYear } from './definition.js';

/**
 * Mainland China's public holidays and make-up working days (调休) for 2025-2027, entered the way HR enters them
 * from the State Council notice: named ranges of days off and the weekend days worked instead. The workshop's
 * 26th-25th accounting month is defined for every year. 2025 and 2026 follow the published notices; 2027 is
 * provisional (the statutory days with the usual bridges) until HR enters the official notice.
 * One source for the demo group's calendar (api seed) and the domain's tests (calendar/__fixtures__).
 */
const t = (en: string, zh: string) => ({ en, zh });
const workshop = { code: 'workshop', name: t('Workshop month (26th-25th)', '车间核算月（26 日至 25 日）'), monthStartDay: 26 };

const years: WorkCalendarYear[] = [
  {
    year: 2025,
    weekendDays: [0, 6],
    holidays: [
      { from: '2025-01-01', to: '2025-01-01', name: t("New Year's Day", '元旦') },
      { from: '2025-01-28', to: '2025-02-04', name: t('Spring Festival', '春节') },
      { from: '2025-04-04', to: '2025-04-06', name: t('Qingming', '清明节') },
      { from: '2025-05-01', to: '2025-05-05', name: t('Labour Day', '劳动节') },
      { from: '2025-05-31', to: '2025-06-02', name: t('Dragon Boat Festival', '端午节') },
      { from: '2025-10-01', to: '2025-10-08', name: t('National Day and Mid-Autumn', '国庆节、中秋节') },
    ],
    makeUpWorkdays: [
      { date: '2025-01-26', name: t('Spring Festival', '春节') },
      { date: '2025-02-08', name: t('Spring Festival', '春节') },
      { date: '2025-04-27', name: t('Labour Day', '劳动节') },
      { date: '2025-09-28', name: t('National Day', '国庆节') },
      { date: '2025-10-11', name: t('National Day', '国庆节') },
    ],
    accountingMonths: [workshop],
  },
  {
    year: 2026,
    weekendDays: [0, 6],
    holidays: [
      { from: '2026-01-01', to: '2026-01-03', name: t("New Year's Day", '元旦') },
      { from: '2026-02-15', to: '2026-02-23', name: t('Spring Festival', '春节') },
      { from: '2026-04-04', to: '2026-04-06', name: t('Qingming', '清明节') },
      { from: '2026-05-01', to: '2026-05-05', name: t('Labour Day', '劳动节') },
      { from: '2026-06-19', to: '2026-06-21', name: t('Dragon Boat Festival', '端午节') },
      { from: '2026-09-25', to: '2026-09-27', name: t('Mid-Autumn Festival', '中秋节') },
      { from: '2026-10-01', to: '2026-10-07', name: t('National Day', '国庆节') },
    ],
    makeUpWorkdays: [
      { date: '2026-01-04', name: t("New Year's Day", '元旦') },
      { date: '2026-02-14', name: t('Spring Festival', '春节') },
      { date: '2026-02-28', name: t('Spring Festival', '春节') },
      { date: '2026-05-09', name: t('Labour Day', '劳动节') },
      { date: '2026-09-20', name: t('Mid-Autumn Festival', '中秋节') },
      { date: '2026-10-10', name: t('National Day', '国庆节') },
    ],
    accountingMonths: [workshop],
  },
  {
    year: 2027,
    weekendDays: [0, 6],
    holidays: [
      { from: '2027-01-01', to: '2027-01-03', name: t("New Year's Day (provisional)", '元旦（暂定）') },
      { from: '2027-02-05', to: '2027-02-12', name: t('Spring Festival (provisional)', '春节（暂定）') },
      { from: '2027-04-03', to: '2027-04-05', name: t('Qingming (provisional)', '清明节（暂定）') },
      { from: '2027-05-01', to: '2027-05-05', name: t('Labour Day (provisional)', '劳动节（暂定）') },
      { from: '2027-06-09', to: '2027-06-09', name: t('Dragon Boat Festival (provisional)', '端午节（暂定）') },
      { from: '2027-09-15', to: '2027-09-15', name: t('Mid-Autumn Festival (provisional)', '中秋节（暂定）') },
      { from: '2027-10-01', to: '2027-10-07', name: t('National Day (provisional)', '国庆节（暂定）') },
    ],
    makeUpWorkdays: [
      { date: '2027-02-20', name: t('Spring Festival (provisional)', '春节（暂定）') },
      { date: '2027-05-08', name: t('Labour Day (provisional)', '劳动节（暂定）') },
      { date: '2027-09-26', name: t('National Day (provisional)', '国庆节（暂定）') },
      { date: '2027-10-09', name: t('National Day (provisional)', '国庆节（暂定）') },
    ],
    accountingMonths: [workshop],
  },
];

/** 2025 as published. */
export const cn2025 = years[0] as WorkCalendarYear;
/** 2026 as published. */
export const cn2026 = years[1] as WorkCalendarYear;
/** 2027, provisional. */
export const cn2027 = years[2] as WorkCalendarYear;
/** The three years, e.g. for buildWorkCalendar(cnCalendarYears). */
export const cnCalendarYears: readonly WorkCalendarYear[] = years;
