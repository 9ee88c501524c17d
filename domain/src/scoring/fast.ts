import type { RoundingMode } from '../decimal.js';
import {
  Big,
  FormulaBail,
  abs,
  add,
  cmp,
  compileNumFormula,
  div,
  divInt,
  fromDecimal,
  isNeg,
  isZero,
  mul,
  mulInt,
  neg,
  parseNum,
  plainNum,
  roundNum,
  sub,
  type Num,
  type NumFormula,
} from '../formula/fixed.js';
import { describeBand } from '../distribution/grade.js';
import type { AdjustmentRule, RaterRole, SchemeDefinition } from '../scheme/index.js';
import type { CompiledItem, CompiledScheme, CompiledSection } from './compile.js';
import type { AdjustmentInput, AdjustmentResult, AppraisalInput, AppraisalResult, GradeResult, ItemInput, RatingInput, SectionResult, TraceStep } from './types.js';

/**
 * The compiled scoring plan: the scheme's numbers as exact fixed-point Nums and its formulas as
 * closures, so scoring an appraisal reads each input string once and allocates little.
 *
 * `scoreWithPlan` performs the same sequence of exact operations as the Decimal reference
 * (`scoreAppraisalReference`): each Num operation returns exactly the Decimal operation's value, and
 * the trace and result objects are built the same way. Whenever the reference would report an issue
 * (an invalid rating, a missing rater under the fail policy, a formula error), or the scheme uses
 * something the plan does not cover, it returns undefined and the caller runs the reference, which
 * produces the issues. A property test checks plan == reference on random inputs for every seed scheme.
 */

type Stage = SchemeDefinition['rounding']['applyAt'][number];

interface PlanItem {
  readonly id: string;
  readonly kind: CompiledItem['item']['method']['kind'];
  readonly maxText: string;
  readonly max: Num;
  readonly weight: Num;
  readonly low: Num;
  readonly high: Num;
  readonly passMark?: Num;
  readonly deductions?: ReadonlyMap<string, Num>;
  readonly levels?: ReadonlyMap<string, Num>;
  readonly formula?: NumFormula;
  /** For each formula variable: the index of the measured value in `inputs`, -1 for maxPoints, -2 for none. */
  readonly formulaSources?: readonly number[];
  readonly inputs?: readonly string[];
}

interface PlanRater {
  readonly role: RaterRole;
  readonly weight: Num;
  readonly weightText: string;
}

interface PlanSection {
  readonly id: string;
  /** Position in the plan's sections. */
  readonly index: number;
  readonly weightText?: string;
  readonly items: readonly PlanItem[];
  readonly itemIds: ReadonlySet<string>;
  /** Item id -> position in `items`. */
  readonly itemIndex: ReadonlyMap<string, number>;
  /** Item ids in order. */
  readonly itemOrder: readonly string[];
  readonly raters: readonly PlanRater[];
  readonly raterRoles: ReadonlySet<RaterRole>;
  readonly weightedItems: boolean;
  readonly scaled: boolean;
  readonly scale: Num;
  readonly fraction: Num;
  readonly policy: CompiledSection['section']['missingRater'];
  readonly fixedValue?: Num;
}

interface PlanAdjustment {
  readonly rule: AdjustmentRule;
  readonly index: number;
  readonly fixed?: Num;
  readonly min: Num;
  readonly max: Num;
  readonly cap?: Num;
  readonly minText: string;
  readonly maxText: string;
}

interface PlanBand {
  readonly grade: string;
  readonly rank: number;
  readonly min: Num;
  readonly max: Num;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  readonly text: string;
}

/** A scheme prepared for the fast path. */
export interface ScoringPlan {
  readonly sections: readonly PlanSection[];
  /** Section id -> position in `sections`. */
  readonly sectionIndex: ReadonlyMap<string, number>;
  readonly weightedSections: boolean;
  readonly round: { readonly item: boolean; readonly rater: boolean; readonly section: boolean; readonly total: boolean };
  readonly places: number;
  readonly mode: RoundingMode;
  readonly adjustments: ReadonlyMap<string, PlanAdjustment>;
  readonly adjustmentOrder: readonly PlanAdjustment[];
  readonly maxBonus?: Num;
  readonly maxBonusText?: string;
  readonly maxPenalty?: Num;
  readonly maxPenaltyText?: string;
  readonly hourRate: Num;
  readonly hourRateText: string;
  readonly finalFormula?: NumFormula;
  readonly finalExpression?: string;
  readonly finalInputs: readonly string[];
  readonly floor?: Num;
  readonly cap?: Num;
  readonly bands?: readonly PlanBand[];
  /** The failedItemCap rules with their cap band (the first band of that grade, if any). */
  readonly gradeCaps: readonly { readonly items: readonly string[]; readonly cap: PlanBand | undefined }[];
  /** The first band of each grade. */
  readonly firstBand: ReadonlyMap<string, PlanBand>;
  readonly nonParticipationGrade?: string;
}

function num(text: string): Num {
  const n = parseNum(text);
  if (n === undefined) throw new RangeError(`not a decimal: ${text}`);
  return n;
}

