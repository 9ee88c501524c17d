import type { z } from 'zod';
import { Decimal, dec } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import { validateFormula } from '../formula/index.js';
import { checkPayRule, payBandCoverage } from '../pay/index.js';
import { zodIssueParams } from '../calendar/zod-issues.js';
import type { IssueCode } from '../messages/index.js';
import { schemeDefinitionSchema, type GradeBand, type SchemeDefinition, type SchemeItem, type SchemeSection } from './schema.js';
import { CYCLE_PHASES, schemeCycleKinds } from './cycle-kinds.js';

type Path = ReadonlyArray<string | number>;
type Params = Record<string, string | number | boolean>;

/** The kinds of things whose ids must be unique; each is a term of the message catalog. */
type IdKind =
  | 'section'
  | 'item'
  | 'rubricLevel'
  | 'deductionRule'
  | 'formulaInput'
  | 'raterRole'
  | 'grade'
  | 'quota'
  | 'payComponent'
  | 'payGroup'
  | 'completionLevel'
  | 'outputInput'
  | 'adjustmentRule'
  | 'finalFormulaInput'
  | 'rollup'
  | 'rollupInput'
  | 'schedulePeriod'
  | 'phase';

/** Variables every final formula may read besides section ids and declared inputs. */
export const FINAL_FORMULA_BUILTINS = ['weighted', 'adjustments'] as const;

/** Variable an item formula may read besides its declared inputs. */
export const ITEM_FORMULA_BUILTINS = ['maxPoints'] as const;

function zodIssues(issues: readonly z.core.$ZodIssue[]): DomainIssue[] {
  return issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number'),
    code: `scheme_${i.code}`,
    message: i.message,
    params: zodIssueParams(i),
  }));
}

class Collector {
  readonly issues: DomainIssue[] = [];
  // Codes are the message catalog's, so every issue raised here has an English and a Chinese message.
  add(path: Path, code: IssueCode, message: string, params?: Params): void {
    this.issues.push(params ? { path, code, message, params } : { path, code, message });
  }
  duplicates(ids: readonly string[], pathOf: (i: number) => Path, what: IdKind): void {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      if (seen.has(id)) this.add(pathOf(i), 'duplicate_id', `${what} "${id}" is defined twice`, { id, first: seen.get(id) ?? 0, what });
      else seen.set(id, i);
    });
  }
  formula(path: Path, source: string, known: readonly string[]): void {
    const r = validateFormula(source, known);
    if (!r.ok) for (const i of r.issues) this.issues.push({ ...i, path: [...path, ...i.path] });
  }
}

const sum = (values: readonly string[]): Decimal => values.reduce((s, v) => s.plus(v), new Decimal(0));

