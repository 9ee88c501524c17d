import type { SchemeDefinition } from '../scheme/index.js';
import { seedLedgerRules } from '../ledger/seed-rules.js';
import { adjustmentRulesFrom } from '../ledger/scheme-link.js';

const t = (en: string, zh: string) => ({ en, zh });

const headNurseItems = [
  ['workCompletion', 'Work completion', '工作完成情况'],
  ['businessAbility', 'Business ability', '业务能力'],
  ['workEfficiency', 'Work efficiency', '工作效率'],
  ['workQuality', 'Quality of work', '工作质量'],
  ['laborDiscipline', 'Labour discipline', '劳动纪律'],
  ['attitude', 'Attitude', '工作态度'],
  ['attendance', 'Attendance', '出勤'],
  ['solidarity', 'Solidarity and cooperation', '团结协作'],
  ['errorsAccidents', 'Errors and accidents', '差错事故发生情况'],
  ['serviceAttitude', 'Service attitude', '服务态度'],
] as const;

/** Part 3: hospital nursing, head nurse 30% + nursing department 30% + patient satisfaction 40% + plus/minus points. */
export const nursingScheme: SchemeDefinition = {
  formatVersion: 1,
  code: 'nursing',
  name: t('Nursing staff monthly performance appraisal', '护理人员月度绩效考核'),
  description: t(
    'Total = 30% head nurse assessment + 30% nursing department assessment + 40% patient satisfaction + personal plus/minus points; forced distribution 30/50/20 per department.',
    '个人绩效总分 = 护士长考核 30% + 护理部考核 30% + 病区患者满意度 40% + 个人加减分；科室内按 30/50/20 比例分布。',
  ),
  period: 'month',
  notes: [
    t(
      'The seed does not itemise the nursing department assessment; the template scores medical ethics (40), the three-basics theory exam (30) and the operation skills exam (30), each exam passed at 60% (18 of 30). The semi-annual operation exam result is carried into the months between exams.',
      '制度未细化护理部考核内容；模板考核医德医风（40）、三基理论考试（30）和操作技能考试（30），每项考试 60%（30 分中 18 分）为及格。半年一次的操作考试成绩沿用到两次考试之间的各月。',
    ),
    t(
      'Patient satisfaction = satisfied / returned questionnaires x 100; a month without returned questionnaires counts as full marks (no evidence against the nurse).',
      '患者满意度 = 满意份数 / 回收问卷份数 × 100；当月没有回收问卷的按满分计（没有不利于该护士的证据）。',
    ),
    t(
      'Bands for decimal totals: excellent (90, 100], good [80, 90], qualified [60, 80), unqualified [0, 60); the seed\'s integer bands "100-91, 90-80, 79-60, 59 or less" are the same on whole points.',
      '小数总分的分档：优秀 (90, 100]，良好 [80, 90]，合格 [60, 80)，不合格 [0, 60)；制度中的整数分档“100-91、90-80、79-60、59 分及以下”在整数分上与此相同。',
    ),
    t(
      'The total is capped at 100 and floored at 0 after plus/minus points, and rounded half up to 2 places.',
      '加减分后总分上限 100、下限 0，四舍五入保留 2 位小数。',
    ),
    t(
      'Failing the theory or the operation exam caps the grade at qualified (the seed: those who do not pass cannot be assessed as superior or competent; the four classes superior/competent/basically competent/incompetent map to excellent/good/qualified/unqualified). The -5 points for a failed exam are entered as a separate adjustment.',
      '理论或操作考试不及格者，等级最高为合格（制度：考试不合格者不得评为优秀或称职；优秀/称职/基本称职/不称职四档对应优秀/良好/合格/不合格）。考试不及格扣 5 分作为单独的加减分录入。',
    ),
    t(
      'Unexplained non-participation gives the lowest grade, unqualified.',
      '无正当理由不参加考核的，评为最低等级不合格。',
    ),
    t(
      'Distribution per department: at most 30% excellent, at most 50% good, and at least 20% qualified or lower ("general"); head counts are rounded half up (7 nurses: 2.1 -> 2 excellent, 3.5 -> 4 good, 1.4 -> 1 general). Ties rank by the head nurse assessment, then employee id.',
      '按科室控制比例：优秀不超过 30%，良好不超过 50%，合格及以下（“一般”）不少于 20%；人数四舍五入（7 名护士：2.1 → 2 名优秀，3.5 → 4 名良好，1.4 → 1 名一般）。同分时按护士长评分排序，再按员工编号排序。',
    ),
    t(
      'Plus/minus points have no caps in the seed; none are set.',
      '制度未规定加减分上限；本方案不设上限。',
    ),
  ],
  sectionWeighting: 'weighted',
  sections: [
    {
      id: 'headNurse',
      name: t('Head nurse assessment', '护士长考核'),
      weight: '30',
      raters: [{ role: 'DIRECT_SUPERVISOR', weight: '100' }],
      missingRater: { policy: 'fail' },
      itemWeighting: 'points',
      items: headNurseItems.map(([id, en, zh]) => ({
        id,
        indicatorCode: `NURSE-HN-${id.toUpperCase()}`,
        name: t(en, zh),
        maxPoints: '10',
        method: { kind: 'range' as const, min: '0', max: '10' },
      })),
    },
    {
      id: 'nursingDept',
      name: t('Nursing department assessment', '护理部考核'),
      weight: '30',
      raters: [{ role: 'DEPARTMENT', weight: '100' }],
      missingRater: { policy: 'fail' },
      itemWeighting: 'points',
      items: [
        { id: 'medicalEthics', indicatorCode: 'NURSE-ETHICS', name: t('Medical ethics', '医德医风'), maxPoints: '40', method: { kind: 'range', min: '0', max: '40' } },
        {
          id: 'theoryExam',
          indicatorCode: 'NURSE-3B-THEORY',
          name: t('Three-basics theory exam', '三基理论考试'),
          maxPoints: '30',
          passMark: '18',
          method: { kind: 'range', min: '0', max: '30' },
        },
        {
          id: 'operationExam',
          indicatorCode: 'NURSE-3B-OPERATION',
          name: t('Operation skills exam', '技术操作考试'),
          maxPoints: '30',
          passMark: '18',
          method: { kind: 'range', min: '0', max: '30' },
        },
      ],
    },
    {
      id: 'satisfaction',
      name: t('Inpatient satisfaction', '住院患者满意度'),
      weight: '40',
      raters: [{ role: 'SURVEY', weight: '100' }],
      missingRater: { policy: 'fail' },
      itemWeighting: 'points',
      items: [
        {
          id: 'patientSatisfaction',
          indicatorCode: 'NURSE-SATISFACTION',
          name: t('Patient satisfaction questionnaire', '患者满意度问卷'),
          maxPoints: '100',
          method: {
            kind: 'formula',
            inputs: ['satisfied', 'returned'],
            expression: 'if(returned > 0, satisfied / returned * maxPoints, maxPoints)',
          },
        },
      ],
    },
  ],
  adjustments: {
    // The plus/minus points of Part 3 are the catalog's nursing rules.
    rules: adjustmentRulesFrom(seedLedgerRules, seedLedgerRules.filter((r) => r.program === 'nursing').map((r) => r.code)),
    caps: {},
  },
  total: { floor: '0', cap: '100' },
  rounding: { places: 2, mode: 'halfUp', applyAt: ['total'] },
  rollups: [],
  grades: {
    bands: [
      { grade: 'excellent', label: t('Excellent', '优秀'), min: '90', minInclusive: false, max: '100', maxInclusive: true },
      { grade: 'good', label: t('Good', '良好'), min: '80', minInclusive: true, max: '90', maxInclusive: true },
      { grade: 'qualified', label: t('Qualified', '合格'), min: '60', minInclusive: true, max: '80', maxInclusive: false },
      { grade: 'unqualified', label: t('Unqualified', '不合格'), min: '0', minInclusive: true, max: '60', maxInclusive: false },
    ],
    rules: [
      { kind: 'nonParticipation', grade: 'unqualified' },
      { kind: 'failedItemCap', items: ['theoryExam', 'operationExam'], capGrade: 'qualified' },
    ],
  },
  distribution: {
    groupBy: 'department',
    rounding: 'halfUp',
    quotas: [
      { grade: 'excellent', bound: 'max', percent: '30', cumulative: false },
      { grade: 'good', bound: 'max', percent: '50', cumulative: false },
      { grade: 'qualified', bound: 'min', percent: '20', cumulative: true },
    ],
    tieBreak: { sections: ['headNurse'] },
  },
  pay: [],
  eligibility: { field: 'category', op: 'eq', value: 'nursing' },
};
