import { describe, expect, it } from 'vitest';
import { seedPrograms } from '../programs/index.js';
import type { ItemInput } from '../scoring/index.js';
import { applyGradeChanges, calibrationReport, changeGrade, checkPublish, proposalChanges, type CalibrationMember } from './calibration.js';
import { priceCalibratedGroup } from './pay.js';
import { explainPublished, publishedResult } from './publication.js';
import { computeResult, engineInput, ratingProgress, recomputeResult, type AppraisalInputs, type AppraisalResultRecord, type StoredRating } from './results.js';
import { computeRollup, rollupSources } from './rollups.js';

const headItems = (points: number[]): Record<string, ItemInput> =>
  Object.fromEntries(
    ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'].map((id, i) => [id, { points: String(points[i] ?? 0) }]),
  );
const rating = (slotKey: string, section: string, role: StoredRating['role'], items: Record<string, ItemInput>, state: StoredRating['state'] = 'submitted'): StoredRating => ({
  slotKey,
  section,
  role,
  raterId: role === 'SURVEY' ? null : slotKey.split('/')[2] ?? null,
  state,
  items,
});
const nurse = (over: Partial<AppraisalInputs> = {}): AppraisalInputs => ({
  appraisalId: 'a1',
  employeeId: 'n1',
  ratings: [
    rating('headNurse/DIRECT_SUPERVISOR/hn', 'headNurse', 'DIRECT_SUPERVISOR', headItems([10, 9, 9, 9, 10, 9, 9, 9, 9, 9])),
    rating('nursingDept/DEPARTMENT/dir', 'nursingDept', 'DEPARTMENT', { medicalEthics: { points: '38' }, theoryExam: { points: '24' }, operationExam: { points: '25' } }),
    rating('satisfaction/SURVEY/data', 'satisfaction', 'SURVEY', { patientSatisfaction: { values: { satisfied: '48', returned: '50' } } }),
  ],
  adjustments: [{ rule: 'praise' }, { rule: 'errorComplaint' }, { rule: 'learning', count: 2 }],
  ...over,
});
const computed = (inputs: AppraisalInputs, closing = false): AppraisalResultRecord => {
  const r = computeResult({ scheme: seedPrograms.nursing, schemeVersionId: 'nursing-v1', inputs, closing });
  if (r.status !== 'computed') throw new Error(JSON.stringify(r));
  return r.record;
};

