import { z } from 'zod';
import type { RoundingMode } from '../decimal.js';
import { dec, type Decimal } from '../decimal.js';
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

/**
 * The scores two neighbouring bands (sorted by min) leave unpaid: a stretch between them (80-100, 70-79 typed
 * from a regulation leaves (79, 80)), or a shared bound both exclude. The issue suggests the half-open form.
 */
function bandGap(a: PayBand, b: PayBand): Omit<DomainIssue, 'path'> | undefined {
  const c = dec(b.min).comparedTo(dec(a.max));
  if (c > 0) {
    const example = dec(a.max).plus(dec(b.min)).div(2).toFixed();
    return {
      code: 'pay_band_gap',
      message: `no pay band covers scores between ${a.max} and ${b.min} (e.g. ${example}); write bands half-open, e.g. ${a.min} <= score < ${b.min}`,
      params: { from: a.max, to: b.min, example, suggestMin: a.min, suggestMax: b.min },
    };
  }
  if (c === 0 && !a.maxInclusive && !b.minInclusive) {
    return {
      code: 'pay_band_gap',
      message: `a score of exactly ${b.min} falls in no pay band`,
      params: { score: b.min, variant: 'point' },
    };
  }
  return undefined;
}

/**
 * Checks that a scheme's possible totals (its floor and cap, where stated) fall in some pay band.
 * Example: payBandCoverage([{ min: '60', max: '100', minInclusive: true, maxInclusive: true, percent: '100' }], { floor: '0', cap: '100' }) -> [{ code: 'pay_band_range', ... }]
 */
export function payBandCoverage(bands: readonly PayBand[], total: { floor?: string; cap?: string }): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (bands.length === 0) return issues;
  const indexed = bands.map((b, i) => ({ b, i }));
  const lowest = indexed.reduce((lo, x) => (dec(x.b.min).lt(dec(lo.b.min)) ? x : lo));
  const highest = indexed.reduce((hi, x) => (dec(x.b.max).gt(dec(hi.b.max)) ? x : hi));
  const covered = (score: string) => bands.some((b) => bandContains(b, dec(score)));
  if (total.floor !== undefined && !covered(total.floor)) {
    issues.push({
      path: ['bands', lowest.i, 'min'],
      code: 'pay_band_range',
      message: `no pay band holds the lowest total ${total.floor}`,
      params: { score: total.floor, variant: 'floor' },
    });
  }
  if (total.cap !== undefined && !covered(total.cap)) {
    issues.push({
      path: ['bands', highest.i, 'max'],
      code: 'pay_band_range',
      message: `no pay band holds the top total ${total.cap}`,
      params: { score: total.cap, variant: 'cap' },
    });
  }
  return issues;
}

/** True when a score lies in a band, honouring each bound's inclusivity. Example: bandContains({ min: '70', max: '80', minInclusive: true, maxInclusive: false, percent: '80' }, dec('79.5')) -> true */
export function bandContains(band: PayBand, score: Decimal): boolean {
  const lo = score.comparedTo(dec(band.min));
  const hi = score.comparedTo(dec(band.max));
  return (band.minInclusive ? lo >= 0 : lo > 0) && (band.maxInclusive ? hi <= 0 : hi < 0);
}

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
        issues.push({ path: ['bands', i], code: 'pay_band_empty', message: `band ${i + 1} contains no score (${b.min} .. ${b.max})`, params: { band: i + 1, min: b.min, max: b.max } });
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
      } else if (prev && cur) {
        const gap = bandGap(prev.b, cur.b);
        if (gap) issues.push({ ...gap, path: ['bands', prev.i, 'max'] });
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
