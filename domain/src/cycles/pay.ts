import type { Checked, DomainIssue } from '../issues.js';
import { Decimal } from '../decimal.js';
import { plain } from '../formula/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { priceGroup, type AppraisalResult, type PayFacts, type PayLine, type TraceStep } from '../scoring/index.js';
import { cycleIssue } from './issue.js';

/** One person of a pay group: the engine result, the grade after calibration, and the pay facts (base, group, man-hours). */
export interface PayMember {
  employeeId: string;
  result: AppraisalResult;
  /** The calibrated grade; absent = the engine's grade. */
  grade?: string;
  facts: PayFacts;
}

/** The group-level amounts: a bonus pool (Part 5) or the output value of the period (Part 4), or the inputs its formula computes it from. */
export interface PayGroupAmounts {
  pool?: string;
  outputValue?: string;
  /** Inputs of an output value formula (month revenue, kilograms produced, ...), when the output value is not given. */
  inputs?: Readonly<Record<string, string>>;
}

/** Pay of a calibrated group: every line, each person's total, their pay trace steps, and the checked sums of the splits. */
export interface GroupPay {
  lines: PayLine[];
  totals: Record<string, string>;
  traces: Record<string, TraceStep[]>;
  /** For each pool or output split: the amount to pay and the sum paid (always equal). */
  splits: { component: string; amount: string; paid: string }[];
}

/**
 * Prices a calibrated group with the scheme's pay rules (percent of base by score band or grade, floating pay
 * against the group's average, a bonus pool or the output value split in full, the day's wage), adding money
 * and work-hour adjustments. Grade-based pay uses the calibrated grade. Every split is re-added in exact decimals
 * and must equal its pool to the cent, or the function refuses (it never hands out a total that does not add up).
 * Example: priceCalibratedGroup(seedPrograms.headquarters, members, { pool: '10000' }).value.lines.filter((l) => l.component === 'bonus').map((l) => l.amount) -> ['3750.00', '3333.33', '2916.67']
 */
export function priceCalibratedGroup(scheme: SchemeDefinition, members: readonly PayMember[], amounts: PayGroupAmounts = {}): Checked<GroupPay> {
  const results = members.map((m) => {
    const g = m.result.grade;
    return m.grade !== undefined && g && g.grade !== m.grade ? { ...m.result, grade: { ...g, grade: m.grade } } : m.result;
  });
  const facts = new Map(members.map((m) => [m.employeeId, m.facts]));
  const priced = priceGroup(scheme, {
    results,
    facts,
    ...(amounts.pool === undefined ? {} : { pool: amounts.pool }),
    ...(amounts.outputValue === undefined ? {} : { outputValue: amounts.outputValue }),
    ...(amounts.inputs === undefined ? {} : { inputs: amounts.inputs }),
  });
  if (!priced.ok) return priced;
  const splits: GroupPay['splits'] = [];
  const issues: DomainIssue[] = [];
  for (const p of scheme.pay) {
    if (p.rule.kind !== 'poolSplit' || members.length === 0) continue;
    // An output value computed by the component's formula is on its lines.
    const computed = priced.value.lines.find((l) => l.component === p.id && l.basis?.kind === 'output')?.basis;
    const amount = p.rule.weightBy === 'score' ? amounts.pool : (amounts.outputValue ?? (computed?.kind === 'output' ? computed.outputValue : undefined));
    if (amount === undefined) continue;
    const paid = priced.value.lines.filter((l) => l.component === p.id).reduce((s, l) => s.plus(l.amount), new Decimal(0));
    splits.push({ component: p.id, amount, paid: paid.toFixed(2) });
    if (!paid.eq(amount)) issues.push(cycleIssue('pay_split_mismatch', `${p.id}: ${plain(paid)} paid out of ${amount}`, { component: p.id, amount, paid: plain(paid) }));
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { lines: priced.value.lines, totals: priced.value.totals, traces: priced.value.traces, splits } };
}
