import { Decimal, dec, roundTo } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import { evaluateFormulaExact, plain } from '../formula/index.js';
import { bandForScore, describeBand } from '../distribution/grade.js';
import type { RaterRole, SchemeDefinition } from '../scheme/index.js';
import { applyAdjustments } from './adjustments.js';
import { compileScheme, type CompiledScheme, type CompiledSection } from './compile.js';
import { scoreItem } from './items.js';
import { planFor, scoreWithPlan } from './fast.js';
import type { AppraisalInput, AppraisalResult, GradeResult, RatingInput, SectionResult, TraceStep } from './types.js';

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

type Stage = SchemeDefinition['rounding']['applyAt'][number];

function rounder(c: CompiledScheme): (value: Decimal, stage: Stage) => Decimal {
  const { places, mode, applyAt } = c.scheme.rounding;
  const stages = new Set(applyAt);
  return (value, stage) => (stages.has(stage) ? roundTo(value, places, mode) : value);
}

interface SectionOutcome {
  score: Decimal;
  result: SectionResult;
}

function scoreSection(
  c: CompiledScheme,
  s: CompiledSection,
  ratings: readonly { rating: RatingInput; index: number }[],
  round: (v: Decimal, stage: Stage) => Decimal,
  failed: Set<string>,
  issues: DomainIssue[],
  trace: TraceStep[] | null,
): SectionOutcome | undefined {
  const sid = s.section.id;
  const byRole = new Map<RaterRole, Decimal[]>();
  let invalidRatings = 0;
  for (const { rating, index } of ratings) {
    if (!s.raterRoles.has(rating.role)) {
      issues.push({ path: ['ratings', index, 'role'], code: 'rater_not_in_section', message: `section "${sid}" is not rated by ${rating.role}`, params: { section: sid, role: rating.role } });
      continue;
    }
    let sum = ZERO;
    let ok = true;
    for (const it of s.items) {
      const outcome = scoreItem(it, rating.items[it.item.id], ['ratings', index, 'items', it.item.id]);
      if (!outcome.ok) {
        issues.push(outcome.issue);
        ok = false;
        continue;
      }
      const points = round(outcome.points, 'item');
      if (outcome.failed) failed.add(it.item.id);
      trace?.push({ step: 'item', section: sid, role: rating.role, item: it.item.id, points: plain(points), max: it.item.maxPoints, method: it.item.method.kind, failed: outcome.failed });
      sum = s.section.itemWeighting === 'weighted' ? sum.plus(points.div(it.max).times(it.weight)) : sum.plus(points);
    }
    for (const key in rating.items) {
      if (!s.itemIds.has(key)) {
        issues.push({ path: ['ratings', index, 'items', key], code: 'unknown_item', message: `section "${sid}" has no item "${key}"`, params: { section: sid, item: key } });
        ok = false;
      }
    }
    if (!ok) {
      invalidRatings += 1;
      continue;
    }
    const list = byRole.get(rating.role) ?? [];
    list.push(s.scaled ? sum.times(s.scale) : sum);
    byRole.set(rating.role, list);
  }

  const raters: SectionResult['raters'] = [];
  const present: { role: RaterRole; score: Decimal; weight: Decimal }[] = [];
  const policy = s.section.missingRater;
  for (const r of s.raters) {
    const scores = byRole.get(r.role);
    if (scores && scores.length > 0) {
      // Several raters of one role (peers, survey respondents) count as one rater: their average.
      const first = scores[0] ?? ZERO;
      const avg = round(scores.length === 1 ? first : scores.reduce((a, b) => a.plus(b), ZERO).div(scores.length), 'rater');
      trace?.push({ step: 'rater', section: sid, role: r.role, score: plain(avg), ratings: scores.length });
      present.push({ role: r.role, score: avg, weight: r.weight });
      raters.push({ role: r.role, score: plain(avg), weight: r.weightText, effectiveWeight: r.weightText, ratings: scores.length, missing: false });
    } else if (policy.policy === 'fixed') {
      trace?.push({ step: 'raterMissing', section: sid, role: r.role, policy: 'fixed', value: policy.value });
      present.push({ role: r.role, score: dec(policy.value), weight: r.weight });
      raters.push({ role: r.role, score: policy.value, weight: r.weightText, effectiveWeight: r.weightText, ratings: 0, missing: true });
    } else {
      if (policy.policy === 'fail') {
        if (invalidRatings === 0) issues.push({ path: ['ratings'], code: 'rater_missing', message: `section "${sid}" has no rating from ${r.role}`, params: { section: sid, role: r.role } });
      } else {
        trace?.push({ step: 'raterMissing', section: sid, role: r.role, policy: 'renormalise' });
      }
      raters.push({ role: r.role, weight: r.weightText, effectiveWeight: '0', ratings: 0, missing: true });
    }
  }
  const weightSum = present.reduce((a, p) => a.plus(p.weight), ZERO);
  if (present.length === 0 || weightSum.isZero()) {
    // A rating with errors has already been reported; "unrated" on top would only repeat it.
    if (policy.policy !== 'fail' && invalidRatings === 0) issues.push({ path: ['ratings'], code: 'section_unrated', message: `section "${sid}" has no rating`, params: { section: sid } });
    return undefined;
  }
  let score = ZERO;
  if (weightSum.eq(HUNDRED)) {
    for (const p of present) score = score.plus(p.score.times(p.weight));
    score = score.div(HUNDRED);
  } else {
    for (const p of present) {
      // Renormalising divides by the weights present, so they count as if they summed to 100.
      const effective = p.weight.times(HUNDRED).div(weightSum);
      score = score.plus(p.score.times(effective).div(HUNDRED));
      const row = raters.find((r) => r.role === p.role);
      if (row) row.effectiveWeight = plain(effective);
    }
  }
  score = round(score, 'section');
  const weight = s.section.weight;
  trace?.push({
    step: 'section',
    section: sid,
    score: plain(score),
    ...(weight === undefined ? {} : { weight }),
    raters: raters.map((r) => ({ role: r.role, weight: r.weight, effectiveWeight: r.effectiveWeight })),
  });
  return { score, result: { id: sid, score: plain(score), ...(weight === undefined ? {} : { weight }), raters } };
}

