import DataLoader from 'dataloader';
import { JSONResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { CycleNode } from './cycle.types.js';
import { closeRatingPhase } from './rating-close.service.js';

@ObjectType('RatingPhaseClose', { simpleResolvers: true, description: 'HR closed the rating phase: the background job computing the missing results with the missing-rater policy.' })
export class RatingPhaseCloseView {
  @Field(() => String, { description: 'RUNNING, DONE or FAILED.' }) status!: string;
  @Field(() => JSONResolver, { description: 'Progress: { total, done, computed, unchanged, blocked, blockedAppraisals: [{ appraisalId, employeeId, issues }], startedAt, finishedAt, error }.' })
  progress!: Record<string, unknown>;
  @Field(() => Date, { description: 'When HR closed the phase.' }) closedAt!: Date;
}

// One statement per request for every cycle of a page.
const loaders = new WeakMap<RequestContext, DataLoader<string, RatingPhaseCloseView | null>>();
function closeLoader(ctx: RequestContext): DataLoader<string, RatingPhaseCloseView | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.db.rows<{ cycle_id: string; status: string; progress: Record<string, unknown>; created_at: string }>(
        sql`select cycle_id, status, progress, created_at from cycle_rating_close where cycle_id = any(${[...ids]}::uuid[])`,
      );
      return ids.map((id) => {
        const r = rows.find((x) => x.cycle_id === id);
        return r ? { status: r.status, progress: r.progress, closedAt: new Date(r.created_at) } : null;
      });
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => CycleNode)
export class RatingCloseResolver {
  @Mutation(() => CycleNode, { description: 'Closes the rating phase of a cycle in rating (HR): later ratings need a reopening; a background job computes the missing results with the missing-rater policy. Watch `ratingClose`.' })
  closeRatingPhase(@Ctx() ctx: RequestContext, @Arg('cycleId', () => ID) cycleId: string, @Arg('version', () => Int) version: number) {
    return closeRatingPhase(ctx, cycleId, version);
  }

  @FieldResolver(() => RatingPhaseCloseView, { nullable: true, description: 'The close of the rating phase and its job (HR); null while the phase is open.' })
  ratingClose(@Root() cycle: CycleNode, @Ctx() ctx: RequestContext) {
    return closeLoader(ctx).load(cycle.id);
  }
}
