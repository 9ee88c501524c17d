import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Node, RecordNode } from '../../core/record.js';
import { LocalDateScalar } from '../../core/scalars.js';
import { SchemePeriod } from '../schemes/scheme.entity.js';

/** Cycle states as GraphQL names (the database and the domain use the lowercase values). */
export enum CycleStateValue {
  DRAFT = 'draft',
  OPEN = 'open',
  SELF_REVIEW = 'self_review',
  RATING = 'rating',
  CALIBRATION = 'calibration',
  HR_REVIEW = 'hr_review',
  PUBLISHED = 'published',
  CLOSED = 'closed',
  CANCELLED = 'cancelled',
}
registerEnumType(CycleStateValue, {
  name: 'CycleState',
  description: 'draft -> open (launched) -> self_review -> rating -> calibration -> (hr_review) -> published -> closed; cancelled before publication.',
});

export enum CycleActionValue {
  START_SELF_REVIEW = 'start_self_review',
  SKIP_SELF_REVIEW = 'skip_self_review',
  START_RATING = 'start_rating',
  START_CALIBRATION = 'start_calibration',
  RETURN_TO_RATING = 'return_to_rating',
  START_HR_REVIEW = 'start_hr_review',
  RETURN_TO_CALIBRATION = 'return_to_calibration',
  CLOSE = 'close',
  CANCEL = 'cancel',
}
registerEnumType(CycleActionValue, {
  name: 'CycleAction',
  description: 'A step of the cycle workflow HR takes with transitionCycle (launching and publishing have their own mutations).',
});

export enum CyclePhaseName {
  SELF_REVIEW = 'selfReview',
  RATING = 'rating',
  CALIBRATION = 'calibration',
  HR_REVIEW = 'hrReview',
}
registerEnumType(CyclePhaseName, { name: 'CyclePhaseName', description: 'A phase of a cycle with its own window.' });

export enum WindowName {
  SELF_REVIEW = 'selfReview',
  RATING = 'rating',
  CALIBRATION = 'calibration',
  HR_REVIEW = 'hrReview',
  ACKNOWLEDGEMENT = 'acknowledgement',
}
registerEnumType(WindowName, { name: 'WindowName', description: 'A window employees and raters act in: a phase, or the acknowledgement after publication.' });

export enum ReopenScopeKind {
  CYCLE = 'CYCLE',
  APPRAISAL = 'APPRAISAL',
  RATING = 'RATING',
}
registerEnumType(ReopenScopeKind, { name: 'ReopenScopeKind', description: 'What a reopening covers: the whole cycle, one appraisal or one rating.' });

