import { explain, type ExplainLanguage, type TraceStep } from '@appraisal/domain';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Mutation, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { joinedOf } from '../../core/projection.js';
import { EmployeeNode, type EmployeeRow } from '../org/org.types.js';
import { appraisalInScope, listAppraisals, listMyAppraisals, listMyRatingTasks, ratingsOfAppraisals } from './appraisal.read.js';
import { AppraisalNode, AppraisalsArgs, RaterChangeInput, RatingFormInput, RatingNode, RatingPreviewView, RatingTasksArgs, SelfReviewInput } from './appraisal.types.js';
import { schemeDocument } from './cycle-data.js';
import { cyclesByIds } from './cycle.read.js';
import { CycleNode } from './cycle.types.js';
import { changeAppraisalRater, previewRatingOf, returnRating, writeRating } from './rating.service.js';
import { publishedExplanation } from './results.resolver.js';
import { writeSelfReview } from './self-review.service.js';
import { ArgLimits } from '../../core/input-limits.js';

// One cycle statement per request for a whole page of appraisals (a page usually holds one cycle).
const cycleLoaders = new WeakMap<RequestContext, DataLoader<string, CycleNode | undefined>>();
function cycleLoader(ctx: RequestContext): DataLoader<string, CycleNode | undefined> {
  let loader = cycleLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await cyclesByIds(ctx, ids);
      return ids.map((id) => rows.find((r) => r.id === id));
    });
    cycleLoaders.set(ctx, loader);
  }
  return loader;
}

export const AppraisalConnection = connectionType(AppraisalNode, 'Appraisal');
export const RatingConnection = connectionType(RatingNode, 'Rating');

@Resolver(() => AppraisalNode)
export class AppraisalResolver {
  @Query(() => AppraisalConnection, { description: 'Appraisals the caller may see: HR all; the employee their own; supervisors their line; raters those they rate; the committee published ones.' })
  appraisals(@Ctx() ctx: RequestContext, @Args(() => AppraisalsArgs) args: AppraisalsArgs, @Info() info: GraphQLResolveInfo) {
    return listAppraisals(ctx, args, info);
  }

  @Query(() => AppraisalConnection, { description: 'The caller\'s own appraisals.' })
  myAppraisals(@Ctx() ctx: RequestContext, @Args(() => AppraisalsArgs) args: AppraisalsArgs, @Info() info: GraphQLResolveInfo) {
    return listMyAppraisals(ctx, args, info);
  }

  @Query(() => AppraisalNode, { description: 'One appraisal; NOT_FOUND when absent or outside the caller\'s scope.' })
  async appraisal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const found = await appraisalInScope(ctx, id);
    if (!found) throw notFound('Appraisal', id);
    return found;
  }

  @Mutation(() => AppraisalNode, { description: 'Saves a draft of the self-review (the appraised employee, inside the self-review window).' })
  saveSelfReview(@Ctx() ctx: RequestContext, @Arg('appraisalId', () => ID) appraisalId: string, @Arg('version', () => Int) version: number, @Arg('input', () => SelfReviewInput) input: SelfReviewInput) {
    return writeSelfReview(ctx, appraisalId, version, input, 'save');
  }

  @Mutation(() => AppraisalNode, { description: 'Submits the self-review: all three texts and every SELF section complete; submits the self-scores.' })
  submitSelfReview(@Ctx() ctx: RequestContext, @Arg('appraisalId', () => ID) appraisalId: string, @Arg('version', () => Int) version: number, @Arg('input', () => SelfReviewInput) input: SelfReviewInput) {
    return writeSelfReview(ctx, appraisalId, version, input, 'submit');
  }

  @Mutation(() => AppraisalNode, { description: 'Changes who rates (HR replaces or adds a rater; HR or a supervisor of the line adds peers); the old rating becomes reassigned. Audited.' })
  changeRater(@Ctx() ctx: RequestContext, @Arg('appraisalId', () => ID) appraisalId: string, @Arg('version', () => Int) version: number, @Arg('input', () => RaterChangeInput) input: RaterChangeInput) {
    return changeAppraisalRater(ctx, appraisalId, version, input);
  }

  @FieldResolver(() => CycleNode, { description: 'The cycle.' })
  cycle(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext) {
    return cycleLoader(ctx).load(a.cycleId);
  }

  @FieldResolver(() => EmployeeNode, { description: 'The appraised employee.' })
  employee(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext) {
    // Joined into a list's page statement when the list read the employee; loaded (batched) otherwise.
    return joinedOf<EmployeeRow>(a, 'employee') ?? ctx.loaders.employee.load(a.employeeId);
  }

  @FieldResolver(() => [String], { description: 'How the total and grade were computed, one line per step, in English or Chinese.' })
  async explanation(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext, @Arg('lang', () => String, { defaultValue: 'en', description: '"en" or "zh".' }) lang: string) {
    const language: ExplainLanguage = lang === 'zh' ? 'zh' : 'en';
    // After publication: the published trace (engine, calibration, pay); before: the engine's.
    if (a.publishedAt) {
      const published = await publishedExplanation(ctx, a, language);
      if (published) return published;
    }
    const trace = (a.resultRecord as { output?: { trace?: TraceStep[] } } | null)?.output?.trace;
    if (!trace) return [];
    return explain(trace, language, await schemeDocument(ctx.db, a.schemeVersionId));
  }

  @FieldResolver(() => [RatingNode], { description: 'The ratings of the appraisal the caller may see (drafts only to their rater).' })
  ratings(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext) {
    return ratingsOfAppraisals(ctx.db, requireActor(ctx), [a.id]);
  }
}

