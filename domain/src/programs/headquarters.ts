import type { SchemeDefinition } from '../scheme/index.js';

const t = (en: string, zh: string) => ({ en, zh });

const factors = [
  ['moral', '20', 'Morality: policy level, professionalism, professional ethics', '德：政策水平、敬业精神、职业道德'],
  ['ability', '30', 'Ability: expertise, business and organisational ability', '能：专业知识、业务能力、组织能力'],
  ['diligence', '20', 'Diligence: responsibility, attitude, attendance', '勤：责任心、工作态度、出勤'],
  ['performance', '30', 'Performance: quality, quantity, efficiency, innovation', '绩：工作质量与数量、效率、创新成果'],
] as const;

const levels = [
  ['outstanding', '100', 'Outstanding', '优秀'],
  ['good', '85', 'Good', '良好'],
  ['competent', '70', 'Competent', '称职'],
  ['improve', '55', 'Needs improvement', '待改进'],
  ['poor', '40', 'Poor', '差'],
] as const;

/** Part 5, Article 3: from the 25th of the period's last month to a day of the next month, postponed past days off. */
function part5Phases(closeDay: number): NonNullable<SchemeDefinition['schedule']>['periods'][number]['phases'] {
  const opens = { from: 'periodMonth' as const, monthOffset: 0, day: 25 };
  const closes = { from: 'periodMonth' as const, monthOffset: 1, day: closeDay };
  return [
    { phase: 'selfReview', opens, closes, postponeClose: true },
    { phase: 'rating', opens, closes, postponeClose: true },
    { phase: 'calibration', opens: { from: 'phaseClose', phase: 'rating', days: 1, unit: 'working' }, closes: { from: 'phaseClose', phase: 'rating', days: 3, unit: 'working' }, postponeClose: false },
    { phase: 'hrReview', opens: { from: 'phaseClose', phase: 'calibration', days: 1, unit: 'working' }, closes: { from: 'phaseClose', phase: 'calibration', days: 2, unit: 'working' }, postponeClose: false },
  ];
}

