/**
 * The scheme document as the console edits it: the engine's own types, imported from `@appraisal/domain`
 * (type-only: nothing of the engine runs here), so a change to the document cannot leave the console behind.
 * The console does not validate it itself beyond live sums; the server's validateScheme is the one authority
 * and its issues are shown next to the fields by path.
 */
import type {
  AdjustmentRule,
  CompletionLevel,
  DistributionRule,
  GradeBand,
  GradeRule,
  GroupInput,
  LocalText,
  MissingRaterPolicy,
  PayBand,
  PayComponent,
  PayRule,
  PayRuleKind,
  RaterRole,
  Rollup,
  SchemeDefinition,
  SchemeItem,
  SchemeSection,
  ScoringMethod,
} from '@appraisal/domain';

export type {
  AdjustmentRule,
  CompletionLevel,
  GradeBand,
  GradeRule,
  GroupInput,
  LocalText,
  MissingRaterPolicy,
  PayBand,
  PayComponent,
  PayRule,
  PayRuleKind,
  RaterRole,
  Rollup,
  SchemeItem,
  SchemeSection,
  ScoringMethod,
};

/** The whole document. */
export type SchemeDocument = SchemeDefinition;
export type Distribution = DistributionRule;
export type RubricLevel = Extract<ScoringMethod, { kind: 'rubric' }>['levels'][number];
export type DeductionRule = Extract<ScoringMethod, { kind: 'deduction' }>['rules'][number];
export type AdjustmentAmount = AdjustmentRule['amount'];
export type MethodKind = ScoringMethod['kind'];
export type DocumentPeriod = SchemeDefinition['period'];
export type PayRounding = Extract<PayRule, { rounding: unknown }>['rounding'];

/**
 * Every value of a union, listed once for menus; the check fails to compile when the engine adds a value
 * the list lacks (or the list names one the engine does not have).
 */
const every =
  <T extends string>() =>
  <L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    list;

export const RATER_ROLES = every<RaterRole>()(['SELF', 'DIRECT_SUPERVISOR', 'SECOND_LEVEL_SUPERVISOR', 'DEPARTMENT', 'HR', 'PEER', 'SURVEY', 'COMMITTEE'] as const);
export const METHOD_KINDS = every<MethodKind>()(['range', 'rubric', 'deduction', 'formula', 'passFail'] as const);
export const PERIODS = every<DocumentPeriod>()(['day', 'month', 'quarter', 'half', 'year', 'probation'] as const);
export const PAY_KINDS = every<PayRuleKind>()(['none', 'scorePercentOfBase', 'gradePercentOfBase', 'floatingByAverage', 'poolSplit', 'dailyWage'] as const);
export const ROUNDING_MODES = every<PayRounding['mode']>()(['halfUp', 'halfEven', 'down', 'up'] as const);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Accepts a JSON value as a scheme document when it has the document's top-level shape; the deeper
 * checks are the server's (an imported file with a bad section still opens, and shows its issues).
 */
export const asSchemeDocument = (value: unknown): SchemeDocument | null => {
  if (!isObject(value)) return null;
  if (value.formatVersion !== 1 || typeof value.code !== 'string' || !Array.isArray(value.sections)) return null;
  if (!isObject(value.name) || !isObject(value.adjustments) || !Array.isArray(value.pay)) return null;
  return value as unknown as SchemeDocument;
};

export const emptyText = (): LocalText => ({ en: '', zh: '' });

export const newItem = (index: number): SchemeItem => ({
  id: `item${index}`,
  indicatorCode: '',
  name: emptyText(),
  maxPoints: '10',
  method: { kind: 'range', min: '0', max: '10' },
});

export const newSection = (index: number): SchemeSection => ({
  id: `section${index}`,
  name: emptyText(),
  weight: '0',
  raters: [{ role: 'DIRECT_SUPERVISOR', weight: '100' }],
  missingRater: { policy: 'renormalise' },
  itemWeighting: 'points',
  items: [newItem(1)],
});

/** A fresh method of a kind, keeping the item's maximum where the kind has one. */
export const defaultMethod = (kind: MethodKind, maxPoints: string): ScoringMethod => {
  switch (kind) {
    case 'range':
      return { kind, min: '0', max: maxPoints };
    case 'rubric':
      return { kind, levels: [{ code: 'full', label: { en: 'Full marks', zh: '满分' }, points: maxPoints }, { code: 'none', label: { en: 'None', zh: '无' }, points: '0' }] };
    case 'deduction':
      return { kind, floor: '0', rules: [{ id: 'occurrence', name: { en: 'Occurrence', zh: '发生一次' }, points: '1' }] };
    case 'formula':
      return { kind, inputs: ['value'], expression: 'value' };
    case 'passFail':
      return { kind, passPoints: maxPoints, failPoints: '0' };
  }
};

/** Keeps a method's maximum in step with the item's max points where the method repeats it. */
export const withMaxPoints = (item: SchemeItem, maxPoints: string): SchemeItem => {
  const method = item.method;
  if (method.kind === 'range') return { ...item, maxPoints, method: { ...method, max: maxPoints } };
  if (method.kind === 'passFail') return { ...item, maxPoints, method: { ...method, passPoints: maxPoints } };
  return { ...item, maxPoints };
};
