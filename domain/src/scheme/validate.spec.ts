import { describe, expect, it } from 'vitest';
import { nursingScheme } from '../programs/nursing.js';
import { headquartersScheme } from '../programs/headquarters.js';
import { cafeteriaScheme } from '../programs/cafeteria.js';
import { schemeCycleKinds } from './cycle-kinds.js';
import { validateScheme } from './validate.js';
import type { SchemeDefinition } from './schema.js';

const clone = (s: SchemeDefinition): SchemeDefinition => JSON.parse(JSON.stringify(s)) as SchemeDefinition;
const codes = (doc: unknown) => {
  const r = validateScheme(doc);
  return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')]);
};

describe('validateScheme', () => {
  it('reports structural errors from zod with paths, all at once', () => {
    const doc = clone(nursingScheme) as unknown as Record<string, unknown>;
    doc.formatVersion = 2;
    (doc.sections as Record<string, unknown>[])[0]!.weight = 30;
    const r = validateScheme(doc);
    expect(r.ok ? [] : r.issues.map((i) => i.path.join('.'))).toEqual(['formatVersion', 'sections.0.weight']);
    expect(codes(42)[0]?.[0]).toBe('scheme_invalid_type');
  });

  it('checks section weights, rater weights and item weights sum to 100', () => {
    const s = clone(nursingScheme);
    s.sections[0]!.weight = '20';
    s.sections[0]!.raters = [{ role: 'DIRECT_SUPERVISOR', weight: '60' }, { role: 'PEER', weight: '30' }];
    const hq = clone(headquartersScheme);
    hq.sections[0]!.items[0]!.weight = '25';
    expect(codes(s)).toEqual([
      ['rater_weights_sum', 'sections.0.raters'],
      ['section_weights_sum', 'sections'],
    ]);
    expect(codes(hq)).toEqual([['item_weights_sum', 'sections.0.items']]);
  });

  it('checks grade bands for gaps, overlaps, order and bound inclusivity', () => {
    const gap = clone(nursingScheme);
    gap.grades!.bands[1]!.max = '89';
    expect(codes(gap)).toEqual([['band_gap', 'grades.bands.1.max']]);
    const both = clone(nursingScheme);
    both.grades!.bands[0]!.minInclusive = true; // 90 in excellent and good
    expect(codes(both)).toEqual([['band_overlap', 'grades.bands.1.maxInclusive']]);
    const neither = clone(nursingScheme);
    neither.grades!.bands[2]!.maxInclusive = false;
    neither.grades!.bands[1]!.minInclusive = false;
    expect(codes(neither)).toEqual([['band_gap', 'grades.bands.2.maxInclusive']]);
    const reversed = clone(nursingScheme);
    reversed.grades!.bands.reverse();
    expect(codes(reversed).map((c) => c[0])).toContain('band_overlap');
  });

  it('checks duplicate ids, unknown grades and items in rules, quota percents and max points', () => {
    const s = clone(nursingScheme);
    s.sections[1]!.items[0]!.id = 'workCompletion';
    s.grades!.rules.push({ kind: 'failedItemCap', items: ['noSuchItem'], capGrade: 'bronze' });
    s.distribution!.quotas[0]!.percent = '130';
    s.sections[0]!.items[1]!.method = { kind: 'range', min: '0', max: '12' };
    expect(codes(s)).toEqual([
      ['duplicate_id', 'sections.1.items.0.id'],
      ['item_max_points', 'sections.0.items.1.method.max'],
      ['unknown_grade', 'grades.rules.2.capGrade'],
      ['unknown_item', 'grades.rules.2.items.0'],
      ['quota_percent', 'distribution.quotas.0.percent'],
    ]);
  });

  it('checks formulas: unknown variables and syntax, with positions, in items, the final formula and roll-ups', () => {
    const s = clone(headquartersScheme);
    s.rollups[0]!.formula = '(month1 + mnth2) * 20% + quarter * 60%';
    s.finalFormula = { expression: 'self * 20% + scale * 80% +', inputs: [] };
    const r = validateScheme(s);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.'), i.params?.position])).toEqual([
      ['formula_syntax', 'finalFormula.expression', 26],
      ['formula_unknown_variable', 'rollups.0.formula', 10],
    ]);
  });

  it('requires an hour rate for hour adjustments and a floor/cap matching the grade scale', () => {
    const s = clone(nursingScheme);
    s.adjustments.rules.push({ id: 'late', name: { en: 'Late', zh: '迟到' }, direction: 'penalty', unit: 'hours', amount: { kind: 'fixed', value: '1' } });
    delete s.total.cap;
    expect(codes(s)).toEqual([
      ['adjustment_hour_rate', 'adjustments.rules.6.unit'],
      ['grade_range_total', 'total.cap'],
    ]);
  });

  it('embeds the pay rule checks of the pay module and checks output groups', () => {
    const s = clone(headquartersScheme);
    s.pay.push({ id: 'out', name: { en: 'Out', zh: '产值' }, rule: { kind: 'poolSplit', weightBy: 'manHoursTimesCompletion', remainder: 'largestRemainder', rounding: { places: 2, mode: 'halfUp' } }, groups: [{ id: 'a', name: { en: 'A', zh: 'A' }, sharePercent: '50' }] });
    expect(codes(s)).toEqual([['pay_group_shares_sum', 'pay.2.groups']]);
  });
});

