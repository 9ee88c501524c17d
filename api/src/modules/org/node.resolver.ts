import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { Node } from '../../core/record.js';
import { getEmployee } from './employee.service.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its id; null when absent or outside the caller\'s scope.' })
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node | null> {
    const [department, position] = await Promise.all([ctx.loaders.department.load(id), ctx.loaders.position.load(id)]);
    if (department) return department;
    if (position) return position;
    try {
      return await getEmployee(ctx, id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
