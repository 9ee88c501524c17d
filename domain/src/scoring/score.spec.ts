import { describe, expect, it } from 'vitest';
import type { SchemeDefinition } from '../scheme/index.js';
import { explain } from '../explain/index.js';
import { scoreAppraisal, type AppraisalInput } from './index.js';

const t = (en: string) => ({ en, zh: en });

function scheme(over: Partial<SchemeDefinition> = {}, missing: SchemeDefinition['sections'][number]['missingRater'] = { policy: 'renormalise' }): SchemeDefinition {
  return {
    formatVersion: 1,
    code: 'test',
    name: t('Test'),
    period: 'month',
    notes: ['test scheme'],
    sectionWeighting: 'weighted',
    sections: [
      {
        id: 'work',
        name: t('Work'),
        weight: '60',
        raters: [
          { role: 'DIRECT_SUPERVISOR', weight: '50' },
          { role: 'PEER', weight: '30' },
          { role: 'SELF', weight: '20' },
        ],
        missingRater: missing,
        itemWeighting: 'points',
        normalizeTo: '100',
        items: [
          { id: 'quality', indicatorCode: 'Q', name: t('Quality'), maxPoints: '20', method: { kind: 'range', min: '0', max: '20' } },
          { id: 'level', indicatorCode: 'L', name: t('Level'), maxPoints: '30', method: { kind: 'rubric', levels: [{ code: 'A', label: t('A'), points: '30' }, { code: 'B', label: t('B'), points: '15' }] } },
        ],
      },
      {
        id: 'safety',
        name: t('Safety'),
        weight: '40',
        raters: [{ role: 'HR', weight: '100' }],
        missingRater: { policy: 'fail' },
        itemWeighting: 'points',
        items: [{ id: 'accidents', indicatorCode: 'S', name: t('Accidents'), maxPoints: '100', method: { kind: 'deduction', floor: '40', rules: [{ id: 'minor', name: t('Minor'), points: '25' }] } }],
      },
    ],
    adjustments: {
      rules: [
        { id: 'award', name: t('Award'), direction: 'bonus', unit: 'points', amount: { kind: 'fixed', value: '4' }, perRuleCap: '6' },
        { id: 'late', name: t('Late'), direction: 'penalty', unit: 'points', amount: { kind: 'range', min: '1', max: '10' } },
      ],
      caps: { maxPenalty: '8' },
    },
    total: { floor: '0', cap: '100' },
    rounding: { places: 1, mode: 'halfUp', applyAt: ['total'] },
    rollups: [],
    pay: [],
    ...over,
  };
}

const full: AppraisalInput = {
  employeeId: 'e',
  ratings: [
    { section: 'work', role: 'DIRECT_SUPERVISOR', items: { quality: { points: '20' }, level: { level: 'A' } } }, // 50/50 -> 100
    { section: 'work', role: 'PEER', items: { quality: { points: '10' }, level: { level: 'B' } } }, // 25 -> 50
    { section: 'work', role: 'PEER', items: { quality: { points: '20' }, level: { level: 'B' } } }, // 35 -> 70
    { section: 'work', role: 'SELF', items: { quality: { points: '15' }, level: { level: 'A' } } }, // 45 -> 90
    { section: 'safety', role: 'HR', items: { accidents: { occurrences: { minor: 1 } } } }, // 75
  ],
};

