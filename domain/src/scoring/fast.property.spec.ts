import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, roundTo, type RoundingMode } from '../decimal.js';
import { add, cmp, div, fixedNum, mul, parseNum, plainNum, roundNum, sub, toDecimal } from '../formula/fixed.js';
import { plain } from '../formula/plain.js';
import { seedPrograms } from '../programs/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { compileScheme } from './compile.js';
import { planFor, scoreWithPlan } from './fast.js';
import { explain } from '../explain/index.js';
import { scoreAppraisal, scoreAppraisalReference } from './score.js';
import { scoreBatch } from './batch.js';
import { priceGroup, priceRows, type PayFacts } from './pay.js';
import { calibrateGroup, calibrateRows, type DistributionMember } from '../distribution/index.js';
import type { DistributionRule } from '../scheme/index.js';
import type { AdjustmentInput, AppraisalInput, ItemInput, RatingInput } from './types.js';

// Decimal strings of every kind the fast path meets: small and huge, short and long fractions, signs.
const decimalText = fc.oneof(
  fc.tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 })).map(([i, f, places]) =>
    places === 0 ? String(i) : `${i}.${String(f).padStart(3, '0').slice(0, places)}`,
  ),
  fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 })).map(([n, places]) => {
    const s = (n < 0n ? -n : n).toString().padStart(places + 1, '0');
    const body = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
    return n < 0n ? `-${body}` : body;
  }),
  fc.constantFrom('0', '-0', '0.000001', '0.0000001', '9007199254.740991', '1e3', '12.5000', '007'),
);

