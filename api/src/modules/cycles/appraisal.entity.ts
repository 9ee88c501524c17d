import { APPRAISAL_STATES, RATING_STATES, type AppraisalState, type RaterRole, type RatingState } from '@appraisal/domain';
import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { AppendOnlyEntity, EditableEntity } from '../../core/record.js';
import { Employee } from '../org/employee.entity.js';
import { SchemeVersion } from '../schemes/scheme-version.entity.js';
import { Scheme } from '../schemes/scheme.entity.js';
import { Cycle } from './cycle.entity.js';

export const SELF_REVIEW_STATES = ['PENDING', 'DRAFT', 'SUBMITTED'] as const;
export type SelfReviewState = (typeof SELF_REVIEW_STATES)[number];

/**
 * One employee in one cycle (write model): state, calibration group snapshotted at launch, self-review, the current
 * result and the published outcome. Frozen with its cycle; a published result or grade changes only through an appeal.
 */
@Entity({ tableName: 'appraisal' })
@Unique({ properties: ['cycle', 'employee'] })
@Index({ properties: ['employee', 'cycle'] })
@Index({ properties: ['cycle', 'state'] })
@Index({ properties: ['cycle', 'groupKey', 'finalGrade'] })
export class Appraisal extends EditableEntity {
  @ManyToOne({ entity: () => Cycle, deleteRule: 'restrict' })
  cycle!: Cycle;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  employee!: Employee;

  @Enum({ items: [...APPRAISAL_STATES], type: 'string' })
  state: Opt<AppraisalState> = 'pending';

  /** Calibration group (department or team id at launch), so moving someone mid-cycle does not change quotas. */
  @Property({ type: 'string', length: 64, nullable: true })
  groupKey: string | null = null;

  @Property({ type: 'boolean' })
  includedManually: Opt<boolean> = false;

  /** False when HR records that the person did not take part (the engine's non-participation rule applies). */
  @Property({ type: 'boolean', default: true })
  participated: Opt<boolean> = true;

  /** `SelfReviewText`: the self-assessment the person writes. */
  @Property({ type: 'json', nullable: true })
  selfReview: Record<string, string> | null = null;

  @Enum({ items: [...SELF_REVIEW_STATES], type: 'string' })
  selfReviewState: Opt<SelfReviewState> = 'PENDING';

  @Property({ type: 'datetime', nullable: true })
  selfReviewSubmittedAt: Date | null = null;

  /** The current result (the newest appraisal_result number). */
  @ManyToOne({ entity: () => AppraisalResult, nullable: true, deleteRule: 'restrict' })
  result: AppraisalResult | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  finalGrade: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'date', nullable: true })
  acknowledgementDue: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  refusedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  refusalReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  lapsedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  excludedReason: string | null = null;
}