function planItem(c: CompiledItem): PlanItem {
  const m = c.item.method;
  const base = {
    id: c.item.id,
    kind: m.kind,
    maxText: c.item.maxPoints,
    max: fromDecimal(c.max),
    weight: fromDecimal(c.weight),
    low: fromDecimal(c.low),
    high: fromDecimal(c.high),
    ...(c.passMark === undefined ? {} : { passMark: fromDecimal(c.passMark) }),
    ...(c.deductions ? { deductions: new Map([...c.deductions].map(([k, v]) => [k, fromDecimal(v)])) } : {}),
    ...(c.levels ? { levels: new Map([...c.levels].map(([k, v]) => [k, fromDecimal(v)])) } : {}),
  };
  if (m.kind !== 'formula' || !c.formula) return base;
  const formula = compileNumFormula(c.formula);
  // evaluateFormulaExact reads { maxPoints, ...measured values }: a measured value named maxPoints wins.
  const sources = formula.variables.map((v) => {
    const at = m.inputs.indexOf(v);
    return at >= 0 ? at : v === 'maxPoints' ? -1 : -2;
  });
  return { ...base, formula, formulaSources: sources, inputs: m.inputs };
}

function planSection(s: CompiledSection, index: number): PlanSection {
  const policy = s.section.missingRater;
  return {
    id: s.section.id,
    index,
    ...(s.section.weight === undefined ? {} : { weightText: s.section.weight }),
    items: s.items.map(planItem),
    itemIds: s.itemIds,
    itemIndex: new Map(s.items.map((c, i) => [c.item.id, i])),
    itemOrder: s.items.map((c) => c.item.id),
    raters: s.raters.map((r) => ({ role: r.role, weight: fromDecimal(r.weight), weightText: r.weightText })),
    raterRoles: s.raterRoles,
    weightedItems: s.section.itemWeighting === 'weighted',
    scaled: s.scaled,
    scale: fromDecimal(s.scale),
    fraction: fromDecimal(s.fraction),
    policy,
    ...(policy.policy === 'fixed' ? { fixedValue: num(policy.value) } : {}),
  };
}

const plans = new WeakMap<CompiledScheme, ScoringPlan | null>();

/** The plan of a compiled scheme (cached), or null when the scheme needs the reference path. */
export function planFor(c: CompiledScheme): ScoringPlan | null {
  const cached = plans.get(c);
  if (cached !== undefined) return cached;
  let plan: ScoringPlan | null;
  try {
    plan = buildPlan(c);
  } catch {
    plan = null;
  }
  plans.set(c, plan);
  return plan;
}

function buildPlan(c: CompiledScheme): ScoringPlan | null {
  const s = c.scheme;
  const stages = new Set<Stage>(s.rounding.applyAt);
  const adjustmentOrder = s.adjustments.rules.map((rule, index): PlanAdjustment => {
    const a = c.adjustmentAmounts.get(rule.id);
    if (!a) throw new RangeError('adjustment amounts missing');
    return {
      rule,
      index,
      ...(a.fixed ? { fixed: fromDecimal(a.fixed) } : {}),
      min: fromDecimal(a.min),
      max: fromDecimal(a.max),
      ...(a.cap === undefined ? {} : { cap: fromDecimal(a.cap) }),
      minText: plainNum(fromDecimal(a.min)),
      maxText: plainNum(fromDecimal(a.max)),
    };
  });
  // Duplicate rule ids would make the reference's per-id map and per-rule loop disagree with a plan; leave them to it.
  if (new Set(adjustmentOrder.map((a) => a.rule.id)).size !== adjustmentOrder.length) return null;
  const { maxBonus, maxPenalty } = s.adjustments.caps;
  const hourRateText = s.adjustments.hourRate ?? '0';
  const hourRate = num(hourRateText);
  if (isNeg(hourRate)) return null;
  // Rater roles repeated within a section, or an empty grade scale, are left to the reference.
  if (c.sections.some((x) => x.raterRoles.size !== x.raters.length)) return null;
  // So are item ids repeated within a section (the plan places each rating key at one item).
  if (c.sections.some((x) => new Set(x.items.map((i) => i.item.id)).size !== x.items.length)) return null;
  if (c.bands?.length === 0) return null;
  // Section ids repeated (each such section would take the same ratings) are left to the reference too.
  if (new Set(c.sections.map((x) => x.section.id)).size !== c.sections.length) return null;
  const grades = s.grades;
  const nonParticipation = grades?.rules.find((r) => r.kind === 'nonParticipation');
  const lowest = c.bands?.[c.bands.length - 1];
  const bands = c.bands?.map(
    (b): PlanBand => ({
      grade: b.grade,
      rank: b.rank,
      min: fromDecimal(b.min),
      max: fromDecimal(b.max),
      minInclusive: b.minInclusive,
      maxInclusive: b.maxInclusive,
      text: describeBand(b.source),
    }),
  );
  const firstBand = new Map<string, PlanBand>();
  for (const b of bands ?? []) if (!firstBand.has(b.grade)) firstBand.set(b.grade, b);
  return {
    sections: c.sections.map((x, i) => planSection(x, i)),
    sectionIndex: new Map(c.sections.map((x, i) => [x.section.id, i])),
    weightedSections: s.sectionWeighting === 'weighted',
    round: { item: stages.has('item'), rater: stages.has('rater'), section: stages.has('section'), total: stages.has('total') },
    places: s.rounding.places,
    mode: s.rounding.mode,
    adjustments: new Map(adjustmentOrder.map((a) => [a.rule.id, a])),
    adjustmentOrder,
    ...(maxBonus === undefined ? {} : { maxBonus: num(maxBonus), maxBonusText: maxBonus }),
    ...(maxPenalty === undefined ? {} : { maxPenalty: num(maxPenalty), maxPenaltyText: maxPenalty }),
    hourRate,
    hourRateText,
    ...(c.finalFormula && s.finalFormula ? { finalFormula: compileNumFormula(c.finalFormula), finalExpression: s.finalFormula.expression } : {}),
    finalInputs: s.finalFormula?.inputs ?? [],
    ...(c.floor === undefined ? {} : { floor: fromDecimal(c.floor) }),
    ...(c.cap === undefined ? {} : { cap: fromDecimal(c.cap) }),
    ...(bands && grades
      ? {
          bands,
          gradeCaps: grades.rules.flatMap((r) => (r.kind === 'failedItemCap' ? [{ items: r.items, cap: bands.find((b) => b.grade === r.capGrade) }] : [])),
          firstBand,
          nonParticipationGrade: nonParticipation?.kind === 'nonParticipation' ? nonParticipation.grade : (lowest?.grade ?? ''),
        }
      : { gradeCaps: [], firstBand }),
  };
}

