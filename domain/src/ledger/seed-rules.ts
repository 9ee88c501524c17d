import type { LocalText } from '../scheme/schema.js';
import type { LedgerRule } from './rule.js';

// The reward-and-punishment rules of the five seed programs, as the one catalog HR keeps. The schemes' plus/minus,
// deduction and pay rules are derived from these (scheme-link.ts), so each rule is written exactly once.

const t = (en: string, zh: string): LocalText => ({ en, zh });

/** Codes of the seed regulations (governance: the five programs published as policies). */
export const SEED_POLICY_CODES = {
  hotelAudit: 'POL-HOTEL-AUDIT',
  cafeteria: 'POL-CAFETERIA',
  nursing: 'POL-NURSING',
  workshop: 'POL-WORKSHOP',
  headquarters: 'POL-GROUP',
} as const;

const clause = (policyCode: string, en: string, zh: string) => ({ policyCode, clause: t(en, zh) });

type Row = readonly [id: string, amount: number, en: string, zh: string];

// Part 1, penalties: each breach deducts a stated number of points "each time".
const HOTEL_DEDUCTIONS: readonly Row[] = [
  ['handoverUnclear', 30, 'Unclear handover caused an error (receiver)', '交接不清造成工作差错（接班人）'],
  ['leftPostUnrecorded', 50, 'Left the post without recording it', '离岗未按要求登记'],
  ['messageNotFollowed', 30, "Did not follow up the day's messages and tasks", '未跟进每日留言事项及工作安排'],
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
];

// Part 1, reward points: a range per occasion.
const HOTEL_REWARDS: readonly (readonly [id: string, min: number, max: number, en: string, zh: string])[] = [
  ['overtimeDiligence', 20, 50, 'Worked overtime to finish tasks not due to own errors', '非本人原因加班完成任务'],
  ['activityRecognised', 20, 100, 'Recognised in hotel or group activities', '积极参加酒店、集团活动并获表彰'],
  ['proposalAdopted', 30, 50, 'Rationalisation proposal adopted', '合理化建议被采纳'],
  ['goodDeed', 20, 100, 'Good deeds', '好人好事'],
  ['excellentStaff', 50, 100, 'Named excellent staff of the hotel', '被评为酒店优秀员工'],
];

// Part 4, Articles 8, 9 and 11: penalties in working hours (fixed when the seed names one number).
const WORKSHOP_HOURS: readonly (readonly [id: string, min: number, max: number, en: string, zh: string])[] = [
  ['workwear', 1, 1, 'No work clothes or helmet, slippers, shorts or bare back (each time)', '未按规定穿工作服、戴安全帽，穿拖鞋、短裤、赤膊（每次）'],
  ['processViolation', 5, 7, 'Process or quality standard not followed after a warning', '警告后仍未按质量标准、工艺规程操作'],
  ['disobedience', 2, 2, 'Disobeying arrangements or abusive language (each time)', '不服从安排、辱骂他人（每次）'],
  ['personalAttack', 7, 7, 'Personal attack', '人身攻击'],
  ['qualityComplaint', 1, 7, 'Substandard work passed to the next process (per piece)', '不合格品流入下道工序（每件）'],
  ['waste', 1, 7, 'Obvious waste after discouragement', '劝阻后仍明显浪费'],
  ['obstruction', 7, 42, 'Deliberately restricting completion of production tasks', '故意限制生产任务完成'],
  ['hygiene', 1, 7, 'Workplace, equipment or area not clean', '岗位、设备或责任区卫生不合格'],
  ['equipmentFailure', 1, 7, 'High equipment failure rate through own cause', '因本人原因设备故障率高'],
  ['equipmentDamage', 2, 5, 'Rough operation damaging equipment (2-5 x the repair hours)', '野蛮操作损坏设备（维修工时的 2-5 倍）'],
  ['exam5S', 5, 7, 'Failed the 5S written examination', '5S 笔试不合格'],
];

// Part 3, plus/minus points.
const NURSING: readonly (readonly [id: string, kind: 'reward' | 'punishment', points: string, en: string, zh: string])[] = [
  ['praise', 'reward', '10', 'Oral or written praise from a patient', '获患者口头或书面表扬'],
  ['thesis', 'reward', '10', 'Published a thesis', '发表论文'],
  ['examTop', 'reward', '5', 'Top result in the theory or operation exam', '三基理论或技术操作考试成绩优异'],
  ['learning', 'reward', '0.5', 'Attended hospital business learning', '参加院内业务学习'],
  ['errorComplaint', 'punishment', '10', 'Error or patient complaint', '差错或患者投诉'],
  ['examFailed', 'punishment', '5', 'Failed the theory or operation exam', '三基理论或技术操作考试不及格'],
];