function checkItem(c: Collector, item: SchemeItem, path: Path): void {
  const max = dec(item.maxPoints);
  const at = { item: item.id };
  if (max.lte(0)) c.add([...path, 'maxPoints'], 'item_max_points', `item "${item.id}" needs positive max points`, { ...at, value: item.maxPoints, variant: 'positive' });
  if (item.passMark !== undefined) {
    const p = dec(item.passMark);
    if (p.lt(0) || p.gt(max)) c.add([...path, 'passMark'], 'item_pass_mark', `pass mark ${item.passMark} is outside 0..${item.maxPoints}`, { ...at, value: item.passMark, max: item.maxPoints });
  }
  const m = item.method;
  const mp = [...path, 'method'];
  switch (m.kind) {
    case 'range':
      if (dec(m.min).lt(0) || dec(m.min).gt(m.max)) c.add([...mp, 'min'], 'item_range', `range ${m.min}..${m.max} must satisfy 0 <= min <= max`, { ...at, min: m.min, max: m.max });
      if (!dec(m.max).eq(max)) {
        c.add([...mp, 'max'], 'item_max_points', `range max ${m.max} differs from the item's max points ${item.maxPoints}`, {
          ...at,
          expected: item.maxPoints,
          actual: m.max,
          variant: 'range',
        });
      }
      break;
    case 'rubric': {
      c.duplicates(m.levels.map((l) => l.code), (i) => [...mp, 'levels', i, 'code'], 'rubricLevel');
      m.levels.forEach((l, i) => {
        if (dec(l.points).lt(0) || dec(l.points).gt(max)) {
          c.add([...mp, 'levels', i, 'points'], 'item_max_points', `level ${l.code} is worth ${l.points}, outside 0..${item.maxPoints}`, {
            ...at,
            level: l.code,
            points: l.points,
            max: item.maxPoints,
            variant: 'level',
          });
        }
      });
      const top = m.levels.reduce((t, l) => Decimal.max(t, dec(l.points)), new Decimal(0));
      if (!top.eq(max)) {
        c.add([...mp, 'levels'], 'item_max_points', `the best level is worth ${top.toFixed()}, not the item's max ${item.maxPoints}`, {
          ...at,
          top: top.toFixed(),
          max: item.maxPoints,
          variant: 'topLevel',
        });
      }
      break;
    }
    case 'deduction':
      c.duplicates(m.rules.map((r) => r.id), (i) => [...mp, 'rules', i, 'id'], 'deductionRule');
      m.rules.forEach((r, i) => {
        if (dec(r.points).lte(0)) c.add([...mp, 'rules', i, 'points'], 'deduction_points', `deduction "${r.id}" must take away a positive number of points`, { ...at, rule: r.id });
      });
      if (dec(m.floor).lt(0) || dec(m.floor).gt(max)) c.add([...mp, 'floor'], 'deduction_floor', `floor ${m.floor} is outside 0..${item.maxPoints}`, { ...at, value: m.floor, max: item.maxPoints });
      break;
    case 'formula':
      c.duplicates(m.inputs, (i) => [...mp, 'inputs', i], 'formulaInput');
      c.formula([...mp, 'expression'], m.expression, [...m.inputs, ...ITEM_FORMULA_BUILTINS]);
      break;
    case 'passFail': {
      const pass = dec(m.passPoints);
      const fail = dec(m.failPoints);
      if (!pass.eq(max)) {
        c.add([...mp, 'passPoints'], 'item_max_points', `pass points ${m.passPoints} differ from max points ${item.maxPoints}`, {
          ...at,
          points: m.passPoints,
          max: item.maxPoints,
          variant: 'passPoints',
        });
      }
      if (fail.lt(0) || fail.gt(pass)) c.add([...mp, 'failPoints'], 'item_fail_points', `fail points ${m.failPoints} must lie in 0..${m.passPoints}`, { ...at, value: m.failPoints, pass: m.passPoints });
      break;
    }
  }
}

function checkSection(c: Collector, s: SchemeSection, path: Path): void {
  c.duplicates(s.raters.map((r) => r.role), (i) => [...path, 'raters', i, 'role'], 'raterRole');
  const raterSum = sum(s.raters.map((r) => r.weight));
  if (!raterSum.eq(100)) {
    c.add([...path, 'raters'], 'rater_weights_sum', `rater weights of section "${s.id}" sum to ${raterSum.toFixed()}, not 100`, {
      section: s.id,
      expected: 100,
      actual: raterSum.toFixed(),
    });
  }
  s.raters.forEach((r, i) => {
    if (dec(r.weight).lt(0)) c.add([...path, 'raters', i, 'weight'], 'weight_negative', 'rater weight must not be negative', { section: s.id, role: r.role, variant: 'rater' });
  });
  s.items.forEach((item, i) => checkItem(c, item, [...path, 'items', i]));
  if (s.itemWeighting === 'weighted') {
    s.items.forEach((item, i) => {
      if (item.weight === undefined) c.add([...path, 'items', i, 'weight'], 'item_weight_missing', `item "${item.id}" needs a weight because the section weighs its items`, { item: item.id });
    });
    const w = sum(s.items.map((i) => i.weight ?? '0'));
    if (!w.eq(100)) c.add([...path, 'items'], 'item_weights_sum', `item weights of section "${s.id}" sum to ${w.toFixed()}, not 100`, { section: s.id, expected: 100, actual: w.toFixed() });
    if (s.normalizeTo !== undefined) c.add([...path, 'normalizeTo'], 'section_normalize', 'normalizeTo applies only to sections that sum item points', { section: s.id, variant: 'weighted' });
  }
  if (s.normalizeTo !== undefined && dec(s.normalizeTo).lte(0)) c.add([...path, 'normalizeTo'], 'section_normalize', 'normalizeTo must be positive', { section: s.id, value: s.normalizeTo, variant: 'positive' });
  if (s.missingRater.policy === 'fixed') {
    const v = dec(s.missingRater.value);
    const full = sectionFullMarks(s);
    if (v.lt(0) || v.gt(full)) {
      c.add([...path, 'missingRater', 'value'], 'missing_rater_value', `fixed value ${s.missingRater.value} is outside 0..${full.toFixed()}`, {
        section: s.id,
        value: s.missingRater.value,
        max: full.toFixed(),
      });
    }
  }
}

