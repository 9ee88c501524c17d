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
export type Num = number | Decimal | Big;

/**
 * An exact decimal c x 10^-s with c a non-zero BigInt of at most 40 significant digits (so it is a
 * value Decimal can hold without rounding), used where the fixed-point form cannot hold a result
 * exactly (an inexact division, or more than FIXED_PLACES places). Operations on Bigs and numbers
 * compute the exact result and round it to 40 significant digits exactly as decimal.js does (its +,
 * -, x and / are correctly rounded, ROUND_HALF_UP as configured), without allocating Decimals. A
 * value that fits the fixed-point form is always returned as a number, never as a Big.
 */
export class Big {
  /** The plain text, computed on first use (memoised Bigs are printed again and again). */
  text: string | undefined = undefined;
  /** The last number this Big was multiplied by, and the product (a one-entry memo). */
  factor: number | undefined = undefined;
  product: Num | undefined = undefined;
  /**
   * The split form, for s > FIXED_PLACES: `hi` the value truncated to FIXED_PLACES as a scaled safe
   * integer, `lo` the rest as a coefficient at scale s (non-zero, |lo| < 10^(s - 6), the sign of hi
   * when hi is not 0): c = hi x 10^(s - 6) + lo. Adding a number, comparing with one and rounding to
   * at most 5 places then need no BigInt arithmetic. NaN: not worked out yet; Infinity: no split form.
   */
  hi = Number.NaN;
  lo = 0n;
  /** lo rounded half up by `droppedDigits` digits (a one-entry memo: shared Bigs are added to again and again). */
  droppedDigits = 0;
  loRounded = 0n;
  private coefficient: bigint | undefined;

  /** c x 10^-s, or (c undefined) the split form hi x 10^-6 + lo x 10^-s. */
  constructor(c: bigint | undefined, readonly s: number, hi = Number.NaN, lo = 0n) {
    this.coefficient = c;
    this.hi = hi;
    this.lo = lo;
  }

  /** The coefficient (made from the split form on first use). */
  get c(): bigint {
    return (this.coefficient ??= BigInt(this.hi) * p10(this.s - FIXED_PLACES) + this.lo);
  }
}

/** The split form of a Big (computed once); false when it has none. */
function splitOf(b: Big): boolean {
  const hi = b.hi;
  if (hi === hi) return hi !== Infinity;
  b.hi = Infinity;
  const k = b.s - FIXED_PLACES;
  if (k <= 0 || !inWindow(b.s)) return false;
  const c = b.c;
  const unit = p10(k);
  // BigInt division truncates toward zero: lo takes the sign of c, like hi.
  const q = c / unit;
  const lo = c - q * unit;
  if (lo === 0n || q > MAXN || q < -MAXN) return false;
  b.hi = Number(q);
  b.lo = lo;
  return true;
}

/** The number of decimal digits of a positive safe integer. */
function safeDigits(m: number): number {
  let d = 1;
  while (d < 16 && m >= (POW10_DOUBLE[d] ?? Infinity)) d++;
  return d;
}
const POW10_DOUBLE: number[] = Array.from({ length: 17 }, (_, k) => 10 ** k);

/**
 * a + b for a scaled integer a and a split Big b: the exact sum is hi' = a + b.hi with the same lo
 * (when hi' is safe and has the sign of lo, or is 0). When it needs more than 40 digits, Decimal rounds
 * it half up to 40: the digits dropped all lie in lo (hi' x 10^k is a multiple of them), so only lo is
 * rounded, once per Big and number of digits. Undefined when any of that fails (the general path decides).
 */
function addSplit(a: number, b: Big): Big | undefined {
  if (!splitOf(b)) return undefined;
  const hi = a + b.hi;
  if (!(hi <= MAX && hi >= -MAX)) return undefined;
  if (hi === 0) return new Big(undefined, b.s, hi, b.lo);
  if (hi > 0 !== b.lo > 0n) return undefined;
  const k = b.s - FIXED_PLACES;
  const excess = safeDigits(hi < 0 ? -hi : hi) + k - PRECISION;
  if (excess <= 0) return new Big(undefined, b.s, hi, b.lo);
  // lo keeps at least one digit; a rounding that carries into hi is left to the general path.
  if (excess >= k) return undefined;
  if (b.droppedDigits !== excess) {
    const unit = p10(excess);
    const m = b.lo < 0n ? -b.lo : b.lo;
    const q = m / unit;
    const rounded = 2n * (m - q * unit) >= unit ? q + 1n : q;
    b.loRounded = b.lo < 0n ? -rounded : rounded;
    b.droppedDigits = excess;
  }
  const lo = b.loRounded;
  if (lo === 0n || lo === p10(k - excess) || lo === -p10(k - excess)) return undefined;
  return new Big(undefined, b.s - excess, hi, lo);
}

