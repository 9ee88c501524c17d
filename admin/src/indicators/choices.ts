const choicesOf = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const SCORING_METHODS = ['RANGE', 'RUBRIC', 'DEDUCTION', 'FORMULA', 'PASS_FAIL'] as const;
export const MEASUREMENT_SOURCES = ['RATED', 'SURVEY', 'MEASURED'] as const;

/** Choice names are i18n keys, translated by react-admin's selects and fields. */
export const scoringMethodChoices = choicesOf('app.indicator.scoring', SCORING_METHODS);
export const sourceChoices = choicesOf('app.indicator.source', MEASUREMENT_SOURCES);