/** Full marks of a section's score (what a rater giving every item its maximum produces). Example: 10 items x 10 points -> 100 */
export function sectionFullMarks(s: SchemeSection): Decimal {
  if (s.itemWeighting === 'weighted') return new Decimal(100);
  if (s.normalizeTo !== undefined) return dec(s.normalizeTo);
  return sum(s.items.map((i) => i.maxPoints));
}

function bandText(b: GradeBand): string {
  return `${b.minInclusive ? '[' : '('}${b.min}, ${b.max}${b.maxInclusive ? ']' : ')'}`;
}

function checkGrades(c: Collector, doc: SchemeDefinition, itemIds: ReadonlySet<string>): void {
  const g = doc.grades;
  if (!g) return;
  const grades = new Set(g.bands.map((b) => b.grade));
  c.duplicates(g.bands.map((b) => b.grade), (i) => ['grades', 'bands', i, 'grade'], 'grade');
  g.bands.forEach((b, i) => {
    const cmp = dec(b.min).cmp(b.max);
    if (cmp > 0 || (cmp === 0 && !(b.minInclusive && b.maxInclusive))) {
      c.add(['grades', 'bands', i], 'band_empty', `band ${b.grade} ${bandText(b)} contains no score`, { grade: b.grade, band: bandText(b) });
    }
  });
  // Bands are listed best first; each must start exactly where the next (worse) one ends, with exactly one side including the bound.
  for (let i = 0; i + 1 < g.bands.length; i++) {
    const upper = g.bands[i];
    const lower = g.bands[i + 1];
    if (!upper || !lower) continue;
    const pair = { lower: lower.grade, upper: upper.grade, lowerBand: bandText(lower), upperBand: bandText(upper) };
    const meet = dec(lower.max).cmp(upper.min);
    if (meet < 0) {
      c.add(['grades', 'bands', i + 1, 'max'], 'band_gap', `gap between ${lower.grade} ${bandText(lower)} and ${upper.grade} ${bandText(upper)}`, {
        ...pair,
        from: lower.max,
        to: upper.min,
        variant: 'between',
      });
    } else if (meet > 0) {
      c.add(['grades', 'bands', i + 1, 'max'], 'band_overlap', `${lower.grade} ${bandText(lower)} overlaps ${upper.grade} ${bandText(upper)}; list bands best first`, {
        ...pair,
        variant: 'between',
      });
    } else if (lower.maxInclusive && upper.minInclusive) {
      c.add(['grades', 'bands', i + 1, 'maxInclusive'], 'band_overlap', `score ${upper.min} belongs to both ${lower.grade} and ${upper.grade}`, {
        ...pair,
        score: upper.min,
        variant: 'point',
      });
    } else if (!lower.maxInclusive && !upper.minInclusive) {
      c.add(['grades', 'bands', i + 1, 'maxInclusive'], 'band_gap', `score ${upper.min} belongs to neither ${lower.grade} nor ${upper.grade}`, {
        ...pair,
        score: upper.min,
        variant: 'point',
      });
    }
  }
  const top = g.bands[0];
  const bottom = g.bands[g.bands.length - 1];
  if (top && !top.maxInclusive) c.add(['grades', 'bands', 0, 'maxInclusive'], 'band_gap', `the top score ${top.max} must belong to ${top.grade}`, { grade: top.grade, score: top.max, variant: 'top' });
  if (bottom && !bottom.minInclusive) {
    c.add(['grades', 'bands', g.bands.length - 1, 'minInclusive'], 'band_gap', `the lowest score ${bottom.min} must belong to ${bottom.grade}`, {
      grade: bottom.grade,
      score: bottom.min,
      variant: 'bottom',
    });
  }
  if (top && bottom) {
    if (doc.total.cap === undefined || dec(doc.total.cap).gt(top.max)) {
      c.add(['total', 'cap'], 'grade_range_total', `grades cover scores up to ${top.max}; cap the total at ${top.max} or below`, { max: top.max, variant: 'cap' });
    }
    if (doc.total.floor === undefined || dec(doc.total.floor).lt(bottom.min)) {
      c.add(['total', 'floor'], 'grade_range_total', `grades cover scores from ${bottom.min}; floor the total at ${bottom.min} or above`, { min: bottom.min, variant: 'floor' });
    }
  }
  g.rules.forEach((r, i) => {
    if (r.kind === 'nonParticipation' && !grades.has(r.grade)) c.add(['grades', 'rules', i, 'grade'], 'unknown_grade', `unknown grade "${r.grade}"`, { grade: r.grade });
    if (r.kind === 'failedItemCap') {
      if (!grades.has(r.capGrade)) c.add(['grades', 'rules', i, 'capGrade'], 'unknown_grade', `unknown grade "${r.capGrade}"`, { grade: r.capGrade });
      r.items.forEach((id, j) => {
        if (!itemIds.has(id)) c.add(['grades', 'rules', i, 'items', j], 'unknown_item', `unknown item "${id}"`, { item: id });
      });
    }
  });
}

