import { describe, expect, it } from 'vitest';
import { seedPrograms } from '../programs/index.js';
import { priceGroup, scoreAppraisal, type AppraisalInput, type AppraisalResult, type PayGroupInput, type TraceStep } from '../scoring/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { explain } from './explain.js';

function scored(scheme: SchemeDefinition, input: AppraisalInput): AppraisalResult {
  const r = scoreAppraisal(scheme, input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function traces(scheme: SchemeDefinition, results: AppraisalResult[], group: Omit<PayGroupInput, 'results'>): Record<string, TraceStep[]> {
  const pay = priceGroup(scheme, { results, ...group });
  if (!pay.ok) throw new Error(JSON.stringify(pay.issues));
  return Object.fromEntries(results.map((r) => [r.employeeId, [...r.trace, ...(pay.value.traces[r.employeeId] ?? [])]]));
}

// Engine words a person should never read: rule kinds, ASCII comparisons, interval brackets, placeholders.
const INTERNAL = /scorePercentOfBase|gradePercentOfBase|floatingByAverage|poolSplit|dailyWage|manHoursTimesCompletion|->|<=|>=|undefined|null|\[\d|\(\d+(\.\d+)?, /;

const cafeteria = (id: string, points: string[]): AppraisalInput => ({
  employeeId: id,
  ratings: [{ section: 'monthly', role: 'DIRECT_SUPERVISOR', items: Object.fromEntries(['hygiene', 'foodQuality', 'service', 'discipline', 'safety'].map((k, i) => [k, { points: points[i] ?? '0' }])) }],
});

describe('explain: every line reads as words in English and Chinese', () => {
  it('cafeteria: the grade and the pay band as inequalities, the pay as base × percent', () => {
    const s = seedPrograms.cafeteria;
    const t = traces(s, [scored(s, cafeteria('cook', ['20', '20', '15', '10', '10']))], { facts: { cook: { base: '900' } } }).cook ?? [];
    const en = explain(t, 'en', s);
    const zh = explain(t, 'zh', s);
    expect(en).toContain('Grade: Level B (80% pay) (70 ≤ score < 80)');
    expect(en.at(-1)).toBe('Pay, Monthly performance pay: 720.00 yuan = base 900 × 80% (the score 75 is in 70 ≤ score < 80)');
    expect(zh.at(-1)).toBe('薪酬 月度绩效工资：720.00 元 = 基数 900 × 80%（得分 75 位于 70 ≤ 得分 < 80）');
    for (const line of [...en, ...zh]) expect(line).not.toMatch(INTERNAL);
  });

  it('headquarters: floating pay against the group average and the pool share', () => {
    const s = seedPrograms.headquarters;
    const self = (id: string, v: string): AppraisalInput => ({
      employeeId: id,
      ratings: [
        { section: 'self', role: 'SELF', items: { self_moral: { points: v }, self_ability: { points: v }, self_diligence: { points: v }, self_performance: { points: v } } },
        { section: 'scale', role: 'HR', items: { moral: { level: 'good' }, ability: { level: 'good' }, diligence: { level: 'good' }, performance: { level: 'good' } } },
      ],
    });
    const results = ['90', '80', '70'].map((total, i) => ({ ...scored(s, self(`e${i}`, total)), total }));
    const t = traces(s, results, { pool: '10000', facts: { e0: { base: '1000' }, e1: { base: '1000' }, e2: { base: '1000' } } }).e0 ?? [];
    const en = explain(t, 'en', s).slice(-2);
    const zh = explain(t, 'zh', s).slice(-2);
    expect(en).toEqual([
      "Pay, Floating pay: 1125.00 yuan = base 1000 × score 90 ÷ the group's average 80 (ratio 1.1250, 3 people)",
      'Pay, Bonus: 3750.00 yuan = the pool 10000 × score 90 ÷ 240, the scores of all 3 together (paid out in full, to the cent)',
    ]);
    expect(zh).toEqual(['薪酬 浮动工资：1125.00 元 = 基数 1000 × 得分 90 ÷ 组平均分 80（比例 1.1250，共 3 人）', '薪酬 奖金：3750.00 元 = 奖金池 10000 × 得分 90 ÷ 3 人得分合计 240（全额发放，精确到分）']);
  });

  it('workshop: the output value formula, the group share and the ticket hours', () => {
    const s = seedPrograms.workshop;
    const person = (id: string, adjustments: AppraisalInput['adjustments'] = []) =>
      scored(s, { employeeId: id, ratings: [{ section: 'aspects', role: 'DIRECT_SUPERVISOR', items: Object.fromEntries(['people', 'machine', 'material', 'method', 'environment'].map((k) => [k, { points: '20' }])) }], adjustments });
    const t = traces(s, [person('w1'), person('w2', [{ rule: 'workwear', count: 2 }]), person('i1')], {
      inputs: { revenue: '1200000', kilogramsProduced: '60000', finishedKilograms: '5000' },
      facts: {
        w1: { groupId: 'welding', tickets: [{ hours: '160', level: 'onTime' }] },
        w2: { groupId: 'welding', tickets: [{ hours: '100', level: 'onTime' }, { hours: '50', level: 'overUpTo2h' }] },
        i1: { groupId: 'integrated', tickets: [{ hours: '170', level: 'onTime' }] },
      },
    }).w2 ?? [];
    const en = explain(t, 'en', s);
    const zh = explain(t, 'zh', s);
    expect(en.slice(-2)).toEqual([
      "Pay, Output-value pay: 26147.54 yuan = Welding group 55% of the output value 100000.00 = 55000.00, × 145 of the group's 305 weighted hours (100 h × 100% + 50 h × 90%); output value = revenue / kilogramsProduced * finishedKilograms with revenue = 1200000, kilogramsProduced = 60000, finishedKilograms = 5000 = 100000, rounded to 100000.00",
      'Pay, plus / minus: -16.10 yuan = money rewards and penalties, working hours at the hour rate',
    ]);
    expect(zh.at(-2)).toBe(
      '薪酬 产值绩效工资：26147.54 元 = 焊工组占产值 100000.00 的 55% = 55000.00，× 本人折算工时 145 ÷ 全组 305（100 h × 100% + 50 h × 90%）；产值 = revenue / kilogramsProduced * finishedKilograms，其中 revenue = 1200000, kilogramsProduced = 60000, finishedKilograms = 5000，= 100000，取整为 100000.00',
    );
    for (const line of [...en, ...zh]) expect(line).not.toMatch(INTERNAL);
  });

  it('hotel audit and nursing: the day wage, roll-ups with their labels, grades, no engine words', () => {
    const hotel = seedPrograms.hotelAudit;
    const day = scored(hotel, { employeeId: 'clerk', ratings: [{ section: 'daily', role: 'DIRECT_SUPERVISOR', items: { dailyConduct: { occurrences: { complaint: 1 } } } }] });
    const t = traces(hotel, [day], { facts: { clerk: { base: '200' } } }).clerk ?? [];
    expect(explain(t, 'en', hotel).at(-1)).toBe("Pay, Day's wage: 100.00 yuan = the day's wage 200 × 50 of 100 points (50%)");
    expect(explain(t, 'zh', hotel).at(-1)).toMatch(/^薪酬 .+：100\.00 元 = 日工资 200 × 50\/100 分（50%）$/);
    for (const lang of ['en', 'zh'] as const) for (const line of explain(t, lang, hotel)) expect(line).not.toMatch(INTERNAL);
  });
});
