import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedPrograms } from '../programs/index.js';
import { appealStats, averageText, completion, gradeDistribution, inSubtree, payByDepartment, raterLeniency, scoreHistogram, scoreTrend, type AppraisalFactRow, type PayFactRow } from './aggregates.js';

const nursing = seedPrograms.nursing;
const schemes = { nursing: { bands: nursing.grades?.bands ?? [], ...(nursing.distribution ? { distribution: nursing.distribution } : {}) } };
const row = (over: Partial<AppraisalFactRow>): AppraisalFactRow => ({ appraisalId: 'a', cycleId: 'c1', schemeId: 'nursing', periodEnd: '2026-05-31', employeeId: 'e', departmentId: 'ward3', departmentLineage: ['ward3', 'nursing'], total: '85', grade: 'good', ...over });

describe('grade distribution against the quotas', () => {
  it('counts each grade best first and checks the 30 % excellent cap at the ward size', () => {
    const grades = ['excellent', 'excellent', 'excellent', 'excellent', 'good', 'good', 'good', 'good', 'qualified', 'unqualified'];
    const rows = grades.map((grade, i) => row({ appraisalId: `a${i}`, grade }));
    const [ward] = gradeDistribution(rows, schemes);
    expect(ward?.size).toBe(10);
    expect(ward?.grades).toEqual([
      { grade: 'excellent', count: 4, percent: '40.0' },
      { grade: 'good', count: 4, percent: '40.0' },
      { grade: 'qualified', count: 1, percent: '10.0' },
      { grade: 'unqualified', count: 1, percent: '10.0' },
    ]);
    expect(ward?.quotas[0]).toMatchObject({ grade: 'excellent', bound: 'max', percent: '30', limit: 3, actual: 4, within: false });
    expect(gradeDistribution([row({ grade: null })], schemes)).toEqual([]);
  });
});

