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

// Article 7: besides the completion of working hours, the team assesses five aspects.
const aspects: readonly (readonly [id: string, code: string, en: string, zh: string])[] = [
  ['people', 'WS-PEOPLE', 'People: safety awareness, attitude, execution, service, following the rules', '人：安全意识、工作态度、执行力、服务意识、制度执行'],
  ['machine', 'WS-MACHINE', 'Machine: care, maintenance and use of the equipment in one\'s charge', '机：所辖设备的保养、维护与使用'],
  ['material', 'WS-MATERIAL', 'Material: cost awareness, reasonable use, reducing waste', '料：成本意识、合理用料、减少浪费'],
  ['method', 'WS-METHOD', 'Method: following the process procedures, quality for the next process', '法：严格按工艺规程生产，保证下道工序质量'],
  ['environment', 'WS-ENVIRONMENT', 'Environment: hygiene of the area and equipment, tools in order', '环：责任区与设备卫生，物品工具摆放有序'],
];

/** Part 4: the production workshop's output pay, split 55/45 between welding and integrated groups by work-ticket hours x completion. */
export const workshopScheme: SchemeDefinition = {
  formatVersion: 1,
  code: 'workshop',
  name: t('Production workshop output-value appraisal', '生产车间产值绩效考核'),
  description: t(
    'Output value (month revenue / kilograms produced x kilograms of finished products) split 55% welding group / 45% integrated group, within a group by work-ticket hours x completion factor; five-aspect assessment; penalties in working hours converted at an hourly rate; rationalisation rewards 10-500 yuan.',
    '产值（当月收入 ÷ 当月产量公斤数 × 合格成品公斤数）按焊工组 55%、综合组 45% 分配，组内按工票工时 × 完成系数分配；人机料法环五方面考核；处罚以工时计并按工时单价折算；合理化建议奖励 10-500 元。',
  ),
  period: 'month',
  notes: [
    'The accounting month runs from the 26th of the previous month to the 25th (calendar module).',
    'Output value = month revenue / kilograms produced in the month (the value per kilogram) x kilograms of finished products that passed inspection into the warehouse; semi-finished products and spare parts are not counted. It is rounded half up to cents before it is split.',
    'Completion is judged per work ticket: done in the allotted hours with the quality required 100%; not done and over by at most two hours 90%; over by more than two hours 80% (the seed says "more than four" and skips two to four hours; "more than two" is read as 80%); delivery affected, or not done for personal reasons or because of another process, 50%; bargaining with the team or workshop: the hours do not count (0%).',
    'A worker\'s man-hours are the sum over their work tickets of the ticket hours x the ticket\'s completion percent; within a group the group\'s output value is split by these man-hours, exactly to the cent.',
    'The seed also moves bargained hours to the worker who completed the work or to the workshop\'s incentive hours; that transfer is entered as a work ticket of that worker, not by this scheme.',
    'The appraisal score is the team leader\'s assessment of the five aspects of Article 7 (people, machine, material, method, environment); the seed gives no points for them, so each is worth 20 of 100. The score is reported with the result and does not change the output pay.',
    'Penalty hours convert to money at 8.05 yuan per hour: the unified base salary 1400 / (21.75 days x 8 hours) = 8.0459..., rounded half up to cents.',
    'Equipment damage is penalised at 2 to 5 times the repair hours; the team leader enters the resulting hours (1..200).',
    'Rationalisation rewards (10-500 yuan) are money adjustments paid with the output pay.',
    'Eligibility follows Article 3: regular first-line production staff, or anyone with written special approval; never with a written disciplinary decision.',
    'Schedule (Article 5): the accounting month is the work calendar\'s "workshop" convention (26th to 25th); "at the beginning of each month" is read as: team leaders rate from the 26th to the 3rd working day of the next calendar month, then the director calibrates within 2 working days before results go to finance.',
  ],
  sectionWeighting: 'weighted',
  sections: [
    {
      id: 'aspects',
      name: t('People, machine, material, method, environment', '人、机、料、法、环'),
      weight: '100',
      raters: [{ role: 'DIRECT_SUPERVISOR', weight: '100' }],
      missingRater: { policy: 'fail' },
      itemWeighting: 'points',
      items: aspects.map(([id, indicatorCode, en, zh]) => ({
        id,
        indicatorCode,
        name: t(en, zh),
        maxPoints: '20',
        method: { kind: 'range' as const, min: '0', max: '20' },
      })),
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
      outputValue: {
        inputs: [
          { name: 'revenue', label: t('Month revenue (yuan)', '当月收入（元）') },
          { name: 'kilogramsProduced', label: t('Kilograms produced in the month', '当月总产量（公斤）') },
          { name: 'finishedKilograms', label: t('Kilograms of finished products that passed inspection', '检验合格入库成品重量（公斤）') },
        ],
        formula: 'revenue / kilogramsProduced * finishedKilograms',
      },
      completionLevels: [
        { code: 'onTime', label: t('Done in the allotted hours, quality met', '规定工时内完成且质量合格'), percent: '100' },
        { code: 'overUpTo2h', label: t('Not done, over by at most two hours', '未完成，超时不超过两小时'), percent: '90' },
        { code: 'overMore', label: t('Over by more than two hours', '超时两小时以上'), percent: '80' },
        { code: 'delivery', label: t('Delivery affected, or not done for personal reasons', '影响交期或因个人原因未完成'), percent: '50' },
        { code: 'bargained', label: t('Bargained with the team or workshop: not counted', '与班组或车间讨价还价：不计工时'), percent: '0' },
      ],
    },
  ],
  eligibility: workshopOutputEligibility,
};
