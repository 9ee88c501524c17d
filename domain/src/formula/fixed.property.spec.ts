import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, roundTo, type RoundingMode } from '../decimal.js';
import { Big, FIXED_PLACES, FormulaBail, abs, add, cmp, compileNumFormula, div, divInt, fixedNum, isNeg, isZero, mul, mulInt, neg, ofParts, parseNum, plainNum, roundNum, sub, toDecimal, type Num } from './fixed.js';
import { NumColumn } from './column.js';
import { evaluateFormulaExact } from './evaluate.js';
import { parseFormula } from './parse.js';
import { plain } from './plain.js';

// Operands of every representation: scaled integers, Bigs (up to 40 digits, any scale, from long
// non-terminating divisions too), and Decimals beyond 40 digits; negative and positive.
const coefficient = fc.oneof(
  fc.bigInt({ min: -(10n ** 40n) + 1n, max: 10n ** 40n - 1n }),
  fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }),
  fc.bigInt({ min: -1000n, max: 1000n }),
  // 30 to 40 digits
  fc.tuple(fc.bigInt({ min: 10n ** 29n, max: 10n ** 40n - 1n }), fc.boolean()).map(([c, n]) => (n ? -c : c)),
);
const operandSpec = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(coefficient, fc.integer({ min: -20, max: 60 })).map(([c, s]) => ({ c, s })) },
  { weight: 1, arbitrary: fc.tuple(fc.bigInt({ min: -(10n ** 50n), max: 10n ** 50n }), fc.integer({ min: -5, max: 55 })).map(([c, s]) => ({ c, s })) },
  // Extreme scales: far beyond double range either way (comparisons must not trust doubles there).
  { weight: 1, arbitrary: fc.tuple(coefficient, fc.integer({ min: -340, max: 340 })).map(([c, s]) => ({ c, s })) },
);
// A non-terminating quotient of two small integers (a Big through div), or a plain spec.
const operand: fc.Arbitrary<{ num: Num; dec: Decimal }> = fc.oneof(
  operandSpec.map(({ c, s }) => ({ num: ofParts(c, s), dec: new Decimal(`${c}e${-s}`) })),
  fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 1, max: 9999 }).filter((k) => k % 2 !== 0 && k % 5 !== 0), fc.integer({ min: 0, max: 12 })).map(
    ([a, b, s]) => {
      const x = ofParts(BigInt(a), s);
      const y = ofParts(BigInt(b), 0);
      return { num: div(x, y), dec: new Decimal(`${a}e${-s}`).div(b) };
    },
  ),
  fc.constantFrom('0', '0.5', '5', '25', '-0.5', '2', '0.000001', '100', '0.4').map((t) => ({ num: ofParts(BigInt(new Decimal(t).times(1e6).toFixed()), FIXED_PLACES), dec: new Decimal(t) })),
);
const modes = fc.constantFrom<RoundingMode>('halfUp', 'halfEven', 'down', 'up');

/** The Num equals the Decimal: same value, same plain text, same sign (for non-zero values). */
function same(n: Num, d: Decimal): void {
  expect(plainNum(n)).toBe(plain(d));
  expect(toDecimal(n).eq(d)).toBe(true);
  expect(isZero(n)).toBe(d.isZero());
  if (!d.isZero()) expect(isNeg(n)).toBe(d.isNeg());
  if (n instanceof Big) {
    // A Big holds at most 40 significant digits and is never a value the fixed-point form holds.
    expect(toDecimal(n).sd()).toBeLessThanOrEqual(40);
    expect(toDecimal(n).decimalPlaces() > FIXED_PLACES || toDecimal(n).abs().gt(9_000_000_000)).toBe(true);
  }
}