// ---------------------------------------------------------------------------------------------
// Compact traces: scoring appends an opcode and the step's operands (shared strings, Nums, plan
// objects) to a flat log; replayTrace turns it into exactly the TraceStep objects the reference builds.

/** A recorded trace: LOG_MARK, then opcodes each followed by their operands. */
type TraceLog = unknown[];

/** First entry of a log not yet replayed; no caller can ever read it (every proxy trap replays first). */
const LOG_MARK: object = Object.freeze({});
/** Follows an item's points in the log when the item failed. */
const FAILED: object = Object.freeze({});

function materialise(log: TraceLog): TraceLog {
  if (log[0] === LOG_MARK) {
    const steps = replayTrace(log);
    log.length = 0;
    for (const step of steps) log.push(step);
  }
  return log;
}

// The result's trace is a real array (the log itself) behind a proxy that turns it into the steps on
// first use: reading, iterating, spreading, JSON, deep equality and mutation all see the steps.
const lazyTraceHandler: ProxyHandler<TraceLog> = {
  get: (log, key) => Reflect.get(materialise(log), key),
  set: (log, key, value) => Reflect.set(materialise(log), key, value),
  has: (log, key) => Reflect.has(materialise(log), key),
  ownKeys: (log) => Reflect.ownKeys(materialise(log)),
  getOwnPropertyDescriptor: (log, key) => Reflect.getOwnPropertyDescriptor(materialise(log), key),
  defineProperty: (log, key, descriptor) => Reflect.defineProperty(materialise(log), key, descriptor),
  deleteProperty: (log, key) => Reflect.deleteProperty(materialise(log), key),
};

/** The trace of a log, built when first used. */
function lazyTrace(log: TraceLog): TraceStep[] {
  // The log grew by push (capacity about 1.5x its length); results can be kept by the 100,000, so the
  // kept log is an exact-size copy and the grown one is left to the young generation.
  return new Proxy(log.slice(), lazyTraceHandler) as unknown as TraceStep[];
}

const T_RATING = 1; // section (PlanSection), role, then per item of the section: points [, FAILED]
const T_RATER = 2; // section, role, score text, ratings
const T_MISSING_FIXED = 3; // section, role, value
const T_MISSING_RENORMALISE = 4; // section, role
const T_SECTION = 5; // section (PlanSection), score text, then per rater of the section: effectiveWeight
const T_WEIGHTED = 6; // weighted, weighting
const T_NON_PARTICIPATION = 7;
const T_ADJUSTMENT = 8; // rule, signed amount text, capped
const T_CAP_BONUS = 9; // before, after text
const T_CAP_PENALTY = 10; // before (positive), cap (positive)
const T_HOURS = 11; // hours, rate text, money
const T_SUBTOTAL = 12; // weighted, adjustments, value
const T_FINAL = 13; // expression, value
const T_FLOOR = 14; // before, after
const T_CAP = 15; // before, after
const T_ROUNDING = 16; // before, after, places, mode
const T_TOTAL = 17; // value text
const T_GRADE_NON_PARTICIPATION = 18; // grade
const T_GRADE = 19; // grade, band text
const T_GRADE_CAP = 20; // from, to, items