export enum LaunchStatusValue {
  NOT_STARTED = 'NOT_STARTED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(LaunchStatusValue, { name: 'LaunchStatus', description: 'Where the background launch of a cycle stands.' });

export enum PopulationStatus {
  INCLUDED = 'INCLUDED',
  EXCLUDED = 'EXCLUDED',
}
registerEnumType(PopulationStatus, { name: 'PopulationStatus', description: 'Whether a candidate is in the cycle or not.' });

@ObjectType('Issue', { simpleResolvers: true, description: 'A machine-readable problem or reason: a stable code the console translates with its params, and an English message.' })
export class IssueView {
  @Field(() => String, { description: 'Stable code, e.g. "population_not_eligible".' }) code!: string;
  @Field(() => String, { description: 'English message.' }) message!: string;
  @Field(() => String, { description: 'Where in the input or record, e.g. "changes[0].reason"; empty when it concerns the whole.' }) path!: string;
  @Field(() => JSONResolver, { nullable: true, description: 'Values the translated message interpolates.' }) params!: Record<string, unknown> | null;
}

@ObjectType('CyclePhase', { simpleResolvers: true, description: 'A phase window of a cycle on the work calendar, both ends inclusive.' })
export class CyclePhaseView {
  @Field(() => CyclePhaseName, { description: 'The phase.' }) phase!: CyclePhaseName;
  @Field(() => LocalDateScalar, { description: 'First day.' }) opens!: string;
  @Field(() => LocalDateScalar, { description: 'Last day (after any postponement past days off).' }) closes!: string;
  @Field(() => LocalDateScalar, { description: 'Last day as the rule gives it, before postponement.' }) nominalCloses!: string;
  @Field(() => Boolean, { description: 'True when the close was moved past days off.' }) postponed!: boolean;
  @Field(() => Boolean, { description: 'True when HR set these dates for this cycle.' }) overridden!: boolean;
}

@ObjectType('CycleLaunch', { simpleResolvers: true, description: 'The background launch of a cycle: status and progress.' })
export class CycleLaunchView {
  @Field(() => LaunchStatusValue, { description: 'NOT_STARTED, RUNNING, DONE or FAILED.' }) status!: LaunchStatusValue;
  @Field(() => JSONResolver, { nullable: true, description: 'Progress: { total, done, batches, blocked, startedAt, finishedAt, error }.' }) progress!: Record<string, unknown> | null;
}

@ObjectType('PopulationEntry', { simpleResolvers: true, description: 'One candidate of a cycle and why they are in or out.' })
export class PopulationEntryView {
  @Field(() => ID, { description: 'The employee.' }) employeeId!: string;
  @Field(() => String, { description: 'Name of the employee.' }) name!: string;
  @Field(() => String, { description: 'Employee number.' }) employeeNumber!: string;
  @Field(() => PopulationStatus, { description: 'INCLUDED or EXCLUDED.' }) status!: PopulationStatus;
  @Field(() => String, { nullable: true, description: '"add" or "remove" when HR\'s change decided it.' }) manual!: string | null;
  @Field(() => [IssueView], { description: 'Reasons, with codes and params (in target, eligible, hired after the period, added by HR...).' }) reasons!: IssueView[];
}

@ObjectType('PopulationPreview', { simpleResolvers: true, description: 'Who a cycle would include and exclude, and why; with problems of HR\'s changes.' })
export class PopulationPreviewView {
  @Field(() => Int, { description: 'How many are included.' }) includedCount!: number;
  @Field(() => Int, { description: 'How many are excluded.' }) excludedCount!: number;
  @Field(() => [PopulationEntryView], { description: 'Every candidate, included first.' }) entries!: PopulationEntryView[];
  @Field(() => [IssueView], { description: 'Problems with HR\'s changes.' }) issues!: IssueView[];
  @Field(() => [IssueView], { description: 'Rater gaps that would block appraisals (from the launch plan).' }) blocked!: IssueView[];
}

@ObjectType('PhaseReopening', { simpleResolvers: true, description: 'HR reopened a window until a date, with the reason (append-only).' })
export class PhaseReopeningView {
  @Field(() => ID, { description: 'Id.' }) id!: string;
  @Field(() => WindowName, { description: 'The window.' }) window!: WindowName;
  @Field(() => ReopenScopeKind, { description: 'What it covers.' }) scopeKind!: ReopenScopeKind;
  @Field(() => ID, { nullable: true, description: 'The appraisal, for an APPRAISAL scope.' }) appraisalId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The rating, for a RATING scope.' }) ratingId!: string | null;
  @Field(() => LocalDateScalar, { description: 'Open until this day (inclusive).' }) until!: string;
  @Field(() => String, { description: 'Why.' }) reason!: string;
  @Field(() => Date, { description: 'When.' }) createdAt!: Date;
}

@ObjectType('CycleProgress', { simpleResolvers: true, description: 'Completion statistics of a cycle.' })
export class CycleProgressView {
  @Field(() => Int, { description: 'Appraisals (excluded ones not counted).' }) appraisals!: number;
  @Field(() => Int, { description: 'Appraisals with a computed result.' }) scored!: number;
  @Field(() => Int, { description: 'Ratings expected (reassigned ones not counted).' }) ratingsExpected!: number;
  @Field(() => Int, { description: 'Ratings submitted.' }) ratingsSubmitted!: number;
  @Field(() => Int, { description: 'Self-reviews submitted.' }) selfReviewsSubmitted!: number;
}

/** The read model of a cycle: a plain row. */
@ObjectType('Cycle', { implements: Node, simpleResolvers: true, description: 'One run of a scheme over a period, with its phases and deadlines.' })
export class CycleNode extends RecordNode {
  declare __typename: 'Cycle';
  schemeId!: string;
  schemeVersionId!: string;

