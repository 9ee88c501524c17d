import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars.js';

@InputType('AnalyticsFilter', { description: 'What the aggregates cover: cycles, a period range (by period end), a scheme, a department and everything below it.' })
export class AnalyticsFilterInput {
  @Field(() => [ID], { nullable: true, description: 'Only these cycles.' }) cycleIds?: string[] | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Cycles whose period ends on or after this day.' }) periodFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Cycles whose period ends on or before this day.' }) periodTo?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only cycles of this scheme.' }) schemeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'People of this department and every department below it.' }) departmentId?: string | null;
}

/** The aggregates under one filter (a plain holder; each field is one SQL statement). */
@ObjectType('Analytics', { description: 'Aggregates of published results and open tasks, computed in SQL over the caller\'s rows (HR all, a supervisor their line).' })
export class AnalyticsView {
  filter!: AnalyticsFilterInput | null;
}

@ObjectType('AnalyticsGradeCount', { simpleResolvers: true, description: 'A grade\'s head count in one department of the grade distribution.' })
export class GradeCountView {
  @Field(() => String, { description: 'The grade.' }) grade!: string;
  @Field(() => String, { nullable: true, description: 'The grade\'s name in English, as the scheme calls it (null for a grade the scheme does not list).' }) label!: string | null;
  @Field(() => String, { nullable: true, description: 'The grade\'s name in Chinese, as the scheme calls it.' }) labelZh!: string | null;
  @Field(() => Int, { description: 'People with it.' }) count!: number;
  @Field(() => String, { description: 'Share of the group, percent with one decimal.' }) percent!: string;
}

@ObjectType('QuotaCheck', { simpleResolvers: true, description: 'A scheme quota against a group: the head count it allows (max) or requires (min) at this size, and the actual one.' })
export class QuotaCheckView {
  @Field(() => String, { description: 'The grade the quota names.' }) grade!: string;
  @Field(() => String, { description: 'max or min.' }) bound!: string;
  @Field(() => String, { description: 'The quota in percent.' }) percent!: string;
  @Field(() => [String], { description: 'Grades counted (cumulative quotas count the better grades too).' }) grades!: string[];
  @Field(() => Int, { description: 'Head count allowed or required.' }) limit!: number;
  @Field(() => Int, { description: 'Actual head count.' }) actual!: number;
  @Field(() => Boolean, { description: 'True when the group keeps the quota.' }) within!: boolean;
}

@ObjectType('GradeDistribution', { simpleResolvers: true, description: 'Grades of one department under one scheme, against the scheme\'s quotas.' })
export class GradeDistributionView {
  @Field(() => ID, { description: 'The department (of the person today).' }) departmentId!: string;
  @Field(() => ID, { description: 'The scheme.' }) schemeId!: string;
  @Field(() => Int, { description: 'Graded appraisals in the group.' }) size!: number;
  @Field(() => [GradeCountView], { description: 'Each grade of the scheme, best first.' }) grades!: GradeCountView[];
  @Field(() => [QuotaCheckView], { description: 'Each quota of the scheme.' }) quotas!: QuotaCheckView[];
}

@ObjectType('HistogramBucket', { simpleResolvers: true, description: 'One bucket [from, to) of a histogram; the last one includes its upper end.' })
export class HistogramBucketView {
  @Field(() => String, { description: 'Lower end.' }) from!: string;
  @Field(() => String, { description: 'Upper end.' }) to!: string;
  @Field(() => Int, { description: 'Appraisals in it.' }) count!: number;
}

@ObjectType('ScoreHistogram', { simpleResolvers: true, description: 'Distribution of published totals in equal buckets.' })
export class HistogramView {
  @Field(() => [HistogramBucketView], { description: 'The buckets, lowest first.' }) buckets!: HistogramBucketView[];
  @Field(() => Int, { description: 'Totals outside [min, max].' }) outside!: number;
}

@ObjectType('TrendPoint', { simpleResolvers: true, description: 'The average published total of one cycle, in one department or overall.' })
export class TrendPointView {
  @Field(() => ID, { description: 'The cycle.' }) cycleId!: string;
  @Field(() => LocalDateScalar, { description: 'End of its period (the trend\'s order).' }) periodEnd!: string;
  @Field(() => ID, { nullable: true, description: 'The department; null for the whole selection.' }) departmentId!: string | null;
  @Field(() => Int, { description: 'Totals averaged.' }) n!: number;
  @Field(() => String, { nullable: true, description: 'Average total, 2 places (half away from zero).' }) average!: string | null;
}