const hotel: LedgerRule[] = [
  ...HOTEL_REWARDS.map(([id, min, max, en, zh]): LedgerRule => ({
    code: `hotel.${id}`,
    name: t(en, zh),
    kind: 'reward',
    unit: 'points',
    amount: { kind: 'range', min: String(min), max: String(max) },
    perOccurrence: true,
    // A title is conferred once a year; the other rewards have no stated limit.
    caps: id === 'excellentStaff' ? [{ period: 'year', maxCount: 1 }] : [],
    settlement: 'appraisal',
    regulation: clause(SEED_POLICY_CODES.hotelAudit, 'Part 1, reward points', '第一部分 奖励加分'),
    program: 'hotelAudit',
    active: true,
  })),
  ...HOTEL_DEDUCTIONS.map(([id, points, en, zh]): LedgerRule => ({
    code: `hotel.${id}`,
    name: t(en, zh),
    kind: 'punishment',
    unit: 'points',
    amount: { kind: 'fixed', value: String(points) },
    perOccurrence: true,
    caps: [],
    settlement: 'appraisal',
    regulation: clause(SEED_POLICY_CODES.hotelAudit, 'Part 1, penalties and deductions', '第一部分 处罚扣分'),
    program: 'hotelAudit',
    active: true,
  })),
  {
    code: 'hotel.dailyWage',
    name: t("Day's wage by the day's points", '按当日得分计发当日工资'),
    kind: 'reward',
    unit: 'money',
    amount: { kind: 'computed' },
    perOccurrence: false,
    caps: [],
    settlement: 'payroll',
    regulation: clause(SEED_POLICY_CODES.hotelAudit, "Part 1: 100 points per day, linked to the day's wages", '第一部分 每日 100 分，与当日工资挂钩'),
    program: 'hotelAudit',
    active: true,
  },
];

const workshop: LedgerRule[] = [
  ...WORKSHOP_HOURS.map(([id, min, max, en, zh]): LedgerRule => ({
    code: `ws.${id}`,
    name: t(en, zh),
    kind: 'punishment',
    unit: 'hours',
    amount:
      id === 'equipmentDamage'
        ? // 2-5 x the repair hours; the basis bounds keep the scheme's accepted 1..200 hours.
          { kind: 'multiple', basis: t('repair hours', '维修工时'), minFactor: String(min), maxFactor: String(max), minBasis: '0.5', maxBasis: '40' }
        : min === max
          ? { kind: 'fixed', value: String(min) }
          : // Article 8 (7): "more than seven" up to forty-two hours.
            { kind: 'range', min: String(min), max: String(max), ...(id === 'obstruction' ? { minExclusive: true } : {}) },
    perOccurrence: id !== 'obstruction' && id !== 'equipmentDamage',
    caps: [],
    settlement: 'appraisal',
    accountingMonth: 'workshop',
    regulation: clause(
      SEED_POLICY_CODES.workshop,
      id === 'equipmentDamage' || id === 'equipmentFailure' ? 'Article 9: equipment assessment' : id === 'exam5S' ? 'Article 11: 5S learning' : 'Article 8: personnel assessment',
      id === 'equipmentDamage' || id === 'equipmentFailure' ? '第九条 设备考核' : id === 'exam5S' ? '第十一条 5S 学习' : '第八条 人员考核',
    ),
    program: 'workshop',
    active: true,
  })),
  {
    code: 'ws.rationalisation',
    name: t('Rationalisation proposal reward', '合理化建议奖励'),
    kind: 'reward',
    unit: 'money',
    amount: { kind: 'range', min: '10', max: '500' },
    perOccurrence: true,
    caps: [],
    settlement: 'appraisal',
    accountingMonth: 'workshop',
    regulation: clause(SEED_POLICY_CODES.workshop, 'Article 10: rationalisation proposals, 10 to 500 yuan', '第十条 合理化建议 10-500 元'),
    program: 'workshop',
    active: true,
  },
  {
    code: 'ws.outputPay',
    name: t('Output-value pay', '产值绩效工资'),
    kind: 'reward',
    unit: 'money',
    amount: { kind: 'computed' },
    perOccurrence: false,
    caps: [],
    settlement: 'payroll',
    accountingMonth: 'workshop',
    regulation: clause(SEED_POLICY_CODES.workshop, 'Articles 4-6: output value by tonnage and work hours', '第四至六条 按吨位和工时计算产值'),
    program: 'workshop',
    active: true,
  },
];

