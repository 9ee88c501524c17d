import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { DepartmentNode, EmployeeNode } from '../org/org.types.js';
import { completion, gradeDistribution, payAggregates, raterLeniency, scoreHistogram, scoreTrend } from './analytics.read.js';
import { AnalyticsFilterInput, AnalyticsView, CompletionRowView, GradeDistributionView, HistogramView, LeniencyRowView, PayAggregateView, TrendPointView } from './analytics.types.js';

@Resolver(() => AnalyticsView)
export class AnalyticsResolver {
  @Query(() => AnalyticsView, { description: 'Aggregates for HR (everything) and supervisors (their line), under one filter; each field is one SQL statement.' })
  analytics(@Arg('filter', () => AnalyticsFilterInput, { nullable: true, description: 'What the aggregates cover; everything when omitted.' }) filter?: AnalyticsFilterInput | null): AnalyticsView {
    return { filter: filter ?? null };
  }

  @FieldResolver(() => [GradeDistributionView], { description: 'Grade distribution per department and scheme, against the scheme\'s quotas.' })
  gradeDistribution(@Root() a: AnalyticsView, @Ctx() ctx: RequestContext) {
    return gradeDistribution(ctx, a.filter);
  }

  @FieldResolver(() => HistogramView, { description: 'Histogram of published totals in equal buckets over [min, max].' })
  scoreHistogram(
    @Root() a: AnalyticsView,
    @Ctx() ctx: RequestContext,
    @Arg('min', () => String, { defaultValue: '0', description: 'Lower end (decimal).' }) min: string,
    @Arg('max', () => String, { defaultValue: '100', description: 'Upper end (decimal), included in the last bucket.' }) max: string,
    @Arg('buckets', () => Int, { defaultValue: 10, description: 'Number of buckets, 1 to 100.' }) buckets: number,
  ) {
    return scoreHistogram(ctx, a.filter, min, max, buckets);
  }

  @FieldResolver(() => [TrendPointView], { description: 'Average published total per cycle, per department and overall, by period end.' })
  scoreTrend(@Root() a: AnalyticsView, @Ctx() ctx: RequestContext) {
    return scoreTrend(ctx, a.filter);
  }

  @FieldResolver(() => [LeniencyRowView], { description: 'Each rater\'s average rating against their department\'s average (submitted ratings of published appraisals).' })
  raterLeniency(
    @Root() a: AnalyticsView,
    @Ctx() ctx: RequestContext,
    @Arg('minRatings', () => Int, { defaultValue: 3, description: 'Leave out raters with fewer ratings in a department (1 to 1000).' }) minRatings: number,
  ) {
    return raterLeniency(ctx, a.filter, minRatings);
  }

  @FieldResolver(() => [CompletionRowView], { description: 'Self-reviews, ratings and acknowledgements done, overdue and late, per phase and department.' })
  completion(@Root() a: AnalyticsView, @Ctx() ctx: RequestContext) {
    return completion(ctx, a.filter);
  }

  @FieldResolver(() => [PayAggregateView], { description: 'Pay by department and period; below HR, groups under the minimum size are withheld (small-group rule).' })
  pay(@Root() a: AnalyticsView, @Ctx() ctx: RequestContext) {
    return payAggregates(ctx, a.filter);
  }
}

@Resolver(() => PayAggregateView)
export class PayAggregateResolver {
  @FieldResolver(() => DepartmentNode, { nullable: true, description: 'The department.' })
  department(@Root() p: PayAggregateView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(p.departmentId);
  }
}

@Resolver(() => LeniencyRowView)
export class LeniencyRowResolver {
  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'The rater (the employee\'s own field rules apply).' })
  rater(@Root() r: LeniencyRowView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(r.raterId);
  }

  @FieldResolver(() => DepartmentNode, { nullable: true, description: 'The department of the people rated.' })
  department(@Root() r: LeniencyRowView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(r.departmentId);
  }
}
