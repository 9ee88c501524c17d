import { Decimal, dec } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import { plain } from '../formula/index.js';
import { add, fixedNum, isZero, parseNum, type Num } from '../formula/fixed.js';
import { PayError, floatingPay, outputPay, payForScore, splitPool } from '../pay/index.js';
import type { PayComponent, SchemeDefinition } from '../scheme/index.js';
import type { AppraisalResult, TraceStep } from './types.js';

/** Per-person facts pay needs: the pay base (or the day's wage), and for output pay the group and man-hours. */
export interface PayFacts {
  base?: string;
  groupId?: string;
  manHours?: string;
}

/** Group-level amounts: a bonus pool to distribute, or the output value of the period. */
export interface PayGroupInput {
  results: readonly AppraisalResult[];
  facts: Readonly<Record<string, PayFacts>>;
  pool?: string;
  outputValue?: string;
}

/** One pay line of one person. */
export interface PayLine {
  employeeId: string;
  component: string;
  amount: string;
  detail: string;
}

/** Pay of a group: the lines, each person's total (components plus money adjustments) and trace steps per person. */
export interface PayOutcome {
  lines: PayLine[];
  totals: Record<string, string>;
  traces: Record<string, TraceStep[]>;
}

/** A decimal string as an exact Num; invalid text throws as the Decimal constructor does. */
function exact(text: string): Num {
  return parseNum(text) ?? new Decimal(text);
}

function need(value: string | undefined, path: ReadonlyArray<string | number>, what: string): string {
  if (value === undefined) throw new PayError({ path, code: 'pay_fact_missing', message: `${what} is missing`, params: { fact: what } });
  return value;
}

function priceComponent(p: PayComponent, g: PayGroupInput): PayLine[] {
  const rule = p.rule;
  const people = g.results;
  const fact = (id: string): PayFacts => g.facts[id] ?? {};
  switch (rule.kind) {
    case 'none':
      return [];
    case 'scorePercentOfBase':
    case 'gradePercentOfBase':
    case 'dailyWage':
      return people.map((r) => {
        const out = payForScore(rule, need(fact(r.employeeId).base, ['facts', r.employeeId, 'base'], 'base'), r.total, r.grade?.grade);
        return { employeeId: r.employeeId, component: p.id, amount: out.amount, detail: out.ruleApplied };
      });
    case 'floatingByAverage': {
      const rows = people.map((r) => ({ id: r.employeeId, base: need(fact(r.employeeId).base, ['facts', r.employeeId, 'base'], 'base'), score: r.total }));
      return floatingPay(rows, rule).map((x) => ({ employeeId: x.id, component: p.id, amount: x.amount, detail: `score / group average = ${x.ratio}` }));
    }
    case 'poolSplit': {
      if (rule.weightBy === 'score') {
        const pool = need(g.pool, ['pool'], 'pool');
        return splitPool(pool, people.map((r) => ({ id: r.employeeId, weight: r.total })), { places: rule.rounding.places }).map((x) => ({
          employeeId: x.id,
          component: p.id,
          amount: x.amount,
          detail: `pool ${pool} split by score`,
        }));
      }
      const outputValue = need(g.outputValue, ['outputValue'], 'outputValue');
      const groups = (p.groups ?? []).map((x) => ({ id: x.id, sharePercent: x.sharePercent }));
      const members = people.map((r) => ({
        id: r.employeeId,
        groupId: need(fact(r.employeeId).groupId, ['facts', r.employeeId, 'groupId'], 'groupId'),
        manHours: need(fact(r.employeeId).manHours, ['facts', r.employeeId, 'manHours'], 'manHours'),
        // The appraisal total is the completion percentage, so the factor is total / 100.
        completionFactor: plain(dec(r.total).div(100)),
      }));
      return outputPay({ outputValue, groups, members }).map((x) => {
        const m = members.find((mm) => mm.id === x.id);
        return {
          employeeId: x.id,
          component: p.id,
          amount: x.amount,
          detail: `group ${x.groupId}: ${m?.manHours ?? '0'} h x ${m?.completionFactor ?? '0'} of the group's share`,
        };
      });
    }
  }
}

/**
 * Prices a group of scored appraisals under every pay component of the scheme, adding money adjustments;
 * pool and output splits sum exactly. Pay module errors come back as issues.
 * Example: priceGroup(seedPrograms.cafeteria, { results, facts: { e1: { base: '900' } } }) -> { ok: true, value: { totals: { e1: '900.00' }, ... } }
 */
export function priceGroup(scheme: SchemeDefinition, input: PayGroupInput): Checked<PayOutcome> {
  const lines: PayLine[] = [];
  try {
    for (const p of scheme.pay) lines.push(...priceComponent(p, input));
  } catch (error) {
    if (error instanceof PayError) return { ok: false, issues: [error.issue as DomainIssue] };
    throw error;
  }
  // Sums in exact fixed point (Num): the same additions as Decimal, without re-parsing into Decimals.
  const totals: Record<string, Num> = {};
  const traces: Record<string, TraceStep[]> = {};
  for (const r of input.results) {
    totals[r.employeeId] = 0;
    traces[r.employeeId] = [];
  }
  const kinds = new Map(scheme.pay.map((p) => [p.id, p.rule.kind]));
  for (const l of lines) {
    totals[l.employeeId] = add(totals[l.employeeId] ?? 0, exact(l.amount));
    const kind = kinds.get(l.component) ?? '';
    traces[l.employeeId]?.push({ step: 'pay', component: l.component, kind, amount: l.amount, detail: l.detail });
  }
  for (const r of input.results) {
    const money = exact(r.adjustmentMoney);
    if (isZero(money)) continue;
    const amount = fixedNum(money, 2);
    lines.push({ employeeId: r.employeeId, component: 'adjustments', amount, detail: 'money and work-hour adjustments' });
    totals[r.employeeId] = add(totals[r.employeeId] ?? 0, money);
    traces[r.employeeId]?.push({ step: 'pay', component: 'adjustments', kind: 'adjustments', amount, detail: 'money and work-hour adjustments' });
  }
  const out: Record<string, string> = {};
  for (const [id, v] of Object.entries(totals)) out[id] = fixedNum(v, 2);
  return { ok: true, value: { lines, totals: out, traces } };
}