/** cmp(a, b) for a split Big a and a scaled integer b: hi decides, or lo's sign when hi equals b. */
function cmpSplit(a: Big, b: number): number | undefined {
  if (!splitOf(a)) return undefined;
  // a = hi + f with 0 < |f| < 1 (in units of 10^-6) and f of lo's sign.
  if (a.hi > b) return 1;
  if (a.hi < b) return -1;
  return a.lo > 0n ? 1 : -1;
}

const PRECISION = 40;
const POW10N: bigint[] = [];
function p10(k: number): bigint {
  let v = POW10N[k];
  if (v === undefined) {
    v = 10n ** BigInt(k);
    POW10N[k] = v;
  }
  return v;
}
const P40 = p10(PRECISION);
const P60 = p10(PRECISION + 20);
const MAXN = BigInt(Number.MAX_SAFE_INTEGER);
// Bigs whose scale leaves this window are left to Decimal (keeps the BigInt work bounded).
const SCALE_LIMIT = 400;

/** The Num of an exact c x 10^-s (c non-zero, at most 40 significant digits): a number when it fits. */
function normal(c: bigint, s: number): Num {
  if (s <= FIXED_PLACES) {
    const v = s === FIXED_PLACES ? c : c * p10(FIXED_PLACES - s);
    if (v <= MAXN && v >= -MAXN) return Number(v);
    return new Big(c, s);
  }
  const u = p10(s - FIXED_PLACES);
  if (c % u === 0n) {
    const v = c / u;
    if (v <= MAXN && v >= -MAXN) return Number(v);
  }
  return new Big(c, s);
}

/**
 * The Num of the exact decimal c x 10^-s: 0, a scaled integer, a Big, or (beyond 40 significant
 * digits or the Big scale window) a Decimal. Example: ofParts(15n, 1) -> 1_500_000
 */
export function ofParts(c: bigint, s: number): Num {
  if (c === 0n) return 0;
  if (excessDigits(c < 0n ? -c : c) > 0 || !inWindow(s)) return new Decimal(`${c}e${-s}`);
  return normal(c, s);
}

/** The number of decimal digits of m > 0 that go beyond PRECISION (0 when none). */
function excessDigits(m: bigint): number {
  if (m < P40) return 0;
  // Far beyond (aligned operands of very different scales): count the digits in one go.
  if (m >= P60) return m.toString().length - PRECISION;
  let k = 1;
  while (m >= p10(PRECISION + k)) k++;
  return k;
}

/** c x 10^-s (c exact, non-zero) rounded half up to 40 significant digits, as decimal.js finalises + and x. */
function finish(c: bigint, s: number): Num {
  const negative = c < 0n;
  let m = negative ? -c : c;
  const k = excessDigits(m);
  if (k > 0) {
    const unit = p10(k);
    const q = m / unit;
    const r = m - q * unit;
    m = 2n * r >= unit ? q + 1n : q;
    s -= k;
  }
  return normal(negative ? -m : m, s);
}

// Scratch parts of an operand (coefficient, scale): set by parts(), read right after.
let partC = 0n;
let partS = 0;

/** Splits a number or Big into (partC, partS); false for a Decimal. Trailing zeros of a number are dropped first. */
function parts(a: Num): boolean {
  if (typeof a === 'number') {
    let n = a;
    let s = FIXED_PLACES;
    while (s > 0 && n % 10 === 0 && n !== 0) {
      n /= 10;
      s--;
    }
    partC = BigInt(n);
    partS = s;
    return true;
  }
  if (a instanceof Big) {
    partC = a.c;
    partS = a.s;
    return true;
  }
  return false;
}

function inWindow(s: number): boolean {
  return s <= SCALE_LIMIT && s >= -SCALE_LIMIT;
}