describe('fixed-point Num operations equal Decimal operations', () => {
  it('parse, +, -, x, /, compare, round and print agree with decimal.js', () => {
    fc.assert(
      fc.property(decimalText, decimalText, fc.integer({ min: 0, max: 8 }), fc.constantFrom<RoundingMode>('halfUp', 'halfEven', 'down', 'up'), (a, b, places, mode) => {
        const x = parseNum(a);
        const y = parseNum(b);
        if (x === undefined || y === undefined) throw new Error('parse');
        const da = new Decimal(a);
        const db = new Decimal(b);
        expect(plainNum(x)).toBe(plain(da));
        expect(plainNum(add(x, y))).toBe(plain(da.plus(db)));
        expect(plainNum(sub(x, y))).toBe(plain(da.minus(db)));
        expect(plainNum(mul(x, y))).toBe(plain(da.times(db)));
        if (!db.isZero()) expect(plainNum(div(x, y))).toBe(plain(da.div(db)));
        expect(cmp(x, y)).toBe(da.cmp(db));
        expect(plainNum(roundNum(x, places, mode))).toBe(plain(roundTo(da, places, mode)));
        expect(fixedNum(x, places)).toBe(da.toFixed(places));
        expect(toDecimal(x).eq(da)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

// Random appraisal inputs shaped by a scheme: mostly valid, sometimes out of range, missing or unknown,
// so that both the fast path and its hand-over to the reference are exercised.
function inputFor(scheme: SchemeDefinition): fc.Arbitrary<AppraisalInput> {
  const num = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.integer({ min: -5, max: 130 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 2 })).map(([i, f, p]) => (p === 0 ? String(i) : `${i}.${String(f).padStart(2, '0').slice(0, p)}`)) },
    { weight: 1, arbitrary: fc.constantFrom('x', '1e1', '0.1234567', '-0') },
  );
  const item = (it: SchemeDefinition['sections'][number]['items'][number]): fc.Arbitrary<ItemInput | undefined> => {
    const m = it.method;
    const value: fc.Arbitrary<ItemInput> = (() => {
      switch (m.kind) {
        case 'range': {
          const lo = Math.ceil(Number(m.min));
          const hi = Math.floor(Number(m.max));
          const inRange = fc
            .tuple(fc.integer({ min: lo, max: Math.max(lo, hi - 1) }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 2 }))
            .map(([i, f, p]) => (p === 0 || i >= hi ? String(i) : `${i}.${String(f).padStart(2, '0').slice(0, p)}`));
          return fc.oneof({ weight: 12, arbitrary: inRange }, { weight: 1, arbitrary: num }).map((points) => ({ points }));
        }
        case 'rubric':
          return fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...m.levels.map((l) => l.code)) }, { weight: 1, arbitrary: fc.constant('bogus') }).map((level) => ({ level }));
        case 'deduction':
          return fc
            .array(fc.tuple(fc.constantFrom(...m.rules.map((r) => r.id)), fc.integer({ min: 0, max: 6 })), { maxLength: 4 })
            .map((pairs) => ({ occurrences: Object.fromEntries(pairs) }));
        case 'formula':
          return fc.tuple(...m.inputs.map(() => fc.oneof(fc.integer({ min: 0, max: 45 }).map(String), num))).map((vals) => ({ values: Object.fromEntries(m.inputs.map((n, i) => [n, vals[i] ?? '0'])) }));
        case 'passFail':
          return fc.boolean().map((passed) => ({ passed }));
      }
    })();
    return fc.oneof({ weight: 60, arbitrary: value }, { weight: 1, arbitrary: fc.constant(undefined) });
  };
  // Items mostly in the scheme's order, sometimes reversed, rarely with a key the section does not have.
  const keyOrder = fc.oneof({ weight: 30, arbitrary: fc.constant('scheme' as const) }, { weight: 6, arbitrary: fc.constant('reversed' as const) }, { weight: 1, arbitrary: fc.constant('unknownKey' as const) });
  const rating = (s: SchemeDefinition['sections'][number], role: RatingInput['role']): fc.Arbitrary<RatingInput> =>
    fc.tuple(fc.tuple(...s.items.map(item)), keyOrder).map(([vals, order]) => {
      const items: Record<string, ItemInput> = {};
      const at = s.items.map((_, i) => i);
      if (order === 'reversed') at.reverse();
      for (const i of at) {
        const v = vals[i];
        const it = s.items[i];
        if (v !== undefined && it) items[it.id] = v;
      }
      if (order === 'unknownKey') items.noSuchItem = { points: '1' };
      return { section: s.id, role, items };
    });
  const sectionRatings = (s: SchemeDefinition['sections'][number]): fc.Arbitrary<RatingInput[]> =>
    fc
      .tuple(...s.raters.map((r) => fc.oneof({ weight: 30, arbitrary: fc.array(rating(s, r.role), { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant([]) })))
      .map((lists) => lists.flat());
  const rules = scheme.adjustments.rules;
  const adjustment: fc.Arbitrary<AdjustmentInput> =
    rules.length === 0
      ? fc.constant({ rule: 'none' })
      : fc.tuple(fc.constantFrom(...rules), fc.integer({ min: 0, max: 4 }), num).map(([r, count, amount]) =>
          r.amount.kind === 'fixed' ? { rule: r.id, count } : { rule: r.id, amount: count === 0 ? amount : String(Number(r.amount.min) + count) },
        );
  const fact = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 100 }).map(String) }, { weight: 1, arbitrary: num });
  const facts = fc.tuple(...(scheme.finalFormula?.inputs ?? []).map(() => fact)).map((vals) => Object.fromEntries((scheme.finalFormula?.inputs ?? []).map((n, i) => [n, vals[i] ?? '0'])));
  return fc
    .tuple(
      fc.tuple(...scheme.sections.map(sectionRatings)),
      fc.array(adjustment, { maxLength: rules.length === 0 ? 0 : 4 }),
      fc.oneof({ weight: 30, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      facts,
    )
    .chain(([ratings, adjustments, participated, f]) =>
      // Rarely a rating of a section the scheme does not have (the reference reports it, taking part or not).
      fc.oneof({ weight: 40, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }).map((stray) => ({
        employeeId: 'e1',
        participated,
        ratings: stray ? [...ratings.flat(), { section: 'noSuchSection', role: 'PEER' as const, items: {} }] : ratings.flat(),
        adjustments,
        facts: f,
      })),
    );
}

describe('compiled scoring plan equals the Decimal reference', () => {
  for (const [key, scheme] of Object.entries(seedPrograms)) {
    it(`${key}: scoreAppraisal (fast path) deep-equals scoreAppraisalReference, trace included`, () => {
      const compiled = compileScheme(scheme);
      if (!compiled.ok) throw new Error('seed scheme does not compile');
      const plan = planFor(compiled.value);
      // Every seed scheme runs on the plan; none silently falls back for the whole scheme.
      expect(plan).not.toBeNull();
      let planned = 0;
      let runs = 0;
      fc.assert(
        fc.property(inputFor(scheme), fc.boolean(), (input, trace) => {
          runs++;
          if (plan && scoreWithPlan(plan, input, trace)) planned++;
          expect(scoreAppraisal(compiled.value, input, { trace })).toStrictEqual(scoreAppraisalReference(compiled.value, input, { trace }));
        }),
        { numRuns: 400 },
      );
      // Many generated appraisals are valid, and the plan scores those itself (nursing, with 14 items that can
      // each be invalid, plus stray sections and item keys, scores 10-15 % on the plan).
      expect(planned).toBeGreaterThan(runs / 20);
    });
  }
});

describe('the fast path records traces compactly and builds them on first use', () => {
  it('reads, iterates, serialises, explains and mutates like the reference array', () => {
    const compiled = compileScheme(seedPrograms.nursing);
    if (!compiled.ok) throw new Error('seed scheme does not compile');
    const plan = planFor(compiled.value);
    fc.assert(
      fc.property(inputFor(seedPrograms.nursing), (input) => {
        const fast = plan ? scoreWithPlan(plan, input, true) : undefined;
        if (!fast) return;
        const ref = scoreAppraisalReference(compiled.value, input);
        if (!ref.ok) throw new Error('the reference must score what the plan scores');
        expect(Array.isArray(fast.trace)).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(ref.value));
        expect([...fast.trace]).toStrictEqual(ref.value.trace);
        expect(explain(fast.trace, 'zh', seedPrograms.nursing)).toEqual(explain(ref.value.trace, 'zh', seedPrograms.nursing));
        fast.trace.push({ step: 'total', value: '1' });
        expect(fast.trace).toHaveLength(ref.value.trace.length + 1);
        expect(fast.trace.at(-1)).toEqual({ step: 'total', value: '1' });
      }),
      { numRuns: 200 },
    );
  });
});

