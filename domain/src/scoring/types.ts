import type { RaterRole } from '../scheme/index.js';
import type { PayBasis } from '../pay/index.js';

/**
 * What one rater entered for one item; the item's scoring method reads the field it needs:
 * range -> points, rubric -> level, deduction -> occurrences (rule id -> count), formula -> values, passFail -> passed.
 */
export interface ItemInput {
  points?: string;
  level?: string;
  occurrences?: Readonly<Record<string, number>>;
  values?: Readonly<Record<string, string>>;
  passed?: boolean;
}

/** One rater's form for one section. Several ratings of the same role (peers) are averaged. */
export interface RatingInput {
  section: string;
  role: RaterRole;
  raterId?: string;
  items: Readonly<Record<string, ItemInput>>;
}

/** One plus/minus entry: a catalog rule, how many times (fixed amounts) or the amount (range rules). */
export interface AdjustmentInput {
  rule: string;
  count?: number;
  amount?: string;
}

/** Everything needed to score one appraisal. */
export interface AppraisalInput {
  employeeId: string;
  /** false: the appraisee did not take part (no ratings needed; the non-participation rule grades them). */
  participated?: boolean;
  ratings: readonly RatingInput[];
  adjustments?: readonly AdjustmentInput[];
  /** Values for the final formula's declared inputs. */
  facts?: Readonly<Record<string, string>>;
}

/** A readable step of a computation; `explain` renders it in English or Chinese. Numbers are decimal strings. */
export type TraceStep =
  | { step: 'nonParticipation' }
  | { step: 'item'; section: string; role: RaterRole; item: string; points: string; max: string; method: string; failed: boolean }
  | { step: 'rater'; section: string; role: RaterRole; score: string; ratings: number }
  | { step: 'raterMissing'; section: string; role: RaterRole; policy: 'renormalise' | 'fixed'; value?: string }
  | { step: 'section'; section: string; score: string; weight?: string; raters: { role: RaterRole; weight: string; effectiveWeight: string }[] }
  | { step: 'weighted'; value: string; weighting: 'weighted' | 'sum' }
  | { step: 'adjustment'; rule: string; direction: 'bonus' | 'penalty'; unit: 'points' | 'money' | 'hours'; amount: string; cappedAt?: string }
  | { step: 'adjustmentCap'; cap: 'maxBonus' | 'maxPenalty'; before: string; after: string }
  | { step: 'hoursToMoney'; hours: string; rate: string; money: string }
  | { step: 'subtotal'; weighted: string; adjustments: string; value: string }
  | { step: 'finalFormula'; expression: string; value: string }
  | { step: 'bound'; bound: 'floor' | 'cap'; before: string; after: string }
  | { step: 'rounding'; at: 'total' | 'rollup'; before: string; after: string; places: number; mode: string }
  | { step: 'total'; value: string }
  | { step: 'grade'; grade: string; band: string }
  | { step: 'gradeCap'; from: string; to: string; items: string[] }
  | { step: 'gradeNonParticipation'; grade: string }
  | { step: 'calibration'; from: string; to: string; rank: number; groupSize: number }
  | { step: 'rollup'; rollup: string; formula: string; inputs: Record<string, string>; value: string }
  | { step: 'rollupFilled'; rollup: string; input: string; period: string; policy: 'averageOfPresent' | 'treatAs'; value: string }
  | { step: 'pay'; component: string; kind: string; amount: string; detail: string; basis?: PayBasis };

/** One section's result. */
export interface SectionResult {
  id: string;
  score: string;
  weight?: string;
  raters: { role: RaterRole; score?: string; weight: string; effectiveWeight: string; ratings: number; missing: boolean }[];
}

/** One applied adjustment (after its per-rule cap); amount is signed (penalties negative). */
export interface AdjustmentResult {
  rule: string;
  unit: 'points' | 'money' | 'hours';
  amount: string;
  capped: boolean;
}

/** The grade of an appraisal and why. */
export interface GradeResult {
  grade: string;
  /** The band's grade before special rules (the same as grade when none applied). */
  bandGrade: string;
  reason: 'band' | 'failedItemCap' | 'nonParticipation';
}

/** A scored appraisal. All numbers are exact decimal strings. */
export interface AppraisalResult {
  employeeId: string;
  participated: boolean;
  /** The final score: weighted sections + adjustment points (or the final formula), bounded and rounded. */
  total: string;
  weighted: string;
  adjustmentPoints: string;
  /** Money from money and hour adjustments (hours converted at the scheme's hour rate); signed. */
  adjustmentMoney: string;
  adjustmentHours: string;
  sections: SectionResult[];
  adjustments: AdjustmentResult[];
  failedItems: string[];
  grade?: GradeResult;
  trace: TraceStep[];
}