describe('score histogram and trend', () => {
  it('buckets [min, max] with the maximum in the last bucket and the rest counted apart', () => {
    const rows = ['0', '9.99', '10', '55', '100', '101', '-1'].map((total) => row({ total }));
    const h = scoreHistogram(rows, { min: '0', max: '100', buckets: 10 });
    expect(h.buckets.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(h.buckets[9]).toEqual({ from: '90', to: '100', count: 1 });
    expect(h.outside).toBe(2);
  });

  it('averages per cycle and department, half away from zero to 2 places, ordered by period', () => {
    const rows = [
      row({ cycleId: 'c2', periodEnd: '2026-06-30', total: '80', departmentId: 'ward3' }),
      row({ cycleId: 'c1', periodEnd: '2026-05-31', total: '80.005', departmentId: 'ward3' }),
      row({ cycleId: 'c1', periodEnd: '2026-05-31', total: '90', departmentId: 'icu', departmentLineage: ['icu', 'nursing'] }),
      row({ cycleId: 'c1', periodEnd: '2026-05-31', total: null, departmentId: 'icu', departmentLineage: ['icu', 'nursing'] }),
    ];
    expect(scoreTrend(rows)).toEqual([
      { cycleId: 'c1', periodEnd: '2026-05-31', departmentId: null, n: 2, average: '85.00' },
      { cycleId: 'c1', periodEnd: '2026-05-31', departmentId: 'icu', n: 1, average: '90.00' },
      { cycleId: 'c1', periodEnd: '2026-05-31', departmentId: 'ward3', n: 1, average: '80.01' },
      { cycleId: 'c2', periodEnd: '2026-06-30', departmentId: null, n: 1, average: '80.00' },
      { cycleId: 'c2', periodEnd: '2026-06-30', departmentId: 'ward3', n: 1, average: '80.00' },
    ]);
    expect(inSubtree(rows, 'icu')).toHaveLength(2);
    expect(averageText(['-0.005'])).toBe('-0.01');
  });

  it('property: histogram counts add up and match a direct count; averages match exact rational arithmetic', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 10_500 }), { maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (hundredths, buckets) => {
        const totals = hundredths.map((h) => (h / 100).toFixed(2));
        const h = scoreHistogram(totals.map((total) => ({ total })), { min: '0', max: '100', buckets });
        const inRange = hundredths.filter((x) => x >= 0 && x <= 10_000);
        const direct = new Array<number>(buckets).fill(0);
        // Integer arithmetic: bucket = floor(x * buckets / 10000), the maximum in the last one.
        for (const x of inRange) direct[Math.min(Math.floor((x * buckets) / 10_000), buckets - 1)]! += 1;
        const sum = hundredths.reduce((s, x) => s + x, 0);
        const exact = hundredths.length ? Math.sign(sum) * Math.floor((Math.abs(sum) * 2 + hundredths.length) / (2 * hundredths.length)) : 0;
        const average = averageText(totals);
        return (
          JSON.stringify(h.buckets.map((b) => b.count)) === JSON.stringify(direct) &&
          h.outside === hundredths.length - inRange.length &&
          (hundredths.length === 0 ? average === null : average === (exact / 100).toFixed(2))
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('rater leniency, completion, pay and appeals', () => {
  it('compares each rater with the department, in percent of the section maximum', () => {
    const ratings = [
      ...['27', '28', '29'].map((score) => ({ raterId: 'hn1', departmentId: 'ward3', score, max: '30' })),
      ...['24', '24', '24'].map((score) => ({ raterId: 'hn2', departmentId: 'ward3', score, max: '30' })),
      { raterId: 'hn3', departmentId: 'ward3', score: '30', max: '30' },
    ];
    expect(raterLeniency(ratings)).toEqual([
      { raterId: 'hn1', departmentId: 'ward3', ratings: 3, raterAverage: '93.33', departmentAverage: '88.57', difference: '4.76' },
      { raterId: 'hn2', departmentId: 'ward3', ratings: 3, raterAverage: '80.00', departmentAverage: '88.57', difference: '-8.57' },
    ]);
  });

  it('completion per phase with overdue and late tasks', () => {
    const tasks = [
      { phase: 'rating' as const, departmentId: 'ward3', due: '2026-06-05', doneOn: '2026-06-03' },
      { phase: 'rating' as const, departmentId: 'ward3', due: '2026-06-05', doneOn: '2026-06-06' },
      { phase: 'rating' as const, departmentId: 'icu', due: '2026-06-05', doneOn: null },
      { phase: 'selfReview' as const, departmentId: 'icu', due: '2026-06-10', doneOn: null },
    ];
    expect(completion(tasks, '2026-06-08')).toEqual([
      { phase: 'selfReview', departmentId: null, total: 1, done: 0, percent: '0.0', overdue: 0, late: 0 },
      { phase: 'selfReview', departmentId: 'icu', total: 1, done: 0, percent: '0.0', overdue: 0, late: 0 },
      { phase: 'rating', departmentId: null, total: 3, done: 2, percent: '66.7', overdue: 1, late: 1 },
      { phase: 'rating', departmentId: 'icu', total: 1, done: 0, percent: '0.0', overdue: 1, late: 0 },
      { phase: 'rating', departmentId: 'ward3', total: 2, done: 2, percent: '100.0', overdue: 0, late: 1 },
    ]);
  });

  it('pay by department and month: appraisal pay, rewards, penalties (reversals with their kind), people', () => {
    const e = (over: Partial<PayFactRow>): PayFactRow => ({ employeeId: 'c1', departmentId: 'canteen', periodKey: '2026-05', status: 'paid', money: '720.00', payFromAppraisal: true, kind: 'reward', ...over });
    const rows = payByDepartment([
      e({}),
      e({ employeeId: 'c2', money: '900.00' }),
      e({ employeeId: 'c2', money: '200.00', payFromAppraisal: false }),
      e({ employeeId: 'c2', money: '-50.00', payFromAppraisal: false }), // a reversed reward lowers the rewards
      e({ employeeId: 'c1', money: '-40.25', payFromAppraisal: false, kind: 'punishment' }),
      e({ employeeId: 'c3', status: 'proposed' }),
      e({ employeeId: 'c4', money: null, payFromAppraisal: false }),
    ]);
    expect(rows).toEqual([{ departmentId: 'canteen', periodKey: '2026-05', pay: '1620.00', rewards: '150.00', penalties: '-40.25', net: '1729.75', people: 2 }]);
  });

  it('appeal rate, outcomes and on-time share', () => {
    const appeals = [
      { departmentId: 'canteen', state: 'closed' as const, outcome: 'upheld' as const, dueOn: '2025-10-16', decidedOn: '2025-10-15' },
      { departmentId: 'canteen', state: 'closed' as const, outcome: 'rejected' as const, dueOn: '2025-10-16', decidedOn: '2025-10-17' },
      { departmentId: 'canteen', state: 'under_review' as const, outcome: null, dueOn: '2026-06-12', decidedOn: null },
      { departmentId: 'ward3', state: 'withdrawn' as const, outcome: null, dueOn: '2026-06-12', decidedOn: null },
    ];
    const stats = appealStats(appeals, new Map([['canteen', 84], ['ward3', 45], ['icu', 20]]));
    expect(stats[0]).toEqual({ departmentId: null, appraisals: 149, appeals: 4, rate: '2.7', upheld: 1, rejected: 1, withdrawn: 1, open: 1, decided: 2, onTime: 1, onTimePercent: '50.0' });
    expect(stats.map((s) => [s.departmentId, s.appeals, s.rate])).toEqual([[null, 4, '2.7'], ['canteen', 3, '3.6'], ['icu', 0, '0.0'], ['ward3', 1, '2.2']]);
  });
});