describe('validateScheme: pay bands cover every total', () => {
  const literalBands = () => {
    const s = clone(cafeteriaScheme);
    const rule = s.pay[0]!.rule;
    if (rule.kind !== 'scorePercentOfBase') throw new Error('cafeteria pays by score band');
    // The regulation's words typed literally: 80-100, 70-79, 60-69, below 60.
    rule.bands = [
      { min: '80', max: '100', minInclusive: true, maxInclusive: true, percent: '100' },
      { min: '70', max: '79', minInclusive: true, maxInclusive: true, percent: '80' },
      { min: '60', max: '69', minInclusive: true, maxInclusive: true, percent: '60' },
      { min: '0', max: '60', minInclusive: true, maxInclusive: false, percent: '0' },
    ];
    return s;
  };

  it('refuses bands that leave 79.5 unpaid, at the band to widen, suggesting half-open bounds', () => {
    const r = validateScheme(literalBands());
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.'), i.params?.from, i.params?.to, i.params?.suggestMin, i.params?.suggestMax])).toEqual([
      ['pay_band_gap', 'pay.0.rule.bands.2.max', '69', '70', '60', '70'],
      ['pay_band_gap', 'pay.0.rule.bands.1.max', '79', '80', '70', '80'],
    ]);
    expect(validateScheme(cafeteriaScheme).ok).toBe(true);
  });

  it('refuses bands that do not reach the total\'s floor or cap', () => {
    const s = clone(cafeteriaScheme);
    const rule = s.pay[0]!.rule;
    if (rule.kind !== 'scorePercentOfBase') throw new Error('cafeteria pays by score band');
    rule.bands[0]!.maxInclusive = false; // 100 itself unpaid
    rule.bands[3]!.min = '10'; // 0..10 unpaid
    expect(codes(s)).toEqual([
      ['pay_band_range', 'pay.0.rule.bands.3.min'],
      ['pay_band_range', 'pay.0.rule.bands.0.max'],
    ]);
  });
});

describe('validateScheme: output value formula and completion levels', () => {
  it('checks the formula against its inputs, level percents and that both belong to output pay', async () => {
    const { workshopScheme } = await import('../programs/workshop.js');
    const s = clone(workshopScheme);
    s.pay[0]!.outputValue!.formula = 'revenue / kilograms * finishedKilograms';
    s.pay[0]!.completionLevels!.push({ code: 'onTime', label: { en: 'x', zh: 'x' }, percent: '120' });
    expect(codes(s)).toEqual([
      ['formula_unknown_variable', 'pay.0.outputValue.formula'],
      ['duplicate_id', 'pay.0.completionLevels.5.code'],
      ['pay_completion_percent', 'pay.0.completionLevels.5.percent'],
    ]);
    const hq = clone(headquartersScheme);
    hq.pay[1]!.completionLevels = [{ code: 'onTime', label: { en: 'x', zh: 'x' }, percent: '100' }];
    expect(codes(hq)).toEqual([['pay_output_only', 'pay.1.completionLevels']]);
  });
});

