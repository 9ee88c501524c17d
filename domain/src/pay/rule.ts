import { z } from 'zod';
import type { RoundingMode } from '../decimal.js';
import { dec } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import { zodToDomainIssues } from '../calendar/zod-issues.js';

/** Where and how a pay amount is rounded; stated once in the rule. */
export interface PayRounding {
  places: number;
  mode: RoundingMode;
}

/** A score band of `scorePercentOfBase` with explicit bound inclusivity and the percentage of base it pays. */
export interface PayBand {
  min: string;
  max: string;
  minInclusive: boolean;
  maxInclusive: boolean;
  percent: string;
}

/**
 * How an appraisal result becomes money. Every seed program's pay is one of these:
 * - none: the scheme computes no pay.
 * - scorePercentOfBase: cafeteria, 80-100 -> 100 %, 70-79 -> 80 %, 60-69 -> 60 %, below 60 -> 0 of the performance pay base.
 * - gradePercentOfBase: a grade label -> percent of base.
 * - floatingByAverage: group HQ, base x score / group average (above average up by the proportion, below down, equal unchanged).
 * - poolSplit: a bonus pool distributed in full by weights (scores, or man-hours x completion factor).
 * - dailyWage: hotel audit, the day's wage x points / pointsPerDay (100 points a day).
 */
export type PayRule =
  | { kind: 'none' }
  | { kind: 'scorePercentOfBase'; bands: PayBand[]; rounding: PayRounding }
  | { kind: 'gradePercentOfBase'; grades: { grade: string; percent: string }[]; rounding: PayRounding }
  | { kind: 'floatingByAverage'; rounding: PayRounding }
  | { kind: 'poolSplit'; weightBy: 'score' | 'manHoursTimesCompletion'; remainder: 'largestRemainder'; rounding: PayRounding }
  | { kind: 'dailyWage'; pointsPerDay: string; rounding: PayRounding };

/** The kinds of PayRule. */
export type PayRuleKind = PayRule['kind'];

const DECIMAL = /^-?\d+(\.\d+)?$/;
const decimalString = z.string().regex(DECIMAL, 'expected a decimal number such as "80" or "12.50"');
const roundingSchema = z.strictObject({
  places: z.number().int().min(0).max(10),
  mode: z.enum(['halfUp', 'halfEven', 'down', 'up']),
});

/** Zod schema of a PayRule, for embedding in the scheme document. Example: payRuleSchema.parse({ kind: 'none' }) */
export const payRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('scorePercentOfBase'),
    bands: z
      .array(
        z.strictObject({
          min: decimalString,
          max: decimalString,
          minInclusive: z.boolean(),
          maxInclusive: z.boolean(),
          percent: decimalString,
        }),
      )
      .min(1),
    rounding: roundingSchema,
  }),
  z.strictObject({
    kind: z.literal('gradePercentOfBase'),
    grades: z.array(z.strictObject({ grade: z.string().min(1), percent: decimalString })).min(1),
    rounding: roundingSchema,
  }),
  z.strictObject({ kind: z.literal('floatingByAverage'), rounding: roundingSchema }),
  z.strictObject({
    kind: z.literal('poolSplit'),
    weightBy: z.enum(['score', 'manHoursTimesCompletion']),
    remainder: z.literal('largestRemainder'),
    rounding: roundingSchema,
  }),
  z.strictObject({ kind: z.literal('dailyWage'), pointsPerDay: decimalString, rounding: roundingSchema }),
]);

// Compile-time proof that the schema and the hand-written type describe the same documents.
type SchemaOut = z.infer<typeof payRuleSchema>;
const _sameShape: [SchemaOut extends PayRule ? true : false, PayRule extends SchemaOut ? true : false] = [true, true];
void _sameShape;

function bandOverlap(a: PayBand, b: PayBand): boolean {
  // Bands are sorted by min; they overlap when b starts before a ends, or both include the shared bound.
  const c = dec(b.min).comparedTo(dec(a.max));
  return c < 0 || (c === 0 && a.maxInclusive && b.minInclusive);
}

/**
 * Validates a pay rule beyond its shape: bands non-empty and non-overlapping, percents not negative,
 * grades unique, points per day positive. Every issue is reported with its path.
 * Example: checkPayRule({ kind: 'dailyWage', pointsPerDay: '0', rounding: { places: 2, mode: 'halfUp' } }).ok -> false
 */
export function checkPayRule(input: unknown): Checked<PayRule> {
  const parsed = payRuleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodToDomainIssues(parsed.error.issues) };
  const rule = parsed.data;
  const issues: DomainIssue[] = [];
  if (rule.kind === 'scorePercentOfBase') {
    rule.bands.forEach((b, i) => {
      const c = dec(b.min).comparedTo(dec(b.max));
      if (c > 0 || (c === 0 && !(b.minInclusive && b.maxInclusive))) {
        issues.push({ path: ['bands', i], code: 'pay_band_empty', message: `band ${i + 1} contains no score (${b.min} .. ${b.max})`, params: { min: b.min, max: b.max } });
      }
      if (dec(b.percent).lt(0)) {
        issues.push({ path: ['bands', i, 'percent'], code: 'pay_negative_percent', message: `percent ${b.percent} must not be negative`, params: { percent: b.percent } });
      }
    });
    const order = rule.bands.map((b, i) => ({ b, i })).sort((x, y) => dec(x.b.min).comparedTo(dec(y.b.min)));
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1];
      const cur = order[k];
      if (prev && cur && bandOverlap(prev.b, cur.b)) {
        issues.push({
          path: ['bands', cur.i],
          code: 'pay_band_overlap',
          message: `band ${cur.i + 1} overlaps band ${prev.i + 1}`,
          params: { band: cur.i + 1, other: prev.i + 1 },
        });
      }
    }
  }
  if (rule.kind === 'gradePercentOfBase') {
    const seen = new Set<string>();
    rule.grades.forEach((g, i) => {
      if (seen.has(g.grade)) issues.push({ path: ['grades', i, 'grade'], code: 'pay_grade_duplicate', message: `grade ${g.grade} is listed twice`, params: { grade: g.grade } });
      seen.add(g.grade);
      if (dec(g.percent).lt(0)) {
        issues.push({ path: ['grades', i, 'percent'], code: 'pay_negative_percent', message: `percent ${g.percent} must not be negative`, params: { percent: g.percent } });
      }
    });
  }
  if (rule.kind === 'dailyWage' && !dec(rule.pointsPerDay).gt(0)) {
    issues.push({ path: ['pointsPerDay'], code: 'pay_points_per_day', message: 'points per day must be positive', params: { value: rule.pointsPerDay } });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: rule };
}
