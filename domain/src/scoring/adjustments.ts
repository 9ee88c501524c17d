import { Decimal, dec } from '../decimal.js';
import type { DomainIssue } from '../issues.js';
import { workHourPenalty } from '../pay/index.js';
import { plain } from '../formula/index.js';
import type { CompiledScheme } from './compile.js';
import type { AdjustmentInput, AdjustmentResult, TraceStep } from './types.js';

const ZERO = new Decimal(0);

/** Adjustments summed by unit after per-rule and total caps. */
export interface AdjustmentTotals {
  points: Decimal;
  money: Decimal;
  hours: Decimal;
  applied: AdjustmentResult[];
}

/**
 * Applies plus/minus entries: each entry's amount (fixed x count, or a stated amount inside the rule's
 * range), then the per-rule cap, then the caps on all bonus and all penalty points; hours become money
 * at the scheme's hour rate. Issues (unknown rule, amount outside range) are collected, not thrown.
 * Example: applyAdjustments(nursing, [{ rule: 'praise', count: 1 }, { rule: 'error', count: 1 }], issues, trace).points -> 0
 */
export function applyAdjustments(
  c: CompiledScheme,
  entries: readonly AdjustmentInput[],
  issues: DomainIssue[],
  trace: TraceStep[] | null,
): AdjustmentTotals {
  const byRule = new Map<string, Decimal>();
  entries.forEach((e, i) => {
    const rule = c.adjustmentById.get(e.rule);
    const amounts = c.adjustmentAmounts.get(e.rule);
    const path = ['adjustments', i];
    if (!rule || !amounts) {
      issues.push({ path: [...path, 'rule'], code: 'adjustment_unknown_rule', message: `unknown adjustment rule "${e.rule}"`, params: { rule: e.rule } });
      return;
    }
    const count = e.count ?? 1;
    if (!Number.isInteger(count) || count < 1) {
      issues.push({ path: [...path, 'count'], code: 'adjustment_count', message: `count must be a whole number >= 1`, params: { rule: e.rule } });
      return;
    }
    let each: Decimal;
    if (e.share !== undefined) {
      // A share of one incident: the ledger checked the incident against the range; a share is at most one occurrence.
      let share: Decimal | undefined;
      try {
        share = dec(e.share);
      } catch {
        share = undefined;
      }
      if (share === undefined || share.lt(0) || share.gt(amounts.max) || count !== 1) {
        issues.push({
          path: [...path, 'share'],
          code: 'adjustment_out_of_range',
          message: `a share of rule "${e.rule}" lies in 0..${plain(amounts.max)} and takes no count`,
          params: { rule: e.rule, min: '0', max: plain(amounts.max) },
        });
        return;
      }
      each = share;
    } else if (amounts.fixed) {
      each = amounts.fixed;
    } else {
      let stated: Decimal | undefined;
      try {
        stated = e.amount === undefined ? undefined : dec(e.amount);
      } catch {
        stated = undefined;
      }
      if (stated === undefined || stated.lt(amounts.min) || stated.gt(amounts.max)) {
        issues.push({
          path: [...path, 'amount'],
          code: 'adjustment_out_of_range',
          message: `rule "${e.rule}" takes an amount in ${plain(amounts.min)}..${plain(amounts.max)}`,
          params: { rule: e.rule, min: plain(amounts.min), max: plain(amounts.max) },
        });
        return;
      }
      each = stated;
    }
    byRule.set(rule.id, (byRule.get(rule.id) ?? ZERO).plus(each.times(count)));
  });

  const sums = { points: { bonus: ZERO, penalty: ZERO }, money: { bonus: ZERO, penalty: ZERO }, hours: { bonus: ZERO, penalty: ZERO } };
  const applied: AdjustmentResult[] = [];
  if (byRule.size === 0) return { points: ZERO, money: ZERO, hours: ZERO, applied: [] };
  for (const rule of c.scheme.adjustments.rules) {
    const raw = byRule.get(rule.id);
    if (raw === undefined) continue;
    const cap = c.adjustmentAmounts.get(rule.id)?.cap;
    const capped = cap !== undefined && raw.gt(cap);
    const amount = capped && cap ? cap : raw;
    sums[rule.unit][rule.direction] = sums[rule.unit][rule.direction].plus(amount);
    const signed = rule.direction === 'bonus' ? amount : amount.neg();
    applied.push({ rule: rule.id, unit: rule.unit, amount: plain(signed), capped });
    trace?.push({
      step: 'adjustment',
      rule: rule.id,
      direction: rule.direction,
      unit: rule.unit,
      amount: plain(signed),
      ...(capped && rule.perRuleCap !== undefined ? { cappedAt: rule.perRuleCap } : {}),
    });
  }

  const { maxBonus, maxPenalty } = c.scheme.adjustments.caps;
  let bonus = sums.points.bonus;
  let penalty = sums.points.penalty;
  if (maxBonus !== undefined && bonus.gt(maxBonus)) {
    trace?.push({ step: 'adjustmentCap', cap: 'maxBonus', before: plain(bonus), after: maxBonus });
    bonus = dec(maxBonus);
  }
  if (maxPenalty !== undefined && penalty.gt(maxPenalty)) {
    trace?.push({ step: 'adjustmentCap', cap: 'maxPenalty', before: plain(penalty.neg()), after: plain(dec(maxPenalty).neg()) });
    penalty = dec(maxPenalty);
  }
  const hours = sums.hours.bonus.minus(sums.hours.penalty);
  let money = sums.money.bonus.minus(sums.money.penalty);
  if (!hours.isZero()) {
    const rate = c.scheme.adjustments.hourRate ?? '0';
    const value = dec(workHourPenalty(plain(hours.abs()), rate));
    const signed = hours.isNeg() ? value.neg() : value;
    trace?.push({ step: 'hoursToMoney', hours: plain(hours), rate, money: plain(signed) });
    money = money.plus(signed);
  }
  return { points: bonus.minus(penalty), money, hours, applied };
}
