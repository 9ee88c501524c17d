import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../decimal.js';
import { PayError } from './errors.js';
import { bandContains, checkPayRule, payRuleSchema, type PayBand, type PayRule } from './rule.js';
import { payForScore } from './score-pay.js';

// Part 2 (cafeteria): 80-100 -> 100 %, 70-79 -> 80 %, 60-69 -> 60 %, below 60 -> nothing.
// Written as half-open bands so decimal scores such as 79.5 have a band; 60 exactly pays 60 % (the
// seed's "60 points or less ... deducted in full" contradicts "60-69 -> 60 %"; the range wins).
const cafeteria: PayRule = {
  kind: 'scorePercentOfBase',
  bands: [
    { min: '80', max: '100', minInclusive: true, maxInclusive: true, percent: '100' },
    { min: '70', max: '80', minInclusive: true, maxInclusive: false, percent: '80' },
    { min: '60', max: '70', minInclusive: true, maxInclusive: false, percent: '60' },
    { min: '0', max: '60', minInclusive: true, maxInclusive: false, percent: '0' },
  ],
  rounding: { places: 2, mode: 'halfUp' },
};

describe('payForScore: cafeteria (score band -> percent of base)', () => {
  it('pays the seed percentages of the cook bases 900 and 600', () => {
    expect(payForScore(cafeteria, '900', '85')).toEqual({ amount: '900.00', percent: '100', ruleApplied: 'scorePercentOfBase: 80 <= score <= 100 -> 100%' });
    expect(payForScore(cafeteria, '900', '80').amount).toBe('900.00');
    expect(payForScore(cafeteria, '900', '79.5')).toMatchObject({ amount: '720.00', percent: '80' });
    expect(payForScore(cafeteria, '900', '75').amount).toBe('720.00');
    expect(payForScore(cafeteria, '600', '72').amount).toBe('480.00');
    expect(payForScore(cafeteria, '900', '65').amount).toBe('540.00');
    expect(payForScore(cafeteria, '900', '60').amount).toBe('540.00');
    expect(payForScore(cafeteria, '900', '59.99')).toMatchObject({ amount: '0.00', percent: '0' });
    // The alternative bases the seed mentions (1200 / 800).
    expect(payForScore(cafeteria, '1200', '70').amount).toBe('960.00');
    expect(payForScore(cafeteria, '800', '66').amount).toBe('480.00');
  });

  it('throws a typed error when no band holds the score', () => {
    expect(() => payForScore(cafeteria, '900', '101')).toThrow(PayError);
    try {
      payForScore(cafeteria, '900', '-1');
    } catch (e) {
      expect((e as PayError).code).toBe('pay_no_band');
      expect((e as PayError).issue.path).toEqual(['score']);
    }
    expect(() => payForScore(cafeteria, '-900', '90')).toThrow(/must not be negative/);
    expect(() => payForScore(cafeteria, 'abc', '90')).toThrow(PayError);
  });

  it('honours bound inclusivity', () => {
    const band: PayBand = { min: '70', max: '80', minInclusive: false, maxInclusive: true, percent: '1' };
    expect(bandContains(band, dec('70'))).toBe(false);
    expect(bandContains(band, dec('80'))).toBe(true);
    expect(bandContains(band, dec('70.0001'))).toBe(true);
  });

  it('property: with monotone bands a higher score never pays less', () => {
    const arb = fc
      .record({
        cuts: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 6 }),
        steps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 7, maxLength: 7 }),
        base: fc.integer({ min: 0, max: 100_000 }),
        a: fc.integer({ min: 0, max: 10_000 }),
        b: fc.integer({ min: 0, max: 10_000 }),
      })
      .map(({ cuts, steps, base, a, b }) => {
        const bounds = [0, ...[...cuts].sort((x, y) => x - y), 100];
        let percent = 0;
        const bands: PayBand[] = [];
        for (let i = 0; i + 1 < bounds.length; i++) {
          percent += steps[i] ?? 0;
          const last = i + 2 === bounds.length;
          bands.push({ min: String(bounds[i]), max: String(bounds[i + 1]), minInclusive: true, maxInclusive: last, percent: String(percent) });
        }
        // Bands in random-looking (reversed) order: matching must not depend on list order.
        return { bands: bands.reverse(), base: String(base), lo: Math.min(a, b) / 100, hi: Math.max(a, b) / 100 };
      });
    fc.assert(
      fc.property(arb, ({ bands, base, lo, hi }) => {
        const rule: PayRule = { kind: 'scorePercentOfBase', bands, rounding: { places: 2, mode: 'halfUp' } };
        expect(checkPayRule(rule).ok).toBe(true);
        const pLo = payForScore(rule, base, String(lo));
        const pHi = payForScore(rule, base, String(hi));
        expect(dec(pLo.percent).lte(dec(pHi.percent))).toBe(true);
        expect(dec(pLo.amount).lte(dec(pHi.amount))).toBe(true);
      }),
    );
  });
});

