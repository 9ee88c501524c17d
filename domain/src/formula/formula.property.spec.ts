import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as mathjs from 'mathjs';
import { evaluateFormula, parseFormula, validateFormula } from './index.js';
import { parserConfig, parserFactories } from './parse.js';

const VARS = ['a', 'b', 'c', 'month1', 'quarter'] as const;

// Formula text built from the grammar, including divisions that may hit zero.
const formulaText: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...VARS),
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${f}`),
    fc.integer({ min: 0, max: 200 }).map((n) => `${n}%`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'), tie('expr')).map(
      ([l, op, r]) => `(${l} ${op} ${r})`,
    ),
    tie('expr').map((e) => `-(${e})`),
    tie('expr').map((e) => `not (${e})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, t, f]) => `if(${c}, ${t}, ${f})`),
    fc.tuple(fc.constantFrom('min', 'max', 'avg', 'sum'), fc.array(tie('expr'), { minLength: 1, maxLength: 4 })).map(
      ([fn, args]) => `${fn}(${args.join(', ')})`,
    ),
    fc.tuple(tie('expr'), fc.integer({ min: 0, max: 6 })).map(([e, p]) => `round(${e}, ${p})`),
    tie('expr').map((e) => `abs(${e})`),
  ),
})).expr;

const value = fc.oneof(
  fc.constant('0'),
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: 0, max: 9999 })).map(([i, f]) => `${i}.${f}`),
);

describe('formula properties', () => {
  it('evaluating a validated formula never throws and yields a decimal or a typed issue', () => {
    fc.assert(
      fc.property(formulaText, fc.record({ a: value, b: value, c: value, month1: value, quarter: value }), (src, vars) => {
        const checked = validateFormula(src, VARS);
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        const result = evaluateFormula(checked.value, vars);
        if (result.ok) expect(result.value).toMatch(/^-?\d+(\.\d+)?$/);
        else expect(result.issues[0]?.code).toMatch(/^formula_/);
      }),
      { numRuns: 1500 },
    );
  });

  it('parsing arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (src) => {
        const r = parseFormula(src);
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('parsing text made of formula characters never throws and errors carry a position inside the text', () => {
    const chars = fc.constantFrom(...'ab1209.%+-*/()<>=!, ifminaxroundsumvg'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((cs) => cs.join('')), (src) => {
        const r = parseFormula(src);
        if (!r.ok) {
          for (const i of r.issues) {
            const p = i.params?.position;
            if (typeof p === 'number') expect(p).toBeLessThanOrEqual(src.length);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the lean mathjs parser reads every text exactly as one built from parseDependencies', () => {
    const lean = mathjs.create(parserFactories, parserConfig);
    const full = mathjs.create({ parseDependencies: mathjs.parseDependencies as mathjs.FactoryFunctionMap }, parserConfig);
    const outcome = (m: mathjs.MathJsInstance, src: string): unknown => {
      try {
        const tree = m.parse(src);
        return { tree: JSON.stringify(tree), text: tree.toString() };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error), char: (error as { char?: unknown }).char };
      }
    };
    const chars = fc.constantFrom(...'ab1209.e%+-*/^()[]{}<>=!?:;,\'" xifminaxroundsumvgNaInftyuetrfl'.split(''));
    const texts = fc.oneof(formulaText, fc.string({ maxLength: 40 }), fc.array(chars, { maxLength: 40 }).map((cs) => cs.join('')), fc.constantFrom('0xFFi8', '1e400', 'NaN + Infinity', 'a[1:2]', '{x: 1}', 'f(x) = x', '5 cm', '2 in'));
    fc.assert(
      fc.property(texts, (src) => {
        expect(outcome(lean, src)).toEqual(outcome(full, src));
      }),
      { numRuns: 3000 },
    );
  });
});
