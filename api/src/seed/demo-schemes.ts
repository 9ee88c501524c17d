/**
 * The indicator library and the five seed programs as published schemes, derived from the engine's documents
 * so the demo never drifts from them.
 */
import { type SchemeDefinition, type SeedProgramKey, seedPrograms, seedProgramNames } from '@appraisal/domain';
import { IndicatorScoringMethod, MeasurementSource } from '../modules/indicators/indicator.entity.js';

/** Categories the seed programs use (moral/ability/..., people/machine/..., work discipline/...), plus ethics, satisfaction, output. */
export const demoIndicatorCategories = [
  { code: 'MORAL', name: 'Morality', nameZh: '德' },
  { code: 'ABILITY', name: 'Ability', nameZh: '能' },
  { code: 'DILIGENCE', name: 'Diligence', nameZh: '勤' },
  { code: 'PERFORMANCE', name: 'Performance', nameZh: '绩' },
  { code: 'PEOPLE', name: 'People', nameZh: '人' },
  { code: 'MACHINE', name: 'Machine', nameZh: '机' },
  { code: 'MATERIAL', name: 'Material', nameZh: '料' },
  { code: 'METHOD', name: 'Method', nameZh: '法' },
  { code: 'ENVIRONMENT', name: 'Environment', nameZh: '环' },
  { code: 'WORK-DISCIPLINE', name: 'Work discipline', nameZh: '工作纪律' },
  { code: 'WORK-ATTITUDE', name: 'Work attitude', nameZh: '工作态度' },
  { code: 'BUSINESS-KNOWLEDGE', name: 'Business knowledge', nameZh: '业务知识' },
  { code: 'QUALITY-OF-WORK', name: 'Quality of work', nameZh: '工作质量' },
  { code: 'ETHICS', name: 'Ethics', nameZh: '医德医风' },
  { code: 'SATISFACTION', name: 'Satisfaction', nameZh: '满意度' },
  { code: 'OUTPUT', name: 'Output', nameZh: '产出' },
] as const;

type CategoryCode = (typeof demoIndicatorCategories)[number]['code'];

/** Which category each indicator of the seed programs belongs to. */
const INDICATOR_CATEGORY: Record<string, CategoryCode> = {
  'HOTEL-AUDIT-DAILY': 'WORK-DISCIPLINE',
  'CAFE-HYGIENE': 'ENVIRONMENT',
  'CAFE-FOODQUALITY': 'MATERIAL',
  'CAFE-SERVICE': 'PEOPLE',
  'CAFE-DISCIPLINE': 'METHOD',
  'CAFE-SAFETY': 'MACHINE',
  'NURSE-HN-WORKCOMPLETION': 'PERFORMANCE',
  'NURSE-HN-BUSINESSABILITY': 'BUSINESS-KNOWLEDGE',
  'NURSE-HN-WORKEFFICIENCY': 'PERFORMANCE',
  'NURSE-HN-WORKQUALITY': 'QUALITY-OF-WORK',
  'NURSE-HN-LABORDISCIPLINE': 'WORK-DISCIPLINE',
  'NURSE-HN-ATTITUDE': 'WORK-ATTITUDE',
  'NURSE-HN-ATTENDANCE': 'DILIGENCE',
  'NURSE-HN-SOLIDARITY': 'WORK-ATTITUDE',
  'NURSE-HN-ERRORSACCIDENTS': 'QUALITY-OF-WORK',
  'NURSE-HN-SERVICEATTITUDE': 'WORK-ATTITUDE',
  'NURSE-ETHICS': 'ETHICS',
  'NURSE-3B-THEORY': 'BUSINESS-KNOWLEDGE',
  'NURSE-3B-OPERATION': 'ABILITY',
  'NURSE-SATISFACTION': 'SATISFACTION',
  'WS-PEOPLE': 'PEOPLE',
  'WS-MACHINE': 'MACHINE',
  'WS-MATERIAL': 'MATERIAL',
  'WS-METHOD': 'METHOD',
  'WS-ENVIRONMENT': 'ENVIRONMENT',
  'HQ-MORAL': 'MORAL',
  'HQ-ABILITY': 'ABILITY',
  'HQ-DILIGENCE': 'DILIGENCE',
  'HQ-PERFORMANCE': 'PERFORMANCE',
};

