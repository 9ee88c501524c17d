import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';

export enum AppraisalStateValue {
  PENDING = 'pending',
  SELF_REVIEW = 'self_review',
  RATING = 'rating',
  CALIBRATED = 'calibrated',
  PUBLISHED = 'published',
  ACKNOWLEDGED = 'acknowledged',
  REFUSED = 'refused',
  LAPSED = 'lapsed',
  APPEALED = 'appealed',
  EXCLUDED = 'excluded',
}
registerEnumType(AppraisalStateValue, { name: 'AppraisalState', description: 'pending -> self_review -> rating -> calibrated -> published -> acknowledged | refused | lapsed; appealed; excluded.' });

export enum RatingStateValue {
  PENDING = 'pending',
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  RETURNED = 'returned',
  REASSIGNED = 'reassigned',
}
registerEnumType(RatingStateValue, { name: 'RatingState', description: 'pending -> draft -> submitted; returned by HR; reassigned to another rater.' });

@ObjectType('RatingProgress', { simpleResolvers: true, description: 'How many of an appraisal\'s ratings are in.' })
export class RatingProgressView {
  @Field(() => Int, { description: 'Ratings expected (reassigned ones not counted).' }) expected!: number;
  @Field(() => Int, { description: 'Ratings submitted.' }) submitted!: number;
}

/** The read model of an appraisal: a plain row with its facts. */
@ObjectType('Appraisal', { implements: Node, simpleResolvers: true, description: 'One employee in one cycle: ratings, self-review, result. Results are visible to the employee only after publication.' })
export class AppraisalNode extends RecordNode {
  declare __typename: 'Appraisal';
  cycleId!: string;
  employeeId!: string;
  schemeVersionId!: string;
  resultRecord!: Record<string, unknown> | null;

  @Field(() => AppraisalStateValue, { description: 'Workflow state.' }) state!: AppraisalStateValue;
  @Field(() => JSONResolver, { nullable: true, description: 'The self-review text: { achievements, problems, plans }.' }) selfReview!: Record<string, string> | null;
  @Field(() => Date, { nullable: true, description: 'When the appraised person submitted the self-review; null while it can still be changed.' }) selfReviewSubmittedAt!: Date | null;
  @Field(() => RatingProgressView, { description: 'Ratings expected and submitted.' }) ratingProgress!: RatingProgressView;
  @Field(() => String, { nullable: true, description: 'Final score as a decimal string; null until computed.' }) total!: string | null;
  @Field(() => String, { nullable: true, description: 'Grade code (after calibration, the calibrated one); null until computed or when the scheme has no bands.' }) grade!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the result was published.' }) publishedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Grade the engine gave before calibration (HR).' }) engineGrade!: string | null;
  @Field(() => String, { nullable: true, description: 'COMPLETE or CLOSED_WITH_MISSING (HR).' }) resultBasis!: string | null;
}

/** The read model of a rating: a plain row with its facts. */
@ObjectType('Rating', { implements: Node, simpleResolvers: true, description: 'One rater\'s form for one section of one appraisal. Drafts are visible to their rater only.' })
export class RatingNode extends RecordNode {
  declare __typename: 'Rating';
  appraisalId!: string;
  raterEmployeeId!: string | null;
  schemeVersionId!: string;

  @Field(() => String, { description: 'Section id of the scheme.' }) section!: string;
  @Field(() => String, { description: 'Rater role, e.g. DIRECT_SUPERVISOR.' }) role!: string;
  @Field(() => RatingStateValue, { description: 'Workflow state.' }) state!: RatingStateValue;
  @Field(() => Date, { nullable: true, description: 'When it was submitted.' }) submittedAt!: Date | null;
  @Field(() => JSONResolver, { description: 'Item inputs: { itemId: { points | level | occurrences | values | passed } }.' }) items!: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'Overall comment.' }) comment!: string | null;
  @Field(() => JSONResolver, { nullable: true, description: 'Comments per item.' }) itemComments!: Record<string, string> | null;
  @Field(() => String, { nullable: true, description: 'Why HR returned it.' }) returnReason!: string | null;
}

@ObjectType('RatingPreview', { simpleResolvers: true, description: 'A live preview of a rating while the rater types: item points, what is missing, the section score once complete.' })
export class RatingPreviewView {
  @Field(() => JSONResolver, { description: 'Points per filled item: { itemId: { points, failed } }.' }) items!: Record<string, unknown>;
  @Field(() => [String], { description: 'Items still empty.' }) missing!: string[];
  @Field(() => String, { nullable: true, description: 'The rater\'s section score, when every item is filled and valid.' }) sectionScore!: string | null;
  @Field(() => JSONResolver, { description: 'Issues found: [{ code, message, path, params }].' }) issues!: unknown[];
}

