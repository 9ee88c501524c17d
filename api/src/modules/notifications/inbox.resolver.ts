import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { listMyInbox, myInboxCounts } from './inbox.read.js';
import { markInboxRead } from './inbox.service.js';
import { InboxArgs, InboxCountsView, InboxItemNode } from './inbox.types.js';

const InboxConnection = connectionType(InboxItemNode, 'InboxItem');

@Resolver(() => InboxItemNode)
export class InboxResolver {
  @Query(() => InboxConnection, { description: 'The caller\'s own inbox: notices and tasks; open tasks first by default.' })
  myInbox(@Ctx() ctx: RequestContext, @Args(() => InboxArgs) args: InboxArgs, @Info() info: GraphQLResolveInfo) {
    return listMyInbox(ctx, args, info);
  }

  @Query(() => InboxCountsView, { description: 'Unread items, unread notices, open and overdue tasks of the caller\'s inbox (the app bar badge).' })
  inboxCounts(@Ctx() ctx: RequestContext) {
    return myInboxCounts(ctx);
  }

  @Mutation(() => Int, { description: 'Marks items of the caller\'s own inbox read; returns how many became read (other people\'s ids change nothing).' })
  markRead(@Ctx() ctx: RequestContext, @Arg('itemIds', () => [ID], { description: 'Items to mark read.' }) itemIds: string[]) {
    return markInboxRead(ctx, itemIds);
  }

  @Mutation(() => Int, { description: 'Marks every item of the caller\'s inbox read; returns how many became read.' })
  markAllRead(@Ctx() ctx: RequestContext) {
    return markInboxRead(ctx, null);
  }
}
