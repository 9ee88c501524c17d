import { Decimal, dec, type RoundingMode } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import { plain } from '../formula/index.js';
import { add, fixedNum, isZero, parseNum, type Num } from '../formula/fixed.js';
import { PayError, bandContains, floatingPay, gradePay, outputPaySplit, outputValueOf, payForScore, splitPool, ticketHours, type PayBasis, type PayTicket } from '../pay/index.js';
import type { PayComponent, SchemeDefinition } from '../scheme/index.js';
import type { AppraisalResult, TraceStep } from './types.js';

/**
 * Per-person facts pay needs: the pay base (or the day's wage), and for output pay the group and either
 * man-hours (completion from the appraisal total) or work tickets (completion per ticket, when the
 * component defines completion levels).
 */
export interface PayFacts {
  base?: string;
  groupId?: string;
  manHours?: string;
  tickets?: readonly PayTicket[];
}

/**
 * Group-level amounts: a bonus pool to distribute, or the output value of the period. `facts` may be a
 * record keyed by employee id or a Map (bulk runs build a Map rather than an object with thousands of keys).
 */
export interface PayGroupInput {
  results: readonly AppraisalResult[];
  facts: Readonly<Record<string, PayFacts>> | ReadonlyMap<string, PayFacts>;
  pool?: string;
  /** The output value as a number; when absent, a component with an output value formula computes it from `inputs`. */
  outputValue?: string;
  /** Group-level inputs of output value formulas (month revenue, kilograms produced, ...). */
  inputs?: Readonly<Record<string, string>>;
}

