import { Decimal, dec, type RoundingMode } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import { plain } from '../formula/index.js';
import { NumColumn } from '../formula/column.js';
import { add, fixedNum, isZero, parseNum, type Num } from '../formula/fixed.js';
import { PayError, bandContains, floatingPay, gradePay, outputPaySplit, outputValueOf, payForScore, splitPool, ticketHours, type PayBasis, type PayTicket } from '../pay/index.js';
import type { PayComponent, SchemeDefinition } from '../scheme/index.js';
import type { AppraisalResult, GradeResult, TraceStep } from './types.js';

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

/** What the pay rules read of a person: id, total and grade (a result, or a view of a batch row). */
type PayPerson = Pick<AppraisalResult, 'employeeId' | 'total'> & { readonly grade?: Pick<GradeResult, 'grade'> };

/** A group as the pay rules read it (priceGroup's input, or a group of batch rows). */
type PricedGroup = Omit<PayGroupInput, 'results'> & { readonly results: readonly PayPerson[] };

function priceComponent(p: PayComponent, g: PricedGroup): PayLine[] {
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
function priceOutput(p: PayComponent, rounding: { places: number; mode: RoundingMode }, g: PricedGroup, fact: (id: string) => PayFacts): PayLine[] {
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
  /** Group-level inputs of output value formulas, as in PayGroupInput. */
  inputs?: Readonly<Record<string, string>>;
}

/** What a pay line says about its person: amount, detail and basis (a PayLine, or a priced entry shared by many). */
type Priced = Readonly<{ amount: string; detail: string; basis?: PayBasis }>;

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
      if (!priced) return;
      const { amount, detail, basis } = priced;
      lines.push(basis ? { employeeId, component: p.id, amount, detail, basis } : { employeeId, component: p.id, amount, detail });
    });
    const money = this.money.get(row);
    if (!isZero(money)) {
      const amount = fixedNum(money, 2);
      lines.push({ employeeId, component: 'adjustments', amount, detail: ADJUSTMENT_DETAIL, basis: { kind: 'adjustments', money: amount } });
    }
    return lines;
  }
}

/** Grade pay priced per (rule, grade, base): the amount text, its exact value, the detail and the basis. */
type GradeCache = Map<PayComponent['rule'], Map<string, Map<string, { amount: string; value: Num; detail: string; basis: PayBasis }>>>;

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
      const out = hit ?? payForScore(rule, b, columns.total.text(row), grade);
      priced = { amount: out.amount, value: exact(out.amount), detail: out.ruleApplied, basis: { kind: 'grade', base: b, grade: grade ?? '', percent: out.percent } };
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
    // Other rules read the group as priceGroup gives it to them: people (views of the rows) and facts by id.
    let view: PricedGroup | undefined;
    const groupView = (): PricedGroup => {
      if (view) return view;
      const results: PayPerson[] = [];
      const facts = new Map<string, PayFacts>();
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k] ?? 0;
        const employeeId = columns.employeeId(row);
        const grade = columns.grade(row);
        results.push(grade === undefined ? { employeeId, total: columns.total.text(row) } : { employeeId, total: columns.total.text(row), grade: { grade } });
        facts.set(employeeId, columns.facts(row));
      }
      view = {
        results,
        facts,
        ...(group.pool === undefined ? {} : { pool: group.pool }),
        ...(group.outputValue === undefined ? {} : { outputValue: group.outputValue }),
        ...(group.inputs === undefined ? {} : { inputs: group.inputs }),
      };
      return view;
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
        lines = priceComponent(p, groupView());
      } catch (error) {
        if (error instanceof PayError) return { ok: false, issues: [{ ...(error.issue as DomainIssue), path: ['groups', g, ...error.issue.path] }] };
        throw error;
      }
      // Group rules (pools, output, floating pay) require unique ids, so a line finds its row by id.
      let rowOf: Map<string, number> | undefined;
      if (!PER_PERSON.has(p.rule.kind)) {
        rowOf = new Map();
        for (let k = 0; k < rows.length; k++) rowOf.set(columns.employeeId(rows[k] ?? 0), rows[k] ?? 0);
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