export const RATING_SOURCES = ['PERSON', 'DATA'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

export const RATER_ROLES = ['SELF', 'DIRECT_SUPERVISOR', 'SECOND_LEVEL_SUPERVISOR', 'DEPARTMENT', 'HR', 'PEER', 'SURVEY', 'COMMITTEE'] as const satisfies readonly RaterRole[];

/**
 * One rater's form for one section of one appraisal (a slot from the launch plan). Data slots (surveys) have no
 * rater. Submitted contents change only when HR returns the rating (trigger); frozen with the cycle.
 */
@Entity({ tableName: 'rating' })
@Index({
  name: 'rating_appraisal_slot_unique',
  expression: `create unique index "rating_appraisal_slot_unique" on "rating" ("appraisal_id", "slot_key") where "state" <> 'reassigned'`,
})
@Index({ properties: ['raterEmployee', 'state'] })
@Index({ properties: ['appraisal'] })
@Index({
  name: 'rating_scored_index',
  expression: `create index "rating_scored_index" on "rating" ("appraisal_id", "rater_employee_id") where "state" = 'submitted' and "section_max" > 0`,
})
export class Rating extends EditableEntity {
  @ManyToOne({ entity: () => Appraisal, deleteRule: 'restrict' })
  appraisal!: Appraisal;

  /** `slotKey(slot)`: section/role/rater, stable across reruns of the launch. */
  @Property({ type: 'string', length: 200 })
  slotKey!: string;

  @Property({ type: 'string', length: 64 })
  section!: string;

  @Enum({ items: [...RATER_ROLES], type: 'string' })
  role!: RaterRole;

  @ManyToOne({ entity: () => Employee, nullable: true, deleteRule: 'restrict' })
  raterEmployee: Employee | null = null;

  @Enum({ items: [...RATING_SOURCES], type: 'string' })
  source!: RatingSource;

  @Enum({ items: [...RATING_STATES], type: 'string' })
  state: Opt<RatingState> = 'pending';

  /** `Record<itemId, ItemInput>`. */
  @Property({ type: 'json' })
  items: Opt<Record<string, unknown>> = {};

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'json', nullable: true })
  itemComments: Record<string, string> | null = null;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  returnReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  reassignReason: string | null = null;

  @ManyToOne({ entity: () => Rating, nullable: true, deleteRule: 'restrict' })
  replacedBy: Rating | null = null;

  /** The rater's section score at submission (the engine's preview), for rater leniency; null before submission. */
  @Property({ type: 'decimal', precision: 12, scale: 4, nullable: true })
  sectionScore: string | null = null;

  /** The section's full marks at submission (`sectionFullMarks`): leniency reads score * 100 / max. */
  @Property({ type: 'decimal', precision: 12, scale: 4, nullable: true })
  sectionMax: string | null = null;
}

/** A plus/minus entry on an appraisal. Never deleted: removal marks it (with a reason, audited). */
@Entity({ tableName: 'appraisal_adjustment' })
@Index({ properties: ['appraisal'] })
export class AppraisalAdjustment extends EditableEntity {
  @ManyToOne({ entity: () => Appraisal, deleteRule: 'restrict' })
  appraisal!: Appraisal;

  @Property({ type: 'string', length: 64 })
  rule!: string;

  @Property({ type: 'integer', nullable: true })
  count: number | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  amount: string | null = null;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  enteredByUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  removedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  removedReason: string | null = null;
}

export const MEASURED_INPUT_KINDS = ['ITEM_VALUES', 'OCCURRENCE', 'WORK_TICKET', 'PAY_FACT'] as const;
export type MeasuredInputKind = (typeof MEASURED_INPUT_KINDS)[number];

/** A measured input of a person in a cycle (survey figures, an occurrence, a work ticket, a pay fact), typed or imported. */
@Entity({ tableName: 'measured_input' })
@Index({ properties: ['cycle', 'employee', 'kind'] })
export class MeasuredInput extends EditableEntity {
  @ManyToOne({ entity: () => Cycle, deleteRule: 'restrict' })
  cycle!: Cycle;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  employee!: Employee;

  @Enum({ items: [...MEASURED_INPUT_KINDS], type: 'string' })
  kind!: MeasuredInputKind;

  @Property({ type: 'string', length: 64, nullable: true })
  item: string | null = null;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'uuid', nullable: true })
  importBatchId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  enteredByUserId: string | null = null;
}

export const RESULT_BASES = ['COMPLETE', 'CLOSED_WITH_MISSING'] as const;
export type ResultBasis = (typeof RESULT_BASES)[number];
/** REPRICE: a colleague's pool share re-split after an upheld appeal in the pay group (same score, new pay). */
export const RESULT_COMPUTED_BY = ['SUBMISSION', 'CLOSE_JOB', 'APPEAL', 'REPRICE'] as const;
export type ResultComputedBy = (typeof RESULT_COMPUTED_BY)[number];

