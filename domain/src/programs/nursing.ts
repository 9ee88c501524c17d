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
    'The seed does not itemise the nursing department assessment; the template scores medical ethics (40), the three-basics theory exam (30) and the operation skills exam (30), each exam passed at 60% (18 of 30). The semi-annual operation exam result is carried into the months between exams.',
    'Patient satisfaction = satisfied / returned questionnaires x 100; a month without returned questionnaires counts as full marks (no evidence against the nurse).',
    'Bands for decimal totals: excellent (90, 100], good [80, 90], qualified [60, 80), unqualified [0, 60); the seed\'s integer bands "100-91, 90-80, 79-60, 59 or less" are the same on whole points.',
    'The total is capped at 100 and floored at 0 after plus/minus points, and rounded half up to 2 places.',
    'Failing the theory or the operation exam caps the grade at qualified (the seed: those who do not pass cannot be assessed as superior or competent; the four classes superior/competent/basically competent/incompetent map to excellent/good/qualified/unqualified). The -5 points for a failed exam are entered as a separate adjustment.',
    'Unexplained non-participation gives the lowest grade, unqualified.',
    'Distribution per department: at most 30% excellent, at most 50% good, and at least 20% qualified or lower ("general"); head counts are rounded half up (7 nurses: 2.1 -> 2 excellent, 3.5 -> 4 good, 1.4 -> 1 general). Ties rank by the head nurse assessment, then employee id.',
    'Plus/minus points have no caps in the seed; none are set.',
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
