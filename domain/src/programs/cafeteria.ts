import type { SchemeDefinition } from '../scheme/index.js';

const t = (en: string, zh: string) => ({ en, zh });

const months = Array.from({ length: 12 }, (_, i) => `month${i + 1}`);

/** Part 2: the cafeteria's monthly 100-point appraisal mapped to a percentage of the performance pay base. */
export const cafeteriaScheme: SchemeDefinition = {
  formatVersion: 1,
  code: 'cafeteria',
  name: t('Cafeteria staff monthly appraisal', '食堂员工月度绩效考核'),
  description: t(
    'Monthly score out of 100: 80-100 pays 100%, 70-79 80%, 60-69 60%, below 60 nothing of the performance pay base (900 or 600).',
    '月度百分制：80-100 分发放 100%，70-79 分 80%，60-69 分 60%，60 分以下全额扣除绩效工资（基数 900 或 600）。',
  ),
  period: 'month',
  notes: [
    t(
      'The indicators live in separate implementation rules the seed does not include; the template ships five items (hygiene 25, food quality 25, service 20, discipline 15, safety 15) for HR to replace.',
      '考核指标见制度未收录的实施细则；模板提供五项（卫生 25、食品质量 25、服务 20、纪律 15、安全 15），由人力资源部替换。',
    ),
    t(
      'The total is rounded half up to whole points before banding, so the seed\'s integer bands read naturally: 79.5 counts as 80 (100% pay), 69.4 as 69 (60%).',
      '总分在套用分档前四舍五入到整数，使制度的整数分档自然成立：79.5 分按 80 分计（发放 100%），69.4 分按 69 分计（60%）。',
    ),
    t(
      'Bands: [80, 100] 100%, [70, 80) 80%, [60, 70) 60%, [0, 60) 0%; "60 points or less" in the seed contradicts "60-69 -> 60%", so 60 itself pays 60%.',
      '分档：[80, 100] 100%，[70, 80) 80%，[60, 70) 60%，[0, 60) 0%；制度中“60 分及以下”与“60-69 分 → 60%”相矛盾，因此 60 分按 60% 发放。',
    ),
    t(
      'The performance pay base is a per-position fact (900 or 600 yuan; 1200/800 if overtime is calculated separately) supplied with each appraisal.',
      '绩效工资基数是按岗位确定的数据（900 元或 600 元；加班另计的为 1200/800 元），随每次考核提供。',
    ),
    t(
      'Annual result = average of the 12 monthly totals, rounded to 2 places; averaging each item and adding gives the same number because the total is a sum.',
      '年度结果 = 12 个月总分的平均值，保留 2 位小数；由于总分是各项之和，先平均各项再相加结果相同。',
    ),
    t(
      'Schedule: a month is rated from the 1st to the 5th of the next month ("before the 5th of the next month, postponed in case of holidays"); the annual result is computed by HR from January 1 to January 15 ("before January 15"), postponed the same way. The supervisor then has 2 working days for calibration.',
      '时间安排：每月考核在次月 1 日至 5 日进行（“次月 5 日前，遇节假日顺延”）；年度结果由人力资源部在 1 月 1 日至 1 月 15 日计算（“1 月 15 日前”），同样顺延。之后主管有 2 个工作日进行校准。',
    ),
    t(
      'A month without a result (e.g. a cook who joined in March) is left out of the annual average (roll-up policy averageOfPresent, at least 1 month); the seed\'s "12 monthly assessments" assumes a full year.',
      '没有考核结果的月份（例如 3 月入职的厨师）不计入年度平均（汇总规则“按实有月份平均”，至少 1 个月）；制度中的“12 个月考核”以全年在岗为前提。',
    ),
    t(
      'Appeals (Part 2, VI): the management level answers within seven working days of receiving the appeal; the seed states no filing window, so an appeal may be filed within 5 working days of publication.',
      '申诉（第二部分第六条）：管理层在收到申诉后七个工作日内答复；制度未规定提出申诉的期限，因此可在结果公布后 5 个工作日内提出。',
    ),
  ],
  sectionWeighting: 'weighted',
  sections: [
    {
      id: 'monthly',
      name: t('Monthly performance', '月度工作表现'),
      weight: '100',
      raters: [{ role: 'DIRECT_SUPERVISOR', weight: '100' }],
      missingRater: { policy: 'fail' },
      itemWeighting: 'points',
      items: [
        ['hygiene', '25', 'Hygiene and food safety', '卫生与食品安全'],
        ['foodQuality', '25', 'Food quality', '饭菜质量'],
        ['service', '20', 'Service attitude', '服务态度'],
        ['discipline', '15', 'Attendance and discipline', '出勤与劳动纪律'],
        ['safety', '15', 'Safe operation and saving', '安全操作与节约'],
      ].map(([id = '', max = '0', en = '', zh = '']) => ({
        id,
        indicatorCode: `CAFE-${id.toUpperCase()}`,
        name: t(en, zh),
        maxPoints: max,
        method: { kind: 'range' as const, min: '0', max },
      })),
    },
  ],
  adjustments: { rules: [], caps: {} },
  total: { floor: '0', cap: '100' },
  rounding: { places: 0, mode: 'halfUp', applyAt: ['total'] },
  rollups: [
    {
      id: 'annual',
      name: t('Annual result', '年度考核结果'),
      period: 'year',
      inputs: months.map((m, i) => ({ name: m, label: t(`Month ${i + 1}`, `${i + 1} 月`), source: { period: 'month' as const, index: i + 1, use: 'own' as const } })),
      formula: `round(avg(${months.join(', ')}), 2)`,
      missing: { policy: 'averageOfPresent', minPresent: 1 },
    },
  ],
  schedule: {
    periods: [
      {
        period: 'month',
        phases: [
          { phase: 'rating', opens: { from: 'periodMonth', monthOffset: 1, day: 1 }, closes: { from: 'periodMonth', monthOffset: 1, day: 5 }, postponeClose: true },
          { phase: 'calibration', opens: { from: 'phaseClose', phase: 'rating', days: 1, unit: 'working' }, closes: { from: 'phaseClose', phase: 'rating', days: 2, unit: 'working' }, postponeClose: false },
        ],
      },
      {
        period: 'year',
        phases: [{ phase: 'hrReview', opens: { from: 'periodMonth', monthOffset: 1, day: 1 }, closes: { from: 'periodMonth', monthOffset: 1, day: 15 }, postponeClose: true }],
      },
    ],
    acknowledgementWorkingDays: 3,
  },
  grades: {
    bands: [
      { grade: 'A', label: t('Level A (100% pay)', '一档（绩效工资 100%）'), min: '80', minInclusive: true, max: '100', maxInclusive: true },
      { grade: 'B', label: t('Level B (80% pay)', '二档（绩效工资 80%）'), min: '70', minInclusive: true, max: '80', maxInclusive: false },
      { grade: 'C', label: t('Level C (60% pay)', '三档（绩效工资 60%）'), min: '60', minInclusive: true, max: '70', maxInclusive: false },
      { grade: 'D', label: t('Level D (no pay)', '四档（全额扣除）'), min: '0', minInclusive: true, max: '60', maxInclusive: false },
    ],
    rules: [],
  },
  pay: [
    {
      id: 'performancePay',
      name: t('Monthly performance pay', '月度绩效工资'),
      ledgerRule: 'cafeteria.performancePay',
      rule: {
        kind: 'scorePercentOfBase',
        bands: [
          { min: '80', max: '100', minInclusive: true, maxInclusive: true, percent: '100' },
          { min: '70', max: '80', minInclusive: true, maxInclusive: false, percent: '80' },
          { min: '60', max: '70', minInclusive: true, maxInclusive: false, percent: '60' },
          { min: '0', max: '60', minInclusive: true, maxInclusive: false, percent: '0' },
        ],
        rounding: { places: 2, mode: 'halfUp' },
      },
    },
  ],
  appeals: { windowWorkingDays: 5, responseWorkingDays: 7, committeeHandles: false },
};
