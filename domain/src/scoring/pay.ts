import { Decimal, dec } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import { plain } from '../formula/index.js';
import { NumColumn } from '../formula/column.js';
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

/** One group's people as the pay rules read them (result objects for priceGroup, batch rows for priceRows). */
interface PayPeople {
  readonly size: number;
  id(k: number): string;
  total(k: number): string;
  grade(k: number): string | undefined;
  facts(k: number): PayFacts;
}

function priceComponent(p: PayComponent, people: PayPeople, pool: string | undefined, outputValue: string | undefined): PayLine[] {
  const rule = p.rule;
  const n = people.size;
  const each = (line: (k: number) => PayLine): PayLine[] => {
    const lines: PayLine[] = [];
    for (let k = 0; k < n; k++) lines.push(line(k));
    return lines;
  };
  const base = (k: number): string => need(people.facts(k).base, ['facts', people.id(k), 'base'], 'base');
  switch (rule.kind) {
    case 'none':
      return [];
    case 'gradePercentOfBase':
      return each((k) => {
        const id = people.id(k);
        const b = base(k);
        const grade = people.grade(k);
        // Cached per (grade, base): the same exact amount and texts as payForScore, without re-pricing.
        const hit = grade === undefined ? undefined : gradePay(rule, b, grade);
        if (hit) return { employeeId: id, component: p.id, amount: hit.amount, detail: hit.ruleApplied };
        const out = payForScore(rule, b, people.total(k), grade);
        return { employeeId: id, component: p.id, amount: out.amount, detail: out.ruleApplied };
      });
    case 'scorePercentOfBase':
    case 'dailyWage':
      return each((k) => {
        const out = payForScore(rule, base(k), people.total(k), people.grade(k));
        return { employeeId: people.id(k), component: p.id, amount: out.amount, detail: out.ruleApplied };
      });
    case 'floatingByAverage': {
      const rows: { id: string; base: string; score: string }[] = [];
      for (let k = 0; k < n; k++) rows.push({ id: people.id(k), base: base(k), score: people.total(k) });
      return floatingPay(rows, rule).map((x) => ({ employeeId: x.id, component: p.id, amount: x.amount, detail: `score / group average = ${x.ratio}` }));
    }
    case 'poolSplit': {
      if (rule.weightBy === 'score') {
        const total = need(pool, ['pool'], 'pool');
        const weights: { id: string; weight: string }[] = [];
        for (let k = 0; k < n; k++) weights.push({ id: people.id(k), weight: people.total(k) });
        return splitPool(total, weights, { places: rule.rounding.places }).map((x) => ({
          employeeId: x.id,
          component: p.id,
          amount: x.amount,
          detail: `pool ${total} split by score`,
        }));
      }
      const value = need(outputValue, ['outputValue'], 'outputValue');
      const groups = (p.groups ?? []).map((x) => ({ id: x.id, sharePercent: x.sharePercent }));
      const members: { id: string; groupId: string; manHours: string; completionFactor: string }[] = [];
      for (let k = 0; k < n; k++) {
        const id = people.id(k);
        const f = people.facts(k);
        members.push({
          id,
          groupId: need(f.groupId, ['facts', id, 'groupId'], 'groupId'),
          manHours: need(f.manHours, ['facts', id, 'manHours'], 'manHours'),
          // The appraisal total is the completion percentage, so the factor is total / 100.
          completionFactor: plain(dec(people.total(k)).div(100)),
        });
      }
      return outputPay({ outputValue: value, groups, members }).map((x) => {
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
  const results = input.results;
  const facts = input.facts;
  const fact: (id: string) => PayFacts = isFactMap(facts) ? (id) => facts.get(id) ?? NO_FACTS : (id) => (Object.hasOwn(facts, id) ? (facts[id] ?? NO_FACTS) : NO_FACTS);
  const people: PayPeople = {
    size: results.length,
    id: (k) => results[k]?.employeeId ?? '',
    total: (k) => results[k]?.total ?? '0',
    grade: (k) => results[k]?.grade?.grade,
    facts: (k) => fact(results[k]?.employeeId ?? ''),
  };
  try {
    for (const p of scheme.pay) {
      const priced = priceComponent(p, people, input.pool, input.outputValue);
      for (const l of priced) lines.push(l);
    }
  } catch (error) {
    if (error instanceof PayError) return { ok: false, issues: [error.issue as DomainIssue] };
    throw error;
  }
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

/** Rows of a scored batch as the pay rules read them: ids, exact totals and money adjustments, each row's (calibrated) grade and pay facts. */
export interface PayColumns {
  readonly total: NumColumn;
  readonly adjustmentMoney: NumColumn;
  employeeId(row: number): string;
  grade(row: number): string | undefined;
  facts(row: number): PayFacts;
}

/** One pay group of rows (a department, a workshop) with the group's bonus pool or output value. */
export interface PayRowGroup {
  rows: ArrayLike<number>;
  pool?: string;
  outputValue?: string;
}

/** What a pay line says about its person: the amount and the detail (a PayLine, or a priced entry shared by many). */
type Priced = Readonly<{ amount: string; detail: string }>;

/** Pay of many rows (bulk runs): each row's exact total and, on demand, the row's pay lines. */
export class PricedRows {
  /** Each row's total: its component amounts plus money adjustments (0 for rows in no group). */
  readonly totals: NumColumn;
  /** Each row's group and position in it (-1: in no group). */
  private readonly groupOf: Int32Array;
  private readonly positionOf: Int32Array;
  /** Per component, per group: what each member (by position) was paid; undefined where nothing. */
  private readonly priced: (Priced | undefined)[][][];

  constructor(
    private readonly components: readonly PayComponent[],
    private readonly employeeIds: (row: number) => string,
    private readonly money: NumColumn,
    groups: readonly PayRowGroup[],
  ) {
    const n = money.size;
    this.totals = new NumColumn(n);
    this.groupOf = new Int32Array(n).fill(-1);
    this.positionOf = new Int32Array(n);
    groups.forEach((group, g) => {
      for (let k = 0; k < group.rows.length; k++) {
        const row = group.rows[k] ?? 0;
        this.groupOf[row] = g;
        this.positionOf[row] = k;
      }
    });
    this.priced = components.map(() => groups.map(() => []));
  }

  /** Records what a row was paid by component c (priceRows fills the result with it). Example: priced.record(0, 7, line) */
  record(c: number, row: number, priced: Priced): void {
    const g = this.groupOf[row] ?? -1;
    const list = this.priced[c]?.[g];
    if (list) list[this.positionOf[row] ?? 0] = priced;
  }

  /** A row's total with 2 places, as priceGroup prints totals. Example: priced.total(7) -> '1080.00' */
  total(row: number): string {
    return this.totals.fixedText(row, 2);
  }

  /** The exact sum of every row's total, 2 places (a payroll batch's amount). Example: priced.sum() -> '70413780.00' */
  sum(): string {
    let s: Num = 0;
    for (let row = 0; row < this.totals.size; row++) s = add(s, this.totals.get(row));
    return fixedNum(s, 2);
  }

  /** A row's pay lines in priceGroup's order: one per component that paid the row, then money adjustments. Example: priced.lines(7) -> [{ employeeId: 'e7', component: 'gradePay', amount: '1080.00', ... }] */
  lines(row: number): PayLine[] {
    const employeeId = this.employeeIds(row);
    const lines: PayLine[] = [];
    const g = this.groupOf[row] ?? -1;
    const k = this.positionOf[row] ?? 0;
    this.components.forEach((p, c) => {
      const priced = this.priced[c]?.[g]?.[k];
      if (priced) lines.push({ employeeId, component: p.id, amount: priced.amount, detail: priced.detail });
    });
    const money = this.money.get(row);
    if (!isZero(money)) lines.push({ employeeId, component: 'adjustments', amount: fixedNum(money, 2), detail: ADJUSTMENT_DETAIL });
    return lines;
  }
}

/** Grade pay priced per (rule, grade, base): the amount text, its exact value and the detail. */
type GradeCache = Map<PayComponent['rule'], Map<string, Map<string, { amount: string; value: Num; detail: string }>>>;

/**
 * priceComponent's gradePercentOfBase for rows, writing each row's amount, detail and total: the same
 * calls (a missing base, then gradePay, else payForScore and its errors) in the same order, with the
 * priced amounts shared per (grade, base) since gradePay depends on nothing else.
 */
function priceGradeRows(
  rule: PayComponent['rule'] & { kind: 'gradePercentOfBase' },
  columns: PayColumns,
  rows: ArrayLike<number>,
  cache: GradeCache,
  c: number,
  out: PricedRows,
): void {
  const totals = out.totals;
  let byGrade = cache.get(rule);
  if (!byGrade) {
    byGrade = new Map();
    cache.set(rule, byGrade);
  }
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] ?? 0;
    const base = columns.facts(row).base;
    if (base === undefined) need(base, ['facts', columns.employeeId(row), 'base'], 'base');
    const b = base ?? '';
    const grade = columns.grade(row);
    let priced = grade === undefined ? undefined : byGrade.get(grade)?.get(b);
    if (!priced) {
      const hit = grade === undefined ? undefined : gradePay(rule, b, grade);
      const out = hit ? { amount: hit.amount, detail: hit.ruleApplied } : priceGradeMiss(rule, b, columns.total.text(row), grade);
      priced = { amount: out.amount, value: exact(out.amount), detail: out.detail };
      if (hit && grade !== undefined) {
        let byBase = byGrade.get(grade);
        if (!byBase) {
          byBase = new Map();
          byGrade.set(grade, byBase);
        }
        byBase.set(b, priced);
      }
    }
    out.record(c, row, priced);
    totals.set(row, add(totals.get(row), priced.value));
  }
}

function priceGradeMiss(rule: PayComponent['rule'], base: string, total: string, grade: string | undefined): { amount: string; detail: string } {
  const out = payForScore(rule, base, total, grade);
  return { amount: out.amount, detail: out.ruleApplied };
}

// Rules that price each person alone return one line per person, in the group's order.
const PER_PERSON = new Set(['gradePercentOfBase', 'scorePercentOfBase', 'dailyWage']);

/**
 * priceGroup for many groups of batch rows at once (bulk runs keep numbers, not result objects): every
 * pay component of the scheme per group, then money adjustments, summed exactly per row. A row's total
 * equals priceGroup's total for that person when employee ids are unique within the group (priceGroup
 * adds up people who share an id). The first pay module error comes back as an issue under ['groups', g].
 * Example: priceRows(scheme, batchPayColumns, departments.map((rows) => ({ rows }))).value.total(0) -> '1080.00'
 */
export function priceRows(scheme: SchemeDefinition, columns: PayColumns, groups: readonly PayRowGroup[]): Checked<PricedRows> {
  const components = scheme.pay;
  const priced = new PricedRows(components, (row) => columns.employeeId(row), columns.adjustmentMoney, groups);
  const totals = priced.totals;
  const gradeCache: GradeCache = new Map();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (!group) continue;
    const rows = group.rows;
    const people: PayPeople = {
      size: rows.length,
      id: (k) => columns.employeeId(rows[k] ?? 0),
      total: (k) => columns.total.text(rows[k] ?? 0),
      grade: (k) => columns.grade(rows[k] ?? 0),
      facts: (k) => columns.facts(rows[k] ?? 0),
    };
    for (let k = 0; k < rows.length; k++) totals.set(rows[k] ?? 0, 0);
    for (let c = 0; c < components.length; c++) {
      const p = components[c];
      if (!p) continue;
      let lines: PayLine[];
      try {
        if (p.rule.kind === 'gradePercentOfBase') {
          // The bulk case (grade pay): amounts straight into the row arrays, no line objects.
          priceGradeRows(p.rule, columns, rows, gradeCache, c, priced);
          continue;
        }
        lines = priceComponent(p, people, group.pool, group.outputValue);
      } catch (error) {
        if (error instanceof PayError) return { ok: false, issues: [{ ...(error.issue as DomainIssue), path: ['groups', g, ...error.issue.path] }] };
        throw error;
      }
      // Group rules (pools, output, floating pay) require unique ids, so a line finds its row by id.
      let rowOf: Map<string, number> | undefined;
      if (!PER_PERSON.has(p.rule.kind)) {
        rowOf = new Map();
        for (let k = 0; k < rows.length; k++) rowOf.set(people.id(k), rows[k] ?? 0);
      }
      for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        const row = rowOf ? rowOf.get(l?.employeeId ?? '') : rows[k];
        if (!l || row === undefined) continue;
        priced.record(c, row, l);
        totals.set(row, add(totals.get(row), exact(l.amount)));
      }
    }
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k] ?? 0;
      const money = columns.adjustmentMoney.get(row);
      if (!isZero(money)) totals.set(row, add(totals.get(row), money));
    }
  }
  return { ok: true, value: priced };
}