/** Builds the trace steps of a log (the same objects, values and key order as the reference's trace). */
function replayTrace(log: TraceLog): TraceStep[] {
  const steps: TraceStep[] = [];
  let at = 1;
  const next = (): unknown => log[at++];
  const text = (): string => next() as string;
  const n = (): Num => next() as Num;
  const role = (): RaterRole => next() as RaterRole;
  while (at < log.length) {
    const op = next() as number;
    switch (op) {
      case T_RATING: {
        const section = next() as PlanSection;
        const r = role();
        for (const it of section.items) {
          const points = n();
          const failed = log[at] === FAILED;
          if (failed) at++;
          steps.push({ step: 'item', section: section.id, role: r, item: it.id, points: plainNum(points), max: it.maxText, method: it.kind, failed });
        }
        break;
      }
      case T_RATER: {
        const section = text();
        const r = role();
        const score = text();
        steps.push({ step: 'rater', section, role: r, score, ratings: next() as number });
        break;
      }
      case T_MISSING_FIXED: {
        const section = text();
        const r = role();
        steps.push({ step: 'raterMissing', section, role: r, policy: 'fixed', value: text() });
        break;
      }
      case T_MISSING_RENORMALISE: {
        const section = text();
        steps.push({ step: 'raterMissing', section, role: role(), policy: 'renormalise' });
        break;
      }
      case T_SECTION: {
        const section = next() as PlanSection;
        const score = text();
        // One row per rater of the section, in the section's order (as scoring builds them).
        const raters = section.raters.map((r) => ({ role: r.role, weight: r.weightText, effectiveWeight: text() }));
        const weight = section.weightText;
        steps.push(weight === undefined ? { step: 'section', section: section.id, score, raters } : { step: 'section', section: section.id, score, weight, raters });
        break;
      }
      case T_WEIGHTED: {
        const value = plainNum(n());
        steps.push({ step: 'weighted', value, weighting: next() as 'weighted' | 'sum' });
        break;
      }
      case T_NON_PARTICIPATION:
        steps.push({ step: 'nonParticipation' });
        break;
      case T_ADJUSTMENT: {
        const rule = next() as AdjustmentRule;
        const amount = text();
        const capped = next() as boolean;
        steps.push({
          step: 'adjustment',
          rule: rule.id,
          direction: rule.direction,
          unit: rule.unit,
          amount,
          ...(capped && rule.perRuleCap !== undefined ? { cappedAt: rule.perRuleCap } : {}),
        });
        break;
      }
      case T_CAP_BONUS: {
        const before = plainNum(n());
        steps.push({ step: 'adjustmentCap', cap: 'maxBonus', before, after: text() });
        break;
      }
      case T_CAP_PENALTY: {
        const before = plainNum(neg(n()));
        steps.push({ step: 'adjustmentCap', cap: 'maxPenalty', before, after: plainNum(neg(n())) });
        break;
      }
      case T_HOURS: {
        const hours = plainNum(n());
        const rate = text();
        steps.push({ step: 'hoursToMoney', hours, rate, money: plainNum(n()) });
        break;
      }
      case T_SUBTOTAL: {
        const weighted = plainNum(n());
        const adjustments = plainNum(n());
        steps.push({ step: 'subtotal', weighted, adjustments, value: plainNum(n()) });
        break;
      }
      case T_FINAL: {
        const expression = text();
        steps.push({ step: 'finalFormula', expression, value: plainNum(n()) });
        break;
      }
      case T_FLOOR:
      case T_CAP: {
        const before = plainNum(n());
        steps.push({ step: 'bound', bound: op === T_FLOOR ? 'floor' : 'cap', before, after: plainNum(n()) });
        break;
      }
      case T_ROUNDING: {
        const before = plainNum(n());
        const after = plainNum(n());
        const places = next() as number;
        steps.push({ step: 'rounding', at: 'total', before, after, places, mode: next() as RoundingMode });
        break;
      }
      case T_TOTAL:
        steps.push({ step: 'total', value: text() });
        break;
      case T_GRADE_NON_PARTICIPATION:
        steps.push({ step: 'gradeNonParticipation', grade: text() });
        break;
      case T_GRADE: {
        const grade = text();
        steps.push({ step: 'grade', grade, band: text() });
        break;
      }
      case T_GRADE_CAP: {
        const from = text();
        const to = text();
        steps.push({ step: 'gradeCap', from, to, items: next() as string[] });
        break;
      }
      default:
        throw new RangeError(`corrupt trace log (opcode ${String(op)})`);
    }
  }
  return steps;
}

/** Returned by the plan's helpers when the reference must take over. */
const BAIL = Symbol('bail');
type Bail = typeof BAIL;

function itemPoints(it: PlanItem, input: ItemInput | undefined, failedOut: { failed: boolean }): Num | Bail {
  let points: Num;
  let failed = false;
  switch (it.kind) {
    case 'range': {
      const text = input?.points;
      if (text === undefined) return BAIL;
      const p = parseNum(text);
      if (p === undefined || cmp(p, it.low) < 0 || cmp(p, it.high) > 0) return BAIL;
      points = p;
      break;
    }
    case 'rubric': {
      const level = input?.level;
      const p = level === undefined ? undefined : it.levels?.get(level);
      if (p === undefined) return BAIL;
      points = p;
      break;
    }
    case 'deduction': {
      let lost: Num = 0;
      const occ = input?.occurrences;
      if (occ) {
        for (const rule of Object.keys(occ)) {
          const count = occ[rule];
          const each = it.deductions?.get(rule);
          if (each === undefined || count === undefined || !Number.isInteger(count) || count < 0) return BAIL;
          lost = add(lost, mulInt(each, count));
        }
      }
      if (isZero(lost)) points = it.max;
      else {
        const left = sub(it.max, lost);
        points = cmp(left, it.low) >= 0 ? left : it.low;
      }
      break;
    }
    case 'formula': {
      const f = it.formula;
      const sources = it.formulaSources;
      const names = it.inputs;
      if (!f || !sources || !names) return BAIL;
      const values = input?.values;
      // Every declared measured value must be present, as the reference checks before evaluating.
      for (const name of names) if (values?.[name] === undefined) return BAIL;
      // Written by index (the formula reads only its own variables' slots): no per-call length reset.
      const env = scratchEnv;
      for (let k = 0; k < sources.length; k++) {
        const src = sources[k] ?? -2;
        if (src === -1) env[k] = it.max;
        else {
          const text = src >= 0 ? values?.[names[src] ?? ''] : undefined;
          if (typeof text !== 'string') return BAIL;
          const v = parseNum(text);
          if (v === undefined) return BAIL;
          env[k] = v;
        }
      }
      let r: Num;
      try {
        r = f.run(env);
      } catch (error) {
        if (error instanceof FormulaBail) return BAIL;
        throw error;
      }
      const atLeastZero = cmp(r, 0) > 0 ? r : 0;
      points = cmp(atLeastZero, it.max) < 0 ? atLeastZero : it.max;
      break;
    }
    case 'passFail': {
      if (input?.passed === undefined) return BAIL;
      failed = !input.passed;
      points = input.passed ? it.high : it.low;
      break;
    }
  }
  if (it.passMark !== undefined && cmp(points, it.passMark) < 0) failed = true;
  failedOut.failed = failed;
  return points;
}