/** A computed result (`AppraisalResultRecord`: engine input, output and trace) with its number. Append-only. */
@Entity({ tableName: 'appraisal_result' })
@Unique({ properties: ['appraisal', 'number'] })
export class AppraisalResult extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Appraisal, deleteRule: 'restrict' })
  appraisal!: Appraisal;

  @Property({ type: 'integer' })
  number!: number;

  @ManyToOne({ entity: () => SchemeVersion, deleteRule: 'restrict' })
  schemeVersion!: SchemeVersion;

  @Enum({ items: [...RESULT_BASES], type: 'string' })
  basis!: ResultBasis;

  @Property({ type: 'decimal', precision: 12, scale: 4 })
  total!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  engineGrade: string | null = null;

  @Property({ type: 'json' })
  record!: Record<string, unknown>;

  @Enum({ items: [...RESULT_COMPUTED_BY], type: 'string' })
  computedBy!: ResultComputedBy;
}

export const GRADE_CHANGE_SOURCES = ['HR', 'PROPOSAL'] as const;
export type GradeChangeSource = (typeof GRADE_CHANGE_SOURCES)[number];

/** A calibration change of an appraisal's grade, with its reason. Append-only. */
@Entity({ tableName: 'grade_change' })
@Index({ properties: ['appraisal'] })
export class GradeChange extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Appraisal, deleteRule: 'restrict' })
  appraisal!: Appraisal;

  @Property({ type: 'string', length: 64, nullable: true })
  fromGrade: string | null = null;

  @Property({ type: 'string', length: 64 })
  toGrade!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Enum({ items: [...GRADE_CHANGE_SOURCES], type: 'string' })
  source!: GradeChangeSource;

  @Property({ type: 'integer', nullable: true })
  rank: number | null = null;

  @Property({ type: 'integer', nullable: true })
  groupSize: number | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByUserId: string | null = null;
}

/** What the employee sees after publication (`PublishedResult`: trace incl. calibration and pay). Append-only. */
@Entity({ tableName: 'published_result' })
@Unique({ properties: ['appraisal', 'result'] })
export class PublishedResult extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Appraisal, deleteRule: 'restrict' })
  appraisal!: Appraisal;

  @ManyToOne({ entity: () => Cycle, deleteRule: 'restrict' })
  cycle!: Cycle;

  @ManyToOne({ entity: () => AppraisalResult, deleteRule: 'restrict' })
  result!: AppraisalResult;

  @Property({ type: 'decimal', precision: 12, scale: 4 })
  total!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  grade: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  payTotal: string | null = null;

  @Property({ type: 'json' })
  record!: Record<string, unknown>;
}

/** One pay component of a published appraisal, as payroll reads it. Append-only (corrections by reversal). */
@Entity({ tableName: 'pay_line' })
@Index({ properties: ['cycle', 'component'] })
export class PayLine extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Appraisal, deleteRule: 'restrict' })
  appraisal!: Appraisal;

  @ManyToOne({ entity: () => Cycle, deleteRule: 'restrict' })
  cycle!: Cycle;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  employee!: Employee;

  @Property({ type: 'string', length: 64 })
  component!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  @Property({ type: 'text', nullable: true })
  detail: string | null = null;
}

/** A roll-up value (quarter, year...) of a person computed from child results (`RollupRecord`). Append-only. */
@Entity({ tableName: 'rollup_result' })
@Unique({ properties: ['employee', 'scheme', 'rollupId', 'periodKey', 'number'] })
export class RollupResult extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  employee!: Employee;

  @ManyToOne({ entity: () => Scheme, deleteRule: 'restrict' })
  scheme!: Scheme;

  @Property({ type: 'string', length: 64 })
  rollupId!: string;

  @Property({ type: 'string', length: 32 })
  periodKey!: string;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'decimal', precision: 12, scale: 4 })
  value!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  grade: string | null = null;

  @Property({ type: 'json' })
  record!: Record<string, unknown>;

  @ManyToOne({ entity: () => Cycle, nullable: true, deleteRule: 'restrict' })
  cycle: Cycle | null = null;
}