@InputType({ description: 'Which appraisals to list; all conditions must hold.' })
export class AppraisalFilter {
  @Field(() => ID, { nullable: true, description: 'Only this cycle.' }) cycleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this employee.' }) employeeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only employees of this department (its own members).' }) departmentId?: string | null;
  @Field(() => AppraisalStateValue, { nullable: true, description: 'Only this state.' }) state?: AppraisalStateValue | null;
  @Field(() => String, { nullable: true, description: 'Only this grade (needs the right to read grades on every listed row).' }) grade?: string | null;
  @Field(() => String, { nullable: true, description: 'Total at least (needs the right to read totals).' }) totalMin?: string | null;
  @Field(() => String, { nullable: true, description: 'Total at most (needs the right to read totals).' }) totalMax?: string | null;
}

export enum AppraisalSortField {
  EMPLOYEE_NAME = 'EMPLOYEE_NAME',
  STATE = 'STATE',
  TOTAL = 'TOTAL',
  GRADE = 'GRADE',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(AppraisalSortField, { name: 'AppraisalSortField', description: 'What appraisals can be ordered by.' });

export const AppraisalSort = sortInputType('AppraisalSort', AppraisalSortField, 'appraisals');
export type AppraisalSort = SortKey<AppraisalSortField>;

export const AppraisalsArgs = listArgsType(AppraisalFilter, AppraisalSort, 'employee name');
export type AppraisalsArgs = ListArgs<AppraisalFilter, AppraisalSort>;

@InputType({ description: 'Which of my rating tasks to list.' })
export class RatingTaskFilter {
  @Field(() => ID, { nullable: true, description: 'Only this cycle.' }) cycleId?: string | null;
  @Field(() => RatingStateValue, { nullable: true, description: 'Only this state.' }) state?: RatingStateValue | null;
}

export enum RatingTaskSortField {
  STATE = 'STATE',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(RatingTaskSortField, { name: 'RatingTaskSortField', description: 'What rating tasks can be ordered by.' });

export const RatingTaskSort = sortInputType('RatingTaskSort', RatingTaskSortField, 'rating tasks');
export type RatingTaskSort = SortKey<RatingTaskSortField>;

export const RatingTasksArgs = listArgsType(RatingTaskFilter, RatingTaskSort, 'state');
export type RatingTasksArgs = ListArgs<RatingTaskFilter, RatingTaskSort>;

@InputType({ description: 'A rater\'s form contents.' })
export class RatingFormInput {
  @Field(() => JSONResolver, { description: 'Item inputs: { itemId: { points | level | occurrences | values | passed } }.' }) items!: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'Overall comment.' }) comment?: string | null;
  @Field(() => JSONResolver, { nullable: true, description: 'Comments per item: { itemId: text }.' }) itemComments?: Record<string, string> | null;
}

@InputType({ description: 'The self-scores of one section the scheme rates by SELF.' })
export class SelfScoreInput {
  @Limit('code') @Field(() => String, { description: 'Section id of the scheme (a section rated by SELF).' }) section!: string;
  @Field(() => JSONResolver, { description: 'Item inputs: { itemId: { points | level | ... } }.' }) items!: Record<string, unknown>;
}

@InputType({ description: 'The self-review of Part 5: three texts and the self-scores. Parts left out keep what was saved.' })
export class SelfReviewInput {
  @Limit('comment') @Field(() => String, { nullable: true, description: 'Achievements of the period (at most 4,000 characters).' }) achievements?: string | null;
  @Limit('comment') @Field(() => String, { nullable: true, description: 'Problems met (at most 4,000 characters).' }) problems?: string | null;
  @Limit('comment') @Field(() => String, { nullable: true, description: 'Plans for the next period (at most 4,000 characters).' }) plans?: string | null;
  @Field(() => [SelfScoreInput], { nullable: true, description: 'Self-scores per SELF section; sections left out keep what was saved.' }) scores?: SelfScoreInput[] | null;
}

@InputType({ description: 'A change of who rates an appraisal: replace `from` with `to`, or add `to` (a peer, or an unresolved role).' })
export class RaterChangeInput {
  @Limit('code') @Field(() => String, { description: 'Section id of the scheme.' }) section!: string;
  @Limit('code') @Field(() => String, { description: 'Rater role, e.g. DIRECT_SUPERVISOR, HR, PEER.' }) role!: string;
  @Field(() => ID, { nullable: true, description: 'Employee id of the rater to replace; absent to add a rater.' }) from?: string | null;
  @Field(() => ID, { description: 'Employee id of the new rater.' }) to!: string;
  @Limit('comment') @Field(() => String, { description: 'Why (required; kept in the audit trail).' }) reason!: string;
}