/** a + b (sign +1) or a - b (sign -1) for number/Big operands (one a Big), or undefined to use Decimal. */
function bigAddSub(a: Num, b: Num, minus: boolean): Num | undefined {
  if (!parts(a)) return undefined;
  const ac = partC;
  const as = partS;
  if (!parts(b)) return undefined;
  const bc = minus ? -partC : partC;
  const bs = partS;
  if (!inWindow(as) || !inWindow(bs)) return undefined;
  let c: bigint;
  let s: number;
  if (as === bs) {
    c = ac + bc;
    s = as;
  } else if (as > bs) {
    c = ac + bc * p10(as - bs);
    s = as;
  } else {
    c = ac * p10(bs - as) + bc;
    s = bs;
  }
  // A zero result carries a sign rule of its own; Decimal decides it.
  if (c === 0n) return undefined;
  return finish(c, s);
}

/** a x b for number/Big operands (one a Big), or undefined to use Decimal. */
function bigMul(a: Num, b: Num): Num | undefined {
  if (!parts(a)) return undefined;
  const ac = partC;
  const as = partS;
  if (!parts(b)) return undefined;
  const s = as + partS;
  if (ac === 0n || partC === 0n || !inWindow(s)) return undefined;
  return finish(ac * partC, s);
}

function digitCount(m: bigint): number {
  return m.toString().length;
}

/** a / b for number/Big operands, rounded half up to 40 significant digits (as Decimal.div), or undefined to use Decimal. */
function bigDiv(a: Num, b: Num): Num | undefined {
  if (!parts(a)) return undefined;
  const ac = partC;
  const as = partS;
  if (!parts(b)) return undefined;
  const bc = partC;
  const bs = partS;
  if (ac === 0n || bc === 0n || !inWindow(as) || !inWindow(bs)) return undefined;
  const negative = ac < 0n !== bc < 0n;
  const am = ac < 0n ? -ac : ac;
  const bm = bc < 0n ? -bc : bc;
  // Shift the dividend so the integer quotient has at least 41 digits.
  const t = Math.max(0, PRECISION + 1 + digitCount(bm) - digitCount(am));
  let q = (am * p10(t)) / bm;
  // value = q x 10^-(t + as - bs), plus a remainder below one unit of q's last digit.
  let s = t + as - bs;
  const k = excessDigits(q);
  if (k > 0) {
    // Half up: the remainder beyond q can only matter for an exact tie, which rounds up anyway.
    const unit = p10(k);
    const qq = q / unit;
    const r = q - qq * unit;
    q = 2n * r >= unit ? qq + 1n : qq;
    s -= k;
  }
  if (!inWindow(s)) return undefined;
  return normal(negative ? -q : q, s);
}

/** A Big rounded to `places` decimals with a mode, as toDecimalPlaces; undefined leaves it to Decimal. */
function bigRound(a: Big, places: number, mode: RoundingMode): Num | undefined {
  if (places >= a.s) return a;
  if (places < 0) return undefined;
  const negative = a.c < 0n;
  const m = negative ? -a.c : a.c;
  const unit = p10(a.s - places);
  let q = m / unit;
  const r = m - q * unit;
  if (r !== 0n) {
    const twice = 2n * r;
    const up = mode === 'up' || (mode === 'halfUp' && twice >= unit) || (mode === 'halfEven' && (twice > unit || (twice === unit && q % 2n === 1n)));
    if (up) q += 1n;
  }
  // Rounded to zero keeps the sign in Decimal; leave that to it.
  if (q === 0n) return undefined;
  return normal(negative ? -q : q, places);
}