  @Field(() => String, { description: 'Name in English.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh!: string | null;
  @Field(() => SchemePeriod, { description: 'Kind of period.' }) periodKind!: SchemePeriod;
  @Field(() => String, { description: 'Key of the period: "2026-05", "2026-Q2", a day\'s date, "P<start>..<end>" for a probation.' }) periodKey!: string;
  @Field(() => LocalDateScalar, { description: 'First day of the period.' }) periodStart!: string;
  @Field(() => LocalDateScalar, { description: 'Last day of the period.' }) periodEnd!: string;
  @Field(() => CycleStateValue, { description: 'Workflow state.' }) state!: CycleStateValue;
  @Field(() => [CyclePhaseView], { description: 'Phase windows, in order.' }) phases!: CyclePhaseView[];
  @Field(() => Int, { description: 'Working days after publication to acknowledge a result.' }) acknowledgementWorkingDays!: number;
  @Field(() => Date, { nullable: true, description: 'When the results were published.' }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the cycle was closed.' }) closedAt!: Date | null;
  @Field(() => CycleLaunchView, { description: 'The background launch (HR).' }) launch!: CycleLaunchView;
  @Field(() => [PhaseReopeningView], { description: 'Windows HR reopened (HR).' }) reopenings!: PhaseReopeningView[];
  @Field(() => [CyclePhaseView], { description: 'Phases whose dates HR set for this cycle (HR).' }) phaseOverrides!: CyclePhaseView[];
  @Field(() => String, { nullable: true, description: 'Why HR published despite quota violations (HR).' }) quotaOverrideReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Who created the cycle (HR).' }) createdBy!: string | null;
}

@InputType({ description: 'The period of a cycle: a key for calendar periods, a date for a day, start and end for a probation.' })
export class CyclePeriodInput {
  @Field(() => SchemePeriod, { description: 'Kind of period; one the scheme runs (or PROBATION).' }) kind!: SchemePeriod;
  @Field(() => String, { nullable: true, description: 'Key of a calendar period: "2026-05", "2026-Q2", "2026-H1", "2026".' }) key?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day of a DAY cycle.' }) date?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day of a probation.' }) start?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of a probation.' }) end?: string | null;
}

@InputType({ description: 'HR\'s dates for one phase of one cycle, replacing the scheme\'s rule; later phases that count from it follow.' })
export class PhaseOverrideInput {
  @Field(() => CyclePhaseName, { description: 'The phase.' }) phase!: CyclePhaseName;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day.' }) opens?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day.' }) closes?: string | null;
}

@InputType({ description: 'A new cycle.' })
export class CreateCycleInput {
  @Field(() => ID, { description: 'The published scheme version the cycle pins.' }) schemeVersionId!: string;
  @Field(() => String, { description: 'Name in English.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
  @Field(() => CyclePeriodInput, { description: 'The period.' }) period!: CyclePeriodInput;
  @Field(() => [ID], { nullable: true, description: 'Targeted departments (with their sub-departments); empty with no positions = everyone.' }) targetDepartmentIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Targeted positions.' }) targetPositionIds?: string[] | null;
  @Field(() => [PhaseOverrideInput], { nullable: true, description: 'HR\'s dates for phases, replacing the scheme\'s rule.' }) phaseOverrides?: PhaseOverrideInput[] | null;
}

@InputType({ description: 'HR adding or removing one person before launch, with a reason.' })
export class PopulationChangeInput {
  @Field(() => ID, { description: 'The employee.' }) employeeId!: string;
  @Field(() => String, { description: '"add" or "remove".' }) action!: string;
  @Field(() => String, { description: 'Why (kept in the audit trail).' }) reason!: string;
}

@InputType({ description: 'A window HR reopens until a date.' })
export class ReopenWindowInput {
  @Field(() => WindowName, { description: 'The window.' }) window!: WindowName;
  @Field(() => ReopenScopeKind, { description: 'What it covers.' }) scope!: ReopenScopeKind;
  @Field(() => ID, { nullable: true, description: 'The appraisal (APPRAISAL scope).' }) appraisalId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The rating (RATING scope).' }) ratingId?: string | null;
  @Field(() => LocalDateScalar, { description: 'Open until this day (inclusive); after the window\'s close and not in the past.' }) until!: string;
  @Field(() => String, { description: 'Why (kept in the audit trail).' }) reason!: string;
}

@InputType({ description: 'Which cycles to list; all conditions must hold.' })
export class CycleFilter {
  @Field(() => CycleStateValue, { nullable: true, description: 'Only this state.' }) state?: CycleStateValue | null;
  @Field(() => SchemePeriod, { nullable: true, description: 'Only this kind of period.' }) periodKind?: SchemePeriod | null;
  @Field(() => ID, { nullable: true, description: 'Only cycles of this scheme.' }) schemeId?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Periods ending on or after this day.' }) periodFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Periods ending on or before this day.' }) periodTo?: string | null;
  @Field(() => String, { nullable: true, description: 'Free text over the name and period key.' }) q?: string | null;
}

export enum CycleSortField {
  PERIOD_END = 'PERIOD_END',
  NAME = 'NAME',
  STATE = 'STATE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CycleSortField, { name: 'CycleSortField', description: 'What cycles can be ordered by.' });

export const CycleSort = sortInputType('CycleSort', CycleSortField, 'cycles');
export type CycleSort = SortKey<CycleSortField>;

export const CyclesArgs = listArgsType(CycleFilter, CycleSort, 'period end, newest first');
export type CyclesArgs = ListArgs<CycleFilter, CycleSort>;
