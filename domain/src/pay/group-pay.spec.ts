import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../decimal.js';
import { PayError } from './errors.js';
import { floatingPay } from './floating.js';
import { completionFactorFor, outputPay } from './output.js';
import { splitPool } from './pool.js';
import { workHourPenalty } from './work-hours.js';

const sum = (xs: { amount: string }[]): string => xs.reduce<Decimal>((s, x) => s.plus(x.amount), dec(0)).toFixed(2);
const floating = { kind: 'floatingByAverage', rounding: { places: 2, mode: 'halfUp' } } as const;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof PayError ? e.code : 'not-a-pay-error';
  }
  return undefined;
}

describe('floatingPay (Part 5: floating salary moved by the distance from the average)', () => {
  it('raises above-average pay by the proportion, lowers below, keeps the average unchanged', () => {
    const rows = [
      { id: 'a', base: '1000', score: '90' },
      { id: 'b', base: '1200', score: '80' },
      { id: 'c', base: '1000', score: '70' },
    ];
    expect(floatingPay(rows, floating)).toEqual([
      { id: 'a', amount: '1125.00', ratio: '1.1250' },
      { id: 'b', amount: '1200.00', ratio: '1.0000' },
      { id: 'c', amount: '875.00', ratio: '0.8750' },
    ]);
  });

  it('uses the exact ratio for money and rounds only the result', () => {
    const out = floatingPay(
      [
        { id: 'a', base: '1000', score: '100' },
        { id: 'b', base: '1000', score: '95' },
        { id: 'c', base: '1000', score: '91' },
      ],
      floating,
    );
    // avg = 95.333...; a = 1000 x 100 / 95.333... = 1048.95104...
    expect(out.map((r) => r.amount)).toEqual(['1048.95', '996.50', '954.55']);
  });

  it('handles empty groups, all-zero scores, and rejects bad input', () => {
    expect(floatingPay([], floating)).toEqual([]);
    expect(floatingPay([{ id: 'a', base: '500', score: '0' }], floating)).toEqual([{ id: 'a', amount: '500.00', ratio: '1.0000' }]);
    expect(codeOf(() => floatingPay([{ id: 'a', base: '500', score: '-1' }], floating))).toBe('pay_negative_score');
    expect(codeOf(() => floatingPay([{ id: 'a', base: '5', score: '1' }, { id: 'a', base: '5', score: '2' }], floating))).toBe('pay_duplicate_id');
  });
});

