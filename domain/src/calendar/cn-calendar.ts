import type { WorkCalendarYear } from './definition.js';

/**
 * Mainland China's public holidays and make-up working days (调休) for 2025-2027, entered the way HR enters them
 * from the State Council notice: named ranges of days off and the weekend days worked instead. The workshop's
 * 26th-25th accounting month is defined for every year. 2025 and 2026 follow the published notices; 2027 is
 * provisional (the statutory days with the usual bridges) until HR enters the official notice.
 * One source for the demo group's calendar (api seed) and the domain's tests (calendar/__fixtures__).
 */
type Festival = 'newYear' | 'springFestival' | 'qingming' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay' | 'nationalDayMidAutumn';

const FESTIVALS: Record<Festival, { en: string; zh: string }> = {
  newYear: { en: "New Year's Day", zh: '元旦' },
  springFestival: { en: 'Spring Festival', zh: '春节' },
  qingming: { en: 'Qingming', zh: '清明节' },
  labourDay: { en: 'Labour Day', zh: '劳动节' },
  dragonBoat: { en: 'Dragon Boat Festival', zh: '端午节' },
  midAutumn: { en: 'Mid-Autumn Festival', zh: '中秋节' },
  nationalDay: { en: 'National Day', zh: '国庆节' },
  nationalDayMidAutumn: { en: 'National Day and Mid-Autumn', zh: '国庆节、中秋节' },
};

/** A year as the notice lists it: days off as [first, last, festival], make-up workdays as [date, festival]. */
interface Notice {
  year: number;
  provisional?: boolean;
  holidays: Array<[from: string, to: string, festival: Festival]>;
  makeUpWorkdays: Array<[date: string, festival: Festival]>;
}

const NOTICES: Notice[] = [
  {
    year: 2025,
    holidays: [
      ['2025-01-01', '2025-01-01', 'newYear'],
      ['2025-01-28', '2025-02-04', 'springFestival'],
      ['2025-04-04', '2025-04-06', 'qingming'],
      ['2025-05-01', '2025-05-05', 'labourDay'],
      ['2025-05-31', '2025-06-02', 'dragonBoat'],
      ['2025-10-01', '2025-10-08', 'nationalDayMidAutumn'],
    ],
    makeUpWorkdays: [
      ['2025-01-26', 'springFestival'],
      ['2025-02-08', 'springFestival'],
      ['2025-04-27', 'labourDay'],
      ['2025-09-28', 'nationalDay'],
      ['2025-10-11', 'nationalDay'],
    ],
  },
  {
    year: 2026,
    holidays: [
      ['2026-01-01', '2026-01-03', 'newYear'],
      ['2026-02-15', '2026-02-23', 'springFestival'],
      ['2026-04-04', '2026-04-06', 'qingming'],
      ['2026-05-01', '2026-05-05', 'labourDay'],
      ['2026-06-19', '2026-06-21', 'dragonBoat'],
      ['2026-09-25', '2026-09-27', 'midAutumn'],
      ['2026-10-01', '2026-10-07', 'nationalDay'],
    ],
    makeUpWorkdays: [
      ['2026-01-04', 'newYear'],
      ['2026-02-14', 'springFestival'],
      ['2026-02-28', 'springFestival'],
      ['2026-05-09', 'labourDay'],
      ['2026-09-20', 'midAutumn'],
      ['2026-10-10', 'nationalDay'],
    ],
  },
  {
    year: 2027,
    provisional: true,
    holidays: [
      ['2027-01-01', '2027-01-03', 'newYear'],
      ['2027-02-05', '2027-02-12', 'springFestival'],
      ['2027-04-03', '2027-04-05', 'qingming'],
      ['2027-05-01', '2027-05-05', 'labourDay'],
      ['2027-06-09', '2027-06-09', 'dragonBoat'],
      ['2027-09-15', '2027-09-15', 'midAutumn'],
      ['2027-10-01', '2027-10-07', 'nationalDay'],
    ],
    makeUpWorkdays: [
      ['2027-02-20', 'springFestival'],
      ['2027-05-08', 'labourDay'],
      ['2027-09-26', 'nationalDay'],
      ['2027-10-09', 'nationalDay'],
    ],
  },
];

const workshop = { code: 'workshop', name: { en: 'Workshop month (26th-25th)', zh: '车间核算月（26 日至 25 日）' }, monthStartDay: 26 };

/** The calendar year of a notice: Saturday and Sunday off, festival names in both languages, the workshop month. */
function calendarYear(notice: Notice): WorkCalendarYear {
  const name = (festival: Festival) => {
    const { en, zh } = FESTIVALS[festival];
    return notice.provisional ? { en: `${en} (provisional)`, zh: `${zh}（暂定）` } : { en, zh };
  };
  return {
    year: notice.year,
    weekendDays: [0, 6],
    holidays: notice.holidays.map(([from, to, festival]) => ({ from, to, name: name(festival) })),
    makeUpWorkdays: notice.makeUpWorkdays.map(([date, festival]) => ({ date, name: name(festival) })),
    accountingMonths: [workshop],
  };
}

const years: WorkCalendarYear[] = NOTICES.map(calendarYear);

/** 2025 as published. */
export const cn2025 = years[0] as WorkCalendarYear;
/** 2026 as published. */
export const cn2026 = years[1] as WorkCalendarYear;
/** 2027, provisional. */
export const cn2027 = years[2] as WorkCalendarYear;
/** The three years, e.g. for buildWorkCalendar(cnCalendarYears). */
export const cnCalendarYears: readonly WorkCalendarYear[] = years;