@Resolver(() => RatingNode)
export class RatingResolver {
  @Query(() => RatingConnection, { description: 'Ratings the caller fills, in launched cycles.' })
  myRatingTasks(@Ctx() ctx: RequestContext, @Args(() => RatingTasksArgs) args: RatingTasksArgs, @Info() info: GraphQLResolveInfo) {
    return listMyRatingTasks(ctx, args, info);
  }

  @Query(() => RatingPreviewView, { description: 'Scores a rating as its rater types, with the engine; nothing is saved.' })
  previewRating(@Ctx() ctx: RequestContext, @Arg('ratingId', () => ID) ratingId: string, @Arg('items', () => JSONResolver) items: Record<string, unknown>) {
    return previewRatingOf(ctx, ratingId, items);
  }

  @Mutation(() => RatingNode, { description: 'Saves a draft of a rating (its rater, inside the window).' })
  saveRating(@Ctx() ctx: RequestContext, @Arg('ratingId', () => ID) ratingId: string, @Arg('version', () => Int) version: number, @Arg('input', () => RatingFormInput) input: RatingFormInput) {
    return writeRating(ctx, ratingId, version, input, 'save');
  }

  @Mutation(() => RatingNode, { description: 'Submits a rating (its rater, inside the window, every item valid); the last submission computes the appraisal\'s result.' })
  submitRating(@Ctx() ctx: RequestContext, @Arg('ratingId', () => ID) ratingId: string, @Arg('version', () => Int) version: number, @Arg('input', () => RatingFormInput) input: RatingFormInput) {
    return writeRating(ctx, ratingId, version, input, 'submit');
  }

  @Mutation(() => RatingNode, { description: 'HR returns a submitted rating to its rater with a reason (before publication). Audited.' })
  @ArgLimits({ reason: 'comment' })
  returnRating(@Ctx() ctx: RequestContext, @Arg('ratingId', () => ID) ratingId: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) reason: string) {
    return returnRating(ctx, ratingId, version, reason);
  }

  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'Who rates (null for data slots such as surveys).' })
  rater(@Root() r: RatingNode, @Ctx() ctx: RequestContext) {
    return r.raterEmployeeId ? ctx.loaders.employee.load(r.raterEmployeeId) : null;
  }

  @FieldResolver(() => AppraisalNode, { description: 'The appraisal rated.' })
  async appraisal(@Root() r: RatingNode, @Ctx() ctx: RequestContext) {
    const found = await appraisalInScope(ctx, r.appraisalId);
    if (!found) throw notFound('Appraisal', r.appraisalId);
    return found;
  }
}