/** Part 5: group headquarters, self-assessment plus scale evaluation, period roll-ups by formula, floating pay and a bonus pool. */
export const headquartersScheme: SchemeDefinition = {
  formatVersion: 1,
  code: 'headquarters',
  name: t('Group headquarters employee appraisal', '集团总部员工绩效考核'),
  description: t(
    'Self-assessment combined with a scale evaluation by the direct supervisor, the supervisor in charge and HR; monthly results roll up into quarterly and annual results by formula; floating pay moves with the ratio to the average; the bonus pool is paid in full.',
    '自我评定与量表评定相结合，由直接上级、主管领导和人力资源部评定；月度结果按公式计入季度、年度结果；浮动工资按与平均分之比调整；奖金全额发放。',
  ),
  period: 'month',
  notes: [
    t(
      'The seed gives no weights for self-assessment and scale evaluation; the template uses self 20% and scale 80%, and within the scale direct supervisor 60%, supervisor in charge 20%, HR 20%; a missing rater\'s weight is spread over the others (renormalise).',
      '制度未规定自评与量表评价的权重；模板采用自评 20%、量表评价 80%，量表评价中直接上级 60%、分管领导 20%、人力资源部 20%；缺少的评价人权重按比例分摊给其他评价人（重新归一）。',
    ),
    t(
      'The four factors (moral, ability, diligence, performance) are weighted 20/30/20/30 and rated on a five-level scale (100/85/70/55/40).',
      '德、能、勤、绩四个因素权重为 20/30/20/30，按五级量表评分（100/85/70/55/40）。',
    ),
    t(
      'Quarterly result = (first month + second month) x 20% + the quarter\'s own appraisal x 60%, as in the seed for Q2 and Q3; Q1 uses January and February the same way. The weights sum to 100%.',
      '季度结果 = （第一个月 + 第二个月）× 20% + 本季度考核 × 60%，与制度中第二、三季度的规定一致；第一季度同样使用一月和二月。权重合计 100%。',
    ),
    t(
      'Annual result = (Q1 + Q2 + Q3) x 5% + (October + November) x 5% + the annual appraisal x 75%: 15% + 10% + 75% = 100%, so the seed\'s weights are used as given; December is covered by the annual appraisal.',
      '年度结果 = （Q1 + Q2 + Q3）× 5% + （十月 + 十一月）× 5% + 年度考核 × 75%：15% + 10% + 75% = 100%，因此按制度给定的权重使用；十二月由年度考核涵盖。',
    ),
    t(
      'Half-year result (middle-level cadres, no formula in the seed) = the average of the two quarter results.',
      '半年结果（中层干部，制度未给公式）= 两个季度结果的平均值。',
    ),
    t(
      'Scores and roll-ups are rounded half up to 2 places.',
      '得分和汇总结果四舍五入保留 2 位小数。',
    ),
    t(
      'Schedule (Article 3): monthly appraisals run from the 25th to the 5th of the next month in January, February, April, May, July, August, October and November; quarterly ones from the 25th of March, June and September to the 5th of the next month; the half-year one from June 25 to July 10; the annual one from December 25 to January 25. A close date on a day off is postponed to the next working day. Self-review and rating share the window; HR then calibrates within 3 working days and reviews within 2 more.',
      '时间安排（第三条）：月度考核在一、二、四、五、七、八、十、十一月的 25 日至次月 5 日进行；季度考核在三、六、九月的 25 日至次月 5 日进行；半年考核在 6 月 25 日至 7 月 10 日进行；年度考核在 12 月 25 日至次年 1 月 25 日进行。截止日遇休息日顺延至下一个工作日。自评与评分共用同一时间段；之后人力资源部在 3 个工作日内校准，再在 2 个工作日内审核。',
    ),
    t(
      'A quarter, half-year or annual result needs every child result; a missing one is an error (no roll-up policy is set), so HR resolves it before publishing.',
      '季度、半年或年度结果需要全部下级结果；缺少任何一个即为错误（未设置汇总规则），人力资源部须在公布前处理。',
    ),
    t(
      'Floating pay = base x score / average score of the group (above the average up by the proportion of excess, below down by the proportion of the gap, equal unchanged); the group is the set of appraisals priced together.',
      '浮动工资 = 基数 × 得分 / 组内平均分（高于平均按超出比例上浮，低于平均按差距比例下浮，等于平均不变）；组指一起计价的考核集合。',
    ),
    t(
      'The bonus pool is split in proportion to the scores and always sums exactly to the pool (largest remainder in cents, ties by employee id).',
      '奖金池按得分比例分配，合计始终精确等于奖金池（按分计算的最大余数法，余数相同时按员工编号）。',
    ),
  ],
  sectionWeighting: 'weighted',
  sections: [
    {
      id: 'self',
      name: t('Self-assessment', '自我评定'),
      weight: '20',
      raters: [{ role: 'SELF', weight: '100' }],
      missingRater: { policy: 'fail' },
      itemWeighting: 'weighted',
      items: factors.map(([id, weight, en, zh]) => ({
        id: `self_${id}`,
        indicatorCode: `HQ-${id.toUpperCase()}`,
        name: t(en, zh),
        maxPoints: '100',
        weight,
        method: { kind: 'range' as const, min: '0', max: '100' },
      })),
    },
    {
      id: 'scale',
      name: t('Scale evaluation', '量表评定'),
      weight: '80',
      raters: [
        { role: 'DIRECT_SUPERVISOR', weight: '60' },
        { role: 'SECOND_LEVEL_SUPERVISOR', weight: '20' },
        { role: 'HR', weight: '20' },
      ],
      missingRater: { policy: 'renormalise' },
      itemWeighting: 'weighted',
      items: factors.map(([id, weight, en, zh]) => ({
        id,
        indicatorCode: `HQ-${id.toUpperCase()}`,
        name: t(en, zh),
        maxPoints: '100',
        weight,
        method: { kind: 'rubric' as const, levels: levels.map(([code, points, len, lzh]) => ({ code, points, label: t(len, lzh) })) },
      })),
    },
  ],
  adjustments: { rules: [], caps: {} },
  total: { floor: '0', cap: '100' },
  rounding: { places: 2, mode: 'halfUp', applyAt: ['total', 'rollup'] },
  rollups: [
    {
      id: 'quarterly',
      name: t('Quarterly result', '季度考核结果'),
      period: 'quarter',
      inputs: [
        { name: 'month1', label: t('First month of the quarter', '季度第一个月'), source: { period: 'month', index: 1, use: 'own' } },
        { name: 'month2', label: t('Second month of the quarter', '季度第二个月'), source: { period: 'month', index: 2, use: 'own' } },
        { name: 'quarter', label: t("The quarter's own appraisal", '本季度考核得分'), source: { period: 'quarter', index: 1, use: 'own' } },
      ],
      formula: '(month1 + month2) * 20% + quarter * 60%',
    },
    {
      id: 'halfYear',
      name: t('Half-year result', '半年度考核结果'),
      period: 'half',
      inputs: [
        { name: 'q1', label: t('First quarter result', '第一季度结果'), source: { period: 'quarter', index: 1, use: 'result' } },
        { name: 'q2', label: t('Second quarter result', '第二季度结果'), source: { period: 'quarter', index: 2, use: 'result' } },
      ],
      formula: 'avg(q1, q2)',
    },
    {
      id: 'annual',
      name: t('Annual result', '年度考核结果'),
      period: 'year',
      inputs: [
        { name: 'q1', label: t('First quarter result', '第一季度结果'), source: { period: 'quarter', index: 1, use: 'result' } },
        { name: 'q2', label: t('Second quarter result', '第二季度结果'), source: { period: 'quarter', index: 2, use: 'result' } },
        { name: 'q3', label: t('Third quarter result', '第三季度结果'), source: { period: 'quarter', index: 3, use: 'result' } },
        { name: 'october', label: t('October', '10 月'), source: { period: 'month', index: 10, use: 'own' } },
        { name: 'november', label: t('November', '11 月'), source: { period: 'month', index: 11, use: 'own' } },
        { name: 'annual', label: t('The annual appraisal', '年度考核得分'), source: { period: 'year', index: 1, use: 'own' } },
      ],
      formula: '(q1 + q2 + q3) * 5% + (october + november) * 5% + annual * 75%',
    },
  ],
  schedule: {
    periods: [
      { period: 'month', anchorMonths: [1, 2, 4, 5, 7, 8, 10, 11], phases: part5Phases(5) },
      { period: 'quarter', anchorMonths: [3, 6, 9], phases: part5Phases(5) },
      { period: 'half', anchorMonths: [6], phases: part5Phases(10) },
      { period: 'year', phases: part5Phases(25) },
    ],
    acknowledgementWorkingDays: 5,
  },
  pay: [
    { id: 'floatingPay', name: t('Floating pay', '浮动工资'), rule: { kind: 'floatingByAverage', rounding: { places: 2, mode: 'halfUp' } }, ledgerRule: 'hq.floatingPay' },
    {
      id: 'bonus',
      name: t('Bonus', '奖金'),
      ledgerRule: 'hq.bonus',
      rule: { kind: 'poolSplit', weightBy: 'score', remainder: 'largestRemainder', rounding: { places: 2, mode: 'halfUp' } },
    },
  ],
};
