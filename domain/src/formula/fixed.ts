import { Decimal, dec, roundTo, type RoundingMode } from '../decimal.js';
import type { FormulaNode, ParsedFormula } from './ast.js';
import { plain } from './plain.js';

/**
 * Exact fixed-point fast path for the engine's hot loops.
 *
 * A `Num` is either a JS number holding a decimal scaled by 10^FIXED_PLACES as a safe integer
 * (|n| <= 2^53 - 1, so every such value is exact), or a Decimal. Every operation below returns
 * exactly what the same Decimal operation returns (Decimal rounds to 40 significant digits; a safe
 * integer has at most 16, so an exact integer result is also Decimal's result): the number branch is
 * taken only when the result is provably exact at the fixed scale, otherwise the operands are turned
 * into Decimals (exactly) and the Decimal operation is used. Code that runs the same sequence of
 * operations as a Decimal computation, with these functions, therefore produces identical values.
 */
export type Num = number | Decimal;

/** Decimal places of the scaled-integer representation. */
export const FIXED_PLACES = 6;
const SCALE = 1_000_000;
const MAX = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** The Decimal equal to a Num. Example: toDecimal(1_500_000) -> Decimal(1.5) */
export function toDecimal(a: Num): Decimal {
  if (typeof a !== 'number') return a;
  const hit = decimalCache.get(a);
  if (hit !== undefined) return hit;
  // A safe integer converts exactly; times 1e-6 is exact too (at most 17 significant digits).
  const d = new Decimal(a).times(MICRO);
  // The first values converted are mostly scheme constants (weights, bounds); keep those.
  if (decimalCache.size < 4096) decimalCache.set(a, d);
  return d;
}
const MICRO = new Decimal(`1e-${FIXED_PLACES}`);
const decimalCache = new Map<number, Decimal>();
const LIMIT = new Decimal(9_000_000_000);

/** The Num of a Decimal: a scaled integer when exact and safe, else the Decimal itself. */
export function fromDecimal(d: Decimal): Num {
  if (d.isZero()) return 0;
  if (d.decimalPlaces() <= FIXED_PLACES && d.abs().lt(LIMIT)) return d.times(SCALE).toNumber();
  return d;
}

/** A JS integer as a Num (exact). Example: ofInt(3) -> 3_000_000 */
export function ofInt(k: number): Num {
  const n = k * SCALE;
  return Number.isSafeInteger(n) ? n : new Decimal(k);
}

/**
 * Parses a decimal string like `dec` does: plain decimals of up to FIXED_PLACES places become scaled
 * integers without touching Decimal; anything else (exponents, long fractions, huge values, "-0") goes
 * through `dec`. Invalid or non-finite text gives undefined.
 * Example: parseNum('12.5') -> 12_500_000; parseNum('x') -> undefined
 */
export function parseNum(text: string): Num | undefined {
  const len = text.length;
  let i = 0;
  let neg = false;
  if (len > 0 && text.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let intPart = 0;
  let intDigits = 0;
  let c = 0;
  while (i < len && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    intPart = intPart * 10 + (c - 48);
    intDigits++;
    i++;
  }
  let frac = 0;
  let fracDigits = 0;
  let simple = intDigits > 0 && intDigits <= 9;
  if (simple && i < len) {
    if (text.charCodeAt(i) !== 46) simple = false;
    else {
      i++;
      while (i < len && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
        frac = frac * 10 + (c - 48);
        fracDigits++;
        i++;
      }
      if (i < len || fracDigits === 0 || fracDigits > FIXED_PLACES) simple = false;
    }
  }
  if (simple) {
    const v = intPart * SCALE + frac * (POW10[FIXED_PLACES - fracDigits] ?? 1);
    // "-0" stays a Decimal: Decimal keeps the sign of zero and so does this path.
    if (!(neg && v === 0)) return neg ? -v : v;
  }
  try {
    return fromDecimalKeepZero(dec(text));
  } catch {
    return undefined;
  }
}

function fromDecimalKeepZero(d: Decimal): Num {
  if (d.isZero()) return d.isNeg() ? d : 0;
  return fromDecimal(d);
}

/** a + b, as Decimal.plus. */
export function add(a: Num, b: Num): Num {
  if (typeof a === 'number') {
    if (typeof b === 'number') {
      const r = a + b;
      if (r <= MAX && r >= -MAX) return r;
    } else if (a === 0 && !b.isZero() && b.sd() <= 40) {
      // 0 + b is b itself when b needs no rounding to 40 digits (keeps memoised values shared).
      return b;
    }
  }
  return toDecimal(a).plus(toDecimal(b));
}

/** a - b, as Decimal.minus. */
export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return toDecimal(a).minus(toDecimal(b));
}

