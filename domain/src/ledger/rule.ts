import { z } from 'zod';
import type { Checked, DomainIssue } from '../issues.js';
import { zodToDomainIssues } from '../calendar/zod-issues.js';
import { ledgerRuleCode, localText, type LocalText } from '../scheme/schema.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import { compareQuantities, isLedgerQuantity } from './quantity.js';
import { dec, roundTo } from '../decimal.js';

/** Rewards add, punishments take away. */
export type LedgerKind = 'reward' | 'punishment';
/** What an entry counts: score points, money (yuan) or working hours. */
export type LedgerUnit = 'points' | 'money' | 'hours';
/**
 * How an entry reaches the person:
 * - payroll: the entry itself is paid in a payout batch (money, or hours converted at the rule's hour rate);
 * - appraisal: the entry is an input of the appraisal of its period (a plus/minus or deduction rule of the
 *   scheme); its money, if any, is paid through the entries generated from the published result;
 * - record: kept for the record (honours history, annual points), never paid.
 */
export type LedgerSettlement = 'payroll' | 'appraisal' | 'record';
/** Periods a cap counts over; months follow the rule's accounting month. */
export type LedgerCapPeriod = 'day' | 'month' | 'quarter' | 'year';

const quantity = z.string().refine(isLedgerQuantity, { message: 'expected a number with at most 2 decimals, such as "30" or "0.5"' });

const amountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), value: quantity }).meta({ description: 'Each occurrence is worth exactly this amount' }),
  z
    .strictObject({ kind: z.literal('range'), min: quantity, max: quantity, minExclusive: z.boolean().optional() })
    .meta({ description: 'Each occurrence states an amount in [min, max] ("more than 7 up to 42": minExclusive)' }),
  z
    .strictObject({ kind: z.literal('multiple'), basis: localText, minFactor: quantity, maxFactor: quantity, minBasis: quantity, maxBasis: quantity })
    .meta({ description: 'The amount is a factor in [minFactor, maxFactor] times a basis in [minBasis, maxBasis] the entry states (2-5 x the repair hours)' }),
  z.strictObject({ kind: z.literal('computed') }).meta({ description: 'Generated from published appraisal results or awards; never entered by hand' }),
]);

const capSchema = z.strictObject({
  period: z.enum(['day', 'month', 'quarter', 'year']),
  /** Largest total amount (magnitude) per person in one period. */
  maxAmount: quantity.optional(),
  /** Largest number of occurrences per person in one period. */
  maxCount: z.number().int().min(1).optional(),
});

/** Zod schema of a LedgerRule document. Example: ledgerRuleSchema.parse(seedLedgerRules[0]) */
export const ledgerRuleSchema = z.strictObject({
  code: ledgerRuleCode,
  name: localText,
  kind: z.enum(['reward', 'punishment']),
  unit: z.enum(['points', 'money', 'hours']),
  amount: amountSchema,
  /** The entry may state how many times it happened (each time, per piece); the range applies to each. */
  perOccurrence: z.boolean(),
  /** Money per working hour, to pay an hours rule through payroll (the workshop: 8.05). */
  hourRate: quantity.optional(),
  caps: z.array(capSchema),
  settlement: z.enum(['payroll', 'appraisal', 'record']),
  /** Accounting-month convention of the work calendar the entries' periods follow (absent: calendar months). */
  accountingMonth: z.string().min(1).max(32).optional(),
  /** The regulation the rule comes from: the policy's code and the clause, for the "why" of every entry. */
  regulation: z.strictObject({ policyCode: z.string().min(1).max(64), clause: localText }).optional(),
  /** Payroll component of the entries (export column); absent: the rule code. */
  component: z.string().min(1).max(64).optional(),
  /** A grouping for the console (the seed program it belongs to). */
  program: z.string().min(1).max(64).optional(),
  active: z.boolean(),
});

/** A rule of the reward-and-punishment catalog, kept by HR as data. */
export type LedgerRule = z.infer<typeof ledgerRuleSchema>;
/** How a rule states its amount. */
export type LedgerAmountRule = LedgerRule['amount'];
/** A per-period cap of a rule. */
export type LedgerCap = LedgerRule['caps'][number];