/** Plain text of c x 10^-s with at least `minPlaces` decimals (trailing zeros beyond them dropped). */
function bigText(c: bigint, s: number, minPlaces: number): string {
  const negative = c < 0n;
  let digitsText = (negative ? -c : c).toString();
  let text: string;
  if (s <= 0) {
    text = s === 0 ? digitsText : digitsText + '0'.repeat(-s);
    if (minPlaces > 0) text = `${text}.${'0'.repeat(minPlaces)}`;
  } else {
    if (digitsText.length <= s) digitsText = digitsText.padStart(s + 1, '0');
    const cut = digitsText.length - s;
    let frac = digitsText.slice(cut);
    let end = frac.length;
    while (end > minPlaces && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    if (frac.length < minPlaces) frac = frac.padEnd(minPlaces, '0');
    const whole = digitsText.slice(0, cut);
    text = frac.length === 0 ? whole : `${whole}.${frac}`;
  }
  return negative ? `-${text}` : text;
}

/** Decimal places of the scaled-integer representation. */
export const FIXED_PLACES = 6;
const SCALE = 1_000_000;
const MAX = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** The Decimal equal to a Num. Example: toDecimal(1_500_000) -> Decimal(1.5) */
export function toDecimal(a: Num): Decimal {
  if (a instanceof Big) return new Decimal(`${a.c}e${-a.s}`);
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
    } else if (b instanceof Big) {
      // 0 + b is b itself (a Big needs no rounding to 40 digits).
      if (a === 0) return b;
      const r = addSplit(a, b) ?? bigAddSub(a, b, false);
      if (r !== undefined) return r;
    } else if (a === 0 && !b.isZero() && b.sd() <= 40) {
      // 0 + b is b itself when b needs no rounding to 40 digits (keeps memoised values shared).
      return b;
    }
  } else if (a instanceof Big) {
    if (b === 0) return a;
    const r = (typeof b === 'number' ? addSplit(b, a) : undefined) ?? bigAddSub(a, b, false);
    if (r !== undefined) return r;
  }
  return toDecimal(a).plus(toDecimal(b));
}

/** a - b, as Decimal.minus. */
export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  } else if (a instanceof Big || b instanceof Big) {
    const r = bigAddSub(a, b, true);
    if (r !== undefined) return r;
  }
  return toDecimal(a).minus(toDecimal(b));
}

/** -a, as Decimal.neg (a number zero stays 0; a Decimal zero flips its sign like Decimal does). */
export function neg(a: Num): Num {
  if (a instanceof Big) return splitOf(a) ? new Big(undefined, a.s, -a.hi, -a.lo) : new Big(-a.c, a.s);
  return typeof a === 'number' ? 0 - a : a.neg();
}

/** |a|, as Decimal.abs. */
export function abs(a: Num): Num {
  if (a instanceof Big) return a.c < 0n ? new Big(-a.c, a.s) : a;
  return typeof a === 'number' ? Math.abs(a) : a.abs();
}

/** a x b, as Decimal.times. */
export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    // |p| <= MAX means the double product is exact; a multiple of SCALE rescales exactly.
    if (p <= MAX && p >= -MAX && p % SCALE === 0) return p / SCALE + 0;
    // A whole-number factor (100 for instance) scales the other exactly when the product is safe.
    if (b % SCALE === 0) {
      const q = a * (b / SCALE);
      if (q <= MAX && q >= -MAX) return q + 0;
    } else if (a % SCALE === 0) {
      const q = b * (a / SCALE);
      if (q <= MAX && q >= -MAX) return q + 0;
    }
    const r = bigMul(a, b);
    if (r !== undefined) return r;
  } else if (a instanceof Big) {
    // Memoised Bigs (formula results) are multiplied by the same scheme weight again and again.
    if (a.factor === b && a.product !== undefined) return a.product;
    const r = bigMul(a, b);
    if (r !== undefined) {
      if (typeof b === 'number') {
        a.factor = b;
        a.product = r;
      }
      return r;
    }
  } else if (b instanceof Big) {
    const r = bigMul(a, b);
    if (r !== undefined) return r;
  }
  return toDecimal(a).times(toDecimal(b));
}

/** a x k for a JS integer k, as Decimal.times(k). */
export function mulInt(a: Num, k: number): Num {
  if (typeof a === 'number') {
    const p = a * k;
    if (p <= MAX && p >= -MAX) return p + 0;
  }
  if ((typeof a === 'number' || a instanceof Big) && Number.isSafeInteger(k) && k !== 0) {
    const r = bigMul(a, ofInt(k));
    if (r !== undefined) return r;
  }
  return toDecimal(a).times(k);
}