function checkDistribution(c: Collector, doc: SchemeDefinition): void {
  const d = doc.distribution;
  if (!d) return;
  if (!doc.grades) {
    c.add(['distribution'], 'distribution_without_grades', 'a distribution needs a grade scale');
    return;
  }
  const grades = new Set(doc.grades.bands.map((b) => b.grade));
  const sections = new Set(doc.sections.map((s) => s.id));
  d.quotas.forEach((q, i) => {
    if (!grades.has(q.grade)) c.add(['distribution', 'quotas', i, 'grade'], 'unknown_grade', `unknown grade "${q.grade}"`, { grade: q.grade });
    const p = dec(q.percent);
    if (p.lt(0) || p.gt(100)) c.add(['distribution', 'quotas', i, 'percent'], 'quota_percent', `quota ${q.percent}% is outside 0..100`, { value: q.percent });
  });
  const keys = d.quotas.map((q) => `${q.grade}/${q.bound}/${q.cumulative}`);
  c.duplicates(keys, (i) => ['distribution', 'quotas', i], 'quota');
  d.tieBreak.sections.forEach((s, i) => {
    if (!sections.has(s)) c.add(['distribution', 'tieBreak', 'sections', i], 'unknown_section', `unknown section "${s}"`, { section: s });
  });
}