describe('scoreAppraisal', () => {
  it('goes item -> rater (peers averaged) -> section -> weighted total', () => {
    const r = scoreAppraisal(scheme(), full);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // work = 100 x 50% + avg(50, 70) x 30% + 90 x 20% = 50 + 18 + 18 = 86; total = 86 x 60% + 75 x 40% = 81.6
    expect(r.value.sections.map((s) => s.score)).toEqual(['86', '75']);
    expect(r.value.total).toBe('81.6');
  });

  it('renormalises a missing rater\'s weight over the others', () => {
    const r = scoreAppraisal(scheme(), { ...full, ratings: full.ratings.filter((x) => x.role !== 'PEER') });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // 100 x 50/70 + 90 x 20/70 = 97.142857...
    expect(r.value.sections[0]?.raters.map((x) => x.effectiveWeight.slice(0, 8))).toEqual(['71.42857', '0', '28.57142']);
    expect(r.value.total).toBe('88.3'); // 97.1428.. x 0.6 + 30 = 88.2857.. -> 88.3
  });

  it('fails or counts a fixed value for a missing rater, as the section states', () => {
    const noPeers = { ...full, ratings: full.ratings.filter((x) => x.role !== 'PEER') };
    const failed = scoreAppraisal(scheme({}, { policy: 'fail' }), noPeers);
    expect(failed.ok ? [] : failed.issues.map((i) => i.code)).toEqual(['rater_missing']);
    const fixed = scoreAppraisal(scheme({}, { policy: 'fixed', value: '60' }), noPeers);
    expect(fixed.ok && fixed.value.sections[0]?.score).toBe('86'); // 50 + 60 x 30% + 18
  });

  it('deduction items never fall below their floor', () => {
    const r = scoreAppraisal(scheme(), { ...full, ratings: full.ratings.map((x) => (x.section === 'safety' ? { ...x, items: { accidents: { occurrences: { minor: 5 } } } } : x)) });
    expect(r.ok && r.value.sections[1]?.score).toBe('40');
  });

  it('applies per-rule caps and the cap on all penalties', () => {
    const r = scoreAppraisal(scheme(), { ...full, adjustments: [{ rule: 'award', count: 2 }, { rule: 'late', amount: '6' }, { rule: 'late', amount: '5' }] });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.adjustments).toEqual([
      { rule: 'award', unit: 'points', amount: '6', capped: true },
      { rule: 'late', unit: 'points', amount: '-11', capped: false },
    ]);
    expect(r.value.adjustmentPoints).toBe('-2'); // +6 - min(11, 8)
    expect(r.value.total).toBe('79.6');
  });

  it('evaluates a final formula over section scores, adjustments and facts', () => {
    const s = scheme({ finalFormula: { expression: 'if(attendance < 90%, min(weighted, 60), weighted) + adjustments', inputs: ['attendance'] } });
    const low = scoreAppraisal(s, { ...full, facts: { attendance: '0.85' } });
    const high = scoreAppraisal(s, { ...full, facts: { attendance: '0.95' } });
    expect([low.ok && low.value.total, high.ok && high.value.total]).toEqual(['60', '81.6']);
    const missing = scoreAppraisal(s, full);
    expect(missing.ok ? [] : missing.issues.map((i) => i.code)).toEqual(['fact_missing']);
  });

  it('reports unknown sections, items, roles and rubric levels', () => {
    const r = scoreAppraisal(scheme(), {
      employeeId: 'e',
      ratings: [
        { section: 'nope', role: 'HR', items: {} },
        { section: 'work', role: 'HR', items: {} },
        { section: 'work', role: 'DIRECT_SUPERVISOR', items: { quality: { points: '1' }, level: { level: 'Z' }, extra: {} } },
        { section: 'safety', role: 'HR', items: {} },
      ],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['unknown_section', 'rater_not_in_section', 'rubric_unknown_level', 'unknown_item']);
  });

  it('explains every step in English and Chinese', () => {
    const r = scoreAppraisal(scheme(), { ...full, adjustments: [{ rule: 'award' }] });
    if (!r.ok) throw new Error('scored');
    const en = explain(r.value.trace, 'en', scheme());
    const zh = explain(r.value.trace, 'zh');
    expect(en).toContain(' Work: peers scored 60 (average of 2 ratings)');
    expect(en).toContain('Work: 86 (weight 60%); raters direct supervisor 50%, peers 30%, self 20%');
    expect(en).toContain('Adjustment "Award": +4 points');
    expect(en.at(-1)).toBe('Total: 85.6');
    expect(zh).toContain('work：86 分（权重 60%）；评分人 直接上级 50%，同事 30%，本人 20%');
    expect(zh.at(-1)).toBe('总分：85.6');
    expect(en).toHaveLength(zh.length);
  });
});