/** One pay line of one person: the amount, an English detail, and the numbers it came from (for explanations). */
export interface PayLine {
  employeeId: string;
  component: string;
  amount: string;
  detail: string;
  basis?: PayBasis;
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

function need<T>(value: T | undefined, path: ReadonlyArray<string | number>, what: string): T {
  if (value === undefined) {
    // A per-person fact names the person, so the message can say whose value to enter.
    const person = path[0] === 'facts' ? String(path[1]) : undefined;
    throw new PayError({ path, code: 'pay_fact_missing', message: `${what} is missing`, params: person ? { fact: what, person, variant: 'person' } : { fact: what } });
  }
  return value;
}

const plainText = (d: Decimal): string => plain(d);

function priceComponent(p: PayComponent, g: PayGroupInput): PayLine[] {
  const rule = p.rule;
  const people = g.results;
  const facts = g.facts;
  const fact: (id: string) => PayFacts = isFactMap(facts) ? (id) => facts.get(id) ?? NO_FACTS : (id) => (Object.hasOwn(facts, id) ? (facts[id] ?? NO_FACTS) : NO_FACTS);
  const baseOf = (id: string): string => need(fact(id).base, ['facts', id, 'base'], 'base');
  switch (rule.kind) {
    case 'none':
      return [];
    case 'gradePercentOfBase':
      return people.map((r) => {
        const base = baseOf(r.employeeId);
        const grade = r.grade?.grade;
        // Cached per (grade, base): the same exact amount and texts as payForScore, without re-pricing.
        const hit = grade === undefined ? undefined : gradePay(rule, base, grade);
        const out = hit ?? payForScore(rule, base, r.total, grade);
        const basis: PayBasis = { kind: 'grade', base, grade: grade ?? '', percent: out.percent };
        return { employeeId: r.employeeId, component: p.id, amount: out.amount, detail: out.ruleApplied, basis };
      });
    case 'scorePercentOfBase':
      return people.map((r) => {
        const base = baseOf(r.employeeId);
        const out = payForScore(rule, base, r.total, r.grade?.grade);
        const band = rule.bands.find((b) => bandContains(b, dec(r.total)));
        const basis: PayBasis | undefined = band && { kind: 'scoreBand', base, score: r.total, min: band.min, max: band.max, minInclusive: band.minInclusive, maxInclusive: band.maxInclusive, percent: out.percent };
        return { employeeId: r.employeeId, component: p.id, amount: out.amount, detail: out.ruleApplied, ...(basis ? { basis } : {}) };
      });
    case 'dailyWage':
      return people.map((r) => {
        const base = baseOf(r.employeeId);
        const out = payForScore(rule, base, r.total, r.grade?.grade);
        const points = dec(r.total).lt(0) ? '0' : r.total;
        const basis: PayBasis = { kind: 'dailyWage', base, points, pointsPerDay: rule.pointsPerDay, percent: out.percent };
        return { employeeId: r.employeeId, component: p.id, amount: out.amount, detail: out.ruleApplied, basis };
      });
    case 'floatingByAverage': {
      const rows = people.map((r) => ({ id: r.employeeId, base: baseOf(r.employeeId), score: r.total }));
      const priced = floatingPay(rows, rule);
      const average = rows.length ? plainText(rows.reduce<Decimal>((sum, x) => sum.plus(x.score), dec(0)).div(rows.length)) : '0';
      return priced.map((x, i) => ({
        employeeId: x.id,
        component: p.id,
        amount: x.amount,
        detail: `base x score / group average = ${x.ratio}`,
        basis: { kind: 'floating', base: rows[i]?.base ?? '0', score: rows[i]?.score ?? '0', average, ratio: x.ratio, groupSize: rows.length },
      }));
    }
    case 'poolSplit': {
      if (rule.weightBy === 'score') {
        const pool = need(g.pool, ['pool'], 'pool');
        const totalScore = plainText(people.reduce<Decimal>((sum, r) => sum.plus(r.total), dec(0)));
        return splitPool(pool, people.map((r) => ({ id: r.employeeId, weight: r.total })), { places: rule.rounding.places }).map((x, i) => ({
          employeeId: x.id,
          component: p.id,
          amount: x.amount,
          detail: `pool ${pool} split by score`,
          basis: { kind: 'pool', pool, score: people[i]?.total ?? '0', totalScore, groupSize: people.length },
        }));
      }
      return priceOutput(p, rule.rounding, g, fact);
    }
  }
}

/** Output pay: the output value (given, or by the component's formula), split by group share, then by hours x completion. */
function priceOutput(p: PayComponent, rounding: { places: number; mode: RoundingMode }, g: PayGroupInput, fact: (id: string) => PayFacts): PayLine[] {
  const computed = g.outputValue === undefined && p.outputValue ? outputValueOf(p.outputValue, g.inputs ?? {}, rounding) : undefined;
  const outputValue = computed?.value ?? need(g.outputValue, ['outputValue'], 'outputValue');
  const groups = (p.groups ?? []).map((x) => ({ id: x.id, sharePercent: x.sharePercent }));
  const levels = p.completionLevels;
  const members = g.results.map((r) => {
    const f = fact(r.employeeId);
    const groupId = need(f.groupId, ['facts', r.employeeId, 'groupId'], 'groupId');
    if (levels) {
      // Completion per work ticket: the person's man-hours already carry each ticket's factor.
      const worked = withPath(['facts', r.employeeId], () => ticketHours(need(f.tickets, ['facts', r.employeeId, 'tickets'], 'tickets'), levels, r.employeeId));
      return { id: r.employeeId, groupId, manHours: worked.hours, completionFactor: '1', completion: { by: 'tickets' as const, tickets: worked.tickets } };
    }
    const manHours = need(f.manHours, ['facts', r.employeeId, 'manHours'], 'manHours');
    // The appraisal total is the completion percentage, so the factor is total / 100.
    const factor = plain(dec(r.total).div(100));
    return { id: r.employeeId, groupId, manHours, completionFactor: factor, completion: { by: 'score' as const, manHours, factor } };
  });
  const split = outputPaySplit({ outputValue, groups, members });
  const groupOf = new Map(split.groups.map((x) => [x.id, x]));
  const inputs = g.inputs ?? {};
  const formula = computed && p.outputValue ? { formula: p.outputValue.formula, inputs: Object.fromEntries(p.outputValue.inputs.map((i) => [i.name, inputs[i.name] ?? ''])), exact: computed.exact } : undefined;
  return split.rows.map((x, i) => {
    const m = members[i];
    const group = groupOf.get(x.groupId);
    const hours = m ? plain(dec(m.manHours).times(dec(m.completionFactor))) : '0';
    const basis: PayBasis = {
      kind: 'output',
      outputValue,
      ...(formula ? { outputFormula: formula } : {}),
      group: x.groupId,
      sharePercent: group?.sharePercent ?? '0',
      groupAmount: group?.amount ?? '0.00',
      hours,
      groupHours: group?.weight ?? '0',
      completion: m?.completion ?? { by: 'score', manHours: '0', factor: '0' },
    };
    return { employeeId: x.id, component: p.id, amount: x.amount, detail: `group ${x.groupId}: ${hours} weighted hours of the group's ${group?.weight ?? '0'}`, basis };
  });
}

/** Runs a pay computation over one person's facts, so its errors point into those facts. */
function withPath<T>(prefix: ReadonlyArray<string | number>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PayError && error.issue.path[0] !== prefix[0]) throw new PayError({ ...error.issue, path: [...prefix, ...error.issue.path] });
    throw error;
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
    traces[l.employeeId]?.push(l.basis ? { step: 'pay', component: l.component, kind, amount: l.amount, detail: l.detail, basis: l.basis } : { step: 'pay', component: l.component, kind, amount: l.amount, detail: l.detail });
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
    lines.push({ employeeId: r.employeeId, component: 'adjustments', amount, detail: ADJUSTMENT_DETAIL, basis: { kind: 'adjustments', money: amount } });
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