const nursing: LedgerRule[] = NURSING.map(([id, kind, points, en, zh]) => ({
  code: `nursing.${id}`,
  name: t(en, zh),
  kind,
  unit: 'points',
  amount: { kind: 'fixed', value: points },
  perOccurrence: true,
  caps: [],
  settlement: 'appraisal',
  regulation: clause(SEED_POLICY_CODES.nursing, 'Part 3, II: plus / minus points', '第三部分 二、加减分项目'),
  program: 'nursing',
  active: true,
}));

const cafeteria: LedgerRule[] = [
  {
    code: 'cafeteria.performancePay',
    name: t('Monthly performance pay by score band', '按得分档次发放月度绩效工资'),
    kind: 'reward',
    unit: 'money',
    amount: { kind: 'computed' },
    perOccurrence: false,
    caps: [],
    settlement: 'payroll',
    regulation: clause(SEED_POLICY_CODES.cafeteria, 'Part 2, IV.1: 80-100 points 100 %, 70-79 80 %, 60-69 60 %, below 60 none', '第二部分 四、1：80-100 分 100%，70-79 分 80%，60-69 分 60%，60 分以下全额扣发'),
    program: 'cafeteria',
    active: true,
  },
];

const headquarters: LedgerRule[] = [
  {
    code: 'hq.floatingPay',
    name: t('Floating pay against the average score', '按平均分浮动工资'),
    kind: 'reward',
    unit: 'money',
    amount: { kind: 'computed' },
    perOccurrence: false,
    caps: [],
    settlement: 'payroll',
    regulation: clause(SEED_POLICY_CODES.headquarters, 'Part 5, VIII.1: floating salary adjustment', '第五部分 八、1：浮动工资调整'),
    program: 'headquarters',
    active: true,
  },
  {
    code: 'hq.bonus',
    name: t('Bonus pool paid in full by score', '奖金按得分足额发放'),
    kind: 'reward',
    unit: 'money',
    amount: { kind: 'computed' },
    perOccurrence: false,
    caps: [],
    settlement: 'payroll',
    regulation: clause(SEED_POLICY_CODES.headquarters, 'Part 5, VIII.2: the bonus is issued in full', '第五部分 八、2：奖金足额发放'),
    program: 'headquarters',
    active: true,
  },
  // Honours (duty 11): the award money is HR's choice per program within these ranges (not stated by the seed).
  {
    code: 'group.honorExcellentEmployee',
    name: t('Annual excellent employee award', '年度优秀员工奖'),
    kind: 'reward',
    unit: 'money',
    amount: { kind: 'range', min: '500', max: '5000' },
    perOccurrence: false,
    caps: [{ period: 'year', maxCount: 1 }],
    settlement: 'payroll',
    component: 'honors',
    regulation: clause(SEED_POLICY_CODES.headquarters, 'Part 5, I.3: rewarding the good', '第五部分 一、3：奖优罚劣'),
    program: 'headquarters',
    active: true,
  },
  {
    code: 'group.honorExcellentTeam',
    name: t('Annual excellent team award (per member)', '年度优秀团队奖（每名成员）'),
    kind: 'reward',
    unit: 'money',
    amount: { kind: 'range', min: '200', max: '2000' },
    perOccurrence: false,
    caps: [{ period: 'year', maxCount: 1 }],
    settlement: 'payroll',
    component: 'honors',
    regulation: clause(SEED_POLICY_CODES.headquarters, 'Part 5, I.3: rewarding the good', '第五部分 一、3：奖优罚劣'),
    program: 'headquarters',
    active: true,
  },
];

/**
 * The seed catalog: every reward and punishment of the five programs, the computed pay they generate, and the
 * honours awards. Example: seedLedgerRules.find((r) => r.code === 'ws.rationalisation')?.amount -> { kind: 'range', min: '10', max: '500' }
 */
export const seedLedgerRules: readonly LedgerRule[] = [...hotel, ...workshop, ...nursing, ...cafeteria, ...headquarters];

/** A seed rule by code (throws when absent: seed data is a programming constant). Example: seedLedgerRule('hotel.goodDeed').kind -> 'reward' */
export function seedLedgerRule(code: string): LedgerRule {
  const rule = seedLedgerRules.find((r) => r.code === code);
  if (!rule) throw new Error(`no seed ledger rule ${code}`);
  return rule;
}