function checkPay(c: Collector, doc: SchemeDefinition): void {
  c.duplicates(doc.pay.map((p) => p.id), (i) => ['pay', i, 'id'], 'payComponent');
  const grades = new Set(doc.grades?.bands.map((b) => b.grade) ?? []);
  doc.pay.forEach((p, i) => {
    const checked = checkPayRule(p.rule);
    if (!checked.ok) for (const issue of checked.issues) c.issues.push({ ...issue, path: ['pay', i, 'rule', ...issue.path] });
    if (p.rule.kind === 'gradePercentOfBase') {
      p.rule.grades.forEach((g, j) => {
        if (!grades.has(g.grade)) c.add(['pay', i, 'rule', 'grades', j, 'grade'], 'unknown_grade', `unknown grade "${g.grade}"`, { grade: g.grade });
      });
    }
    if (p.rule.kind === 'scorePercentOfBase' && checked.ok) {
      // The rule alone cannot know which totals occur; the scheme's floor and cap say so.
      for (const issue of payBandCoverage(p.rule.bands, doc.total)) c.issues.push({ ...issue, path: ['pay', i, 'rule', ...issue.path] });
    }
    const needsGroups = p.rule.kind === 'poolSplit' && p.rule.weightBy === 'manHoursTimesCompletion';
    const component = { component: p.id };
    if (needsGroups && !p.groups?.length) c.add(['pay', i, 'groups'], 'pay_groups_missing', 'output pay needs groups with share percents', component);
    if (p.groups) {
      if (!needsGroups) c.add(['pay', i, 'groups'], 'pay_groups_unused', 'groups apply only to output pay (poolSplit by man-hours x completion)', component);
      c.duplicates(p.groups.map((g) => g.id), (j) => ['pay', i, 'groups', j, 'id'], 'payGroup');
      const total = sum(p.groups.map((g) => g.sharePercent));
      if (!total.eq(100)) c.add(['pay', i, 'groups'], 'pay_group_shares_sum', `group shares sum to ${total.toFixed()}, not 100`, { expected: 100, actual: total.toFixed() });
    }
    if (p.outputValue) {
      if (!needsGroups) c.add(['pay', i, 'outputValue'], 'pay_output_only', 'an output value formula applies only to output pay', { ...component, what: 'outputValueFormula' });
      c.duplicates(p.outputValue.inputs.map((v) => v.name), (j) => ['pay', i, 'outputValue', 'inputs', j, 'name'], 'outputInput');
      c.formula(['pay', i, 'outputValue', 'formula'], p.outputValue.formula, p.outputValue.inputs.map((v) => v.name));
    }
    if (p.completionLevels) {
      if (!needsGroups) c.add(['pay', i, 'completionLevels'], 'pay_output_only', 'completion levels apply only to output pay', { ...component, what: 'completionLevels' });
      c.duplicates(p.completionLevels.map((l) => l.code), (j) => ['pay', i, 'completionLevels', j, 'code'], 'completionLevel');
      p.completionLevels.forEach((l, j) => {
        const v = dec(l.percent);
        if (v.lt(0) || v.gt(100)) c.add(['pay', i, 'completionLevels', j, 'percent'], 'pay_completion_percent', `completion level ${l.code} counts ${l.percent}%, outside 0..100`, { value: l.percent });
      });
    }
  });
}

const MONTHS_IN: Readonly<Record<string, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

function checkRollupSources(c: Collector, doc: SchemeDefinition): void {
  doc.rollups.forEach((r, i) => {
    r.inputs.forEach((input, j) => {
      const src = input.source;
      if (!src) return;
      const path: Path = ['rollups', i, 'inputs', j, 'source'];
      const outer = MONTHS_IN[r.period] ?? 0;
      const inner = MONTHS_IN[src.period] ?? 0;
      if (inner > outer) {
        c.add([...path, 'period'], 'rollup_source_period', `a ${src.period} does not fit inside the roll-up's ${r.period}`, { period: src.period, rollupPeriod: r.period });
        return;
      }
      const count = outer / inner;
      if (src.index > count) c.add([...path, 'index'], 'rollup_source_index', `a ${r.period} has ${count} ${src.period} period(s); index ${src.index} is outside 1..${count}`, { index: src.index, max: count });
    });
    const m = r.missing;
    if (m?.policy === 'averageOfPresent' && m.minPresent !== undefined && m.minPresent > r.inputs.length) {
      c.add(['rollups', i, 'missing', 'minPresent'], 'rollup_min_present', `minPresent ${m.minPresent} exceeds the ${r.inputs.length} inputs`, { minPresent: m.minPresent, inputs: r.inputs.length });
    }
  });
}