/** -a, as Decimal.neg (a number zero stays 0; a Decimal zero flips its sign like Decimal does). */
export function neg(a: Num): Num {
  return typeof a === 'number' ? 0 - a : a.neg();
}

/** |a|, as Decimal.abs. */
export function abs(a: Num): Num {
  return typeof a === 'number' ? Math.abs(a) : a.abs();
}

/** a x b, as Decimal.times. */
export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    // |p| <= MAX means the double product is exact; a multiple of SCALE rescales exactly.
    if (p <= MAX && p >= -MAX && p % SCALE === 0) return p / SCALE + 0;
  }
  return toDecimal(a).times(toDecimal(b));
}

/** a x k for a JS integer k, as Decimal.times(k). */
export function mulInt(a: Num, k: number): Num {
  if (typeof a === 'number') {
    const p = a * k;
    if (p <= MAX && p >= -MAX) return p + 0;
  }
  return toDecimal(a).times(k);
}

/** a / b (b not zero), as Decimal.div. */
export function div(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
    const n = a * SCALE;
    if (n <= MAX && n >= -MAX && n % b === 0) return n / b + 0;
  }
  return toDecimal(a).div(toDecimal(b));
}

/** a / k for a JS integer k > 0, as Decimal.div(k). */
export function divInt(a: Num, k: number): Num {
  if (typeof a === 'number' && a % k === 0) return a / k + 0;
  return toDecimal(a).div(k);
}

/** Compares like Decimal.cmp: -1, 0 or 1. */
export function cmp(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return toDecimal(a).cmp(toDecimal(b));
}

/** True for zero (either sign). */
export function isZero(a: Num): boolean {
  return typeof a === 'number' ? a === 0 : a.isZero();
}

/** True for negative values and negative zero, as Decimal.isNeg. */
export function isNeg(a: Num): boolean {
  return typeof a === 'number' ? a < 0 : a.isNeg();
}

/** Rounds to `places` decimals with a named mode, as roundTo. */
export function roundNum(a: Num, places: number, mode: RoundingMode): Num {
  if (typeof a === 'number' && places >= 0) {
    if (places >= FIXED_PLACES) return a;
    const unit = POW10[FIXED_PLACES - places] ?? 1;
    const m = a < 0 ? -a : a;
    const r = m % unit;
    if (r === 0) return a;
    let q = m - r;
    const twice = 2 * r;
    const up =
      mode === 'up' || (mode === 'halfUp' && twice >= unit) || (mode === 'halfEven' && (twice > unit || (twice === unit && (q / unit) % 2 === 1)));
    if (up) q += unit;
    // Decimal keeps the sign of a value rounded to zero (-0.001 -> -0); only then leave the fast path.
    if (q === 0 && a < 0) return roundTo(toDecimal(a), places, mode);
    return a < 0 ? -q : q;
  }
  return roundTo(toDecimal(a), places, mode);
}

// Bounded: fresh Decimals come and go, memoised formula values (shared objects) hit it.
const plainCache = new Map<Decimal, string>();

