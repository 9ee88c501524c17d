/**
 * The one place the console turns dates, numbers and money into text for the current language.
 * Every field component (and react-admin's own DateField / NumberField, through theme defaults) uses it.
 */

export type ConsoleLocale = 'en' | 'zh';

/** The Intl locale behind a console language: `intlLocale('zh')` -> 'zh-CN'. */
export const intlLocale = (locale: string): string => (locale === 'zh' ? 'zh-CN' : 'en-US');

/** Money in this system is Chinese yuan, kept as exact decimal strings. */
const CURRENCY = 'CNY';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
const cached = <T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T => {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
};

/** A calendar date ('2026-11-26') is a day, not an instant: read it in UTC so no time zone moves it. */
const isDateOnly = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);

const toDate = (value: string | number | Date): Date | null => {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** `formatDate('2026-11-26', 'zh')` -> '2026年11月26日'; in English 'Nov 26, 2026'. */
export const formatDate = (value: string | number | Date, locale: string): string => {
  const date = toDate(value);
  if (!date) return String(value);
  const timeZone = typeof value === 'string' && isDateOnly(value) ? 'UTC' : undefined;
  const format = cached(`date:${locale}:${timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: locale === 'zh' ? 'long' : 'medium', timeZone }),
  );
  return format.format(date);
};

/** `formatDateTime('2026-11-26T14:34:42Z', 'zh')` -> '2026-11-26 22:34' (Beijing); in English 'Nov 26, 2026, 10:34 PM'. */
export const formatDateTime = (value: string | number | Date, locale: string): string => {
  const date = toDate(value);
  if (!date) return String(value);
  if (locale === 'zh') {
    const parts = cached('datetime:zh', () =>
      new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    ).formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
  }
  return cached(`datetime:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' })).format(date);
};

/** `formatNumber(1234.5, 'en')` -> '1,234.5'. */
export const formatNumber = (value: number | string, locale: string): string => {
  const format = cached(`number:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 20 }));
  return format.format(value as Intl.StringNumericLiteral);
};

/**
 * `formatMoney('3200.5', 'zh')` -> '¥3,200.50'. Decimal strings are formatted as strings, so no binary
 * floating point ever touches an amount.
 */
export const formatMoney = (value: number | string, locale: string): string => {
  const format = cached(`money:${locale}`, () =>
    new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency: CURRENCY,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }),
  );
  return format.format(value as Intl.StringNumericLiteral);
};