@ObjectType('LeniencyRow', { simpleResolvers: true, description: 'One rater in one department: their average rating (percent of full marks) against everyone\'s average there.' })
export class LeniencyRowView {
  @Field(() => ID, { description: 'The rater (an employee).' }) raterId!: string;
  @Field(() => ID, { description: 'The department of the people rated (the comparison group).' }) departmentId!: string;
  @Field(() => Int, { description: 'Submitted ratings of this rater there.' }) ratings!: number;
  @Field(() => String, { description: 'The rater\'s average, percent of full marks, 2 places.' }) raterAverage!: string;
  @Field(() => String, { description: 'Average of every rating in the department, 2 places.' }) departmentAverage!: string;
  @Field(() => String, { description: 'raterAverage - departmentAverage (positive: lenient, negative: strict).' }) difference!: string;
}

@ObjectType('CompletionRow', { simpleResolvers: true, description: 'Tasks of one phase (selfReview, rating, acknowledgement) in one department or overall: done, overdue, late.' })
export class CompletionRowView {
  @Field(() => String, { description: 'selfReview, rating or acknowledgement.' }) phase!: string;
  @Field(() => ID, { nullable: true, description: 'The department; null for the whole selection.' }) departmentId!: string | null;
  @Field(() => Int, { description: 'Tasks.' }) total!: number;
  @Field(() => Int, { description: 'Tasks done.' }) done!: number;
  @Field(() => String, { description: 'Done share, percent with one decimal.' }) percent!: string;
  @Field(() => Int, { description: 'Not done and past their due day.' }) overdue!: number;
  @Field(() => Int, { description: 'Done after their due day.' }) late!: number;
}

@ObjectType('AppealStatsRow', { simpleResolvers: true, description: 'Appeals against published results in one department (or overall): rate per published appraisal, outcomes, decisions on time.' })
export class AppealStatsView {
  @Field(() => ID, { nullable: true, description: 'The department of the appellant; null for the whole selection.' }) departmentId!: string | null;
  @Field(() => Int, { description: 'Published appraisals in the group.' }) appraisals!: number;
  @Field(() => Int, { description: 'Appeals filed.' }) appeals!: number;
  @Field(() => String, { description: 'Appeals per published appraisal, percent with one decimal.' }) rate!: string;
  @Field(() => Int, { description: 'Decided in the appellant\'s favour.' }) upheld!: number;
  @Field(() => Int, { description: 'Decided against the appellant.' }) rejected!: number;
  @Field(() => Int, { description: 'Withdrawn by the appellant.' }) withdrawn!: number;
  @Field(() => Int, { description: 'Filed or under review.' }) open!: number;
  @Field(() => Int, { description: 'Decided (upheld or rejected).' }) decided!: number;
  @Field(() => Int, { description: 'Decided on or before their due day.' }) onTime!: number;
  @Field(() => String, { description: 'Share of decisions on time, percent with one decimal.' }) onTimePercent!: string;
}

@ObjectType('PaySuppression', { simpleResolvers: true, description: 'Why a pay aggregate\'s money is withheld: the group is smaller than the minimum, or it would reveal one that is.' })
export class PaySuppressionView {
  @Field(() => String, { description: 'smallGroup or complementary.' }) reason!: string;
  @Field(() => Int, { description: 'The minimum group size in force.' }) minimum!: number;
}

@ObjectType('PayAggregate', { simpleResolvers: true, description: 'Pay of one department in one period. Below HR, money of groups under the minimum size is null with the reason in `suppressed`.' })
export class PayAggregateView {
  @Field(() => ID, { description: 'The department.' }) departmentId!: string;
  @Field(() => String, { description: 'The period (cycle period key, e.g. 2026-05).' }) periodKey!: string;
  @Field(() => Int, { description: 'People with pay in the group.' }) people!: number;
  @Field(() => PaySuppressionView, { nullable: true, description: 'Why the money is withheld; null when shown.' }) suppressed!: PaySuppressionView | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Performance pay from published results.' }) pay!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Rewards outside the appraisal (approved or paid ledger entries, reversals included).' }) rewards!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Penalties outside the appraisal (approved or paid ledger entries, negative, reversals included).' }) penalties!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'pay + rewards + penalties.' }) net!: string | null;
}