describe('validateScheme: schedule, visibility and roll-up sources', () => {
  it('accepts documents without schedule or visibility (both optional, defaults apply)', () => {
    const s = clone(nursingScheme);
    expect(s.schedule).toBeUndefined();
    expect(codes(s)).toEqual([]);
  });

  it('checks schedule periods against the cycle kinds, phase order, references and the rating phase', () => {
    const s = clone(headquartersScheme);
    const sch = s.schedule!;
    sch.periods.push({ period: 'day', phases: [{ phase: 'rating', opens: { from: 'periodMonth', monthOffset: 0, day: 1 }, closes: { from: 'periodEnd', days: 1, unit: 'working' }, postponeClose: false }] });
    sch.periods[0]!.phases.reverse();
    sch.periods[1]!.phases = [{ phase: 'calibration', opens: { from: 'phaseClose', phase: 'rating', days: 0, unit: 'working' }, closes: { from: 'periodEnd', days: 3, unit: 'working' }, postponeClose: false }];
    sch.periods[3]!.phases[0]!.phase = 'rating';
    // Reversed: hrReview first refers to calibration before it is listed; every later phase is out of order.
    expect(codes(s)).toEqual([
      ['schedule_phase_reference', 'schedule.periods.0.phases.0.opens.phase'],
      ['schedule_phase_reference', 'schedule.periods.0.phases.0.closes.phase'],
      ['schedule_phase_order', 'schedule.periods.0.phases.1.phase'],
      ['schedule_phase_reference', 'schedule.periods.0.phases.1.opens.phase'],
      ['schedule_phase_reference', 'schedule.periods.0.phases.1.closes.phase'],
      ['schedule_phase_order', 'schedule.periods.0.phases.2.phase'],
      ['schedule_phase_order', 'schedule.periods.0.phases.3.phase'],
      ['schedule_phase_reference', 'schedule.periods.1.phases.0.opens.phase'],
      ['schedule_rating_missing', 'schedule.periods.1.phases'],
      ['duplicate_id', 'schedule.periods.3.phases.1.phase'],
      ['schedule_period_unused', 'schedule.periods.4.period'],
      ['schedule_point_period', 'schedule.periods.4.phases.0.opens'],
    ]);
  });

  it('needs no rating phase for roll-up-only periods (cafeteria annual), and anchor months only on months, quarters and halves', () => {
    const cafe = clone(cafeteriaScheme);
    expect(codes(cafe)).toEqual([]);
    cafe.schedule!.periods[1]!.anchorMonths = [12];
    expect(codes(cafe)).toEqual([['schedule_anchor_months', 'schedule.periods.1.anchorMonths']]);
  });

  it('checks roll-up sources fit the roll-up period and minPresent fits the inputs', () => {
    const hq = clone(headquartersScheme);
    hq.rollups[0]!.inputs[0]!.source = { period: 'half', index: 1, use: 'own' };
    hq.rollups[0]!.inputs[1]!.source = { period: 'month', index: 4, use: 'own' };
    hq.rollups[1]!.missing = { policy: 'averageOfPresent', minPresent: 3 };
    expect(codes(hq)).toEqual([
      ['rollup_source_period', 'rollups.0.inputs.0.source.period'],
      ['rollup_source_index', 'rollups.0.inputs.1.source.index'],
      ['rollup_min_present', 'rollups.1.missing.minPresent'],
    ]);
  });

  it('lists the cycle kinds of each seed program', () => {
    expect(schemeCycleKinds(cafeteriaScheme)).toEqual([{ kind: 'month', rated: true }, { kind: 'year', rated: false, rollup: 'annual' }]);
    expect(schemeCycleKinds(headquartersScheme)).toEqual([
      { kind: 'month', rated: true },
      { kind: 'quarter', rated: true, rollup: 'quarterly' },
      { kind: 'half', rated: false, rollup: 'halfYear' },
      { kind: 'year', rated: true, rollup: 'annual' },
    ]);
  });
});

describe('docs/scheme-guide.md', () => {
  it('its example scheme passes validateScheme', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../docs/scheme-guide.md', import.meta.url), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(text)?.[1];
    const r = validateScheme(JSON.parse(block ?? 'null'));
    expect(r.ok ? [] : r.issues).toEqual([]);
  });
});