function checkSchedule(c: Collector, doc: SchemeDefinition): void {
  const sch = doc.schedule;
  if (!sch) return;
  const kinds = schemeCycleKinds(doc);
  c.duplicates(sch.periods.map((p) => p.period), (i) => ['schedule', 'periods', i, 'period'], 'schedulePeriod');
  sch.periods.forEach((p, i) => {
    const path: Path = ['schedule', 'periods', i];
    // Any scheme may rate probations (cycles/period.ts), so a probation schedule is never unused.
    const kind = kinds.find((k) => k.kind === p.period) ?? (p.period === 'probation' ? { kind: p.period, rated: true } : undefined);
    if (!kind) {
      c.add([...path, 'period'], 'schedule_period_unused', `the scheme runs no ${p.period} cycles (its period and roll-ups: ${kinds.map((k) => k.kind).join(', ')})`, { period: p.period });
    }
    if (p.anchorMonths && (p.period === 'day' || p.period === 'probation' || p.period === 'year')) {
      c.add([...path, 'anchorMonths'], 'schedule_anchor_months', `anchor months apply to month, quarter and half-year cycles, not ${p.period}`, { period: p.period });
    }
    c.duplicates(p.phases.map((ph) => ph.phase), (j) => [...path, 'phases', j, 'phase'], 'phase');
    let last = -1;
    const seen = new Set<string>();
    p.phases.forEach((ph, j) => {
      const at = CYCLE_PHASES.indexOf(ph.phase);
      if (at < last) c.add([...path, 'phases', j, 'phase'], 'schedule_phase_order', `phase ${ph.phase} is listed after a later phase; list them in the order ${CYCLE_PHASES.join(', ')}`, { phase: ph.phase });
      last = Math.max(last, at);
      for (const [end, point] of [['opens', ph.opens], ['closes', ph.closes]] as const) {
        if (point.from === 'phaseClose' && !seen.has(point.phase)) {
          c.add([...path, 'phases', j, end, 'phase'], 'schedule_phase_reference', `${ph.phase} ${end} after ${point.phase}, which is not listed before it`, { phase: ph.phase, refers: point.phase });
        }
        if (point.from === 'periodMonth' && (p.period === 'day' || p.period === 'probation')) {
          c.add([...path, 'phases', j, end], 'schedule_point_period', `${p.period} cycles have no months to count from; use periodEnd`, { period: p.period });
        }
      }
      seen.add(ph.phase);
    });
    if (kind?.rated && !p.phases.some((ph) => ph.phase === 'rating')) {
      c.add([...path, 'phases'], 'schedule_rating_missing', `${p.period} cycles are rated, so their schedule needs a rating phase`, { period: p.period });
    }
  });
}

