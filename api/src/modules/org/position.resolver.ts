import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { CreatePositionInput, PositionsArgs, UpdatePositionInput } from './org.inputs.js';
import * as positions from './position.service.js';
import { listPositions } from './org.read.js';
import { DepartmentNode, PositionNode } from './org.types.js';

export const PositionConnection = connectionType(PositionNode, 'Position');

@Resolver(() => PositionNode)
export class PositionResolver {
  @Query(() => PositionConnection, { description: 'Positions of the group.' })
  positions(@Ctx() ctx: RequestContext, @Args(() => PositionsArgs) args: PositionsArgs, @Info() info: GraphQLResolveInfo) {
    return listPositions(ctx, args, info);
  }

  @Query(() => PositionNode, { description: 'One position; NOT_FOUND when absent.' })
  position(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return positions.getPosition(ctx, id);
  }

  @Mutation(() => PositionNode, { description: 'Creates a position (HR).' })
  createPosition(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePositionInput) input: CreatePositionInput) {
    return positions.createPosition(ctx, input);
  }

  @Mutation(() => PositionNode, { description: 'Updates a position (HR).' })
  updatePosition(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdatePositionInput) input: UpdatePositionInput) {
    return positions.updatePosition(ctx, id, input);
  }

  @Mutation(() => PositionNode, { description: 'Deactivates a position nobody holds (HR).' })
  deactivatePosition(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return positions.deactivatePosition(ctx, id, version);
  }

  @FieldResolver(() => DepartmentNode, { description: 'Department the position belongs to.' })
  department(@Root() position: PositionNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(position.departmentId);
  }
}
