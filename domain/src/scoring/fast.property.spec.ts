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
  const rating = (s: SchemeDefinition['sections'][number], role: RatingInput['role']): fc.Arbitrary<RatingInput> =>
    fc.tuple(...s.items.map(item)).map((vals) => {
      const items: Record<string, ItemInput> = {};
      s.items.forEach((it, i) => {
        const v = vals[i];
        if (v !== undefined) items[it.id] = v;
      });
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
    .map(([ratings, adjustments, participated, f]) => ({ employeeId: 'e1', participated, ratings: ratings.flat(), adjustments, facts: f }));
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
      // The generator mostly produces valid appraisals, which the plan scores itself.
      expect(planned).toBeGreaterThan(runs / 10);
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