// Compile-time: the schema's enums are the exported unions.
const _units: [LedgerRule['unit'] extends LedgerUnit ? true : false, LedgerRule['settlement'] extends LedgerSettlement ? true : false, LedgerRule['kind'] extends LedgerKind ? true : false] = [true, true, true];
void _units;

/** The smallest and largest amount one occurrence may have, when the rule states them (not for multiples and computed rules). */
export interface LedgerBounds {
  min: string;
  max: string;
  minExclusive: boolean;
}

/**
 * The per-occurrence bounds of a rule: the range, the fixed amount, or factor x basis at both ends for a multiple;
 * none for computed rules. Example: ledgerRuleBounds({ amount: { kind: 'range', min: '20', max: '50' } }) -> { min: '20', max: '50', minExclusive: false }
 */
export function ledgerRuleBounds(rule: Pick<LedgerRule, 'amount'>): LedgerBounds | undefined {
  const a = rule.amount;
  if (a.kind === 'fixed') return { min: a.value, max: a.value, minExclusive: false };
  if (a.kind === 'range') return { min: a.min, max: a.max, minExclusive: a.minExclusive ?? false };
  if (a.kind === 'multiple') return { min: multiply(a.minFactor, a.minBasis), max: multiply(a.maxFactor, a.maxBasis), minExclusive: false };
  return undefined;
}

/** factor x basis rounded half up to 2 places (amounts of the ledger have at most 2). Example: multiply('2.5', '1.5') -> '3.75', multiply('2', '0.5') -> '1' */
export function multiply(factor: string, basis: string): string {
  return roundTo(dec(factor).times(dec(basis)), 2, 'halfUp').toFixed();
}

/** The range as people read it. Example: describeLedgerRange({ amount: { kind: 'range', min: '7', max: '42', minExclusive: true } }) -> 'more than 7 up to 42' */
export function describeLedgerRange(rule: Pick<LedgerRule, 'amount'>): string {
  const a = rule.amount;
  switch (a.kind) {
    case 'fixed':
      return a.value;
    case 'range':
      return a.minExclusive ? `more than ${a.min} up to ${a.max}` : `${a.min} to ${a.max}`;
    case 'multiple':
      return `${a.minFactor} to ${a.maxFactor} times the ${a.basis.en}`;
    case 'computed':
      return 'computed';
  }
}

/** The payroll component of a rule's entries. Example: ledgerComponent({ code: 'ws.rationalisation' }) -> 'ws.rationalisation' */
export function ledgerComponent(rule: Pick<LedgerRule, 'code' | 'component'>): string {
  return rule.component ?? rule.code;
}

/**
 * Validates one catalog rule: its shape, then that the amounts make sense (min <= max, nothing negative, a fixed
 * amount above zero), that an hours rule paid through payroll has an hour rate and only hours rules have one,
 * that points are never paid as money, that computed rules count money, and that no cap is below one occurrence.
 * Example: checkLedgerRule({ ...rule, amount: { kind: 'range', min: '50', max: '20' } }) -> { ok: false, issues: [{ code: 'ledger_range_reversed', ... }] }
 */