describe('payForScore: other per-person rules', () => {
  it('gradePercentOfBase maps a grade label to a percent', () => {
    const rule: PayRule = {
      kind: 'gradePercentOfBase',
      grades: [
        { grade: 'excellent', percent: '120' },
        { grade: 'good', percent: '100' },
        { grade: 'qualified', percent: '80' },
        { grade: 'unqualified', percent: '0' },
      ],
      rounding: { places: 2, mode: 'halfUp' },
    };
    expect(payForScore(rule, '1500', '93', 'excellent')).toEqual({ amount: '1800.00', percent: '120', ruleApplied: 'gradePercentOfBase: grade excellent -> 120%' });
    expect(payForScore(rule, '1333.33', '70', 'qualified').amount).toBe('1066.66');
    expect(() => payForScore(rule, '1500', '93')).toThrow(/grade is required/);
    expect(() => payForScore(rule, '1500', '93', 'superb')).toThrow(PayError);
  });

  it('dailyWage: hotel audit, the day wage x points / 100, never below zero', () => {
    const rule: PayRule = { kind: 'dailyWage', pointsPerDay: '100', rounding: { places: 2, mode: 'halfUp' } };
    // A 30-point deduction for an unclear handover.
    expect(payForScore(rule, '120', '70')).toMatchObject({ amount: '84.00', percent: '70' });
    // A 50-point reward for the hotel's excellent staff title.
    expect(payForScore(rule, '120', '150')).toMatchObject({ amount: '180.00', percent: '150' });
    expect(payForScore(rule, '123.45', '100').amount).toBe('123.45');
    expect(payForScore(rule, '120', '-20')).toMatchObject({ amount: '0.00', percent: '0' });
    expect(payForScore(rule, '100', '33.333').amount).toBe('33.33');
  });

  it('none pays nothing; group rules refuse single-person pricing', () => {
    expect(payForScore({ kind: 'none' }, '900', '90')).toMatchObject({ amount: '0.00', percent: '0' });
    expect(() => payForScore({ kind: 'floatingByAverage', rounding: { places: 2, mode: 'halfUp' } }, '900', '90')).toThrow(/floatingPay/);
    try {
      payForScore({ kind: 'poolSplit', weightBy: 'score', remainder: 'largestRemainder', rounding: { places: 2, mode: 'down' } }, '900', '90');
    } catch (e) {
      expect((e as PayError).code).toBe('pay_rule_needs_group');
    }
  });

  it('rounds as the rule states and prints at least two places', () => {
    const whole: PayRule = { kind: 'dailyWage', pointsPerDay: '100', rounding: { places: 0, mode: 'halfUp' } };
    expect(payForScore(whole, '100', '33.5').amount).toBe('34.00');
    const down: PayRule = { kind: 'dailyWage', pointsPerDay: '100', rounding: { places: 2, mode: 'down' } };
    expect(payForScore(down, '100', '33.339').amount).toBe('33.33');
  });
});