function digits(m: number): string {
  const ip = Math.floor(m / SCALE);
  let f = m - ip * SCALE;
  let i = ip;
  if (f < 0) {
    i -= 1;
    f += SCALE;
  } else if (f >= SCALE) {
    i += 1;
    f -= SCALE;
  }
  if (f === 0) return String(i);
  let fs = String(f).padStart(FIXED_PLACES, '0');
  let end = fs.length;
  while (end > 0 && fs.charCodeAt(end - 1) === 48) end--;
  fs = fs.slice(0, end);
  return `${i}.${fs}`;
}

/** Plain text like `plain`: no exponent, no trailing zeros, no negative zero. Example: plainNum(1_500_000) -> '1.5' */
export function plainNum(a: Num): string {
  if (typeof a !== 'number') {
    // Memoised formula values are shared Decimal objects; their text is computed once.
    let text = plainCache.get(a);
    if (text === undefined) {
      text = plain(a);
      if (plainCache.size >= 50_000) plainCache.clear();
      plainCache.set(a, text);
    }
    return text;
  }
  if (a === 0) return '0';
  return a < 0 ? `-${digits(-a)}` : digits(a);
}

/** Fixed places like Decimal.toFixed(places) (rounding half up when it must). Example: fixedNum(1_500_000, 2) -> '1.50' */
export function fixedNum(a: Num, places: number): string {
  if (typeof a === 'number' && places <= FIXED_PLACES && a % (POW10[FIXED_PLACES - places] ?? 1) === 0) {
    if (a === 0) return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
    const m = a < 0 ? -a : a;
    let text = digits(m);
    const dot = text.indexOf('.');
    const have = dot < 0 ? 0 : text.length - dot - 1;
    if (places > 0) text = `${dot < 0 ? `${text}.` : text}${'0'.repeat(places - have)}`;
    return a < 0 ? `-${text}` : text;
  }
  return toDecimal(a).toFixed(places);
}

// ---------------------------------------------------------------------------------------------
// Formulas over Num: the same evaluation order as evaluateFormulaExact, compiled once to closures.

/** Raised by a compiled formula when the exact evaluator would report an issue (missing value, division by zero). */
export class FormulaBail {
  static readonly instance = new FormulaBail();
}

/** A formula compiled over Num; variables are read from `env` by index (the order of `variables`). */
export interface NumFormula {
  readonly variables: readonly string[];
  readonly run: (env: readonly (Num | undefined)[]) => Num;
}

type Fn = (env: readonly (Num | undefined)[]) => Num;
const ONE_N = SCALE;

function compileNode(node: FormulaNode, slots: ReadonlyMap<string, number>): Fn {
  switch (node.kind) {
    case 'number': {
      const v = fromDecimal(node.value);
      return () => v;
    }
    case 'variable': {
      const slot = slots.get(node.name) ?? -1;
      return (env) => {
        const v = env[slot];
        if (v === undefined) throw FormulaBail.instance;
        return v;
      };
    }
    case 'negate': {
      const o = compileNode(node.operand, slots);
      return (env) => neg(o(env));
    }
    case 'not': {
      const o = compileNode(node.operand, slots);
      return (env) => (isZero(o(env)) ? ONE_N : 0);
    }
    case 'arithmetic': {
      const l = compileNode(node.left, slots);
      const r = compileNode(node.right, slots);
      switch (node.op) {
        case '+':
          return (env) => add(l(env), r(env));
        case '-':
          return (env) => sub(l(env), r(env));
        case '*':
          return (env) => mul(l(env), r(env));
        case '/':
          return (env) => {
            const a = l(env);
            const b = r(env);
            if (isZero(b)) throw FormulaBail.instance;
            return div(a, b);
          };
      }
      break;
    }
    case 'compare': {
      const l = compileNode(node.left, slots);
      const r = compileNode(node.right, slots);
      const op = node.op;
      return (env) => {
        const c = cmp(l(env), r(env));
        const result = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0;
        return result ? ONE_N : 0;
      };
    }
    case 'logical': {
      const l = compileNode(node.left, slots);
      const r = compileNode(node.right, slots);
      const and = node.op === 'and';
      return (env) => {
        const lv = !isZero(l(env));
        if (and && !lv) return 0;
        if (!and && lv) return ONE_N;
        return isZero(r(env)) ? 0 : ONE_N;
      };
    }
    case 'if': {
      const c = compileNode(node.condition, slots);
      const t = compileNode(node.then, slots);
      const o = compileNode(node.otherwise, slots);
      return (env) => (isZero(c(env)) ? o(env) : t(env));
    }
    case 'call': {
      const args = node.args.map((a) => compileNode(a, slots));
      const places = node.places ?? 0;
      const fn = node.fn;
      return (env) => {
        const values = args.map((a) => a(env));
        const first = values[0] ?? 0;
        switch (fn) {
          case 'min':
            return values.reduce((m, v) => (cmp(v, m) < 0 ? v : m), first);
          case 'max':
            return values.reduce((m, v) => (cmp(v, m) > 0 ? v : m), first);
          case 'sum':
            return values.reduce<Num>((s, v) => add(s, v), 0);
          case 'avg':
            return divInt(
              values.reduce<Num>((s, v) => add(s, v), 0),
              values.length,
            );
          case 'abs':
            return abs(first);
          case 'round':
            return roundNum(first, places, 'halfUp');
        }
      };
    }
  }
  /* c8 ignore next */
  return () => {
    throw FormulaBail.instance;
  };
}

