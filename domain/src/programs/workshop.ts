import { workshopOutputEligibility } from '../eligibility/index.js';
import type { SchemeDefinition } from '../scheme/index.js';

const t = (en: string, zh: string) => ({ en, zh });

type HourRule = readonly [id: string, min: number, max: number, en: string, zh: string];

// Article 8, 9 and 11 penalties, all stated in working hours (fixed when the seed names one number).
const hourPenalties: readonly HourRule[] = [
  ['workwear', 1, 1, 'No work clothes or helmet, slippers, shorts or bare back (each time)', '未按规定穿工作服、戴安全帽，穿拖鞋、短裤、赤膊（每次）'],
  ['processViolation', 5, 7, 'Process or quality standard not followed after a warning', '警告后仍未按质量标准、工艺规程操作'],
  ['disobedience', 2, 2, 'Disobeying arrangements or abusive language (each time)', '不服从安排、辱骂他人（每次）'],
  ['personalAttack', 7, 7, 'Personal attack', '人身攻击'],
  ['qualityComplaint', 1, 7, 'Substandard work passed to the next process (per piece)', '不合格品流入下道工序（每件）'],
  ['waste', 1, 7, 'Obvious waste after discouragement', '劝阻后仍明显浪费'],
  ['obstruction', 7, 42, 'Deliberately restricting completion of production tasks', '故意限制生产任务完成'],
  ['hygiene', 1, 7, 'Workplace, equipment or area not clean', '岗位、设备或责任区卫生不合格'],
  ['equipmentFailure', 1, 7, 'High equipment failure rate through own cause', '因本人原因设备故障率高'],
  ['equipmentDamage', 1, 200, 'Rough operation damaging equipment (2-5 x the repair hours)', '野蛮操作损坏设备（维修工时的 2-5 倍）'],
  ['exam5S', 5, 7, 'Failed the 5S written examination', '5S 笔试不合格'],
];

/** Part 4: the production workshop's output pay, split 55/45 between welding and integrated groups by man-hours x completion. */
export const workshopScheme: SchemeDefinition = {
  formatVersion: 1,
  code: 'workshop',
  name: t('Production workshop output-value appraisal', '生产车间产值绩效考核'),
  description: t(
    'Output value split 55% welding group / 45% integrated group, within a group by man-hours x completion factor; penalties in working hours converted at an hourly rate; rationalisation rewards 10-500 yuan.',
    '产值按焊工组 55%、综合组 45% 分配，组内按工时 × 完成系数分配；处罚以工时计并按工时单价折算；合理化建议奖励 10-500 元。',
  ),
  period: 'month',
  notes: [
    'The accounting month runs from the 26th of the previous month to the 25th (calendar module); output value counts only finished products that passed inspection.',
    'The appraisal total is the completion percentage: 100 in time, 90 if over by at most two hours, 80 if over by more (the seed skips 2-4 hours; "more than two" is read as 80), 50 if the delivery date is affected or the work was not finished for personal reasons. The completion factor for output pay is total / 100.',
    'One completion percentage per person per accounting month; the team leader records the worst overrun of the month.',
    'Bargaining with the team or workshop (seed: hours not counted and deducted) is handled by reducing the man-hours supplied, not by this scheme.',
    'Penalty hours convert to money at 8.05 yuan per hour: the unified base salary 1400 / (21.75 days x 8 hours) = 8.0459..., rounded half up to cents.',
    'Equipment damage is penalised at 2 to 5 times the repair hours; the team leader enters the resulting hours (1..200).',
    'Rationalisation rewards (10-500 yuan) are money adjustments paid with the output pay.',
    'Eligibility follows Article 3: regular first-line production staff, or anyone with written special approval; never with a written disciplinary decision.',
    'Schedule (Article 5): the accounting month is the work calendar\'s "workshop" convention (26th to 25th); "at the beginning of each month" is read as: team leaders rate from the 26th to the 3rd working day of the next calendar month, then the director calibrates within 2 working days before results go to finance.',
  ],
  sectionWeighting: 'weighted',
  sections: [
    {
      id: 'completion',
      name: t('Work ticket completion', '工票完成情况'),
      weight: '100',
      raters: [{ role: 'DIRECT_SUPERVISOR', weight: '100' }],
      missingRater: { policy: 'fail' },
      itemWeighting: 'points',
      items: [
        {
          id: 'completionPercent',
          indicatorCode: 'WS-COMPLETION',
          name: t('Completion within the allotted hours', '规定工时内完成情况'),
          maxPoints: '100',
          method: {
            kind: 'formula',
            inputs: ['overrunHours', 'affectsDelivery', 'personalReason'],
            expression: 'if(affectsDelivery or personalReason, 50, if(overrunHours <= 0, 100, if(overrunHours <= 2, 90, 80)))',
          },
        },
      ],
    },
  ],
  adjustments: {
    rules: [
      ...hourPenalties.map(([id, min, max, en, zh]) => ({
        id,
        name: t(en, zh),
        direction: 'penalty' as const,
        unit: 'hours' as const,
        amount: min === max ? { kind: 'fixed' as const, value: String(min) } : { kind: 'range' as const, min: String(min), max: String(max) },
      })),
      {
        id: 'rationalisation',
        name: t('Rationalisation proposal reward', '合理化建议奖励'),
        direction: 'bonus',
        unit: 'money',
        amount: { kind: 'range', min: '10', max: '500' },
      },
    ],
    caps: {},
    hourRate: '8.05',
  },
  total: { floor: '0', cap: '100' },
  rounding: { places: 2, mode: 'halfUp', applyAt: ['total'] },
  rollups: [],
  schedule: {
    accountingMonth: 'workshop',
    periods: [
      {
        period: 'month',
        phases: [
          { phase: 'rating', opens: { from: 'periodEnd', days: 1, unit: 'calendar' }, closes: { from: 'periodMonth', monthOffset: 1, day: 3 }, postponeClose: true },
          { phase: 'calibration', opens: { from: 'phaseClose', phase: 'rating', days: 1, unit: 'working' }, closes: { from: 'phaseClose', phase: 'rating', days: 2, unit: 'working' }, postponeClose: false },
        ],
      },
    ],
    acknowledgementWorkingDays: 3,
  },
  pay: [
    {
      id: 'outputPay',
      name: t('Output-value pay', '产值绩效工资'),
      rule: { kind: 'poolSplit', weightBy: 'manHoursTimesCompletion', remainder: 'largestRemainder', rounding: { places: 2, mode: 'halfUp' } },
      groups: [
        { id: 'welding', name: t('Welding group', '焊工组'), sharePercent: '55' },
        { id: 'integrated', name: t('Integrated group', '综合组'), sharePercent: '45' },
      ],
    },
  ],
  eligibility: workshopOutputEligibility,
};
