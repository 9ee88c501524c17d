import { dec, decimalText, isOrgCode, plain } from '@appraisal/domain';
import type { FieldProblem } from '../../core/errors.js';
import { IndicatorScoringMethod } from './indicator.entity.js';

/** The indicator fields a create, an update or an import row states, after merging with the stored record. */
export interface IndicatorFields {
  code: string;
  name: string;
  scoringMethod: IndicatorScoringMethod;
  minPoints: string | null;
  maxPoints: string;
  tags: string[];
}

// Deductions count down from full marks and pass/fail has two fixed outcomes: neither has a lowest score to state.
const WITHOUT_MIN = new Set([IndicatorScoringMethod.DEDUCTION, IndicatorScoringMethod.PASS_FAIL]);
const MAX_POINTS = dec('100000000');

/** Every broken rule of an indicator's fields, by field. */
export function checkIndicatorFields(f: IndicatorFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, rule: string, message: string, params?: FieldProblem['params']) =>
    problems.push({ field, rule, message, ...(params ? { params } : {}) });
  if (!isOrgCode(f.code)) add('code', 'format', 'code must be 1-32 letters, digits, dots, dashes or underscores');
  if (f.name.trim() === '' || f.name.length > 200) add('name', 'length', 'name must be 1-200 characters');
  const maxOk = decimalText.safeParse(f.maxPoints).success;
  if (!maxOk) add('maxPoints', 'decimal', 'maxPoints must be a decimal number such as "10" or "12.5"');
  else if (dec(f.maxPoints).lte(0) || dec(f.maxPoints).gte(MAX_POINTS)) add('maxPoints', 'range', 'maxPoints must be above 0 and below 100,000,000');
  if (f.minPoints !== null) {
    if (WITHOUT_MIN.has(f.scoringMethod)) add('minPoints', 'not_applicable', `a ${f.scoringMethod} indicator has no minPoints`, { method: f.scoringMethod });
    else if (!decimalText.safeParse(f.minPoints).success) add('minPoints', 'decimal', 'minPoints must be a decimal number such as "0"');
    else if (dec(f.minPoints).lt(0) || (maxOk && dec(f.minPoints).gt(f.maxPoints))) add('minPoints', 'range', `minPoints must be between 0 and maxPoints (${f.maxPoints})`, { min: '0', max: f.maxPoints });
  }
  if (f.tags.some((t) => t.trim() === '' || t.length > 50)) add('tags', 'length', 'each tag must be 1-50 characters');
  if (f.tags.length > 30) add('tags', 'count', 'at most 30 tags');
  return problems;
}

/** Decimal text as people write it: "12.5000" from the database reads "12.5". */
export const pointsText = (value: string | null): string | null => (value === null ? null : plain(dec(value)));

/** Range-like methods default their lowest score to 0 when none is given. */
export const defaultMinPoints = (method: IndicatorScoringMethod, given: string | null | undefined): string | null =>
  WITHOUT_MIN.has(method) ? (given ?? null) : (given ?? '0');

export const cleanTags = (tags: readonly string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
