const choicesOf = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const SCHEME_PERIODS = ['DAY', 'MONTH', 'QUARTER', 'HALF', 'YEAR', 'PROBATION'] as const;
export const SCHEME_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;

export const periodChoices = choicesOf('app.scheme.period', SCHEME_PERIODS);
export const statusChoices = choicesOf('app.scheme.status', SCHEME_STATUSES);

/** Label of a local text in the console's language. */
export const localText = (text: { en: string; zh: string } | null | undefined, locale: string): string =>
  text ? (locale === 'zh' ? text.zh || text.en : text.en || text.zh) : '';