function gradeOf(c: CompiledScheme, total: Decimal, failed: ReadonlySet<string>, participated: boolean, trace: TraceStep[] | null): GradeResult | undefined {
  const bands = c.bands;
  const scale = c.scheme.grades;
  if (!bands || !scale) return undefined;
  if (!participated) {
    const rule = scale.rules.find((r) => r.kind === 'nonParticipation');
    const lowest = bands[bands.length - 1];
    const grade = rule?.kind === 'nonParticipation' ? rule.grade : (lowest?.grade ?? '');
    trace?.push({ step: 'gradeNonParticipation', grade });
    return { grade, bandGrade: grade, reason: 'nonParticipation' };
  }
  const band = bandForScore(bands, total);
  trace?.push({ step: 'grade', grade: band.grade, band: describeBand(band.source) });
  let result: GradeResult = { grade: band.grade, bandGrade: band.grade, reason: 'band' };
  for (const rule of scale.rules) {
    if (rule.kind !== 'failedItemCap') continue;
    const hit = rule.items.filter((i) => failed.has(i));
    const cap = bands.find((b) => b.grade === rule.capGrade);
    const current = bands.find((b) => b.grade === result.grade);
    // Ranks grow downwards (0 is best): a cap only ever lowers the grade.
    if (hit.length > 0 && cap && current && current.rank < cap.rank) {
      trace?.push({ step: 'gradeCap', from: result.grade, to: cap.grade, items: hit });
      result = { grade: cap.grade, bandGrade: band.grade, reason: 'failedItemCap' };
    }
  }
  return result;
}

/** Scoring options. `trace: false` skips building the trace (bulk runs); scoring again with the default rebuilds it exactly. */
export interface ScoreOptions {
  trace?: boolean;
}

const compiledCache = new WeakMap<SchemeDefinition, CompiledScheme>();

function compiledFor(scheme: SchemeDefinition | CompiledScheme): Checked<CompiledScheme> {
  if ('sectionById' in scheme) return { ok: true, value: scheme };
  const cached = compiledCache.get(scheme);
  if (cached) return { ok: true, value: cached };
  const compiled = compileScheme(scheme);
  if (compiled.ok) compiledCache.set(scheme, compiled.value);
  return compiled;
}

/**
 * Scores one appraisal: items -> raters -> sections -> weighted total, adjustments with caps, final
 * formula, floor/cap, rounding where the scheme states it, then the grade, with a full trace.
 * Input problems (points out of range, a missing rater under the fail policy) come back as issues.
 * Example: scoreAppraisal(seedPrograms.cafeteria, { employeeId: 'e1', ratings: [...] }) -> { ok: true, value: { total: '85', grade: { grade: 'A', ... }, trace: [...] } }
 */
export function scoreAppraisal(scheme: SchemeDefinition | CompiledScheme, input: AppraisalInput, options: ScoreOptions = {}): Checked<AppraisalResult> {
  const compiled = compiledFor(scheme);
  if (!compiled.ok) return compiled;
  // The compiled plan computes the same exact values with fixed-point integers; it declines (undefined)
  // whenever there is an issue to report or an input it does not take, and the reference runs instead.
  const plan = planFor(compiled.value);
  const fast = plan ? scoreWithPlan(plan, input, options.trace !== false) : undefined;
  if (fast) return { ok: true, value: fast };
  return referenceScore(compiled.value, input, options);
}

