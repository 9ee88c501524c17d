import { Decimal, dec } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import { plain } from '../formula/index.js';
import { add, fixedNum, isZero, parseNum, type Num } from '../formula/fixed.js';
import { PayError, floatingPay, gradePay, outputPay, payForScore, splitPool } from '../pay/index.js';
import type { PayComponent, SchemeDefinition } from '../scheme/index.js';
import type { AppraisalResult, TraceStep } from './types.js';

/** Per-person facts pay needs: the pay base (or the day's wage), and for output pay the group and man-hours. */
export interface PayFacts {
  base?: string;
  groupId?: string;
  manHours?: string;
}

/**
 * Group-level amounts: a bonus pool to distribute, or the output value of the period. `facts` may be a
 * record keyed by employee id or a Map (bulk runs build a Map rather than an object with thousands of keys).
 */
export interface PayGroupInput {
  results: readonly AppraisalResult[];
  facts: Readonly<Record<string, PayFacts>> | ReadonlyMap<string, PayFacts>;
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
  const facts = g.facts;
  const fact: (id: string) => PayFacts = isFactMap(facts) ? (id) => facts.get(id) ?? NO_FACTS : (id) => (Object.hasOwn(facts, id) ? (facts[id] ?? NO_FACTS) : NO_FACTS);
  switch (rule.kind) {
    case 'none':
      return [];
    case 'gradePercentOfBase':
      return people.map((r) => {
        const base = need(fact(r.employeeId).base, ['facts', r.employeeId, 'base'], 'base');
        const grade = r.grade?.grade;
        // Cached per (grade, base): the same exact amount and texts as payForScore, without re-pricing.
        const hit = grade === undefined ? undefined : gradePay(rule, base, grade);
        if (hit) return { employeeId: r.employeeId, component: p.id, amount: hit.amount, detail: hit.ruleApplied };
        const out = payForScore(rule, base, r.total, grade);
        return { employeeId: r.employeeId, component: p.id, amount: out.amount, detail: out.ruleApplied };
      });
    case 'scorePercentOfBase':
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

const NO_FACTS: PayFacts = Object.freeze({});

function isFactMap(f: PayGroupInput['facts']): f is ReadonlyMap<string, PayFacts> {
  return f instanceof Map;
}

const ADJUSTMENT_DETAIL = 'money and work-hour adjustments';

// Per scheme (cached): component id -> rule kind.
const kindTables = new WeakMap<SchemeDefinition, ReadonlyMap<string, string>>();
function kindsOf(scheme: SchemeDefinition): ReadonlyMap<string, string> {
  let kinds = kindTables.get(scheme);
  if (!kinds) {
    kinds = new Map(scheme.pay.map((p) => [p.id, p.rule.kind]));
    kindTables.set(scheme, kinds);
  }
  return kinds;
}

/** The per-person pay trace steps of a priced group, in line order (component lines, then adjustment lines). */
function buildTraces(results: readonly AppraisalResult[], lines: readonly PayLine[], componentLines: number, kinds: ReadonlyMap<string, string>): Record<string, TraceStep[]> {
  const traces: Record<string, TraceStep[]> = {};
  for (const r of results) traces[r.employeeId] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l) continue;
    const kind = i < componentLines ? (kinds.get(l.component) ?? '') : 'adjustments';
    traces[l.employeeId]?.push({ step: 'pay', component: l.component, kind, amount: l.amount, detail: l.detail });
  }
  return traces;
}

/**
 * Prices a group of scored appraisals under every pay component of the scheme, adding money adjustments;
 * pool and output splits sum exactly. Pay module errors come back as issues.
 * `traces` is built from the lines on first access (bulk runs that only need totals never build it).
 * Example: priceGroup(seedPrograms.cafeteria, { results, facts: { e1: { base: '900' } } }) -> { ok: true, value: { totals: { e1: '900.00' }, ... } }
 */
export function priceGroup(scheme: SchemeDefinition, input: PayGroupInput): Checked<PayOutcome> {
  const lines: PayLine[] = [];
  try {
    for (const p of scheme.pay) {
      const priced = priceComponent(p, input);
      for (const l of priced) lines.push(l);
    }
  } catch (error) {
    if (error instanceof PayError) return { ok: false, issues: [error.issue as DomainIssue] };
    throw error;
  }
  const results = input.results;
  const componentLines = lines.length;
  // Sums in exact fixed point (Num): the same additions as Decimal, without re-parsing into Decimals.
  // Keyed by employee id like the reference record (duplicate ids share one total), in first-seen order.
  const totals = new Map<string, Num>();
  for (const r of results) totals.set(r.employeeId, 0);
  for (const l of lines) totals.set(l.employeeId, add(totals.get(l.employeeId) ?? 0, exact(l.amount)));
  for (const r of results) {
    const money = exact(r.adjustmentMoney);
    if (isZero(money)) continue;
    const amount = fixedNum(money, 2);
    lines.push({ employeeId: r.employeeId, component: 'adjustments', amount, detail: ADJUSTMENT_DETAIL });
    totals.set(r.employeeId, add(totals.get(r.employeeId) ?? 0, money));
  }
  const out: Record<string, string> = {};
  for (const [id, v] of totals) out[id] = fixedNum(v, 2);
  const kinds = kindsOf(scheme);
  const pricedLines = lines.slice();
  let traces: Record<string, TraceStep[]> | undefined;
  const value: PayOutcome = {
    lines,
    totals: out,
    get traces(): Record<string, TraceStep[]> {
      traces ??= buildTraces(results, pricedLines, componentLines, kinds);
      return traces;
    },
    set traces(v: Record<string, TraceStep[]>) {
      traces = v;
    },
  };
  return { ok: true, value };
}