// Scratch space reused across calls (scoring is synchronous; formulas only read their env).
const scratchEnv: (Num | undefined)[] = [];
const scratchFinalEnv: (Num | undefined)[] = [];
const scratchInputs: (ItemInput | undefined)[] = [];
const scratchSums: Num[] = [];
const scratchRoles: RaterRole[] = [];
const failedFlag = { failed: false };
const scratchScores: Num[] = [];
const scratchWeights: Num[] = [];
const scratchRows: number[] = [];
/** The exact score of the section scoreSectionPlan last scored (its result carries only the text). */
let sectionScore: Num = 0;
/** The plan section (index) of each rating of the current appraisal. */
const ratingSection: number[] = [];

/**
 * Scores one section. With `build` it returns the SectionResult (rater rows and texts); without, it only
 * computes the score (bulk runs keep numbers) and returns null. A trace is only ever recorded with `build`.
 */
function scoreSectionPlan(
  plan: ScoringPlan,
  s: PlanSection,
  ratings: readonly RatingInput[],
  failed: string[],
  trace: TraceLog | null,
  build: boolean,
): SectionResult | null | Bail {
  const sid = s.id;
  let count = 0;
  for (let ri = 0; ri < ratings.length; ri++) {
    const rating = ratings[ri];
    if (!rating || ratingSection[ri] !== s.index) continue;
    // A role the section is not rated by is an issue (sections have a few raters: compared in turn).
    let known = false;
    for (const r of s.raters) if (r.role === rating.role) known = true;
    if (!known) return BAIL;
    let sum: Num = 0;
    const items = rating.items;
    // One pass over the rating's keys places each input at its item (reads by the for-in key are the
    // fast kind); any key beyond the section's items is an unknown item, an issue for the reference.
    // Forms list their items in the scheme's order as a rule: a key equal to the next item's id is placed
    // without a map lookup.
    const itemInputs = scratchInputs;
    const itemCount = s.items.length;
    const ids = s.itemOrder;
    for (let i = 0; i < itemCount; i++) itemInputs[i] = undefined;
    let next = 0;
    for (const key in items) {
      const at = next < itemCount && key === ids[next] ? next : s.itemIndex.get(key);
      if (at === undefined) return BAIL;
      itemInputs[at] = items[key];
      next = at + 1;
    }
    trace?.push(T_RATING, s, rating.role);
    for (let i = 0; i < itemCount; i++) {
      const it = s.items[i];
      if (it === undefined) return BAIL;
      let points = itemPoints(it, itemInputs[i], failedFlag);
      if (points === BAIL) return BAIL;
      if (plan.round.item) points = roundNum(points, plan.places, plan.mode);
      const itemFailed = failedFlag.failed;
      if (itemFailed && !failed.includes(it.id)) failed.push(it.id);
      if (trace) {
        trace.push(points);
        if (itemFailed) trace.push(FAILED);
      }
      sum = s.weightedItems ? add(sum, mul(div(points, it.max), it.weight)) : add(sum, points);
    }
    scratchSums[count] = s.scaled ? mul(sum, s.scale) : sum;
    scratchRoles[count] = rating.role;
    count++;
  }

  const raters: SectionResult['raters'] | null = build ? [] : null;
  let present = 0;
  let weightSum: Num = 0;
  // Present raters in order: (score, weight, row index), in scratch arrays reused across calls and
  // written by index up to `present` (no per-call length reset).
  const presentScores = scratchScores;
  const presentWeights = scratchWeights;
  const presentRows = scratchRows;
  const policy = s.policy;
  for (const r of s.raters) {
    let n = 0;
    let total: Num = 0;
    let first: Num = 0;
    for (let k = 0; k < count; k++) {
      if (scratchRoles[k] !== r.role) continue;
      const v = scratchSums[k] ?? 0;
      if (n === 0) first = v;
      total = add(total, v);
      n++;
    }
    if (n > 0) {
      let avg = n === 1 ? first : divInt(total, n);
      if (plan.round.rater) avg = roundNum(avg, plan.places, plan.mode);
      presentScores[present] = avg;
      presentWeights[present] = r.weight;
      if (raters) {
        const text = plainNum(avg);
        trace?.push(T_RATER, sid, r.role, text, n);
        presentRows[present] = raters.length;
        raters.push({ role: r.role, score: text, weight: r.weightText, effectiveWeight: r.weightText, ratings: n, missing: false });
      }
      present++;
    } else if (policy.policy === 'fixed' && s.fixedValue !== undefined) {
      trace?.push(T_MISSING_FIXED, sid, r.role, policy.value);
      presentScores[present] = s.fixedValue;
      presentWeights[present] = r.weight;
      if (raters) {
        presentRows[present] = raters.length;
        raters.push({ role: r.role, score: policy.value, weight: r.weightText, effectiveWeight: r.weightText, ratings: 0, missing: true });
      }
      present++;
    } else if (policy.policy === 'renormalise') {
      trace?.push(T_MISSING_RENORMALISE, sid, r.role);
      raters?.push({ role: r.role, weight: r.weightText, effectiveWeight: '0', ratings: 0, missing: true });
    } else {
      return BAIL;
    }
  }
  for (let k = 0; k < present; k++) weightSum = add(weightSum, presentWeights[k] ?? 0);
  if (present === 0 || isZero(weightSum)) return BAIL;
  let score: Num = 0;
  const only = presentScores[0];
  if (present === 1 && presentWeights[0] === HUNDRED && only !== undefined && typeof only !== 'number' && (only instanceof Big || only.sd() <= 40)) {
    // (0 + x * 100) / 100 is exactly x when x has at most 40 significant digits (no step rounds):
    // this skips a Decimal long division for every section scored from an inexact formula value.
    score = only;
  } else if (cmp(weightSum, HUNDRED) === 0) {
    for (let k = 0; k < present; k++) score = add(score, mul(presentScores[k] ?? 0, presentWeights[k] ?? 0));
    score = div(score, HUNDRED);
  } else {
    for (let k = 0; k < present; k++) {
      const effective = div(mul(presentWeights[k] ?? 0, HUNDRED), weightSum);
      score = add(score, div(mul(presentScores[k] ?? 0, effective), HUNDRED));
      // The reference updates the first row of that role; roles are unique within a section.
      if (raters) {
        const row = raters[presentRows[k] ?? -1];
        if (row) row.effectiveWeight = plainNum(effective);
      }
    }
  }
  if (plan.round.section) score = roundNum(score, plan.places, plan.mode);
  sectionScore = score;
  if (!raters) return null;
  const scoreText = plainNum(score);
  const weight = s.weightText;
  if (trace) {
    trace.push(T_SECTION, s, scoreText);
    for (const r of raters) trace.push(r.effectiveWeight);
  }
  return weight === undefined ? { id: sid, score: scoreText, raters } : { id: sid, score: scoreText, weight, raters };
}