export function checkLedgerRule(input: unknown): Checked<LedgerRule> {
  const parsed = ledgerRuleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodToDomainIssues(parsed.error.issues) };
  const rule = parsed.data;
  const issues: DomainIssue[] = [];
  const negative = (value: string, path: (string | number)[]) => {
    if (value.startsWith('-')) issues.push(issue('ledger_amount_negative', `amounts are magnitudes; ${value} is negative (the kind says reward or punishment)`, { value }, path));
  };
  const a = rule.amount;
  if (a.kind === 'fixed') {
    negative(a.value, ['amount', 'value']);
    if (compareQuantities(a.value, '0') === 0) issues.push(issue('ledger_fixed_zero', 'a fixed amount must be above zero', {}, ['amount', 'value']));
  } else if (a.kind === 'range') {
    negative(a.min, ['amount', 'min']);
    negative(a.max, ['amount', 'max']);
    const c = compareQuantities(a.min, a.max);
    if (c > 0 || (c === 0 && a.minExclusive)) issues.push(issue('ledger_range_reversed', `the range ${a.min}..${a.max} holds no amount`, { min: a.min, max: a.max }, ['amount']));
  } else if (a.kind === 'multiple') {
    negative(a.minFactor, ['amount', 'minFactor']);
    negative(a.maxFactor, ['amount', 'maxFactor']);
    negative(a.minBasis, ['amount', 'minBasis']);
    if (compareQuantities(a.minFactor, a.maxFactor) > 0) issues.push(issue('ledger_range_reversed', `the factors ${a.minFactor}..${a.maxFactor} hold no value`, { min: a.minFactor, max: a.maxFactor }, ['amount']));
    if (compareQuantities(a.minBasis, a.maxBasis) > 0) issues.push(issue('ledger_range_reversed', `the basis ${a.minBasis}..${a.maxBasis} holds no value`, { min: a.minBasis, max: a.maxBasis }, ['amount']));
  } else if (rule.unit !== 'money') {
    issues.push(issue('ledger_computed_unit', 'computed entries (pay from results, award money) count money', { unit: rule.unit }, ['unit']));
  }
  if (rule.hourRate !== undefined) {
    negative(rule.hourRate, ['hourRate']);
    if (rule.unit !== 'hours') issues.push(issue('ledger_hour_rate_unit', 'only an hours rule converts at an hour rate', { unit: rule.unit }, ['hourRate']));
  }
  if (rule.unit === 'hours' && rule.settlement === 'payroll' && rule.hourRate === undefined) {
    issues.push(issue('ledger_hour_rate_missing', 'an hours rule paid through payroll needs the money per working hour', {}, ['hourRate']));
  }
  if (rule.unit === 'points' && rule.settlement === 'payroll') {
    issues.push(issue('ledger_points_not_payable', 'points are not money: a points rule is settled through the appraisal or kept for the record', {}, ['settlement']));
  }
  const bounds = ledgerRuleBounds(rule);
  const periods = new Set<string>();
  rule.caps.forEach((cap, i) => {
    if (periods.has(cap.period)) issues.push(issue('ledger_cap_duplicate', `two caps per ${cap.period}`, { period: cap.period }, ['caps', i, 'period']));
    periods.add(cap.period);
    if (cap.maxAmount === undefined && cap.maxCount === undefined) issues.push(issue('ledger_cap_empty', 'a cap needs a largest amount or a largest count', { period: cap.period }, ['caps', i]));
    if (cap.maxAmount !== undefined) {
      negative(cap.maxAmount, ['caps', i, 'maxAmount']);
      if (bounds && compareQuantities(cap.maxAmount, bounds.min) < 0) {
        issues.push(issue('ledger_cap_below_minimum', `the cap ${cap.maxAmount} per ${cap.period} is below one occurrence (${bounds.min})`, { period: cap.period, max: cap.maxAmount, min: bounds.min }, ['caps', i, 'maxAmount']));
      }
    }
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: rule };
}

/**
 * Validates the whole catalog: every rule, and each code used once.
 * Example: checkLedgerCatalog([rule, rule]) -> { ok: false, issues: [{ code: 'ledger_duplicate_code', path: [1, 'code'], ... }] }
 */
export function checkLedgerCatalog(input: readonly unknown[]): Checked<LedgerRule[]> {
  const issues: DomainIssue[] = [];
  const rules: LedgerRule[] = [];
  const seen = new Set<string>();
  input.forEach((raw, i) => {
    const r = checkLedgerRule(raw);
    if (!r.ok) {
      issues.push(...r.issues.map((x) => ({ ...x, path: [i, ...x.path] })));
      return;
    }
    if (seen.has(r.value.code)) issues.push(issue('ledger_duplicate_code', `the rule code ${r.value.code} is used twice`, { code: r.value.code }, [i, 'code']));
    seen.add(r.value.code);
    rules.push(r.value);
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: rules };
}

/** A rule's name in a language. Example: ledgerRuleName(rule, 'zh') -> '合理化建议奖励' */
export function ledgerRuleName(rule: { name: LocalText }, lang: 'en' | 'zh'): string {
  return rule.name[lang];
}