/** The demo department each seed program applies to. */
export const demoSchemeDepartments: Record<SeedProgramKey, string> = {
  hotelAudit: 'HOTEL-AUDIT',
  cafeteria: 'CAFETERIA',
  nursing: 'NURSING',
  workshop: 'WORKSHOP',
  headquarters: 'HQ',
};

const METHOD: Record<string, IndicatorScoringMethod> = {
  range: IndicatorScoringMethod.RANGE,
  rubric: IndicatorScoringMethod.RUBRIC,
  deduction: IndicatorScoringMethod.DEDUCTION,
  formula: IndicatorScoringMethod.FORMULA,
  passFail: IndicatorScoringMethod.PASS_FAIL,
};

export interface DemoIndicator {
  code: string;
  name: string;
  nameZh: string;
  categoryCode: CategoryCode;
  scoringMethod: IndicatorScoringMethod;
  minPoints: string | null;
  maxPoints: string;
  measurementSource: MeasurementSource;
  departmentCode: string;
  tags: string[];
}

/** One indicator per distinct indicatorCode of the seed programs; the first item using a code describes it. */
export function buildDemoIndicators(): DemoIndicator[] {
  const byCode = new Map<string, DemoIndicator>();
  for (const [key, scheme] of Object.entries(seedPrograms) as Array<[SeedProgramKey, SchemeDefinition]>)
    for (const section of scheme.sections)
      for (const item of section.items) {
        if (byCode.has(item.indicatorCode)) continue;
        const method = METHOD[item.method.kind] ?? IndicatorScoringMethod.RANGE;
        const surveyed = section.raters.some((r) => r.role === 'SURVEY');
        byCode.set(item.indicatorCode, {
          code: item.indicatorCode,
          name: item.name.en,
          nameZh: item.name.zh,
          categoryCode: INDICATOR_CATEGORY[item.indicatorCode] ?? 'PERFORMANCE',
          scoringMethod: method,
          minPoints: item.method.kind === 'range' ? item.method.min : method === IndicatorScoringMethod.DEDUCTION || method === IndicatorScoringMethod.PASS_FAIL ? null : '0',
          maxPoints: item.maxPoints,
          measurementSource: surveyed ? MeasurementSource.SURVEY : item.method.kind === 'formula' ? MeasurementSource.MEASURED : MeasurementSource.RATED,
          departmentCode: demoSchemeDepartments[key],
          tags: [key],
        });
      }
  return [...byCode.values()];
}

/**
 * The hospital's monthly windows, HR's configuration of the nursing program (Part 3 states none): nurses write
 * their self-review (achievements, problems, plans; nursing has no self-scores) while the head nurse and the
 * nursing department rate, from the 25th to the 5th of the next month, postponed past days off; calibration in
 * the 2 working days after.
 */
const nursingSchedule: NonNullable<SchemeDefinition['schedule']> = {
  periods: [
    {
      period: 'month',
      phases: [
        { phase: 'selfReview', opens: { from: 'periodMonth', monthOffset: 0, day: 25 }, closes: { from: 'periodMonth', monthOffset: 1, day: 3 }, postponeClose: true },
        { phase: 'rating', opens: { from: 'periodMonth', monthOffset: 0, day: 25 }, closes: { from: 'periodMonth', monthOffset: 1, day: 5 }, postponeClose: true },
        { phase: 'calibration', opens: { from: 'phaseClose', phase: 'rating', days: 1, unit: 'working' }, closes: { from: 'phaseClose', phase: 'rating', days: 2, unit: 'working' }, postponeClose: false },
      ],
    },
  ],
  acknowledgementWorkingDays: 5,
};

/** The five programs as published schemes: code = template key, version 1 (nursing with the hospital's windows). */
export const demoSchemes = (Object.keys(seedPrograms) as SeedProgramKey[]).map((key) => ({
  key,
  name: seedProgramNames[key],
  departmentCode: demoSchemeDepartments[key],
  document: key === 'nursing' ? { ...seedPrograms.nursing, schedule: nursingSchedule } : seedPrograms[key],
}));