describe('results: computed on the last submission, stored with version, input and trace', () => {
  it('waits for every expected rating, then computes 93.1 excellent (the seed formula)', () => {
    const pending = nurse();
    const draft = { ...pending, ratings: pending.ratings.map((r, i) => (i === 1 ? { ...r, state: 'draft' as const } : r)) };
    expect(ratingProgress(draft.ratings)).toEqual({ expected: 3, submitted: 2, pending: ['nursingDept/DEPARTMENT/dir'], complete: false });
    expect(computeResult({ scheme: seedPrograms.nursing, schemeVersionId: 'nursing-v1', inputs: draft })).toEqual({ status: 'waiting', pending: ['nursingDept/DEPARTMENT/dir'] });
    const record = computed(pending);
    expect(record).toMatchObject({ format: 1, appraisalId: 'a1', schemeVersionId: 'nursing-v1', basis: 'complete', missingRatings: [] });
    expect(record.output.total).toBe('93.1');
    expect(record.output.grade?.grade).toBe('excellent');
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('ignores reassigned ratings and counts only submitted ones', () => {
    const inputs = nurse();
    const withOld = { ...inputs, ratings: [rating('headNurse/DIRECT_SUPERVISOR/old', 'headNurse', 'DIRECT_SUPERVISOR', headItems([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), 'reassigned'), ...inputs.ratings] };
    expect(engineInput(withOld).ratings).toHaveLength(3);
    expect(computed(withOld).output.total).toBe('93.1');
  });

  it('closing the rating phase applies the missing-rater policy: nursing fails (blocked), Part 5 renormalises', () => {
    const missing = nurse({ ratings: nurse().ratings.filter((r) => r.role !== 'DEPARTMENT').concat(rating('nursingDept/DEPARTMENT/dir', 'nursingDept', 'DEPARTMENT', {}, 'pending')) });
    const blocked = computeResult({ scheme: seedPrograms.nursing, schemeVersionId: 'v1', inputs: missing, closing: true });
    expect(blocked.status === 'blocked' && blocked.issues.map((i) => [i.code, i.params])).toEqual([['rater_missing', { section: 'nursingDept', role: 'DEPARTMENT' }]]);

    const level = (l: string) => ({ moral: { level: l }, ability: { level: l }, diligence: { level: l }, performance: { level: l } });
    const hq: AppraisalInputs = {
      appraisalId: 'h1',
      employeeId: 'e1',
      adjustments: [],
      ratings: [
        rating('self/SELF/e1', 'self', 'SELF', { self_moral: { points: '60' }, self_ability: { points: '60' }, self_diligence: { points: '60' }, self_performance: { points: '60' } }),
        rating('scale/DIRECT_SUPERVISOR/b', 'scale', 'DIRECT_SUPERVISOR', level('good')),
        rating('scale/SECOND_LEVEL_SUPERVISOR/c', 'scale', 'SECOND_LEVEL_SUPERVISOR', level('good')),
        rating('scale/HR/h', 'scale', 'HR', level('poor'), 'draft'),
      ],
    };
    const r = computeResult({ scheme: seedPrograms.headquarters, schemeVersionId: 'hq-v1', inputs: hq, closing: true });
    expect(r.status === 'computed' && [r.record.basis, r.record.missingRatings, r.record.output.total]).toEqual(['closedWithMissing', ['scale/HR/h'], '80']);
  });

  it('grades non-participation without ratings (nursing: unexplained absence -> unqualified)', () => {
    const r = computed(nurse({ participated: false, ratings: [] }));
    expect(r.output.grade).toEqual({ grade: 'unqualified', bandGrade: 'unqualified', reason: 'nonParticipation' });
  });

  it('blocks on invalid stored input rather than computing around it', () => {
    const bad = nurse({ adjustments: [{ rule: 'nope' }] });
    expect(computeResult({ scheme: seedPrograms.nursing, schemeVersionId: 'v1', inputs: bad })).toMatchObject({ status: 'blocked', issues: [{ code: 'adjustment_unknown_rule' }] });
  });

  it('recomputes a stored record years later and lists any difference', () => {
    const record = computed(nurse());
    const stored = JSON.parse(JSON.stringify(record)) as AppraisalResultRecord;
    expect(recomputeResult({ id: 'nursing-v1', document: seedPrograms.nursing }, stored)).toEqual({ same: true });
    stored.output.total = '95';
    const changed = recomputeResult({ id: 'nursing-v1', document: seedPrograms.nursing }, stored);
    expect(changed).toEqual({ same: false, differences: [{ path: 'output.total', stored: '95', recomputed: '93.1' }], issues: [] });
    const wrong = recomputeResult({ id: 'nursing-v2', document: seedPrograms.nursing }, record);
    expect(wrong.same ? null : wrong.issues[0]).toMatchObject({ code: 'result_scheme_version_mismatch', params: { stored: 'nursing-v1', given: 'nursing-v2' } });
  });
});

describe('calibration and publication (nursing: excellent at most 30%, good at most 50%, general at least 20%)', () => {
  const totals = ['98', '96', '95', '93', '91', '88', '86', '84', '82', '81'];
  const members: CalibrationMember[] = totals.map((t, i) => {
    const grade = Number(t) > 90 ? 'excellent' : 'good';
    return { appraisalId: `a${i}`, employeeId: `n${i}`, groupKey: 'ward3', total: t, engineGrade: grade, grade, sections: { headNurse: '90' } };
  });

  it('lists the distribution, the violated quotas with params, and the proposal', () => {
    const report = calibrationReport(seedPrograms.nursing, 'ward3', members);
    expect(report.counts).toEqual([
      { grade: 'excellent', count: 5, percent: '50.00' },
      { grade: 'good', count: 5, percent: '50.00' },
      { grade: 'qualified', count: 0, percent: '0.00' },
      { grade: 'unqualified', count: 0, percent: '0.00' },
    ]);
    expect(report.violations.map((v) => [v.code, v.params])).toEqual([
      ['quota_exceeded', { group: 'ward3', grade: 'excellent', grades: 'excellent', bound: 'max', percent: '30', limit: 3, actual: 5, size: 10 }],
      ['quota_not_met', { group: 'ward3', grade: 'qualified', grades: 'qualified, unqualified', bound: 'min', percent: '20', limit: 2, actual: 0, size: 10 }],
    ]);
    const changes = proposalChanges(report, members);
    expect(changes.map((c) => [c.employeeId, c.from, c.to, c.rank])).toEqual([
      ['n3', 'excellent', 'good', 4],
      ['n4', 'excellent', 'good', 5],
      ['n8', 'good', 'qualified', 9],
      ['n9', 'good', 'qualified', 10],
    ]);
    const after = calibrationReport(seedPrograms.nursing, 'ward3', applyGradeChanges(members, changes));
    expect(after.violations).toEqual([]);
  });

  it('refuses publication while violations remain, unless HR overrides with a reason', () => {
    const report = calibrationReport(seedPrograms.nursing, 'ward3', members);
    expect(checkPublish({ reports: [report], unscored: 0 })).toMatchObject({ ok: false, issues: [{ code: 'quota_exceeded' }, { code: 'quota_not_met' }] });
    expect(checkPublish({ reports: [report], unscored: 0, override: { reason: ' ' } })).toMatchObject({ ok: false, issues: [{ code: 'publish_override_reason' }] });
    const over = checkPublish({ reports: [report], unscored: 0, override: { reason: 'ward 3 won the provincial quality award' } });
    expect(over.ok && over.overridden.length).toBe(2);
    expect(checkPublish({ reports: [], unscored: 2 })).toMatchObject({ ok: false, issues: [{ code: 'publish_unscored', params: { count: 2 } }] });
    expect(checkPublish({ reports: [report], unscored: 1 })).toMatchObject({ ok: false, issues: [{ code: 'publish_unscored' }, { code: 'quota_exceeded' }, { code: 'quota_not_met' }] });
    expect(checkPublish({ reports: [calibrationReport(seedPrograms.cafeteria, 'canteen', [])], unscored: 0 })).toEqual({ ok: true, overridden: [] });
  });

  it('lets HR change a grade only with a reason, to a grade of the scheme, before publication', () => {
    const ok = changeGrade(seedPrograms.nursing, members, { appraisalId: 'a2', to: 'good', reason: 'complaint under review' }, false);
    expect(ok).toEqual({ ok: true, value: { appraisalId: 'a2', employeeId: 'n2', from: 'excellent', to: 'good', reason: 'complaint under review', source: 'hr', rank: 3, groupSize: 10 } });
    const bad = changeGrade(seedPrograms.nursing, members, { appraisalId: 'a2', to: 'stellar', reason: '' }, true);
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['calibration_after_publication', 'calibration_unknown_grade', 'calibration_reason_required']);
    const same = changeGrade(seedPrograms.nursing, members, { appraisalId: 'a2', to: 'excellent', reason: 'x' }, false);
    expect(same.ok ? [] : same.issues.map((i) => i.code)).toEqual(['calibration_no_change']);
  });

  it('publishes the result with calibration and pay in one explanation', () => {
    const record = computed(nurse());
    const change = { appraisalId: 'a1', employeeId: 'n1', from: 'excellent', to: 'good', reason: 'quota proposal: ranked 4 of 10', source: 'proposal' as const, rank: 4, groupSize: 10 };
    const published = publishedResult(record, [change], null);
    expect(published).toMatchObject({ total: '93.1', engineGrade: 'excellent', grade: 'good', pay: null });
    const lines = explainPublished(published, 'en', seedPrograms.nursing);
    expect(lines.at(-1)).toBe('Calibration: ranked 4 of 10; grade moved from Excellent to Good by the quota');
    expect(explainPublished(published, 'zh', seedPrograms.nursing).at(-1)).toBe('校准：组内排名 4/10，按比例限制等级由优秀调整为良好');
  });
});

describe('group pay over the calibrated group', () => {
  it('Part 5: floating pay 1125 / 1000 / 875 around the average, a 10,000 bonus pool paid in full', () => {
    const results = ['90', '80', '70'].map((total, i) => ({
      employeeId: `e${i}`,
      participated: true,
      total,
      weighted: total,
      adjustmentPoints: '0',
      adjustmentMoney: '0',
      adjustmentHours: '0',
      sections: [],
      adjustments: [],
      failedItems: [],
      trace: [],
    }));
    const pay = priceCalibratedGroup(
      seedPrograms.headquarters,
      results.map((result) => ({ employeeId: result.employeeId, result, facts: { base: '1000' } })),
      { pool: '10000' },
    );
    if (!pay.ok) throw new Error(JSON.stringify(pay.issues));
    expect(pay.value.lines.map((l) => [l.employeeId, l.component, l.amount])).toEqual([
      ['e0', 'floatingPay', '1125.00'],
      ['e1', 'floatingPay', '1000.00'],
      ['e2', 'floatingPay', '875.00'],
      ['e0', 'bonus', '3750.00'],
      ['e1', 'bonus', '3333.33'],
      ['e2', 'bonus', '2916.67'],
    ]);
    expect(pay.value.splits).toEqual([{ component: 'bonus', amount: '10000', paid: '10000.00' }]);
    expect(pay.value.traces.e0?.map((s) => s.step)).toEqual(['pay', 'pay']);
  });

  it('prices grade-based pay with the calibrated grade', () => {
    const scheme = { ...seedPrograms.nursing, pay: [{ id: 'merit', name: { en: 'Merit', zh: '绩效' }, rule: { kind: 'gradePercentOfBase' as const, grades: [{ grade: 'excellent', percent: '120' }, { grade: 'good', percent: '100' }, { grade: 'qualified', percent: '80' }, { grade: 'unqualified', percent: '0' }], rounding: { places: 2, mode: 'halfUp' as const } } }] };
    const record = computed(nurse());
    const pay = priceCalibratedGroup(scheme, [{ employeeId: 'n1', result: record.output, grade: 'good', facts: { base: '1000' } }]);
    expect(pay.ok && pay.value.totals).toEqual({ n1: '1000.00' });
    const engine = priceCalibratedGroup(scheme, [{ employeeId: 'n1', result: record.output, facts: { base: '1000' } }]);
    expect(engine.ok && engine.value.totals).toEqual({ n1: '1200.00' });
  });

  it('reports a missing pay fact as an issue', () => {
    const record = computed(nurse());
    const r = priceCalibratedGroup(seedPrograms.cafeteria, [{ employeeId: 'n1', result: record.output, facts: {} }]);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: 'pay_fact_missing', params: { fact: 'base' } });
  });
});