/**
 * Compiles a parsed formula over Num. Running it gives the value evaluateFormulaExact gives for the
 * same variables, or throws FormulaBail where that reports an issue.
 * Example: compileNumFormula(parse('a / b')).run([1_000_000, 4_000_000]) -> 250_000
 */
export function compileNumFormula(formula: ParsedFormula): NumFormula {
  const slots = new Map(formula.variables.map((v, i) => [v, i]));
  const root = compileNode(formula.root, slots);
  // Evaluation is pure, so results of all-fixed-point variables are memoised (bounded): bulk runs see
  // the same measured values again and again, and an inexact division costs a Decimal long division.
  const memo = new Map<string, Num>();
  // One or two variables (the common case): nested number-keyed maps, no key strings to build.
  const memo1 = new Map<number, Num>();
  const memo2 = new Map<number, Map<number, Num>>();
  let memo2Size = 0;
  const n = formula.variables.length;
  const evaluate = (env: readonly (Num | undefined)[]): Num => {
    const v = root(env);
    if (typeof v !== 'number' && !v.isFinite()) throw FormulaBail.instance;
    return v;
  };
  return {
    variables: formula.variables,
    run: (env) => {
      // evaluateFormulaExact reports every missing variable up front, even in an unused branch.
      if (n === 1 || n === 2) {
        const a = env[0];
        const b = n === 2 ? env[1] : 0;
        if (a === undefined || b === undefined) throw FormulaBail.instance;
        if (typeof a !== 'number' || typeof b !== 'number') return evaluate(env);
        if (n === 1) {
          const hit = memo1.get(a);
          if (hit !== undefined) return hit;
          const v = evaluate(env);
          if (memo1.size >= 50_000) memo1.clear();
          memo1.set(a, v);
          return v;
        }
        let inner = memo2.get(a);
        const hit = inner?.get(b);
        if (hit !== undefined) return hit;
        const v = evaluate(env);
        if (memo2Size >= 50_000) {
          memo2.clear();
          memo2Size = 0;
          inner = undefined;
        }
        if (!inner) {
          inner = new Map();
          memo2.set(a, inner);
        }
        inner.set(b, v);
        memo2Size++;
        return v;
      }
      let key: string | null = n <= 8 ? '' : null;
      for (let i = 0; i < n; i++) {
        const v = env[i];
        if (v === undefined) throw FormulaBail.instance;
        if (key !== null) key = typeof v === 'number' ? `${key}${v},` : null;
      }
      if (key !== null) {
        const hit = memo.get(key);
        if (hit !== undefined) return hit;
      }
      const v = evaluate(env);
      if (key !== null) {
        if (memo.size >= 50_000) memo.clear();
        memo.set(key, v);
      }
      return v;
    },
  };
}