/**
 * The Decimal reference implementation of scoreAppraisal (every step in decimal.js). scoreAppraisal
 * gives exactly the same results; this stays as the specification the fast path is tested against.
 * Example: scoreAppraisalReference(seedPrograms.nursing, input) deep-equals scoreAppraisal(seedPrograms.nursing, input)
 */
export function scoreAppraisalReference(scheme: SchemeDefinition | CompiledScheme, input: AppraisalInput, options: ScoreOptions = {}): Checked<AppraisalResult> {
  const compiled = compiledFor(scheme);
  if (!compiled.ok) return compiled;
  return referenceScore(compiled.value, input, options);
}

function referenceScore(c: CompiledScheme, input: AppraisalInput, options: ScoreOptions): Checked<AppraisalResult> {
  const round = rounder(c);
  const issues: DomainIssue[] = [];
  // Without a trace the arguments of trace?.push(...) are never even built: bulk runs skip that work.
  const trace: TraceStep[] | null = options.trace === false ? null : [];
  const failed = new Set<string>();
  const participated = input.participated !== false;

  const bySection = new Map<string, { rating: RatingInput; index: number }[]>();
  input.ratings.forEach((rating, index) => {
    if (!c.sectionById.has(rating.section)) {
      issues.push({ path: ['ratings', index, 'section'], code: 'unknown_section', message: `unknown section "${rating.section}"`, params: { section: rating.section } });
      return;
    }
    const list = bySection.get(rating.section) ?? [];
    list.push({ rating, index });
    bySection.set(rating.section, list);
  });

  const sections: SectionResult[] = [];
  const sectionScores: Record<string, Decimal> = {};
  let weighted = ZERO;
  if (participated) {
    for (const s of c.sections) {
      const outcome = scoreSection(c, s, bySection.get(s.section.id) ?? [], round, failed, issues, trace);
      if (!outcome) continue;
      sections.push(outcome.result);
      sectionScores[s.section.id] = outcome.score;
      weighted = c.scheme.sectionWeighting === 'weighted' ? weighted.plus(outcome.score.times(s.fraction)) : weighted.plus(outcome.score);
    }
    trace?.push({ step: 'weighted', value: plain(weighted), weighting: c.scheme.sectionWeighting });
  } else {
    trace?.push({ step: 'nonParticipation' });
  }

  const adj = applyAdjustments(c, input.adjustments ?? [], issues, trace);
  let total = participated ? weighted.plus(adj.points) : ZERO;
  if (participated && !adj.points.isZero()) trace?.push({ step: 'subtotal', weighted: plain(weighted), adjustments: plain(adj.points), value: plain(total) });

  if (participated && c.finalFormula && c.scheme.finalFormula) {
    const vars: Record<string, Decimal | string> = { ...sectionScores, weighted, adjustments: adj.points };
    for (const name of c.scheme.finalFormula.inputs) {
      const v = input.facts?.[name];
      if (v === undefined) issues.push({ path: ['facts', name], code: 'fact_missing', message: `the final formula needs "${name}"`, params: { name } });
      else vars[name] = v;
    }
    const r = issues.length === 0 ? evaluateFormulaExact(c.finalFormula, vars) : undefined;
    if (r && !r.ok) issues.push(...r.issues.map((i) => ({ ...i, path: ['finalFormula', ...i.path] })));
    if (r?.ok) {
      total = r.value;
      trace?.push({ step: 'finalFormula', expression: c.scheme.finalFormula.expression, value: plain(total) });
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const { floor, cap } = c;
  if (floor !== undefined && total.lt(floor)) {
    trace?.push({ step: 'bound', bound: 'floor', before: plain(total), after: plain(floor) });
    total = floor;
  }
  if (cap !== undefined && total.gt(cap)) {
    trace?.push({ step: 'bound', bound: 'cap', before: plain(total), after: plain(cap) });
    total = cap;
  }
  const rounded = round(total, 'total');
  if (!rounded.eq(total)) {
    const { places, mode } = c.scheme.rounding;
    trace?.push({ step: 'rounding', at: 'total', before: plain(total), after: plain(rounded), places, mode });
  }
  total = rounded;
  trace?.push({ step: 'total', value: plain(total) });
  const grade = gradeOf(c, total, failed, participated, trace);

  return {
    ok: true,
    value: {
      employeeId: input.employeeId,
      participated,
      total: plain(total),
      weighted: plain(weighted),
      adjustmentPoints: plain(adj.points),
      adjustmentMoney: plain(adj.money),
      adjustmentHours: plain(adj.hours),
      sections,
      adjustments: adj.applied,
      failedItems: [...failed].sort(),
      ...(grade ? { grade } : {}),
      trace: trace ?? [],
    },
  };
}
