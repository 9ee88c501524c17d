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
    'The indicators live in separate implementation rules the seed does not include; the template ships five items (hygiene 25, food quality 25, service 20, discipline 15, safety 15) for HR to replace.',
    'The total is rounded half up to whole points before banding, so the seed\'s integer bands read naturally: 79.5 counts as 80 (100% pay), 69.4 as 69 (60%).',
    'Bands: [80, 100] 100%, [70, 80) 80%, [60, 70) 60%, [0, 60) 0%; "60 points or less" in the seed contradicts "60-69 -> 60%", so 60 itself pays 60%.',
    'The performance pay base is a per-position fact (900 or 600 yuan; 1200/800 if overtime is calculated separately) supplied with each appraisal.',
    'Annual result = average of the 12 monthly totals, rounded to 2 places; averaging each item and adding gives the same number because the total is a sum.',
    'Schedule: a month is rated from the 1st to the 5th of the next month ("before the 5th of the next month, postponed in case of holidays"); the annual result is computed by HR from January 1 to January 15 ("before January 15"), postponed the same way. The supervisor then has 2 working days for calibration.',
    'A month without a result (e.g. a cook who joined in March) is left out of the annual average (roll-up policy averageOfPresent, at least 1 month); the seed\'s "12 monthly assessments" assumes a full year.',
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
};
