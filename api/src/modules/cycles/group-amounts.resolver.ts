import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { getCycle } from './cycle.service.js';
import { CycleNode } from './cycle.types.js';
import { cycleGroupAmounts, setGroupAmounts } from './group-amounts.service.js';
import { CycleGroupAmountView, GroupAmountInput } from './group-amounts.types.js';

@Resolver(() => CycleNode)
export class CycleGroupAmountsResolver {
  @FieldResolver(() => [CycleGroupAmountView], { description: 'The money of each pay group that the pay rules split: bonus pool, output value (HR).' })
  groupAmounts(@Root() cycle: CycleNode, @Ctx() ctx: RequestContext) {
    return cycleGroupAmounts(ctx, cycle.id);
  }

  @Mutation(() => CycleNode, {
    description: 'Sets the bonus pool / output value of pay groups before publication (HR; exact money, at most 2 decimal places; audited; the cycle version moves on).',
  })
  async setGroupAmounts(
    @Ctx() ctx: RequestContext,
    @Arg('cycleId', () => ID) cycleId: string,
    @Arg('version', () => Int, { description: 'The cycle version read.' }) version: number,
    @Arg('amounts', () => [GroupAmountInput], { description: 'Amounts per group and kind; a null amount clears it.' }) amounts: GroupAmountInput[],
  ) {
    await setGroupAmounts(ctx, cycleId, version, amounts);
    return getCycle(ctx, cycleId);
  }
}
