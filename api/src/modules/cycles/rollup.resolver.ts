import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { EmployeeNode } from '../org/org.types.js';
import { cyclesByIds } from './cycle.read.js';
import { CycleNode } from './cycle.types.js';
import { AppraisalNode } from './appraisal.types.js';
import { computeRollups, explainRollup, listRollupResults, rollupsOfAppraisals } from './rollup.service.js';
import { RollupComputationView, RollupResultNode, RollupResultsArgs } from './rollup.types.js';

export const RollupResultConnection = connectionType(RollupResultNode, 'RollupResult');

const cycleLoaders = new WeakMap<RequestContext, DataLoader<string, CycleNode | undefined>>();
/** Cycles by id, batched per request (fields of rows that point at a cycle). */
export function cycleLoader(ctx: RequestContext): DataLoader<string, CycleNode | undefined> {
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

const appraisalRollupLoaders = new WeakMap<RequestContext, DataLoader<string, RollupResultNode[]>>();
function appraisalRollupLoader(ctx: RequestContext): DataLoader<string, RollupResultNode[]> {
  let loader = appraisalRollupLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const by = await rollupsOfAppraisals(ctx, ids);
      return ids.map((id) => by.get(id) ?? []);
    });
    appraisalRollupLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => AppraisalNode)
export class AppraisalRollupResolver {
  @FieldResolver(() => [RollupResultNode], {
    description: 'The latest roll-up results of this appraisal\'s employee for its period (a quarter\'s appraisal: the quarter computed from its months); empty when none was computed. One statement per page.',
  })
  rollup(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext): Promise<RollupResultNode[]> {
    return appraisalRollupLoader(ctx).load(a.id);
  }
}

@Resolver(() => RollupResultNode)
export class RollupResolver {
  @Query(() => RollupResultConnection, { description: 'Roll-up results (latest computation): HR all; employees their own; supervisors their line.' })
  rollupResults(@Ctx() ctx: RequestContext, @Args(() => RollupResultsArgs) args: RollupResultsArgs, @Info() info: GraphQLResolveInfo) {
    return listRollupResults(ctx, args, info);
  }

  @Mutation(() => RollupComputationView, { description: 'Computes the roll-up of a published cycle\'s period from its child cycles by the scheme\'s formula (HR, audited); a missing child result is an error.' })
  computeRollups(@Ctx() ctx: RequestContext, @Arg('cycleId', () => ID) cycleId: string) {
    return computeRollups(ctx, cycleId);
  }

  @FieldResolver(() => EmployeeNode, { description: 'The employee.' })
  employee(@Root() r: RollupResultNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(r.employeeId);
  }

  @FieldResolver(() => CycleNode, { nullable: true, description: 'The cycle whose computation wrote it (HR).' })
  cycle(@Root() r: RollupResultNode, @Ctx() ctx: RequestContext) {
    return r.cycleId ? cycleLoader(ctx).load(r.cycleId) : null;
  }

  @FieldResolver(() => [String], { description: 'How the value was computed, one line per step, in English or Chinese.' })
  explanation(@Root() r: RollupResultNode, @Ctx() ctx: RequestContext, @Arg('lang', () => String, { defaultValue: 'en', description: '"en" or "zh".' }) lang: string) {
    return explainRollup(ctx, r, lang === 'zh' ? 'zh' : 'en');
  }
}
