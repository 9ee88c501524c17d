import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { appraisalInScope } from '../cycles/appraisal.read.js';
import { AppraisalNode } from '../cycles/appraisal.types.js';
import { EmployeeNode } from '../org/org.types.js';
import { listProbationsDue, reviewInScope, reviewsInScope } from './probation.read.js';
import { decideProbation, startProbationReview } from './probation.service.js';
import { DecideProbationInput, ProbationDueView, ProbationReviewNode, StartProbationReviewInput } from './probation.types.js';

/** How far ahead `probationsDue` may look (a quarter). */
export const MAX_DUE_DAYS = 92;

// One statement for the reviews of a whole due list.
const reviewLoaders = new WeakMap<RequestContext, DataLoader<string, ProbationReviewNode | null>>();
function reviewLoader(ctx: RequestContext): DataLoader<string, ProbationReviewNode | null> {
  let loader = reviewLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await reviewsInScope(ctx, ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
    reviewLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => ProbationReviewNode)
export class ProbationReviewResolver {
  @Query(() => [ProbationDueView], { description: 'Everyone whose probation ends within the next `withinDays` calendar days (from hire date and probation end in the employee record), overdue ones first (HR).' })
  probationsDue(@Ctx() ctx: RequestContext, @Arg('withinDays', () => Int, { defaultValue: 30, description: 'Calendar days ahead, 0-92.' }) withinDays: number) {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_DUE_DAYS)
      throw new AppError('VALIDATION_FAILED', `withinDays: between 0 and ${MAX_DUE_DAYS}.`, [{ field: 'withinDays', rule: 'out_of_range', message: `between 0 and ${MAX_DUE_DAYS}`, params: { min: 0, max: MAX_DUE_DAYS } }]);
    return listProbationsDue(ctx, ctx.clock.today(), withinDays);
  }

  @Query(() => ProbationReviewNode, { description: 'One probation review; NOT_FOUND when absent or outside the caller\'s scope (HR all, supervisors their line, the person their own).' })
  async probationReview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const found = await reviewInScope(ctx, id);
    if (!found) throw notFound('ProbationReview', id);
    return found;
  }

  @Mutation(() => ProbationReviewNode, { description: 'Starts the review of a probation: a PROBATION cycle for the person on a scheme\'s form, launched in the background (HR, audited).' })
  startProbationReview(@Ctx() ctx: RequestContext, @Arg('input', () => StartProbationReviewInput) input: StartProbationReviewInput) {
    return startProbationReview(ctx, input);
  }

  @Mutation(() => ProbationReviewNode, { description: 'Confirms, extends or terminates a probation; the employee record changes when the decision takes effect (HR, audited).' })
  decideProbation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => DecideProbationInput) input: DecideProbationInput,
  ) {
    return decideProbation(ctx, id, version, input);
  }

  @FieldResolver(() => EmployeeNode, { description: 'The person on probation.' })
  employee(@Root() r: ProbationReviewNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(r.employeeId);
  }

  @FieldResolver(() => AppraisalNode, { nullable: true, description: 'The probation appraisal, once the cycle is launched.' })
  appraisal(@Root() r: ProbationReviewNode, @Ctx() ctx: RequestContext) {
    return r.appraisalId ? appraisalInScope(ctx, r.appraisalId) : null;
  }
}

@Resolver(() => ProbationDueView)
export class ProbationDueResolver {
  @FieldResolver(() => EmployeeNode, { description: 'The person.' })
  employee(@Root() d: ProbationDueView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(d.employeeId);
  }

  @FieldResolver(() => ProbationReviewNode, { nullable: true, description: 'The review of this end date, when one exists.' })
  review(@Root() d: ProbationDueView, @Ctx() ctx: RequestContext) {
    return d.reviewId ? reviewLoader(ctx).load(d.reviewId) : null;
  }
}
