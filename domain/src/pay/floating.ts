import { dec, type Decimal } from '../decimal.js';
import { assertUniqueIds, formatMoney, nonNegative } from './money.js';
import type { PayRule } from './rule.js';

/** One person's floating pay: the amount and the ratio of their score to the group average (4 places). */
export interface FloatingPayRow {
  id: string;
  amount: string;
  ratio: string;
}

/**
 * Group HQ floating pay: above the average score pay rises by the proportion of excess, below it falls
 * by the proportion of the gap, equal stays — i.e. base x score / average. The average is the plain
 * mean of the rows given (the caller chooses the group). All scores zero means everyone is "at the
 * average" and keeps the base. The amount uses the exact ratio; the printed ratio is rounded to 4 places.
 * Example: floatingPay([{ id: 'a', base: '1000', score: '90' }, { id: 'b', base: '1000', score: '70' }], rule) -> [{ id: 'a', amount: '1125.00', ratio: '1.1250' }, { id: 'b', amount: '875.00', ratio: '0.8750' }]
 */
export function floatingPay(
  rows: readonly { id: string; base: string; score: string }[],
  rule: PayRule & { kind: 'floatingByAverage' },
): FloatingPayRow[] {
  if (rows.length === 0) return [];
  const parsed = rows.map((r, i) => ({
    id: r.id,
    base: nonNegative(r.base, ['rows', i, 'base']),
    score: nonNegative(r.score, ['rows', i, 'score'], 'pay_negative_score'),
  }));
  assertUniqueIds(parsed.map((r) => r.id), 'rows');
  const average = parsed.reduce<Decimal>((sum, r) => sum.plus(r.score), dec(0)).div(parsed.length);
  return parsed.map((r) => {
    const ratio = average.isZero() ? dec(1) : r.score.div(average);
    return { id: r.id, amount: formatMoney(r.base.times(ratio), rule.rounding), ratio: ratio.toFixed(4) };
  });
}