describe('roll-ups from child results', () => {
  it('Part 5 quarterly: (April + May) x 20% + Q2 x 60% = 85', () => {
    expect(rollupSources(seedPrograms.headquarters, 'quarterly', '2026-Q2')).toEqual({
      ok: true,
      value: [
        { name: 'month1', periodKey: '2026-04', period: 'month', use: 'own' },
        { name: 'month2', periodKey: '2026-05', period: 'month', use: 'own' },
        { name: 'quarter', periodKey: '2026-Q2', period: 'quarter', use: 'own' },
      ],
    });
    const r = computeRollup(seedPrograms.headquarters, 'quarterly', '2026-Q2', new Map([['2026-04', { own: '80' }], ['2026-05', { own: '90' }], ['2026-Q2', { own: '85' }]]));
    expect(r.ok && r.value.value).toBe('85');
  });

  it('Part 5 annual: quarter results (not their own scores), October, November and the annual appraisal = 88.8', () => {
    const children = new Map([
      ['2026-Q1', { own: '70', result: '85' }],
      ['2026-Q2', { own: '70', result: '88' }],
      ['2026-Q3', { own: '70', result: '90' }],
      ['2026-10', { own: '86' }],
      ['2026-11', { own: '92' }],
      ['2026', { own: '89' }],
    ]);
    const r = computeRollup(seedPrograms.headquarters, 'annual', '2026', children);
    expect(r.ok && r.value.value).toBe('88.8');
    expect(r.ok && r.value.inputs.q1).toEqual({ value: '85', periodKey: '2026-Q1', filled: false });
  });

  it('a missing child is an error naming it by default, never a silent 0', () => {
    const r = computeRollup(seedPrograms.headquarters, 'annual', '2026', new Map([['2026-Q1', { result: '85' }], ['2026-Q2', { result: '88' }], ['2026-10', { own: '86' }], ['2026-11', { own: '92' }], ['2026', { own: '89' }]]));
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params])).toEqual([['rollup_child_missing', { rollup: 'annual', period: '2026', input: 'q3', child: '2026-Q3' }]]);
    const own = computeRollup(seedPrograms.headquarters, 'quarterly', '2026-Q2', new Map([['2026-04', { own: '80' }], ['2026-05', { own: '90' }]]));
    expect(own.ok ? null : own.issues[0]?.params).toMatchObject({ input: 'quarter', child: '2026-Q2' });
  });

  it('cafeteria annual: the average of the months present (its policy), recorded and explained', () => {
    const months = ['85', '90', '78', '82', '88', '91', '76', '80', '84', '86', '79', '83'];
    const full = computeRollup(seedPrograms.cafeteria, 'annual', '2025', new Map(months.map((m, i) => [`2025-${String(i + 1).padStart(2, '0')}`, { own: m }])));
    expect(full.ok && [full.value.value, full.value.grade]).toEqual(['83.5', 'A']);
    // Joined in March: ten months present, average 82.7 (827 / 10); the two missing months count as that average.
    const partial = computeRollup(seedPrograms.cafeteria, 'annual', '2025', new Map(months.slice(2).map((m, i) => [`2025-${String(i + 3).padStart(2, '0')}`, { own: m }])));
    if (!partial.ok) throw new Error(JSON.stringify(partial.issues));
    expect(partial.value.value).toBe('82.7');
    expect(partial.value.inputs.month1).toEqual({ value: '82.7', periodKey: '2025-01', filled: true });
    expect(partial.value.trace[0]).toEqual({ step: 'rollupFilled', rollup: 'annual', input: 'month1', period: '2025-01', policy: 'averageOfPresent', value: '82.7' });
    const none = computeRollup(seedPrograms.cafeteria, 'annual', '2025', new Map());
    expect(none.ok ? null : none.issues[0]).toMatchObject({ code: 'rollup_too_few_children', params: { present: 0, minPresent: 1 } });
  });

  it('treats a missing child as a stated value when the scheme says so, and refuses the wrong period kind', () => {
    const scheme = { ...seedPrograms.headquarters, rollups: seedPrograms.headquarters.rollups.map((r) => (r.id === 'quarterly' ? { ...r, missing: { policy: 'treatAs' as const, value: '60' } } : r)) };
    const r = computeRollup(scheme, 'quarterly', '2026-Q2', new Map([['2026-05', { own: '90' }], ['2026-Q2', { own: '85' }]]));
    expect(r.ok && r.value.value).toBe('81'); // (60 + 90) x 20% + 85 x 60%
    const wrong = rollupSources(seedPrograms.headquarters, 'quarterly', '2026-05');
    expect(wrong.ok ? null : wrong.issues[0]?.code).toBe('rollup_period_kind');
  });
});