// Grade pay (the engine bench's rule) on the nursing scheme: for every grade, and without one grade (an issue).
const gradePay = (grades: { grade: string; percent: string }[]): SchemeDefinition => ({
  ...seedPrograms.nursing,
  pay: [{ id: 'gradePay', name: { en: 'Performance pay', zh: '绩效工资' }, rule: { kind: 'gradePercentOfBase', grades, rounding: { places: 2, mode: 'halfUp' } } }],
});
const bulkSchemes: Record<string, SchemeDefinition> = {
  ...seedPrograms,
  nursingGradePay: gradePay([
    { grade: 'excellent', percent: '120' },
    { grade: 'good', percent: '100' },
    { grade: 'qualified', percent: '80.5' },
    { grade: 'unqualified', percent: '0' },
  ]),
  nursingGradePayMissingGrade: gradePay([
    { grade: 'excellent', percent: '120' },
    { grade: 'good', percent: '100' },
    { grade: 'qualified', percent: '80' },
  ]),
};

describe('bulk scoring, calibration and pricing equal the per-appraisal API', () => {
  for (const [key, scheme] of Object.entries(bulkSchemes)) {
    const compiled = compileScheme(scheme);
    if (!compiled.ok) throw new Error('seed scheme does not compile');
    const c = compiled.value;
    const batchInputs = fc.array(inputFor(scheme), { maxLength: 14 }).map((list) => list.map((input, i) => ({ ...input, employeeId: `e${String(i).padStart(2, '0')}` })));

    it(`${key}: scoreBatch columns and results equal scoreAppraisal row by row, issues included`, () => {
      fc.assert(
        fc.property(batchInputs, (inputs) => {
          const b = scoreBatch(c, inputs);
          if (!b.ok) throw new Error('batch');
          const batch = b.value;
          expect(batch.size).toBe(inputs.length);
          inputs.forEach((input, i) => {
            const r = scoreAppraisal(c, input, { trace: false });
            if (!r.ok) {
              expect(batch.ok(i)).toBe(false);
              expect(batch.issues.get(i)).toStrictEqual(r.issues);
              expect(() => batch.total(i)).toThrow(RangeError);
              return;
            }
            const v = r.value;
            expect(batch.ok(i)).toBe(true);
            expect(batch.employeeId(i)).toBe(v.employeeId);
            expect(batch.participated(i)).toBe(v.participated);
            expect([batch.total(i), batch.weighted(i), batch.adjustmentPoints(i), batch.adjustmentMoney(i), batch.adjustmentHours(i)]).toStrictEqual([
              v.total,
              v.weighted,
              v.adjustmentPoints,
              v.adjustmentMoney,
              v.adjustmentHours,
            ]);
            for (const s of scheme.sections) expect(batch.sectionScore(i, s.id)).toBe(v.sections.find((x) => x.id === s.id)?.score);
            expect(batch.grade(i)).toBe(v.grade?.grade);
            expect(batch.gradeResult(i)).toStrictEqual(v.grade);
            expect(batch.result(i)).toStrictEqual(scoreAppraisal(c, input));
          });
        }),
        { numRuns: 150 },
      );
    });

    const bands = scheme.grades?.bands ?? [];
    if (bands.length > 0) {
      // The scheme's own rule, or quotas on its best and worst grades with the first section breaking ties.
      const rules: DistributionRule[] = [
        scheme.distribution ?? {
          groupBy: 'department',
          rounding: 'halfUp',
          quotas: [
            { grade: bands[0]?.grade ?? '', bound: 'max', percent: '25', cumulative: false },
            { grade: bands.at(-1)?.grade ?? '', bound: 'min', percent: '20', cumulative: true },
          ],
          tieBreak: { sections: [scheme.sections[0]?.id ?? '', 'noSuchSection'] },
        },
      ];
      it(`${key}: calibrateRows on batch columns equals calibrateGroup on member objects`, () => {
        fc.assert(
          fc.property(batchInputs, fc.constantFrom(...rules), (inputs, rule) => {
            const b = scoreBatch(c, inputs);
            if (!b.ok) throw new Error('batch');
            const batch = b.value;
            const rows = inputs.flatMap((_, i) => (batch.ok(i) ? [i] : []));
            const fallback = bands.at(-1)?.grade ?? '';
            const members: DistributionMember[] = rows.map((i) => {
              const r = scoreAppraisal(c, inputs[i] as AppraisalInput, { trace: false });
              if (!r.ok) throw new Error('scored in the batch');
              return { employeeId: r.value.employeeId, total: r.value.total, grade: r.value.grade?.grade ?? fallback, sections: Object.fromEntries(r.value.sections.map((s) => [s.id, s.score])) };
            });
            const proposal = calibrateRows(bands, rule, batch.calibrationColumns(rule.tieBreak.sections, fallback), rows);
            const expected = calibrateGroup(bands, rule, members);
            expect(proposal.ranked.map((row) => batch.employeeId(row))).toStrictEqual(expected.rows.map((r) => r.employeeId));
            expect(proposal.to).toStrictEqual(expected.rows.map((r) => r.to));
            expect(proposal.before).toStrictEqual(expected.before);
            expect(proposal.after).toStrictEqual(expected.after);
          }),
          { numRuns: 150 },
        );
      });
    }

    it(`${key}: priceRows totals and lines equal priceGroup per group`, () => {
      const groupIds = scheme.pay.flatMap((p) => (p.groups ?? []).map((g) => g.id));
      const fact = fc.record({
        base: fc.constantFrom('900', '600', '1234.5'),
        groupId: fc.constantFrom(...(groupIds.length > 0 ? groupIds : ['g'])),
        manHours: fc.constantFrom('0', '8', '12.5', '160'),
      });
      fc.assert(
        fc.property(batchInputs, fc.array(fact, { minLength: 14, maxLength: 14 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom('10000', '0', '333.33'), (inputs, facts, groupCount, pool) => {
          const b = scoreBatch(c, inputs);
          if (!b.ok) throw new Error('batch');
          const batch = b.value;
          const rows = inputs.flatMap((_, i) => (batch.ok(i) ? [i] : []));
          const groups = Array.from({ length: groupCount }, (_, g) => ({ rows: rows.filter((i) => i % groupCount === g), pool, outputValue: pool }));
          const factsOf = (row: number): PayFacts => facts[row] ?? {};
          const c2 = batch.columns;
          const priced = priceRows(scheme, { total: c2.total, adjustmentMoney: c2.adjustmentMoney, employeeId: (row) => batch.employeeId(row), grade: (row) => batch.grade(row), facts: factsOf }, groups);
          const expected = groups.map((group) => {
            const results = group.rows.map((i) => {
              const r = scoreAppraisal(c, inputs[i] as AppraisalInput);
              if (!r.ok) throw new Error('scored in the batch');
              return r.value;
            });
            return priceGroup(scheme, { results, facts: Object.fromEntries(group.rows.map((i) => [batch.employeeId(i), factsOf(i)])), pool, outputValue: pool });
          });
          const failing = expected.findIndex((e) => !e.ok);
          const failed = expected[failing];
          if (failed && !failed.ok) {
            // priceRows stops at the first group a pay rule rejects, with the same issue under ['groups', g].
            expect(priced.ok).toBe(false);
            if (!priced.ok) expect(priced.issues).toStrictEqual(failed.issues.map((i) => ({ ...i, path: ['groups', failing, ...i.path] })));
            return;
          }
          if (!priced.ok) throw new Error(`priceRows failed where priceGroup did not: ${JSON.stringify(priced.issues)}`);
          groups.forEach((group, g) => {
            const e = expected[g];
            if (!e?.ok) return;
            for (const i of group.rows) {
              expect(priced.value.total(i)).toBe(e.value.totals[batch.employeeId(i)]);
              expect(priced.value.lines(i)).toStrictEqual(e.value.lines.filter((l) => l.employeeId === batch.employeeId(i)));
            }
          });
          let sum = new Decimal(0);
          for (const g of groups) for (const i of g.rows) sum = sum.plus(priced.value.total(i));
          expect(priced.value.sum()).toBe(sum.toFixed(2));
        }),
        { numRuns: 100 },
      );
    });
  }
});