describe('splitPool (Part 5: the bonus is issued in full)', () => {
  it('hands leftover cents to the largest remainders, ties by id ascending, keeping input order', () => {
    expect(splitPool('100.00', [{ id: 'c', weight: '1' }, { id: 'a', weight: '1' }, { id: 'b', weight: '1' }])).toEqual([
      { id: 'c', amount: '33.33' },
      { id: 'a', amount: '33.34' },
      { id: 'b', amount: '33.33' },
    ]);
    // Weighted by scores 90 / 85 / 72: exact 3787.8787.., 3577.4410.., 3030.3030.. ; 1 cent to the .79 remainder.
    expect(splitPool('10395.62', [{ id: 'x', weight: '90' }, { id: 'y', weight: '85' }, { id: 'z', weight: '72' }])).toEqual([
      { id: 'x', amount: '3787.88' },
      { id: 'y', amount: '3577.44' },
      { id: 'z', amount: '3030.30' },
    ]);
  });

  it('splits equally when every weight is zero (stated rule) and zero pool gives zeros', () => {
    expect(splitPool('10.00', [{ id: 'a', weight: '0' }, { id: 'b', weight: '0' }, { id: 'c', weight: '0' }]).map((s) => s.amount)).toEqual(['3.34', '3.33', '3.33']);
    expect(splitPool('0', [{ id: 'a', weight: '2' }, { id: 'b', weight: '0' }]).map((s) => s.amount)).toEqual(['0.00', '0.00']);
    expect(splitPool('0', [])).toEqual([]);
  });

  it('gives nothing to a zero weight when others have weight', () => {
    expect(splitPool('1.00', [{ id: 'a', weight: '0' }, { id: 'b', weight: '3' }])).toEqual([
      { id: 'a', amount: '0.00' },
      { id: 'b', amount: '1.00' },
    ]);
  });

  it('supports other places (whole yuan)', () => {
    expect(splitPool('100', [{ id: 'a', weight: '1' }, { id: 'b', weight: '2' }], { places: 0 })).toEqual([
      { id: 'a', amount: '33' },
      { id: 'b', amount: '67' },
    ]);
  });

  it('rejects negative weights, negative pools, sub-cent pools, nobody to pay and duplicate ids with typed errors', () => {
    expect(codeOf(() => splitPool('100', [{ id: 'a', weight: '-1' }, { id: 'b', weight: '2' }]))).toBe('pay_negative_weight');
    expect(codeOf(() => splitPool('-100', [{ id: 'a', weight: '1' }]))).toBe('pay_negative_pool');
    expect(codeOf(() => splitPool('100.005', [{ id: 'a', weight: '1' }]))).toBe('pay_pool_precision');
    expect(codeOf(() => splitPool('100', []))).toBe('pay_no_shares');
    expect(codeOf(() => splitPool('100', [{ id: 'a', weight: '1' }, { id: 'a', weight: '1' }]))).toBe('pay_duplicate_id');
    expect(codeOf(() => splitPool('100', [{ id: 'a', weight: 'one' }]))).toBe('pay_invalid_decimal');
    expect(codeOf(() => splitPool('100', [{ id: 'a', weight: '1' }], { places: -1 }))).toBe('pay_invalid_places');
  });

  it('property: sums exactly to the pool, never negative, each share within one cent of its exact proportion', () => {
    const weight = fc.oneof(
      fc.constant('0'),
      fc.integer({ min: 0, max: 10_000 }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${String(b).padStart(3, '0')}`),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000_000_000n }), fc.array(weight, { minLength: 1, maxLength: 30 }), (cents, weights) => {
        const pool = new Decimal(cents.toString()).div(100).toFixed(2);
        const shares = weights.map((w, i) => ({ id: `e${String(i).padStart(2, '0')}`, weight: w }));
        const out = splitPool(pool, shares);
        expect(sum(out)).toBe(pool);
        expect(out.map((s) => s.id)).toEqual(shares.map((s) => s.id));
        const total = weights.reduce<Decimal>((s, w) => s.plus(w), dec(0));
        out.forEach((s, i) => {
          const amount = dec(s.amount);
          expect(amount.gte(0)).toBe(true);
          const exact = total.isZero() ? dec(pool).div(out.length) : dec(pool).times(weights[i] ?? '0').div(total);
          expect(amount.minus(exact).abs().lt('0.01')).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('outputPay (Part 4: output value split 55/45, then by man-hours x completion factor)', () => {
  const groups = [
    { id: 'welding', sharePercent: '55' },
    { id: 'integrated', sharePercent: '45' },
  ];

  it('reproduces a month of the workshop to the cent', () => {
    const out = outputPay({
      outputValue: '100000.00',
      groups,
      members: [
        { id: 'A', groupId: 'welding', manHours: '100', completionFactor: '1' },
        { id: 'B', groupId: 'welding', manHours: '80', completionFactor: '0.9' },
        { id: 'C', groupId: 'welding', manHours: '60', completionFactor: '0.5' },
        { id: 'D', groupId: 'integrated', manHours: '160', completionFactor: '1' },
        { id: 'E', groupId: 'integrated', manHours: '150', completionFactor: '0.8' },
        { id: 'F', groupId: 'integrated', manHours: '100', completionFactor: '1' },
      ],
    });
    expect(out).toEqual([
      { id: 'A', groupId: 'welding', amount: '27227.72' },
      { id: 'B', groupId: 'welding', amount: '19603.96' },
      { id: 'C', groupId: 'welding', amount: '8168.32' },
      { id: 'D', groupId: 'integrated', amount: '18947.37' },
      { id: 'E', groupId: 'integrated', amount: '14210.53' },
      { id: 'F', groupId: 'integrated', amount: '11842.10' },
    ]);
    expect(sum(out.filter((r) => r.groupId === 'welding'))).toBe('55000.00');
    expect(sum(out.filter((r) => r.groupId === 'integrated'))).toBe('45000.00');
    expect(sum(out)).toBe('100000.00');
  });

  it('rejects shares not summing to 100, unknown groups, empty groups with money, negative hours', () => {
    const m = [{ id: 'A', groupId: 'welding', manHours: '1', completionFactor: '1' }];
    expect(codeOf(() => outputPay({ outputValue: '100', groups: [{ id: 'welding', sharePercent: '55' }], members: m }))).toBe('pay_output_shares_sum');
    expect(codeOf(() => outputPay({ outputValue: '100', groups, members: [...m, { id: 'X', groupId: 'paint', manHours: '1', completionFactor: '1' }] }))).toBe('pay_output_unknown_group');
    expect(codeOf(() => outputPay({ outputValue: '100', groups, members: m }))).toBe('pay_output_group_empty');
    expect(codeOf(() => outputPay({ outputValue: '100', groups, members: [{ ...m[0]!, manHours: '-1' }] }))).toBe('pay_negative_weight');
  });

  it('property: every level sums exactly to the output value', () => {
    const member = (groupId: string) =>
      fc.record({
        manHours: fc.integer({ min: 0, max: 2_000 }).map((h) => (h / 10).toFixed(1)),
        completionFactor: fc.constantFrom('1', '0.9', '0.8', '0.5', '0'),
        groupId: fc.constant(groupId),
      });
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000_000n }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(member('welding'), { minLength: 1, maxLength: 12 }),
        fc.array(member('integrated'), { minLength: 1, maxLength: 12 }),
        (cents, weldShare, welders, others) => {
          const outputValue = new Decimal(cents.toString()).div(100).toFixed(2);
          const members = [...welders, ...others].map((m, i) => ({ ...m, id: `m${i}` }));
          const out = outputPay({
            outputValue,
            groups: [
              { id: 'welding', sharePercent: String(weldShare) },
              { id: 'integrated', sharePercent: String(100 - weldShare) },
            ],
            members,
          });
          expect(sum(out)).toBe(outputValue);
          const weld = sum(out.filter((r) => r.groupId === 'welding'));
          const exactWeld = dec(outputValue).times(weldShare).div(100);
          expect(dec(weld).minus(exactWeld).abs().lt('0.01')).toBe(true);
          expect(out.every((r) => dec(r.amount).gte(0))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('derives completion factors from Article 6 (the 2-4 hour gap counts as 80 %)', () => {
    expect(completionFactorFor({ overrunHours: '0', affectsDelivery: false })).toBe('1');
    expect(completionFactorFor({ overrunHours: '2', affectsDelivery: false })).toBe('0.9');
    expect(completionFactorFor({ overrunHours: '3', affectsDelivery: false })).toBe('0.8');
    expect(completionFactorFor({ overrunHours: '5', affectsDelivery: false })).toBe('0.8');
    expect(completionFactorFor({ overrunHours: '1', affectsDelivery: true })).toBe('0.5');
  });
});

describe('workHourPenalty (Part 4: penalties in working hours)', () => {
  it('converts hours to money at a rate, half-up to cents', () => {
    expect(workHourPenalty('5', '8.05')).toBe('40.25');
    expect(workHourPenalty('1.5', '12.345')).toBe('18.52');
    expect(workHourPenalty('0', '20')).toBe('0.00');
    expect(codeOf(() => workHourPenalty('-1', '20'))).toBe('pay_negative_value');
  });
});

describe('priceGroup: facts as a Map, traces built on first use', () => {
  it('prices the same with a Map of facts as with a record, traces included', async () => {
    const { priceGroup, scoreAppraisal } = await import('../scoring/index.js');
    const { seedPrograms } = await import('../programs/index.js');
    const scheme = seedPrograms.cafeteria;
    const results = ['a', 'b', 'c'].flatMap((id, i) => {
      const r = scoreAppraisal(scheme, { employeeId: id, ratings: [] });
      return r.ok ? [r.value] : [{ employeeId: id, participated: true, total: String(60 + 10 * i), weighted: '0', adjustmentPoints: '0', adjustmentMoney: i === 1 ? '-12.5' : '0', adjustmentHours: '0', sections: [], adjustments: [], failedItems: [], trace: [] }];
    });
    const record = { a: { base: '900' }, b: { base: '600' }, c: { base: '900' } };
    const fromRecord = priceGroup(scheme, { results, facts: record });
    const fromMap = priceGroup(scheme, { results, facts: new Map(Object.entries(record)) });
    expect(fromMap).toStrictEqual(fromRecord);
    if (!fromRecord.ok) throw new Error('priced');
    expect(Object.keys(fromRecord.value.traces)).toEqual(['a', 'b', 'c']);
    expect(fromRecord.value.traces.b?.at(-1)).toMatchObject({ step: 'pay', component: 'adjustments', kind: 'adjustments', amount: '-12.50' });
    expect(JSON.parse(JSON.stringify(fromRecord.value)).traces).toEqual(fromRecord.value.traces);
  });
});

describe('priceGroup: output pay without ticket levels or an output value formula', () => {
  it('weighs man-hours by the appraisal total as the completion percentage, with the output value given', async () => {
    const { priceGroup } = await import('../scoring/index.js');
    const { seedPrograms } = await import('../programs/index.js');
    const scheme = JSON.parse(JSON.stringify(seedPrograms.workshop)) as typeof seedPrograms.workshop;
    delete scheme.pay[0]!.completionLevels;
    delete scheme.pay[0]!.outputValue;
    const result = (id: string, total: string) => ({ employeeId: id, participated: true, total, weighted: total, adjustmentPoints: '0', adjustmentMoney: '0', adjustmentHours: '0', sections: [], adjustments: [], failedItems: [], trace: [] });
    const pay = priceGroup(scheme, {
      results: [result('a', '100'), result('b', '90'), result('c', '50')],
      outputValue: '1000',
      facts: { a: { groupId: 'welding', manHours: '10' }, b: { groupId: 'welding', manHours: '10' }, c: { groupId: 'integrated', manHours: '4' } },
    });
    // welding 550 by 10 x 1 : 10 x 0.9 -> 289.4736.. / 260.5263..; the spare cent to b's larger remainder; integrated 450 to c alone.
    expect(pay.ok && pay.value.totals).toEqual({ a: '289.47', b: '260.53', c: '450.00' });
    expect(pay.ok && pay.value.lines[1]?.basis).toMatchObject({ kind: 'output', hours: '9', groupHours: '19', completion: { by: 'score', manHours: '10', factor: '0.9' } });
  });
});