function checkSemantics(doc: SchemeDefinition): DomainIssue[] {
  const c = new Collector();
  c.duplicates(doc.sections.map((s) => s.id), (i) => ['sections', i, 'id'], 'section');
  const items = doc.sections.flatMap((s, si) => s.items.map((it, ii) => ({ id: it.id, path: ['sections', si, 'items', ii, 'id'] as Path })));
  c.duplicates(items.map((i) => i.id), (i) => items[i]?.path ?? [], 'item');
  doc.sections.forEach((s, i) => checkSection(c, s, ['sections', i]));

  if (doc.sectionWeighting === 'weighted') {
    doc.sections.forEach((s, i) => {
      if (s.weight === undefined) c.add(['sections', i, 'weight'], 'section_weight_missing', `section "${s.id}" needs a weight because the scheme weighs sections`, { section: s.id });
      else if (dec(s.weight).lt(0)) c.add(['sections', i, 'weight'], 'weight_negative', 'section weight must not be negative', { section: s.id, variant: 'section' });
    });
    const w = sum(doc.sections.map((s) => s.weight ?? '0'));
    if (!w.eq(100)) c.add(['sections'], 'section_weights_sum', `section weights sum to ${w.toFixed()}, not 100`, { expected: 100, actual: w.toFixed() });
  }

  const a = doc.adjustments;
  c.duplicates(a.rules.map((r) => r.id), (i) => ['adjustments', 'rules', i, 'id'], 'adjustmentRule');
  a.rules.forEach((r, i) => {
    const p: Path = ['adjustments', 'rules', i];
    const at = { rule: r.id };
    if (r.amount.kind === 'fixed' && dec(r.amount.value).lte(0)) c.add([...p, 'amount', 'value'], 'adjustment_amount', 'a fixed amount must be positive (the direction gives the sign)', at);
    if (r.amount.kind === 'range' && (dec(r.amount.min).lt(0) || dec(r.amount.min).gt(r.amount.max))) {
      c.add([...p, 'amount'], 'adjustment_range', `range ${r.amount.min}..${r.amount.max} must satisfy 0 <= min <= max`, { ...at, min: r.amount.min, max: r.amount.max });
    }
    if (r.perRuleCap !== undefined && dec(r.perRuleCap).lt(0)) c.add([...p, 'perRuleCap'], 'adjustment_cap', 'a cap must not be negative', { ...at, variant: 'rule' });
    if (r.unit === 'hours' && a.hourRate === undefined) c.add([...p, 'unit'], 'adjustment_hour_rate', `rule "${r.id}" is in working hours; state adjustments.hourRate`, { ...at, variant: 'missing' });
  });
  for (const k of ['maxBonus', 'maxPenalty'] as const) {
    const v = a.caps[k];
    if (v !== undefined && dec(v).lt(0)) c.add(['adjustments', 'caps', k], 'adjustment_cap', 'a cap must not be negative', { cap: k, variant: 'caps' });
  }
  if (a.hourRate !== undefined && dec(a.hourRate).lt(0)) c.add(['adjustments', 'hourRate'], 'adjustment_hour_rate', 'the hour rate must not be negative', { value: a.hourRate });

  if (doc.total.floor !== undefined && doc.total.cap !== undefined && dec(doc.total.floor).gt(doc.total.cap)) {
    c.add(['total'], 'total_bounds', `floor ${doc.total.floor} is above cap ${doc.total.cap}`, { floor: doc.total.floor, cap: doc.total.cap });
  }

  if (doc.finalFormula) {
    const known = [...doc.sections.map((s) => s.id), ...FINAL_FORMULA_BUILTINS, ...doc.finalFormula.inputs];
    c.duplicates(doc.finalFormula.inputs, (i) => ['finalFormula', 'inputs', i], 'finalFormulaInput');
    c.formula(['finalFormula', 'expression'], doc.finalFormula.expression, known);
  }
  c.duplicates(doc.rollups.map((r) => r.id), (i) => ['rollups', i, 'id'], 'rollup');
  doc.rollups.forEach((r, i) => {
    c.duplicates(r.inputs.map((v) => v.name), (j) => ['rollups', i, 'inputs', j, 'name'], 'rollupInput');
    c.formula(['rollups', i, 'formula'], r.formula, r.inputs.map((v) => v.name));
  });

  checkRollupSources(c, doc);
  checkSchedule(c, doc);
  checkGrades(c, doc, new Set(items.map((i) => i.id)));
  checkDistribution(c, doc);
  checkPay(c, doc);
  return c.issues;
}

/**
 * Validates a scheme document: its shape (zod) and every cross-field rule, returning all issues with path and code.
 * Example: validateScheme({ ...scheme, sections: [{ ...s, weight: '90' }] }) -> { ok: false, issues: [{ path: ['sections'], code: 'section_weights_sum', ... }] }
 */
export function validateScheme(doc: unknown): Checked<SchemeDefinition> {
  const parsed = schemeDefinitionSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error.issues) };
  const issues = checkSemantics(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}