/** a / b (b not zero), as Decimal.div. */
export function div(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
    const n = a * SCALE;
    if (n <= MAX && n >= -MAX && n % b === 0) return n / b + 0;
    // Division by a whole number k: exact when k divides a (a x 10^6 / (k x 10^6) = a / k).
    if (b % SCALE === 0) {
      const k = b / SCALE;
      if (a % k === 0) return a / k + 0;
    }
  }
  if ((typeof a === 'number' || a instanceof Big) && (typeof b === 'number' || b instanceof Big)) {
    const r = bigDiv(a, b);
    if (r !== undefined) return r;
  }
  return toDecimal(a).div(toDecimal(b));
}

/** a / k for a JS integer k > 0, as Decimal.div(k). */
export function divInt(a: Num, k: number): Num {
  if (typeof a === 'number' && a % k === 0) return a / k + 0;
  if ((typeof a === 'number' || a instanceof Big) && Number.isSafeInteger(k) && k !== 0) {
    const r = bigDiv(a, new Big(BigInt(k), 0));
    if (r !== undefined) return r;
  }
  return toDecimal(a).div(k);
}

/** Compares like Decimal.cmp: -1, 0 or 1. */
export function cmp(a: Num, b: Num): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
    if (b instanceof Big) {
      const r = cmpSplit(b, a);
      if (r !== undefined) return -r;
    }
  } else if (a instanceof Big && typeof b === 'number') {
    const r = cmpSplit(a, b);
    if (r !== undefined) return r;
  }
  if ((typeof a === 'number' || a instanceof Big) && (typeof b === 'number' || b instanceof Big)) return bigCmp(a, b);
  return toDecimal(a).cmp(toDecimal(b));
}

// Powers of ten as doubles for the approximate comparison (10^-k for k up to SCALE_LIMIT + 22).
const NEG_POW10: number[] = [];
for (let k = 0; k <= SCALE_LIMIT + 30; k++) NEG_POW10.push(Number(`1e-${k}`));

function approx(a: number | Big): number {
  if (typeof a === 'number') return a / SCALE;
  const s = a.s;
  return s >= 0 ? Number(a.c) * (NEG_POW10[s] ?? 0) : Number(a.c) * 10 ** -s;
}

