import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { Node } from '../../core/record.js';
import { employeeInScope } from './employee.read.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its id; null when absent or outside the caller\'s scope.' })
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node | null> {
    const [department, position] = await Promise.all([ctx.loaders.department.load(id), ctx.loaders.position.load(id)]);
    return department ?? position ?? (await employeeInScope(ctx, id));
  }
}