const HUNDRED: Num = 100_000_000;

const scratchByRule: (Num | undefined)[] = [];

/**
 * Applies the adjustments into `out` (points, money, hours; the applied list only when `applied` is given).
 * False means the reference must take over.
 */
function adjustmentsPlan(plan: ScoringPlan, entries: readonly AdjustmentInput[], trace: TraceLog | null, out: PlanNumbers, applied: AdjustmentResult[] | null): boolean {
  out.points = 0;
  out.money = 0;
  out.hours = 0;
  if (entries.length === 0) return true;
  // Per rule (by index), written by index: no per-call length reset.
  const byRule = scratchByRule;
  const order = plan.adjustmentOrder;
  for (let i = 0; i < order.length; i++) byRule[i] = undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as AdjustmentInput;
    const a = plan.adjustments.get(e.rule);
    if (!a) return false;
    const count = e.count ?? 1;
    if (!Number.isInteger(count) || count < 1) return false;
    let each: Num;
    if (a.fixed !== undefined) each = a.fixed;
    else {
      const stated = e.amount === undefined ? undefined : parseNum(e.amount);
      if (stated === undefined || cmp(stated, a.min) < 0 || cmp(stated, a.max) > 0) return false;
      each = stated;
    }
    byRule[a.index] = add(byRule[a.index] ?? 0, mulInt(each, count));
  }
  let pb: Num = 0;
  let pp: Num = 0;
  let mb: Num = 0;
  let mp: Num = 0;
  let hb: Num = 0;
  let hp: Num = 0;
  for (let i = 0; i < order.length; i++) {
    const a = order[i] as PlanAdjustment;
    const raw = byRule[a.index];
    if (raw === undefined) continue;
    const rule = a.rule;
    const capped = a.cap !== undefined && cmp(raw, a.cap) > 0;
    const amount = capped && a.cap !== undefined ? a.cap : raw;
    const bonus = rule.direction === 'bonus';
    if (rule.unit === 'points') {
      if (bonus) pb = add(pb, amount);
      else pp = add(pp, amount);
    } else if (rule.unit === 'money') {
      if (bonus) mb = add(mb, amount);
      else mp = add(mp, amount);
    } else if (bonus) hb = add(hb, amount);
    else hp = add(hp, amount);
    if (applied) {
      const signedText = plainNum(bonus ? amount : neg(amount));
      applied.push({ rule: rule.id, unit: rule.unit, amount: signedText, capped });
      trace?.push(T_ADJUSTMENT, rule, signedText, capped);
    }
  }
  if (plan.maxBonus !== undefined && plan.maxBonusText !== undefined && cmp(pb, plan.maxBonus) > 0) {
    trace?.push(T_CAP_BONUS, pb, plan.maxBonusText);
    pb = plan.maxBonus;
  }
  if (plan.maxPenalty !== undefined && cmp(pp, plan.maxPenalty) > 0) {
    trace?.push(T_CAP_PENALTY, pp, plan.maxPenalty);
    pp = plan.maxPenalty;
  }
  const hours = sub(hb, hp);
  let money = sub(mb, mp);
  if (!isZero(hours)) {
    const value = roundNum(mul(abs(hours), plan.hourRate), 2, 'halfUp');
    const signed = isNeg(hours) ? neg(value) : value;
    trace?.push(T_HOURS, hours, plan.hourRateText, signed);
    money = add(money, signed);
  }
  out.points = sub(pb, pp);
  out.money = money;
  out.hours = hours;
  return true;
}