function bigCmp(a: number | Big, b: number | Big): number {
  // Doubles within a relative 1e-9 of each value decide clearly separated values; close ones are compared exactly.
  const x0 = approx(a);
  const y0 = approx(b);
  const gap = x0 - y0;
  const size = Math.max(Math.abs(x0), Math.abs(y0));
  if (Number.isFinite(gap) && size > 1e-280 && size < 1e280) {
    if (gap > size * 1e-9) return 1;
    if (gap < -size * 1e-9) return -1;
  }
  parts(a);
  const ac = partC;
  const as = partS;
  parts(b);
  const bc = partC;
  const bs = partS;
  // Signs first (a Big is never zero); equal signs compare the aligned coefficients.
  const sa = ac < 0n ? -1 : ac > 0n ? 1 : 0;
  const sb = bc < 0n ? -1 : bc > 0n ? 1 : 0;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const x = as >= bs ? ac : ac * p10(bs - as);
  const y = bs >= as ? bc : bc * p10(as - bs);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True for zero (either sign). */
export function isZero(a: Num): boolean {
  if (a instanceof Big) return false;
  return typeof a === 'number' ? a === 0 : a.isZero();
}

/** True for negative values and negative zero, as Decimal.isNeg. */
export function isNeg(a: Num): boolean {
  if (a instanceof Big) return splitOf(a) ? a.lo < 0n : a.c < 0n;
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
  if (a instanceof Big) {
    const r = roundSplit(a, places, mode) ?? bigRound(a, places, mode);
    if (r !== undefined) return r;
  }
  return roundTo(toDecimal(a), places, mode);
}

/**
 * A split Big rounded to 0..5 places without BigInts. The value is hi + f (in units of 10^-6) with f
 * non-zero, |f| < 1 and of hi's sign, so the part beyond `places` is never 0 and never exactly half a
 * unit (a unit is 10^(6 - places) >= 10): `down` keeps the truncation, `up` goes one unit further, and
 * the half modes go further exactly when the whole micro-units beyond `places` reach half a unit.
 * Undefined for other places, or a result of 0 (Decimal keeps a sign there) or beyond a safe integer.
 */
function roundSplit(a: Big, places: number, mode: RoundingMode): number | undefined {
  if (!(places >= 0 && places < FIXED_PLACES) || !Number.isInteger(places) || !splitOf(a)) return undefined;
  const unit = POW10[FIXED_PLACES - places] ?? 1;
  const negative = a.lo < 0n;
  const m = negative ? -a.hi : a.hi;
  const rest = m % unit;
  let q = m - rest;
  if (mode === 'up' || ((mode === 'halfUp' || mode === 'halfEven') && 2 * rest >= unit)) q += unit;
  if (q === 0 || q > MAX) return undefined;
  return negative ? -q : q;
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
  if (a instanceof Big) return (a.text ??= bigText(a.c, a.s, 0));
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
  // Bulk scoring prints the same few thousand values again and again: share their strings.
  let text = numberTextCache.get(a);
  if (text === undefined) {
    text = a < 0 ? `-${digits(-a)}` : digits(a);
    if (numberTextCache.size >= 20_000) numberTextCache.clear();
    numberTextCache.set(a, text);
  }
  return text;
}
const numberTextCache = new Map<number, string>();

/** Fixed places like Decimal.toFixed(places) (rounding half up when it must). Example: fixedNum(1_500_000, 2) -> '1.50' */
export function fixedNum(a: Num, places: number): string {
  if (typeof a === 'number' && places === 2) {
    // Money: bulk pricing prints the same few amounts again and again; share their strings.
    let text = fixed2Cache.get(a);
    if (text === undefined) {
      text = fixedText(a, 2);
      if (fixed2Cache.size >= 20_000) fixed2Cache.clear();
      fixed2Cache.set(a, text);
    }
    return text;
  }
  return fixedText(a, places);
}
const fixed2Cache = new Map<number, string>();

function fixedText(a: Num, places: number): string {
  if (typeof a === 'number' && places <= FIXED_PLACES && a % (POW10[FIXED_PLACES - places] ?? 1) === 0) {
    if (a === 0) return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
    const m = a < 0 ? -a : a;
    let text = digits(m);
    const dot = text.indexOf('.');
    const have = dot < 0 ? 0 : text.length - dot - 1;
    if (places > 0) text = `${dot < 0 ? `${text}.` : text}${'0'.repeat(places - have)}`;
    return a < 0 ? `-${text}` : text;
  }
  if (a instanceof Big && places >= 0) {
    // toFixed rounds with the configured mode (half up); a result of zero keeps Decimal's sign rules.
    const r = bigRound(a, places, 'halfUp');
    if (r instanceof Big) return bigText(r.c, r.s, places);
    if (typeof r === 'number' && r !== 0 && places <= FIXED_PLACES) return fixedNum(r, places);
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
  // the same measured values again and again, and an inexact division costs a long division. The memo
  // is a trie of number-keyed maps, one level per variable: no key strings to build.
  const n = formula.variables.length;
  let memo = new Map<number, unknown>();
  let memoSize = 0;
  const evaluate = (env: readonly (Num | undefined)[]): Num => {
    const v = root(env);
    if (typeof v !== 'number' && !(v instanceof Big) && !v.isFinite()) throw FormulaBail.instance;
    return v;
  };
  return {
    variables: formula.variables,
    run: (env) => {
      // evaluateFormulaExact reports every missing variable up front, even in an unused branch.
      let fixed = n > 0 && n <= 8;
      for (let i = 0; i < n; i++) {
        const v = env[i];
        if (v === undefined) throw FormulaBail.instance;
        if (typeof v !== 'number') fixed = false;
      }
      if (!fixed) return evaluate(env);
      let found: Map<number, unknown> | undefined = memo;
      for (let i = 0; i < n - 1 && found !== undefined; i++) found = found.get(env[i] as number) as Map<number, unknown> | undefined;
      const hit = found?.get(env[n - 1] as number) as Num | undefined;
      if (hit !== undefined) return hit;
      const v = evaluate(env);
      if (memoSize >= 50_000) {
        memo = new Map();
        memoSize = 0;
      }
      // Walk again from the root, adding the missing levels.
      let level = memo;
      for (let i = 0; i < n - 1; i++) {
        const key = env[i] as number;
        let next = level.get(key) as Map<number, unknown> | undefined;
        if (next === undefined) {
          next = new Map();
          level.set(key, next);
        }
        level = next;
      }
      level.set(env[n - 1] as number, v);
      memoSize++;
      return v;
    },
  };
}
