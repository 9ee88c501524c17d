import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, roundTo, type RoundingMode } from '../decimal.js';
import type { DistributionRule, GradeBand } from '../scheme/index.js';
import { nursingScheme } from '../programs/nursing.js';
import { bandForScore, compileBands } from './grade.js';
import { quotaCount } from './quota.js';
import { calibrateGroup, calibrateRows } from './calibrate.js';
import { NumColumn } from '../formula/column.js';
import { parseNum } from '../formula/fixed.js';

const bands = nursingScheme.grades?.bands ?? [];
const compiled = compileBands(bands);
const scoreText = fc.tuple(fc.integer({ min: -20, max: 130 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`);

// Random contiguous scales: cut points descending from 100 to 0 with random inclusivity.
const scale: fc.Arbitrary<GradeBand[]> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
  .map(([cuts, incl]) => {
    const points = [100, ...cuts.sort((a, b) => b - a), 0];
    return points.slice(0, -1).map((max, i) => ({
      grade: `g${i}`,
      label: { en: `g${i}`, zh: `g${i}` },
      max: String(max),
      maxInclusive: i === 0 ? true : !(incl[i - 1] ?? false),
      min: String(points[i + 1] ?? 0),
      minInclusive: i === points.length - 2 ? true : (incl[i] ?? false),
    }));
  });

describe('distribution properties', () => {
  it('a higher score never gets a lower grade (nursing bands and random scales)', () => {
    fc.assert(
      fc.property(scoreText, scoreText, (a, b) => {
        const [lo, hi] = new Decimal(a).lte(b) ? [a, b] : [b, a];
        expect(bandForScore(compiled, new Decimal(hi)).rank).toBeLessThanOrEqual(bandForScore(compiled, new Decimal(lo)).rank);
      }),
    );
    fc.assert(
      fc.property(scale, scoreText, scoreText, (sc, a, b) => {
        const c = compileBands(sc);
        const [lo, hi] = new Decimal(a).lte(b) ? [a, b] : [b, a];
        expect(bandForScore(c, new Decimal(hi)).rank).toBeLessThanOrEqual(bandForScore(c, new Decimal(lo)).rank);
      }),
    );
  });

  it('a quota never allows or requires more people than the group has', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 10000 }), fc.constantFrom('floor' as const, 'halfUp' as const, 'ceil' as const), (n, bp, mode) => {
        const c = quotaCount(n, new Decimal(bp).div(100).toFixed(), mode);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(n);
        expect(Number.isInteger(c)).toBe(true);
      }),
    );
  });

  const rule = (quotas: DistributionRule['quotas'], rounding: DistributionRule['rounding']): DistributionRule => ({ groupBy: 'department', rounding, quotas, tieBreak: { sections: [] } });
  const percent = fc.integer({ min: 0, max: 100 }).map(String);
  const quotas = fc.tuple(percent, percent, percent, fc.boolean(), fc.boolean()).map(([a, b, c, cumA, cumB]) => [
    { grade: 'excellent', bound: 'max' as const, percent: a, cumulative: cumA },
    { grade: 'good', bound: 'max' as const, percent: b, cumulative: cumB },
    { grade: 'qualified', bound: 'min' as const, percent: c, cumulative: true },
  ]);
  const members = fc.array(fc.tuple(scoreText, fc.constantFrom('excellent', 'good', 'qualified', 'unqualified')), { maxLength: 40 }).map((rows) =>
    rows.map(([total, grade], i) => ({ employeeId: `e${String(i).padStart(3, '0')}`, total, grade })),
  );

  it('calibration assigns everyone exactly one grade, never promotes, and never puts more people in a grade than the group has', () => {
    const order = bands.map((b) => b.grade);
    fc.assert(
      fc.property(quotas, fc.constantFrom('floor' as const, 'halfUp' as const, 'ceil' as const), members, (qs, rounding, ms) => {
        const p = calibrateGroup(bands, rule(qs, rounding), ms);
        expect(p.rows).toHaveLength(ms.length);
        expect(new Set(p.rows.map((r) => r.employeeId)).size).toBe(ms.length);
        for (const r of p.rows) expect(order.indexOf(r.to)).toBeGreaterThanOrEqual(order.indexOf(r.from));
        const counts = new Map<string, number>();
        for (const r of p.rows) counts.set(r.to, (counts.get(r.to) ?? 0) + 1);
        for (const c of counts.values()) expect(c).toBeLessThanOrEqual(ms.length);
      }),
    );
  });

  it('with maximum quotas only, calibration always satisfies them (above the worst grade)', () => {
    fc.assert(
      fc.property(quotas, members, (qs, ms) => {
        const maxOnly = rule(qs.filter((q) => q.bound === 'max'), 'halfUp');
        expect(calibrateGroup(bands, maxOnly, ms).after).toEqual([]);
      }),
    );
  });

  it('ranks deterministically whatever the input order', () => {
    fc.assert(
      fc.property(members, fc.integer(), (ms, seed) => {
        const shuffled = [...ms].sort((a, b) => ((a.employeeId.charCodeAt(3) * seed) % 7) - ((b.employeeId.charCodeAt(3) * seed) % 7));
        const r = rule([{ grade: 'excellent', bound: 'max', percent: '30', cumulative: false }], 'floor');
        expect(calibrateGroup(bands, r, shuffled).rows).toEqual(calibrateGroup(bands, r, ms).rows);
      }),
    );
  });

  it('rounding is stable: rounding twice equals rounding once', () => {
    fc.assert(
      fc.property(scoreText, fc.integer({ min: 0, max: 6 }), fc.constantFrom<RoundingMode>('halfUp', 'halfEven', 'down', 'up'), (v, places, mode) => {
        const once = roundTo(new Decimal(v), places, mode);
        expect(roundTo(once, places, mode).eq(once)).toBe(true);
      }),
    );
  });

  it('calibrateRows on columns ranks, moves and counts exactly as calibrateGroup on member objects', () => {
    // Totals and tie-break scores with many places (exact values beside the doubles) and many ties.
    const exactText = fc.oneof(scoreText, fc.constantFrom('90', '90.0000001', '89.99999999999999999999', '80', '0.3333333333333333333333333333333333333333'));
    const rows = fc.array(fc.tuple(exactText, exactText, fc.constantFrom('excellent', 'good', 'qualified', 'unqualified', 'unknown')), { maxLength: 40 });
    fc.assert(
      fc.property(quotas, fc.constantFrom('floor' as const, 'halfUp' as const, 'ceil' as const), rows, fc.boolean(), (qs, rounding, list, reversedIds) => {
        const r: DistributionRule = { ...rule(qs, rounding), tieBreak: { sections: ['head'] } };
        const members = list.map(([total, head, grade], i) => ({ employeeId: `e${String(reversedIds ? 99 - i : i).padStart(3, '0')}`, total, grade, sections: { head } }));
        // The columns hold the members at rows 5.. (rows need not start at 0 nor be contiguous).
        const size = members.length + 5;
        const total = new NumColumn(size);
        const head = new NumColumn(size);
        const at = members.map((_, i) => i + 5);
        members.forEach((m, i) => {
          total.set(i + 5, parseNum(m.total) ?? 0);
          head.set(i + 5, parseNum(m.sections.head) ?? 0);
        });
        const proposal = calibrateRows(bands, r, { total, tieBreak: [head], employeeId: (row) => members[row - 5]?.employeeId ?? '', grade: (row) => members[row - 5]?.grade ?? '' }, at);
        const expected = calibrateGroup(bands, r, members);
        expect(proposal.ranked.map((row) => members[row - 5]?.employeeId)).toEqual(expected.rows.map((x) => x.employeeId));
        expect(proposal.to).toEqual(expected.rows.map((x) => x.to));
        expect(proposal.before).toEqual(expected.before);
        expect(proposal.after).toEqual(expected.after);
      }),
    );
  });
});