function contains(b: PlanBand, score: Num): boolean {
  const lo = cmp(score, b.min);
  const hi = cmp(score, b.max);
  return (b.minInclusive ? lo >= 0 : lo > 0) && (b.maxInclusive ? hi <= 0 : hi < 0);
}

/** Grades the total into `out` (grade undefined when the scheme has no grade scale). */
function anyFailed(items: readonly string[], failed: readonly string[]): boolean {
  for (let i = 0; i < items.length; i++) if (failed.includes(items[i] ?? '')) return true;
  return false;
}

function gradePlan(plan: ScoringPlan, total: Num, failed: readonly string[], participated: boolean, trace: TraceLog | null, out: PlanNumbers): void {
  out.grade = undefined;
  const bands = plan.bands;
  if (!bands) return;
  if (!participated) {
    const grade = plan.nonParticipationGrade ?? '';
    trace?.push(T_GRADE_NON_PARTICIPATION, grade);
    out.grade = grade;
    out.bandGrade = grade;
    out.reason = 'nonParticipation';
    return;
  }
  const top = bands[0];
  const bottom = bands[bands.length - 1];
  if (!top || !bottom) return;
  let band: PlanBand | undefined;
  for (let i = 0; i < bands.length && band === undefined; i++) {
    const b = bands[i];
    if (b && contains(b, total)) band = b;
  }
  band ??= cmp(total, top.max) >= 0 ? top : bottom;
  trace?.push(T_GRADE, band.grade, band.text);
  out.grade = band.grade;
  out.bandGrade = band.grade;
  out.reason = 'band';
  if (failed.length === 0) return;
  // As the reference: a cap applies when one of its items failed and the current grade (its first band)
  // ranks above the cap's band; caps only ever lower the grade.
  let current = plan.firstBand.get(out.grade);
  for (const rule of plan.gradeCaps) {
    const cap = rule.cap;
    if (!cap || !current || current.rank >= cap.rank || !anyFailed(rule.items, failed)) continue;
    trace?.push(T_GRADE_CAP, out.grade, cap.grade, rule.items.filter((i) => failed.includes(i)));
    out.grade = cap.grade;
    out.reason = 'failedItemCap';
    current = plan.firstBand.get(cap.grade);
  }
}

/**
 * The exact numbers of one scored appraisal, as bulk runs keep them (no texts, no result objects).
 * `sections` holds each plan section's score, in the scheme's order (meaningful when participated).
 */
export interface PlanNumbers {
  participated: boolean;
  weighted: Num;
  points: Num;
  money: Num;
  hours: Num;
  total: Num;
  readonly sections: Num[];
  /** The grade, or undefined when the scheme has no grade scale. */
  grade: string | undefined;
  bandGrade: string;
  reason: GradeResult['reason'];
}

/** Fresh storage for scoreNumbers. Example: const out = planNumbers(); if (scoreNumbers(plan, input, out)) use(out.total) */
export function planNumbers(): PlanNumbers {
  return { participated: true, weighted: 0, points: 0, money: 0, hours: 0, total: 0, sections: [], grade: undefined, bandGrade: '', reason: 'band' };
}

/**
 * Runs the plan on one appraisal into `out`. `failed` receives the failed item ids (sorted); with
 * `sections` the SectionResults are built too (and only then can a trace be recorded). False means
 * "use the reference": an issue to report, or an input the plan does not take.
 */
