import type { SchemeDefinition } from '../scheme/index.js';
import { seedLedgerRules } from '../ledger/seed-rules.js';
import { adjustmentRulesFrom, deductionRulesFrom } from '../ledger/scheme-link.js';

const t = (en: string, zh: string) => ({ en, zh });

// Part 1 of the seed: each audit clerk starts every day at 100 points; breaches deduct points per
// occurrence, rewards add points within the stated ranges; the day's points scale the day's wage.
// The rules themselves live once, in the reward-and-punishment catalog (ledger/seed-rules.ts).
const hotelRules = seedLedgerRules.filter((r) => r.program === 'hotelAudit');
const deductionCodes = hotelRules.filter((r) => r.kind === 'punishment').map((r) => r.code);
const rewardCodes = hotelRules.filter((r) => r.kind === 'reward' && r.amount.kind !== 'computed').map((r) => r.code);

/** Part 1: the hotel audit department's daily 100-point demerit system linked to the day's wage. */
export const hotelAuditScheme: SchemeDefinition = {
  formatVersion: 1,
  code: 'hotelAudit',
  name: t('Hotel audit department daily appraisal', '酒店审计部每日绩效考核'),
  description: t(
    '100 points per day, deductions per occurrence and reward points by rule; the day\'s points scale the day\'s wage.',
    '每日 100 分，按条款扣分及奖励加分，当日得分与当日工资挂钩。',
  ),
  period: 'day',
  notes: [
    t(
      'Deductions apply per occurrence ("each time"); the seed states one amount per breach, so every breach is a fixed deduction.',
      '扣分按次计算（“每次”）；制度对每项违规只规定一个分值，因此每次违规为固定扣分。',
    ),
    t(
      'Quality of work item 6 (forwarding the merchandise and liquor statements) states no points and is not a deduction rule.',
      '工作质量第 6 项（转交商品和酒水报表）未规定分值，不作为扣分条款。',
    ),
    t(
      'The day never goes below 0 points (floor), so deductions cannot make a clerk owe wages.',
      '当日得分不低于 0 分（下限），因此扣分不会使员工倒欠工资。',
    ),
    t(
      'The seed gives no ceiling for reward points; the scheme caps all reward points together at 100 per day, so a day is worth at most 200 points (twice the day\'s wage).',
      '制度未规定奖励分上限；本方案将全部奖励分合计封顶为每日 100 分，因此一天最多 200 分（当日工资的两倍）。',
    ),
    t(
      'Pay = the day\'s wage x points / 100, rounded half up to cents.',
      '工资 = 当日工资 × 得分 / 100，四舍五入到分。',
    ),
    t(
      'Negligence beyond the deductions is handled by the hotel\'s disciplinary rules, outside this scheme.',
      '超出扣分范围的失职行为按酒店纪律处分规定处理，不在本方案内。',
    ),
    t(
      'Schedule: the supervisor records occurrences during the day and submits the day\'s sheet by the end of the next working day; the clerk acknowledges within 2 working days.',
      '时间安排：主管在当日记录各项次数，并于下一个工作日结束前提交当日考核表；员工在 2 个工作日内确认。',
    ),
  ],
  sectionWeighting: 'weighted',
  sections: [
    {
      id: 'daily',
      name: t('Daily conduct', '每日工作表现'),
      weight: '100',
      raters: [{ role: 'DIRECT_SUPERVISOR', weight: '100' }],
      missingRater: { policy: 'fail' },
      itemWeighting: 'points',
      items: [
        {
          id: 'dailyConduct',
          indicatorCode: 'HOTEL-AUDIT-DAILY',
          name: t('Work discipline, attitude, business knowledge and quality', '工作纪律、工作态度、业务知识与工作质量'),
          maxPoints: '100',
          method: {
            kind: 'deduction',
            floor: '0',
            rules: deductionRulesFrom(seedLedgerRules, deductionCodes),
          },
        },
      ],
    },
  ],
  adjustments: {
    rules: adjustmentRulesFrom(seedLedgerRules, rewardCodes),
    caps: { maxBonus: '100' },
  },
  total: { floor: '0' },
  rounding: { places: 2, mode: 'halfUp', applyAt: ['total'] },
  rollups: [],
  schedule: {
    periods: [
      {
        period: 'day',
        phases: [{ phase: 'rating', opens: { from: 'periodEnd', days: 0, unit: 'calendar' }, closes: { from: 'periodEnd', days: 1, unit: 'working' }, postponeClose: false }],
      },
    ],
    acknowledgementWorkingDays: 2,
  },
  pay: [
    {
      id: 'dailyWage',
      name: t("Day's wage", '当日工资'),
      rule: { kind: 'dailyWage', pointsPerDay: '100', rounding: { places: 2, mode: 'halfUp' } },
      ledgerRule: 'hotel.dailyWage',
    },
  ],
};
