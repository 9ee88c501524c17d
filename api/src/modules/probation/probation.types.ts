import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';
import { LocalDateScalar } from '../../core/scalars.js';

/** Probation review states as GraphQL names (the database and the domain use the lowercase values). */
export enum ProbationReviewStateValue {
  SCHEDULED = 'scheduled',
  RATING = 'rating',
  AWAITING_DECISION = 'awaiting_decision',
  CONFIRMED = 'confirmed',
  EXTENDED = 'extended',
  TERMINATED = 'terminated',
  CANCELLED = 'cancelled',
}
registerEnumType(ProbationReviewStateValue, {
  name: 'ProbationReviewState',
  description: 'scheduled -> rating (the probation appraisal runs) -> awaiting_decision (result computed) -> confirmed | extended | terminated; cancelled.',
});

export enum ProbationOutcomeValue {
  CONFIRM = 'confirm',
  EXTEND = 'extend',
  TERMINATE = 'terminate',
}
registerEnumType(ProbationOutcomeValue, { name: 'ProbationOutcome', description: 'HR\'s decision at the end of a probation.' });

/** The read model of a probation review: a plain row with its facts. */
@ObjectType('ProbationReview', { implements: Node, simpleResolvers: true, description: 'The evaluation of one person\'s probation: the probation appraisal and HR\'s decision.' })
export class ProbationReviewNode extends RecordNode {
  declare __typename: 'ProbationReview';
  employeeId!: string;
  appraisalId!: string | null;

  @Field(() => LocalDateScalar, { description: 'First day of the probation (hire date or position change).' }) probationStart!: string;
  @Field(() => LocalDateScalar, { description: 'Last day of the probation under review.' }) probationEndDate!: string;
  @Field(() => ProbationReviewStateValue, { description: 'Workflow state.' }) state!: ProbationReviewStateValue;
  @Field(() => Int, { description: 'Calendar days from today to the end of the probation; negative when it has passed.' }) dueInDays!: number;
  @Field(() => ProbationOutcomeValue, { nullable: true, description: 'HR\'s decision, once made.' }) outcome!: ProbationOutcomeValue | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The new end date of an extended probation.' }) newEndDate!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the decision takes effect on the employee record.' }) effectiveOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why HR decided so (required to extend or terminate).' }) decisionReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When HR decided.' }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The supervisor\'s recommendation (HR and the line).' }) recommendation!: string | null;
  @Field(() => ProbationOutcomeValue, { nullable: true, description: 'The outcome the supervisor recommends (HR and the line).' }) recommendedOutcome!: ProbationOutcomeValue | null;
}

@ObjectType('ProbationDue', { simpleResolvers: true, description: 'Someone whose probation ends soon or has ended without a decision (HR).' })
export class ProbationDueView {
  employeeId!: string;
  @Field(() => LocalDateScalar, { description: 'Last day of the probation.' }) probationEndDate!: string;
  @Field(() => Int, { description: 'Calendar days from today to the end date; negative when it has passed.' }) daysLeft!: number;
  @Field(() => Boolean, { description: 'The end date has passed without a decision.' }) overdue!: boolean;
  @Field(() => Boolean, { description: 'A review is already open for this end date.' }) reviewOpen!: boolean;
  reviewId!: string | null;
}

@InputType({ description: 'Starting the review of one person\'s probation: a PROBATION cycle rated on a scheme\'s form.' })
export class StartProbationReviewInput {
  @Field(() => ID, { description: 'The employee on probation.' }) employeeId!: string;
  @Field(() => ID, { description: 'The published scheme version whose form rates the probation (any scheme can).' }) schemeVersionId!: string;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Name of the probation cycle; default "Probation <name> <end date>".' }) name?: string | null;
}

@InputType({ description: 'HR\'s decision on a probation.' })
export class DecideProbationInput {
  @Field(() => ProbationOutcomeValue, { description: 'Confirm, extend or terminate.' }) outcome!: ProbationOutcomeValue;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The new end date (extend).' }) newEndDate?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The last working day (terminate).' }) lastWorkingDay?: string | null;
  @Limit('comment') @Field(() => String, { nullable: true, description: 'Why (required to extend or terminate; kept in the audit trail).' }) reason?: string | null;
}