describe('BigInt-backed Nums equal decimal.js (40 digits, half up)', () => {
  it('+, -, x, /, compare, round, print and fixed agree on random operands', () => {
    fc.assert(
      fc.property(operand, operand, fc.integer({ min: 0, max: 45 }), modes, ({ num: x, dec: dx }, { num: y, dec: dy }, places, mode) => {
        same(x, dx);
        same(add(x, y), dx.plus(dy));
        same(sub(x, y), dx.minus(dy));
        same(mul(x, y), dx.times(dy));
        if (!dy.isZero()) same(div(x, y), dx.div(dy));
        if (!dx.isZero()) same(div(y, x), dy.div(dx));
        expect(cmp(x, y)).toBe(dx.cmp(dy));
        expect(cmp(y, x)).toBe(dy.cmp(dx));
        same(roundNum(x, places, mode), roundTo(dx, places, mode));
        expect(fixedNum(x, places)).toBe(dx.toFixed(places));
        same(neg(x), dx.neg());
        same(abs(x), dx.abs());
      }),
      { numRuns: 2500 },
    );
  }, 60_000);

  it('integer multiples and quotients agree, including exact ties at the 41st digit', () => {
    fc.assert(
      fc.property(operand, fc.integer({ min: -100000, max: 100000 }).filter((k) => k !== 0), ({ num: x, dec: dx }, k) => {
        same(mulInt(x, k), dx.times(k));
        if (k > 0) same(divInt(x, k), dx.div(k));
        same(mul(x, ofParts(5n, 0)), dx.times(5));
        same(mul(x, ofParts(5n, 1)), dx.times('0.5'));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('long non-terminating divisions and chains agree', () => {
    fc.assert(
      fc.property(operand, fc.array(fc.tuple(fc.constantFrom('+', '-', '*', '/'), operand), { minLength: 1, maxLength: 8 }), (start, steps) => {
        let n = start.num;
        let d = start.dec;
        for (const [op, { num, dec }] of steps) {
          if (op === '/' && dec.isZero()) continue;
          n = op === '+' ? add(n, num) : op === '-' ? sub(n, num) : op === '*' ? mul(n, num) : div(n, num);
          d = op === '+' ? d.plus(dec) : op === '-' ? d.minus(dec) : op === '*' ? d.times(dec) : d.div(dec);
          same(n, d);
        }
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('the operands cover every representation', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(operand, ({ num }) => {
        kinds.add(typeof num === 'number' ? 'number' : num instanceof Big ? 'big' : 'decimal');
      }),
      { numRuns: 500 },
    );
    expect([...kinds].sort()).toEqual(['big', 'decimal', 'number']);
  });

  it('known cases', () => {
    same(div(ofParts(2n, 0), ofParts(3n, 0)), new Decimal(2).div(3));
    same(div(ofParts(-1n, 0), ofParts(7n, 0)), new Decimal(-1).div(7));
    same(mul(div(ofParts(1n, 0), ofParts(3n, 0)), ofParts(3n, 0)), new Decimal(1).div(3).times(3));
    same(add(ofParts(10n ** 39n, 0), div(ofParts(1n, 0), ofParts(3n, 0))), new Decimal('1e39').plus(new Decimal(1).div(3)));
    same(sub(ofParts(10n ** 39n, 0), ofParts(1n, 30)), new Decimal('1e39').minus('1e-30'));
    expect(roundNum(ofParts(-1n, 20), 2, 'halfUp')).toEqual(roundTo(new Decimal('-1e-20'), 2, 'halfUp'));
  });
});

describe('compiled formulas with their memo equal evaluateFormulaExact', () => {
  // One to four variables (the memo keeps one map level per variable); inexact divisions, branches, functions.
  const sources = [
    'if(returned > 0, satisfied / returned * maxPoints, maxPoints)',
    'a / 3',
    'a / b - b / a',
    'round(a * b / c, 2) + min(a, b, c)',
    'max(a, b) / (c + d) + avg(a, b, c, d)',
    'if(a >= b and c != d, a - d, b / 7)',
  ];
  const value = fc.oneof(fc.integer({ min: -3, max: 12 }).map(String), fc.constantFrom('0.5', '2.25', '100', '-0.125', '1e-7', '12345678901.5'));
  it('every run (memo hits included) gives the exact value or bails where the evaluator reports an issue', () => {
    const compiled = sources.map((src) => {
      const parsed = parseFormula(src);
      if (!parsed.ok) throw new Error(`does not parse: ${src}`);
      return { parsed: parsed.value, num: compileNumFormula(parsed.value) };
    });
    fc.assert(
      fc.property(fc.constantFrom(...compiled), fc.array(value, { minLength: 4, maxLength: 4 }), ({ parsed, num }, values) => {
        const named = Object.fromEntries(parsed.variables.map((v, i) => [v, values[i] ?? '0']));
        const env = parsed.variables.map((v) => parseNum(named[v] ?? '0'));
        const expected = evaluateFormulaExact(parsed, named);
        // Twice: the second run is answered by the memo.
        for (let round = 0; round < 2; round++) {
          let got: Num | undefined;
          try {
            got = num.run(env);
          } catch (error) {
            if (!(error instanceof FormulaBail)) throw error;
          }
          if (expected.ok) {
            expect(got).toBeDefined();
            expect(plainNum(got ?? 0)).toBe(plain(expected.value));
          } else expect(got).toBeUndefined();
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('NumColumn holds every Num exactly', () => {
  it('set, get, text and fixedText round-trip, overwrites included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), operand), { maxLength: 30 }), fc.integer({ min: 0, max: 4 }), (writes, places) => {
        const column = new NumColumn(8);
        const latest = new Map<number, Decimal>();
        for (const [row, { num, dec }] of writes) {
          column.set(row, num);
          latest.set(row, dec);
        }
        let fixed = true;
        for (let row = 0; row < 8; row++) {
          const d = latest.get(row) ?? new Decimal(0);
          same(column.get(row), d);
          expect(column.text(row)).toBe(plain(d));
          expect(column.fixedText(row, places)).toBe(d.toFixed(places));
          if (typeof column.get(row) !== 'number') fixed = false;
        }
        expect(column.allFixed).toBe(fixed);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('Bigs in split form (scaled integer part and remainder) equal decimal.js', () => {
  // Inexact quotients (40 digits, the formula results bulk scoring adds up), tiny ones (integer part 0),
  // ones just below a power of ten (a carry makes 41 digits), negative ones; numbers of every size.
  const quotient = fc
    .tuple(fc.integer({ min: -200_000_000, max: 200_000_000 }), fc.integer({ min: 3, max: 9999 }).filter((k) => k % 2 !== 0 && k % 5 !== 0), fc.integer({ min: -2, max: 14 }))
    .filter(([a]) => a !== 0)
    .map(([a, k, s]) => ({ num: div(ofParts(BigInt(a), s), ofParts(BigInt(k), 0)), dec: new Decimal(`${a}e${-s}`).div(k) }));
  const nearPower = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 30, max: 39 }), fc.boolean()).map(([d, width, negative]) => {
    const c = 10n ** BigInt(width) - BigInt(d);
    const signed = negative ? -c : c;
    return { num: ofParts(signed, width - 1), dec: new Decimal(`${signed}e${-(width - 1)}`) };
  });
  const big = fc.oneof(quotient, nearPower);
  const number = fc.oneof(
    fc.integer({ min: -100_000_000, max: 100_000_000 }),
    fc.integer({ min: -9, max: 9 }),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1_000_000, -1_000_000, 999_999),
  );
  it('a number plus a Big (both orders), then again, compares and rounds like decimal.js', () => {
    fc.assert(
      fc.property(big, number, number, fc.integer({ min: 0, max: 7 }), modes, ({ num: x, dec: dx }, a, b, places, mode) => {
        const da = new Decimal(a).div(1_000_000);
        const db = new Decimal(b).div(1_000_000);
        const s1 = add(a, x);
        const d1 = da.plus(dx);
        same(s1, d1);
        same(add(x, a), dx.plus(da));
        const s2 = add(s1, b);
        const d2 = d1.plus(db);
        same(s2, d2);
        expect(cmp(s2, b)).toBe(d2.cmp(db));
        expect(cmp(b, s2)).toBe(db.cmp(d2));
        expect(cmp(s1, a)).toBe(d1.cmp(da));
        same(roundNum(s2, places, mode), roundTo(d2, places, mode));
        same(roundNum(s1, places, mode), roundTo(d1, places, mode));
        same(neg(s2), d2.neg());
        expect(isNeg(s2)).toBe(d2.isNeg());
        // The coefficient made from the split form prints and multiplies exactly too.
        same(mul(s2, 3_000_000), d2.times(3));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('a sum rounded to 40 digits that carries into the scaled part (9.99...97 + 100 = 110)', () => {
    for (const sign of [1n, -1n]) {
      const x = ofParts(sign * (10n ** 39n - 3n), 38);
      const dx = new Decimal(`${sign * (10n ** 39n - 3n)}e-38`);
      const a = Number(sign) * 100_000_000;
      same(add(a, x), dx.plus(Number(sign) * 100));
      same(add(x, a), dx.plus(Number(sign) * 100));
      expect(add(a, x)).toBe(Number(sign) * 110_000_000);
    }
  });
});
