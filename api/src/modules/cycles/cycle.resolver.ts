import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { SchemeVersion } from '../schemes/scheme-version.entity.js';
import { Scheme } from '../schemes/scheme.entity.js';
import { listCycles } from './cycle.read.js';
import * as cycles from './cycle.service.js';
import {
  CreateCycleInput,
  CycleActionValue,
  CycleNode,
  CycleProgressView,
  CyclesArgs,
  PhaseOverrideInput,
  PopulationChangeInput,
  PopulationPreviewView,
  ReopenWindowInput,
} from './cycle.types.js';

export const CycleConnection = connectionType(CycleNode, 'Cycle');

@Resolver(() => CycleNode)
export class CycleResolver {
  @Query(() => CycleConnection, { description: 'Cycles the caller may see: HR all (drafts too); others the launched cycles they take part in; the committee published ones.' })
  cycles(@Ctx() ctx: RequestContext, @Args(() => CyclesArgs) args: CyclesArgs, @Info() info: GraphQLResolveInfo) {
    return listCycles(ctx, args, info);
  }

  @Query(() => CycleNode, { description: 'One cycle; NOT_FOUND when absent or outside the caller\'s scope.' })
  cycle(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return cycles.getCycle(ctx, id);
  }

  @Query(() => PopulationPreviewView, { description: 'Who the cycle includes and excludes, with reasons and rater gaps (HR). After launch: the frozen snapshot.' })
  previewPopulation(@Ctx() ctx: RequestContext, @Arg('cycleId', () => ID) cycleId: string) {
    return cycles.previewPopulation(ctx, cycleId);
  }

  @Mutation(() => CycleNode, { description: 'Creates a draft cycle of a published scheme version; phase dates are computed on the work calendar and stored (HR).' })
  createCycle(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCycleInput) input: CreateCycleInput) {
    return cycles.createCycle(ctx, input);
  }

  @Mutation(() => CycleNode, { description: 'Sets HR\'s dates for phases of a cycle; the other phases are recomputed (HR, audited).' })
  updateCyclePhases(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('overrides', () => [PhaseOverrideInput]) overrides: PhaseOverrideInput[],
  ) {
    return cycles.updateCyclePhases(ctx, id, version, overrides);
  }

  @Mutation(() => CycleNode, { description: 'Recomputes the stored phase dates on the current work calendar, keeping HR\'s overrides (HR, audited).' })
  recomputeCycleSchedule(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return cycles.recomputeCycleSchedule(ctx, id, version);
  }

  @Mutation(() => PopulationPreviewView, { description: 'Adds or removes people of a draft cycle, each with a reason (HR, audited).' })
  changePopulation(
    @Ctx() ctx: RequestContext,
    @Arg('cycleId', () => ID) cycleId: string,
    @Arg('version', () => Int) version: number,
    @Arg('changes', () => [PopulationChangeInput]) changes: PopulationChangeInput[],
  ) {
    return cycles.changePopulation(ctx, cycleId, version, changes);
  }

  @Mutation(() => CycleNode, { description: 'Launches a draft cycle in the background: appraisals and rating slots are created, then the cycle opens (HR). Watch `launch`.' })
  launchCycle(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return cycles.launchCycle(ctx, id, version);
  }

  @Mutation(() => CycleNode, { description: 'Takes a step of the cycle workflow; the appraisals follow (HR, audited).' })
  transitionCycle(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('action', () => CycleActionValue) action: CycleActionValue,
    @Arg('reason', () => String, { nullable: true, description: 'Required to cancel.' }) reason?: string | null,
  ) {
    return cycles.transitionCycle(ctx, id, version, action, reason);
  }

  @Mutation(() => CycleNode, { description: 'Reopens a window for the cycle, one appraisal or one rating until a date, with a reason (HR, audited).' })
  reopenWindow(@Ctx() ctx: RequestContext, @Arg('cycleId', () => ID) cycleId: string, @Arg('input', () => ReopenWindowInput) input: ReopenWindowInput) {
    return cycles.reopenWindow(ctx, cycleId, input);
  }

  @FieldResolver(() => Scheme, { description: 'The scheme the cycle runs.' })
  scheme(@Root() cycle: CycleNode, @Ctx() ctx: RequestContext) {
    return ctx.em.findOneOrFail(Scheme, { id: cycle.schemeId });
  }

  @FieldResolver(() => SchemeVersion, { description: 'The scheme version the cycle pinned at creation.' })
  schemeVersion(@Root() cycle: CycleNode, @Ctx() ctx: RequestContext) {
    return ctx.em.findOneOrFail(SchemeVersion, { id: cycle.schemeVersionId });
  }

  @FieldResolver(() => PopulationPreviewView, { description: 'Who is in and out and why (HR): computed before launch, frozen after.' })
  population(@Root() cycle: CycleNode, @Ctx() ctx: RequestContext) {
    return cycles.previewPopulation(ctx, cycle.id);
  }

  @FieldResolver(() => CycleProgressView, { description: 'Completion statistics (HR).' })
  progress(@Root() cycle: CycleNode, @Ctx() ctx: RequestContext) {
    return cycles.cycleProgress(ctx, cycle.id);
  }
}
