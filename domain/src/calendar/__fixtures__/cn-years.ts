import type { WorkCalendarYear } from '../definition.js';

/**
 * Test fixture: the same 2025 and 2026 mainland China arrangements as cn-holidays.ts, entered the way HR
 * enters them (named ranges per year), plus the workshop's accounting month. Test data only.
 */
const t = (en: string, zh: string) => ({ en, zh });
const workshop = { code: 'workshop', name: t('Workshop month (26th-25th)', '车间核算月（26 日至 25 日）'), monthStartDay: 26 };

export const cn2025: WorkCalendarYear = {
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
};

export const cn2026: WorkCalendarYear = {
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
};

export const cnYears: readonly WorkCalendarYear[] = [cn2025, cn2026];
