import { dec } from '../decimal.js';
import { PayError } from './errors.js';
import { formatMoney, formatPercent, nonNegative, payDecimal } from './money.js';
import { bandContains, type PayBand, type PayRounding, type PayRule } from './rule.js';
import { cmp, div, fixedNum, fromDecimal, mul, parseNum, roundNum, type Num } from '../formula/fixed.js';

/** The pay outcome of one appraisal: the amount (2-place string), the percent of base applied, and which rule part applied. */
export interface ScorePayResult {
  amount: string;
  percent: string;
  ruleApplied: string;
}


function describeBand(b: PayBand): string {
  return `${b.min} ${b.minInclusive ? '<=' : '<'} score ${b.maxInclusive ? '<=' : '<'} ${b.max}`;
}


// Per rule (cached): each grade's percent as a Num with its texts, so pricing a person allocates little.
interface GradeEntry {
  percent: Num;
  percentText: string;
  ruleApplied: string;
  /** base text -> amount text (bounded): a group prices the same few bases again and again. */
  amounts: Map<string, string>;
}
const gradeTables = new WeakMap<PayRule, Map<string, GradeEntry>>();

function gradeTable(rule: PayRule & { kind: 'gradePercentOfBase' }): Map<string, GradeEntry> {
  let table = gradeTables.get(rule);
  if (!table) {
    table = new Map();
    // The first entry of a grade wins, as with rule.grades.find.
    for (const g of rule.grades) {
      if (table.has(g.grade)) continue;
      const p = dec(g.percent);
      table.set(g.grade, { percent: fromDecimal(p), percentText: formatPercent(p), ruleApplied: `gradePercentOfBase: grade ${g.grade} -> ${formatPercent(p)}%`, amounts: new Map() });
    }
    gradeTables.set(rule, table);
  }
  return table;
}

const HUNDRED: Num = 100_000_000;

/** Rounds and prints money exactly as formatMoney, on Nums. */
function moneyText(value: Num, rounding: PayRounding): string {
  return fixedNum(roundNum(value, rounding.places, rounding.mode), Math.max(2, rounding.places));
}

/**
 * The fixed-point grade pay of payForScore (gradePercentOfBase with a grade), cached per (grade, base);
 * undefined where payForScore must decide (unknown grade, invalid or negative base).
 * Example: gradePay(rule, '900', 'good') -> { amount: '900.00', percent: '100', ruleApplied: 'gradePercentOfBase: grade good -> 100%' }
 */
export function gradePay(rule: PayRule & { kind: 'gradePercentOfBase' }, base: string, grade: string): ScorePayResult | undefined {
  const entry = gradeTable(rule).get(grade);
  if (!entry) return undefined;
  let amount = entry.amounts.get(base);
  if (amount === undefined) {
    const b = parseNum(base);
    if (b === undefined || cmp(b, 0) < 0) return undefined;
    amount = moneyText(div(mul(b, entry.percent), HUNDRED), rule.rounding);
    if (entry.amounts.size >= 4096) entry.amounts.clear();
    entry.amounts.set(base, amount);
  }
  return { amount, percent: entry.percentText, ruleApplied: entry.ruleApplied };
}

/**
 * Pay for one person from their score (or grade) and pay base under a per-person rule.
 * `none` pays nothing ("0.00"); floatingByAverage and poolSplit need the whole group, so they throw
 * `pay_rule_needs_group` here — use floatingPay / splitPool. The day's wage rule never pays below 0.
 * Example: payForScore(cafeteriaRule, '900', '75') -> { amount: '720.00', percent: '80', ruleApplied: 'scorePercentOfBase: 70 <= score < 80 -> 80%' }
 */
export function payForScore(rule: PayRule, base: string, score: string, grade?: string): ScorePayResult {
  if (rule.kind === 'gradePercentOfBase' && grade !== undefined) {
    // Fixed-point path: the same operations (base x percent / 100, rounded) as below, exactly.
    const fast = gradePay(rule, base, grade);
    if (fast) return fast;
  }
  const b = nonNegative(base, ['base']);
  switch (rule.kind) {
    case 'none':
      return { amount: '0.00', percent: '0', ruleApplied: 'none: the scheme computes no pay' };
    case 'scorePercentOfBase': {
      const s = payDecimal(score, ['score']);
      const band = rule.bands.find((x) => bandContains(x, s));
      if (!band) {
        throw new PayError({ path: ['score'], code: 'pay_no_band', message: `no pay band contains score ${score}`, params: { score } });
      }
      const p = dec(band.percent);
      return {
        amount: formatMoney(b.times(p).div(100), rule.rounding),
        percent: formatPercent(p),
        ruleApplied: `scorePercentOfBase: ${describeBand(band)} -> ${formatPercent(p)}%`,
      };
    }
    case 'gradePercentOfBase': {
      const entry = grade === undefined ? undefined : rule.grades.find((g) => g.grade === grade);
      if (!entry) {
        throw new PayError({
          path: ['grade'],
          code: 'pay_no_grade',
          message: grade === undefined ? 'a grade is required for this pay rule' : `no pay percent for grade ${grade}`,
          params: grade === undefined ? { variant: 'missing' } : { grade },
        });
      }
      const p = dec(entry.percent);
      return {
        amount: formatMoney(b.times(p).div(100), rule.rounding),
        percent: formatPercent(p),
        ruleApplied: `gradePercentOfBase: grade ${entry.grade} -> ${formatPercent(p)}%`,
      };
    }
    case 'dailyWage': {
      const s = payDecimal(score, ['score']);
      // Deductions beyond the day's points cannot make a worker owe wages; the floor is zero pay.
      const points = s.lt(0) ? dec(0) : s;
      const p = points.div(dec(rule.pointsPerDay)).times(100);
      return {
        amount: formatMoney(b.times(p).div(100), rule.rounding),
        percent: formatPercent(p),
        ruleApplied: `dailyWage: ${points.toFixed()} of ${rule.pointsPerDay} points -> ${formatPercent(p)}% of the day's wage`,
      };
    }
    case 'floatingByAverage':
    case 'poolSplit':
      throw new PayError({
        path: ['kind'],
        code: 'pay_rule_needs_group',
        message: `pay rule ${rule.kind} depends on the whole group; use ${rule.kind === 'poolSplit' ? 'splitPool' : 'floatingPay'}`,
        params: { kind: rule.kind },
      });
  }
}
