import type { SchemeDefinition } from '../scheme/index.js';

const t = (en: string, zh: string) => ({ en, zh });

// Part 1 of the seed: each audit clerk starts every day at 100 points; breaches deduct points per
// occurrence, rewards add points within the stated ranges; the day's points scale the day's wage.
const deductions = [
  ['handoverUnclear', 30, 'Unclear handover caused an error (receiver)', '交接不清造成工作差错（接班人）'],
  ['leftPostUnrecorded', 50, 'Left the post without recording it', '离岗未按要求登记'],
  ['messageNotFollowed', 30, 'Did not follow up the day\'s messages and tasks', '未跟进每日留言事项及工作安排'],
  ['complaint', 50, 'Poor service caused a complaint by a guest or department', '服务不到位导致客人或其他部门投诉'],
  ['poorCoordination', 30, 'Insufficient communication made work passive', '沟通协调不够造成工作被动'],
  ['rentIssueMissed', 30, 'Room-rent irregularity not pointed out in time', '房租多入少入或不符规定未及时指出'],
  ['adjustmentDocsMissed', 30, 'Problem in adjustment documents not found', '调整单据问题未发现'],
  ['nonBusinessIncomeMissed', 50, 'Non-business income in cashier statements not pointed out', '收银报表中非营业收入未指出'],
  ['cashReconciliation', 30, 'Daily income and cash reconciliation inconsistent', '营业收入与现金、支票、信用卡核对不符'],
  ['pendingBillsStatement', 30, 'Pending bills statement inconsistent or handover incomplete', '挂账明细表不一致或未交接应收'],
  ['statementInaccurate', 30, 'Audited statements inaccurate', '审核报表不准确'],
  ['departureBillMissed', 20, 'Problem in a departure bill not found in time', '离店账单问题未及时发现'],
  ['chargesAuditError', 30, 'Error in charges audit not followed up', '各项费用审核差错未跟进纠正'],
  ['zeroBillOmission', 20, 'Omission in the daily "O" master bill check', '每日“O”主账单核查遗漏'],
  ['revenueSummaryError', 50, 'Error in the daily business income summary', '营业收入汇总表有误'],
  ['pendingDocsNonCompliant', 30, 'Non-compliant pending bills or documents not returned and recorded', '不合规挂账单据未退回并记录'],
  ['orderSheetsUnchecked', 30, 'Kitchen and bar ORDER sheets not checked and forwarded', '厨房、酒吧 ORDER 单未核对转交'],
  ['rawMaterialMismatch', 50, 'High-grade raw material control table not reconciled', '高档原料控制表未核对一致'],
] as const;

const rewards = [
  ['overtimeDiligence', 20, 50, 'Worked overtime to finish tasks not due to own errors', '非本人原因加班完成任务'],
  ['activityRecognised', 20, 100, 'Recognised in hotel or group activities', '积极参加酒店、集团活动并获表彰'],
  ['proposalAdopted', 30, 50, 'Rationalisation proposal adopted', '合理化建议被采纳'],
  ['goodDeed', 20, 100, 'Good deeds', '好人好事'],
  ['excellentStaff', 50, 100, 'Named excellent staff of the hotel', '被评为酒店优秀员工'],
] as const;

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
    'Deductions apply per occurrence ("each time"); the seed states one amount per breach, so every breach is a fixed deduction.',
    'Quality of work item 6 (forwarding the merchandise and liquor statements) states no points and is not a deduction rule.',
    'The day never goes below 0 points (floor), so deductions cannot make a clerk owe wages.',
    'The seed gives no ceiling for reward points; the scheme caps all reward points together at 100 per day, so a day is worth at most 200 points (twice the day\'s wage).',
    'Pay = the day\'s wage x points / 100, rounded half up to cents.',
    'Negligence beyond the deductions is handled by the hotel\'s disciplinary rules, outside this scheme.',
    'Schedule: the supervisor records occurrences during the day and submits the day\'s sheet by the end of the next working day; the clerk acknowledges within 2 working days.',
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
            rules: deductions.map(([id, points, en, zh]) => ({ id, points: String(points), name: t(en, zh) })),
          },
        },
      ],
    },
  ],
  adjustments: {
    rules: rewards.map(([id, min, max, en, zh]) => ({
      id,
      name: t(en, zh),
      direction: 'bonus' as const,
      unit: 'points' as const,
      amount: { kind: 'range' as const, min: String(min), max: String(max) },
    })),
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
    },
  ],
};
