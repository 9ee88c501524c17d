import { workshopOutputEligibility } from '../eligibility/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { seedLedgerRules } from '../ledger/seed-rules.js';
import { adjustmentRulesFrom } from '../ledger/scheme-link.js';

const t = (en: string, zh: string) => ({ en, zh });

// Article 8, 9, 11 penalties in working hours and Article 10's rationalisation rewards: the catalog's rules.
const workshopAdjustmentCodes = seedLedgerRules.filter((r) => r.program === 'workshop' && r.settlement === 'appraisal').map((r) => r.code);

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
    t(
      'The accounting month runs from the 26th of the previous month to the 25th (calendar module).',
      '核算月为上月 26 日至本月 25 日（日历模块）。',
    ),
    t(
      'Output value = month revenue / kilograms produced in the month (the value per kilogram) x kilograms of finished products that passed inspection into the warehouse; semi-finished products and spare parts are not counted. It is rounded half up to cents before it is split.',
      '产值 = 当月收入 / 当月生产公斤数（每公斤产值）× 检验合格入库的成品公斤数；半成品和零配件不计。产值在分配前四舍五入到分。',
    ),
    t(
      'Completion is judged per work ticket: done in the allotted hours with the quality required 100%; not done and over by at most two hours 90%; over by more than two hours 80% (the seed says "more than four" and skips two to four hours; "more than two" is read as 80%); delivery affected, or not done for personal reasons or because of another process, 50%; bargaining with the team or workshop: the hours do not count (0%).',
      '按工票判定完成情况：在规定工时内按质完成 100%；未完成且超时不超过两小时 90%；超时两小时以上 80%（制度写“超过四小时”而未规定二至四小时，此处将“超过两小时”按 80% 处理）；影响交货，或因个人原因、因其他工序未完成的 50%；与班组或车间讨价还价的，工时不计（0%）。',
    ),
    t(
      'A worker\'s man-hours are the sum over their work tickets of the ticket hours x the ticket\'s completion percent; within a group the group\'s output value is split by these man-hours, exactly to the cent.',
      '员工的工时 = 各工票工时 × 该工票完成百分比之和；班组产值按这些工时在组内分配，精确到分。',
    ),
    t(
      'The seed also moves bargained hours to the worker who completed the work or to the workshop\'s incentive hours; that transfer is entered as a work ticket of that worker, not by this scheme.',
      '制度还规定将讨价还价的工时转给完成该工作的员工或车间的激励工时；该转移作为该员工的工票录入，不由本方案处理。',
    ),
    t(
      'The appraisal score is the team leader\'s assessment of the five aspects of Article 7 (people, machine, material, method, environment); the seed gives no points for them, so each is worth 20 of 100. The score is reported with the result and does not change the output pay.',
      '考核得分为班组长对第七条五个方面（人、机、料、法、环）的评价；制度未规定各方面分值，因此每项按 100 分中的 20 分计。得分随结果一并报告，不影响产值工资。',
    ),
    t(
      'Penalty hours convert to money at 8.05 yuan per hour: the unified base salary 1400 / (21.75 days x 8 hours) = 8.0459..., rounded half up to cents.',
      '扣罚工时按每小时 8.05 元折算为金额：统一基本工资 1400 / (21.75 天 × 8 小时) = 8.0459…，四舍五入到分。',
    ),
    t(
      'Equipment damage is penalised at 2 to 5 times the repair hours; the team leader enters the resulting hours (1..200).',
      '设备损坏按修理工时的 2 至 5 倍扣罚；由班组长录入折算后的工时（1..200）。',
    ),
    t(
      'Rationalisation rewards (10-500 yuan) are money adjustments paid with the output pay.',
      '合理化建议奖励（10-500 元）作为金额调整项，随产值工资一并发放。',
    ),
    t(
      'Eligibility follows Article 3: regular first-line production staff, or anyone with written special approval; never with a written disciplinary decision.',
      '考核范围按第三条：一线生产正式员工，或经书面特批的人员；受到书面纪律处分的人员一律不参加。',
    ),
    t(
      'Schedule (Article 5): the accounting month is the work calendar\'s "workshop" convention (26th to 25th); "at the beginning of each month" is read as: team leaders rate from the 26th to the 3rd working day of the next calendar month, then the director calibrates within 2 working days before results go to finance.',
      '时间安排（第五条）：核算月采用工作日历的“车间”口径（26 日至 25 日）；“每月初”理解为：班组长在 26 日至下一自然月第 3 个工作日进行评分，之后车间主任在 2 个工作日内校准，结果再报财务。',
    ),
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
    rules: adjustmentRulesFrom(seedLedgerRules, workshopAdjustmentCodes),
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
      ledgerRule: 'ws.outputPay',
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
