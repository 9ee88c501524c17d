import { describe, expect, it } from 'vitest';
import { evaluateFormula, parseFormula, validateFormula } from './index.js';
import type { ParsedFormula } from './ast.js';

function parsed(src: string): ParsedFormula {
  const r = parseFormula(src);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const ev = (src: string, vars: Record<string, string | number> = {}) => evaluateFormula(parsed(src), vars);

describe('formula language', () => {
  it('evaluates arithmetic exactly (0.1 + 0.2 is 0.3)', () => {
    expect(ev('0.1 + 0.2')).toEqual({ ok: true, value: '0.3' });
    expect(ev('(1 + 2) * 3 - 4 / 8')).toEqual({ ok: true, value: '8.5' });
    expect(ev('-x + +2', { x: 5 })).toEqual({ ok: true, value: '-3' });
  });

  it('reads 20% as 0.2 everywhere, including after + and - (unlike mathjs)', () => {
    expect(ev('20%')).toEqual({ ok: true, value: '0.2' });
    expect(ev('100 + 20%')).toEqual({ ok: true, value: '100.2' });
    expect(ev('100 - 20%')).toEqual({ ok: true, value: '99.8' });
    expect(ev('x * 60%', { x: 85 })).toEqual({ ok: true, value: '51' });
    expect(ev('(a + b) * 20% + q * 60%', { a: 80, b: 90, q: 85 })).toEqual({ ok: true, value: '85' });
    // mathjs alone would read this as (x * 30) mod (+y) ...; ours is the plain weighted sum.
    expect(ev('x*30% + y*40% + z * 30 %', { x: 90, y: 80, z: 70 })).toEqual({ ok: true, value: '80' });
    expect(ev('12.5% * 8 + .5%')).toEqual({ ok: true, value: '1.005' });
  });

  it('accepts % only after a plain number', () => {
    const r = parseFormula('(a + b)%');
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: 'formula_percent', params: { position: 7 } });
    expect(parseFormula('5 % 3').ok).toBe(false);
    expect(parseFormula('_20 + 1').ok).toBe(false);
  });

  it('supports comparisons, if, logical operators and the ternary form', () => {
    expect(ev('if(x >= 60, 1, 0)', { x: 60 })).toEqual({ ok: true, value: '1' });
    expect(ev('if(x > 2 and x <= 4, 80%, 90%)', { x: 3 })).toEqual({ ok: true, value: '0.8' });
    expect(ev('x == 1 or not (x != 2)', { x: 2 })).toEqual({ ok: true, value: '1' });
    expect(ev('x < 0 ? 0 : x', { x: -3 })).toEqual({ ok: true, value: '0' });
  });

  it('supports min, max, avg, sum, round and abs', () => {
    expect(ev('min(3, 1, 2) + max(3, 1, 2)')).toEqual({ ok: true, value: '4' });
    expect(ev('avg(1, 2, 4)')).toEqual({ ok: true, value: `2.${'3'.repeat(39)}` });
    expect(ev('round(avg(1, 2, 4), 2)')).toEqual({ ok: true, value: '2.33' });
    expect(ev('round(2.5) + sum(1, 2) + abs(-1)')).toEqual({ ok: true, value: '7' });
  });

  it('makes division by zero a typed outcome, and guards in if() avoid it', () => {
    const r = ev('a / b', { a: 1, b: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe('formula_division_by_zero');
    expect(ev('if(b == 0, 0, a / b)', { a: 1, b: 0 })).toEqual({ ok: true, value: '0' });
    expect(ev('b != 0 and a / b > 1', { a: 1, b: 0 })).toEqual({ ok: true, value: '0' });
  });

  it('reports missing and invalid variable values as issues', () => {
    const r = ev('a + b', { a: 1 });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['formula_missing_variable']);
    const bad = ev('a', { a: 'x1' });
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['formula_invalid_value']);
  });

  it('lists the variables it reads', () => {
    expect(parsed('(m1 + m2) * 20% + quarter * 60% + m1').variables).toEqual(['m1', 'm2', 'quarter']);
  });
});

describe('formula whitelist and positions', () => {
  const codes = (src: string) => {
    const r = parseFormula(src);
    return r.ok ? [] : r.issues.map((i) => [i.code, i.params?.position]);
  };

  it('reports syntax errors with a position', () => {
    expect(codes('1 + (2')).toEqual([['formula_syntax', 6]]);
    expect(codes('')).toEqual([['formula_empty', undefined]]);
  });

  it('rejects functions outside the whitelist with the position of the name', () => {
    expect(codes('a + sqrt(4)')).toEqual([['formula_function_not_allowed', 4]]);
    expect(codes('evaluate("1")')[0]?.[0]).toBe('formula_function_not_allowed');
  });

  it('rejects assignments, matrices, strings, accessors, powers, modulo and implicit multiplication', () => {
    for (const src of ['a = 1', '[1, 2]', '"s"', 'a.b', 'x ^ 2', '5 mod 3', '2x', 'f(x) = 1', 'a < b < c', 'x!']) {
      const r = parseFormula(src);
      expect(r.ok, src).toBe(false);
    }
    expect(codes('x ^ 2')).toEqual([['formula_operator_not_allowed', 2]]);
    expect(codes('2x')[0]?.[0]).toBe('formula_implicit_multiplication');
  });

  it('checks arity and literal round places', () => {
    expect(codes('if(a, b)')[0]?.[0]).toBe('formula_arity');
    expect(codes('abs(1, 2)')[0]?.[0]).toBe('formula_arity');
    expect(codes('round(x, y)')[0]?.[0]).toBe('formula_round_places');
    expect(codes('round(x, 1.5)')[0]?.[0]).toBe('formula_round_places');
  });

  it('reports unknown variables at validation with their position', () => {
    const r = validateFormula('head * 30% + dept * 30% + survy * 40%', ['head', 'dept', 'survey']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'formula_unknown_variable', params: { name: 'survy', position: 26 } });
    }
    expect(validateFormula('a + a + b', ['a', 'b']).ok).toBe(true);
  });

  it('finds the position of a repeated unknown name at its own occurrence', () => {
    const r = validateFormula('a + sqrt(a)', ['a']);
    expect(r.ok ? [] : r.issues.map((i) => i.params?.position)).toEqual([4]);
  });

  it('rejects over-long and over-deep formulas', () => {
    expect(codes('1+'.repeat(1100) + '1')[0]?.[0]).toBe('formula_too_long');
    expect(codes('('.repeat(150) + '1' + ')'.repeat(150))[0]?.[0]).toBe('formula_too_deep');
  });
});
