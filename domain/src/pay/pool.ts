import { Decimal, dec } from '../decimal.js';
import { PayError } from './errors.js';
import { assertUniqueIds, nonNegative, payDecimal } from './money.js';

/** One share of a pool split. */
export interface PoolShare {
  id: string;
  amount: string;
}

/**
 * Distributes a pool in full ("the total amount of bonuses issued in full"): each share gets the
 * floor of its exact proportion in cents (or 10^-places), then the cents left over go one each to the
 * largest remainders, ties broken by id ascending, so the result is deterministic and sums exactly to
 * the pool. When every weight is zero the pool is split equally (the same remainder rule applies).
 * Negative weights, a negative pool, a pool finer than `places`, or a non-zero pool with no shares
 * throw a PayError. Results keep the input order.
 * Example: splitPool('100.00', [{ id: 'a', weight: '1' }, { id: 'b', weight: '1' }, { id: 'c', weight: '1' }]) -> a 33.34, b 33.33, c 33.33
 */
export function splitPool(pool: string, shares: readonly { id: string; weight: string }[], opts?: { places?: number }): PoolShare[] {
  const places = opts?.places ?? 2;
  if (!Number.isInteger(places) || places < 0 || places > 10) {
    throw new PayError({ path: ['places'], code: 'pay_invalid_places', message: `places must be 0..10, got ${places}`, params: { places } });
  }
  const total = payDecimal(pool, ['pool']);
  if (total.lt(0)) {
    throw new PayError({ path: ['pool'], code: 'pay_negative_pool', message: `pool ${pool} must not be negative`, params: { pool } });
  }
  if (total.decimalPlaces() > places) {
    throw new PayError({
      path: ['pool'],
      code: 'pay_pool_precision',
      message: `pool ${pool} has more than ${places} decimal places and cannot be paid out exactly`,
      params: { pool, places },
    });
  }
  const weights = shares.map((s, i) => nonNegative(s.weight, ['shares', i, 'weight'], 'pay_negative_weight'));
  assertUniqueIds(shares.map((s) => s.id), 'shares');
  if (shares.length === 0) {
    if (total.isZero()) return [];
    throw new PayError({ path: ['shares'], code: 'pay_no_shares', message: `pool ${pool} has nobody to be paid to`, params: { pool } });
  }

  const unit = new Decimal(10).pow(places);
  const units = total.times(unit); // an integer, checked above
  const zeroTotal = weights.every((w) => w.isZero());
  // Zero total weight has no proportion to follow; equal shares are the only neutral choice.
  const effective = zeroTotal ? weights.map(() => dec(1)) : weights;
  // Work in integers (weights scaled to whole numbers) so floors and remainders are exact, not 40-digit approximations.
  const scale = new Decimal(10).pow(Math.max(0, ...effective.map((w) => w.decimalPlaces())));
  const intWeights = effective.map((w) => w.times(scale));
  const intSum = intWeights.reduce<Decimal>((s, w) => s.plus(w), dec(0));
  // units x weight must stay within the 40 significant digits of Decimal for the integer division to be exact.
  if (units.sd(true) + intSum.sd(true) > 40) {
    throw new PayError({ path: ['shares'], code: 'pay_weights_too_precise', message: 'pool and weights have too many digits to split exactly', params: { pool } });
  }

  const parts = shares.map((s, i) => {
    const numerator = units.times(intWeights[i] ?? dec(0));
    return { index: i, id: s.id, floor: numerator.divToInt(intSum), remainder: numerator.mod(intSum) };
  });
  let left = units.minus(parts.reduce<Decimal>((s, p) => s.plus(p.floor), dec(0))).toNumber();
  const order = [...parts].sort((a, b) => b.remainder.comparedTo(a.remainder) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const bonus = new Set<number>();
  for (const p of order) {
    if (left <= 0) break;
    bonus.add(p.index);
    left--;
  }
  return parts.map((p) => ({
    id: p.id,
    amount: (bonus.has(p.index) ? p.floor.plus(1) : p.floor).div(unit).toFixed(places),
  }));
}
