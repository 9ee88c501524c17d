import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { Department } from './department.entity.js';
import { CreatePositionInput, PositionsArgs, UpdatePositionInput } from './org.inputs.js';
import { Position } from './position.entity.js';
import * as positions from './position.service.js';

export const PositionConnection = connectionType(Position, 'Position');

@Resolver(() => Position)
export class PositionResolver {
  @Query(() => PositionConnection, { description: 'Positions of the group.' })
  positions(@Ctx() ctx: RequestContext, @Args(() => PositionsArgs) args: PositionsArgs) {
    return positions.listPositions(ctx, args);
  }

  @Query(() => Position, { description: 'One position; NOT_FOUND when absent.' })
  position(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return positions.getPosition(ctx, id);
  }

  @Mutation(() => Position, { description: 'Creates a position (HR).' })
  createPosition(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePositionInput) input: CreatePositionInput) {
    return positions.createPosition(ctx, input);
  }

  @Mutation(() => Position, { description: 'Updates a position (HR).' })
  updatePosition(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdatePositionInput) input: UpdatePositionInput) {
    return positions.updatePosition(ctx, id, input);
  }

  @Mutation(() => Position, { description: 'Deactivates a position nobody holds (HR).' })
  deactivatePosition(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return positions.deactivatePosition(ctx, id, version);
  }

  @FieldResolver(() => Department, { description: 'Department the position belongs to.' })
  department(@Root() position: Position, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(position.department.id);
  }
}