function runPlan(plan: ScoringPlan, input: AppraisalInput, trace: TraceLog | null, out: PlanNumbers, failed: string[], sections: SectionResult[] | null, applied: AdjustmentResult[] | null): boolean {
  const participated = input.participated !== false;
  out.participated = participated;
  const ratings = input.ratings;
  const build = sections !== null;
  const scores = out.sections;
  let weighted: Num = 0;
  // Each rating's section, found once (forms come in the scheme's section order as a rule, so the next
  // section is tried first); a section the scheme does not have is an issue for the reference.
  const planSections = plan.sections;
  let nextSection = 0;
  for (let ri = 0; ri < ratings.length; ri++) {
    const id = (ratings[ri] as RatingInput).section;
    const at = nextSection < planSections.length && id === planSections[nextSection]?.id ? nextSection : plan.sectionIndex.get(id);
    if (at === undefined) return false;
    ratingSection[ri] = at;
    nextSection = at + 1;
  }
  if (participated) {
    for (const s of plan.sections) {
      const outcome = scoreSectionPlan(plan, s, ratings, failed, build ? trace : null, build);
      if (outcome === BAIL) return false;
      const score = sectionScore;
      if (outcome) sections?.push(outcome);
      scores[s.index] = score;
      weighted = plan.weightedSections ? add(weighted, mul(score, s.fraction)) : add(weighted, score);
    }
    trace?.push(T_WEIGHTED, weighted, plan.weightedSections ? 'weighted' : 'sum');
  } else {
    trace?.push(T_NON_PARTICIPATION);
  }
  out.weighted = weighted;

  if (!adjustmentsPlan(plan, input.adjustments ?? [], trace, out, applied)) return false;
  const points = out.points;
  let total: Num = participated ? add(weighted, points) : 0;
  if (participated && !isZero(points)) trace?.push(T_SUBTOTAL, weighted, points, total);

  const f = plan.finalFormula;
  if (participated && f) {
    for (const name of plan.finalInputs) if (input.facts?.[name] === undefined) return false;
    const env = scratchFinalEnv;
    env.length = 0;
    for (const name of f.variables) {
      if (plan.finalInputs.includes(name)) {
        const text = input.facts?.[name];
        const v = typeof text === 'string' ? parseNum(text) : undefined;
        if (v === undefined) return false;
        env.push(v);
      } else if (name === 'adjustments') env.push(points);
      else if (name === 'weighted') env.push(weighted);
      else {
        // A section score by id (every section is scored when the plan gets here).
        const at = plan.sectionIndex.get(name);
        env.push(at === undefined ? undefined : scores[at]);
      }
    }
    try {
      total = f.run(env);
    } catch (error) {
      if (error instanceof FormulaBail) return false;
      throw error;
    }
    trace?.push(T_FINAL, plan.finalExpression ?? '', total);
  }

  const { floor, cap } = plan;
  if (floor !== undefined && cmp(total, floor) < 0) {
    trace?.push(T_FLOOR, total, floor);
    total = floor;
  }
  if (cap !== undefined && cmp(total, cap) > 0) {
    trace?.push(T_CAP, total, cap);
    total = cap;
  }
  if (plan.round.total) {
    const rounded = roundNum(total, plan.places, plan.mode);
    if (cmp(rounded, total) !== 0) trace?.push(T_ROUNDING, total, rounded, plan.places, plan.mode);
    // Rounded to the scheme's places, a Decimal total usually fits the fixed-point form again.
    total = typeof rounded === 'number' || rounded instanceof Big ? rounded : fromDecimal(rounded);
  }
  out.total = total;
  if (trace) trace.push(T_TOTAL, plainNum(total));
  if (failed.length > 1) failed.sort();
  gradePlan(plan, total, failed, participated, trace, out);
  return true;
}

const bulkFailed: string[] = [];

/**
 * Scores one appraisal with the plan into `out`, numbers only (bulk runs): the same exact values as
 * scoreWithPlan without building texts, section rows or traces. False means "use the reference".
 * Example: const out = planNumbers(); scoreNumbers(plan, input, out) && plainNum(out.total) === scoreWithPlan(plan, input, false)?.total
 */
export function scoreNumbers(plan: ScoringPlan, input: AppraisalInput, out: PlanNumbers): boolean {
  if (bulkFailed.length !== 0) bulkFailed.length = 0;
  return runPlan(plan, input, null, out, bulkFailed, null, null);
}

const resultNumbers = planNumbers();

/**
 * Scores one appraisal with the plan; undefined means "use the reference" (an issue to report, or an
 * input the plan does not take). The result equals the reference's result exactly, trace included.
 */
export function scoreWithPlan(plan: ScoringPlan, input: AppraisalInput, wantTrace: boolean): AppraisalResult | undefined {
  // The trace is recorded compactly and its steps are built on first access of result.trace.
  const trace: TraceLog | null = wantTrace ? [LOG_MARK] : null;
  const failed: string[] = [];
  const sections: SectionResult[] = [];
  const applied: AdjustmentResult[] = [];
  const out = resultNumbers;
  if (!runPlan(plan, input, trace, out, failed, sections, applied)) return undefined;
  const participated = out.participated;
  const totalText = plainNum(out.total);
  const weightedText = plainNum(out.weighted);
  const pointsText = plainNum(out.points);
  const moneyText = plainNum(out.money);
  const hoursText = plainNum(out.hours);
  const grade: GradeResult | undefined = out.grade === undefined ? undefined : { grade: out.grade, bandGrade: out.bandGrade, reason: out.reason };
  // Same key order as the reference ({ ..., failedItems, grade?, trace }).
  return grade
    ? {
        employeeId: input.employeeId,
        participated,
        total: totalText,
        weighted: weightedText,
        adjustmentPoints: pointsText,
        adjustmentMoney: moneyText,
        adjustmentHours: hoursText,
        sections,
        adjustments: applied,
        failedItems: failed,
        grade,
        trace: trace ? lazyTrace(trace) : [],
      }
    : {
        employeeId: input.employeeId,
        participated,
        total: totalText,
        weighted: weightedText,
        adjustmentPoints: pointsText,
        adjustmentMoney: moneyText,
        adjustmentHours: hoursText,
        sections,
        adjustments: applied,
        failedItems: failed,
        trace: trace ? lazyTrace(trace) : [],
      };
}
