/**
 * The scheme document as the console edits it: the same shape as domain/src/scheme/schema.ts
 * (the engine's JSON). The console does not validate it itself beyond live sums; the server's
 * validateScheme is the one authority and its issues are shown next to the fields by path.
 */
export interface LocalText {
  en: string;
  zh: string;
}

export const RATER_ROLES = [
  'SELF',
  'DIRECT_SUPERVISOR',
  'SECOND_LEVEL_SUPERVISOR',
  'DEPARTMENT',
  'HR',
  'PEER',
  'SURVEY',
  'COMMITTEE',
] as const;
export type RaterRole = (typeof RATER_ROLES)[number];

export type MissingRaterPolicy = { policy: 'renormalise' } | { policy: 'fail' } | { policy: 'fixed'; value: string };

export interface RubricLevel {
  code: string;
  label: LocalText;
  points: string;
}

export interface DeductionRule {
  id: string;
  name: LocalText;
  points: string;
}

export type ScoringMethod =
  | { kind: 'range'; min: string; max: string }
  | { kind: 'rubric'; levels: RubricLevel[] }
  | { kind: 'deduction'; rules: DeductionRule[]; floor: string }
  | { kind: 'formula'; inputs: string[]; expression: string }
  | { kind: 'passFail'; passPoints: string; failPoints: string };

export type MethodKind = ScoringMethod['kind'];
export const METHOD_KINDS: readonly MethodKind[] = ['range', 'rubric', 'deduction', 'formula', 'passFail'];

export interface SchemeItem {
  id: string;
  indicatorCode: string;
  name: LocalText;
  maxPoints: string;
  weight?: string;
  passMark?: string;
  method: ScoringMethod;
}

export interface SchemeRater {
  role: RaterRole;
  weight: string;
}

export interface SchemeSection {
  id: string;
  name: LocalText;
  weight?: string;
  raters: SchemeRater[];
  missingRater: MissingRaterPolicy;
  itemWeighting: 'points' | 'weighted';
  normalizeTo?: string;
  items: SchemeItem[];
}

export type AdjustmentAmount = { kind: 'fixed'; value: string } | { kind: 'range'; min: string; max: string };

export interface AdjustmentRule {
  id: string;
  name: LocalText;
  direction: 'bonus' | 'penalty';
  unit: 'points' | 'money' | 'hours';
  amount: AdjustmentAmount;
  perRuleCap?: string;
}

export interface GradeBand {
  grade: string;
  label: LocalText;
  min: string;
  minInclusive: boolean;
  max: string;
  maxInclusive: boolean;
}

export type GradeRule = { kind: 'nonParticipation'; grade: string } | { kind: 'failedItemCap'; items: string[]; capGrade: string };

export interface Quota {
  grade: string;
  bound: 'max' | 'min';
  percent: string;
  cumulative: boolean;
}

export interface Distribution {
  groupBy: 'department' | 'team';
  rounding: 'floor' | 'halfUp' | 'ceil';
  quotas: Quota[];
  tieBreak: { sections: string[] };
}

export interface Rollup {
  id: string;
  name: LocalText;
  period: 'month' | 'quarter' | 'half' | 'year';
  inputs: { name: string; label: LocalText }[];
  formula: string;
}

/** The pay module's rule; its inner shape is edited as JSON and checked by the server. */
export interface PayRule {
  kind: 'none' | 'scorePercentOfBase' | 'gradePercentOfBase' | 'floatingByAverage' | 'poolSplit' | 'dailyWage';
  [field: string]: unknown;
}

export interface PayComponent {
  id: string;
  name: LocalText;
  rule: PayRule;
  groups?: { id: string; name: LocalText; sharePercent: string }[];
}

export const PERIODS = ['day', 'month', 'quarter', 'half', 'year', 'probation'] as const;
export type DocumentPeriod = (typeof PERIODS)[number];

export interface SchemeDocument {
  formatVersion: 1;
  code: string;
  name: LocalText;
  description?: LocalText;
  period: DocumentPeriod;
  notes: string[];
  sectionWeighting: 'weighted' | 'sum';
  sections: SchemeSection[];
  adjustments: {
    rules: AdjustmentRule[];
    caps: { maxBonus?: string; maxPenalty?: string };
    hourRate?: string;
  };
  total: { floor?: string; cap?: string };
  rounding: { places: number; mode: 'halfUp' | 'halfEven' | 'down' | 'up'; applyAt: ('item' | 'rater' | 'section' | 'total' | 'rollup')[] };
  finalFormula?: { expression: string; inputs: string[] };
  rollups: Rollup[];
  grades?: { bands: GradeBand[]; rules: GradeRule[] };
  distribution?: Distribution;
  pay: PayComponent[];
  eligibility?: unknown;
}

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