describe('checkPayRule / payRuleSchema', () => {
  it('accepts the cafeteria rule', () => {
    expect(checkPayRule(cafeteria)).toEqual({ ok: true, value: cafeteria });
    expect(payRuleSchema.parse({ kind: 'none' })).toEqual({ kind: 'none' });
  });

  it('reports overlapping, empty and negative bands with their paths', () => {
    const r = checkPayRule({
      kind: 'scorePercentOfBase',
      bands: [
        { min: '70', max: '80', minInclusive: true, maxInclusive: true, percent: '80' },
        { min: '80', max: '100', minInclusive: true, maxInclusive: true, percent: '100' },
        { min: '50', max: '50', minInclusive: true, maxInclusive: false, percent: '-1' },
      ],
      rounding: { places: 2, mode: 'halfUp' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([
        ['pay_band_empty', ['bands', 2]],
        ['pay_negative_percent', ['bands', 2, 'percent']],
        ['pay_band_gap', ['bands', 2, 'max']],
        ['pay_band_overlap', ['bands', 1]],
      ]);
    }
  });

  it('reports the gap left by bands typed from a regulation (80-100, 70-79, 60-69) and suggests half-open bounds', () => {
    const literal = (min: string, max: string, percent: string): PayBand => ({ min, max, minInclusive: true, maxInclusive: true, percent });
    const r = checkPayRule({ kind: 'scorePercentOfBase', bands: [literal('80', '100', '100'), literal('70', '79', '80'), literal('60', '69', '60'), { min: '0', max: '60', minInclusive: true, maxInclusive: false, percent: '0' }], rounding: { places: 2, mode: 'halfUp' } });
    expect(r.ok ? [] : r.issues).toEqual([
      {
        path: ['bands', 2, 'max'],
        code: 'pay_band_gap',
        message: 'no pay band covers scores between 69 and 70 (e.g. 69.5); write bands half-open, e.g. 60 <= score < 70',
        params: { from: '69', to: '70', example: '69.5', suggestMin: '60', suggestMax: '70' },
      },
      {
        path: ['bands', 1, 'max'],
        code: 'pay_band_gap',
        message: 'no pay band covers scores between 79 and 80 (e.g. 79.5); write bands half-open, e.g. 70 <= score < 80',
        params: { from: '79', to: '80', example: '79.5', suggestMin: '70', suggestMax: '80' },
      },
    ]);
    // A shared bound both bands exclude is a gap of one score.
    const point = checkPayRule({ kind: 'scorePercentOfBase', bands: [{ min: '60', max: '100', minInclusive: false, maxInclusive: true, percent: '100' }, { min: '0', max: '60', minInclusive: true, maxInclusive: false, percent: '0' }], rounding: { places: 2, mode: 'halfUp' } });
    expect(point.ok ? [] : point.issues.map((i) => [i.code, i.params])).toEqual([['pay_band_gap', { score: '60', variant: 'point' }]]);
    // The cafeteria's half-open bands pass.
    expect(checkPayRule(cafeteria).ok).toBe(true);
  });

  it('reports shape errors, duplicate grades and zero points per day', () => {
    const shape = checkPayRule({ kind: 'scorePercentOfBase', bands: [{ min: 'x' }], rounding: { places: 2, mode: 'nearest' } });
    expect(shape.ok).toBe(false);
    if (!shape.ok) expect(shape.issues.every((i) => i.code.startsWith('schema_'))).toBe(true);
    const grades = checkPayRule({ kind: 'gradePercentOfBase', grades: [{ grade: 'A', percent: '1' }, { grade: 'A', percent: '2' }], rounding: { places: 2, mode: 'halfUp' } });
    expect(grades.ok ? [] : grades.issues.map((i) => i.code)).toEqual(['pay_grade_duplicate']);
    const daily = checkPayRule({ kind: 'dailyWage', pointsPerDay: '0', rounding: { places: 2, mode: 'halfUp' } });
    expect(daily.ok ? [] : daily.issues.map((i) => i.code)).toEqual(['pay_points_per_day']);
    expect(checkPayRule({ kind: 'lottery' }).ok).toBe(false);
  });
});
