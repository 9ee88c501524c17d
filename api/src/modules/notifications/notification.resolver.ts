import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { listMyNotifications } from './notification.read.js';
import { markNotificationRead } from './notification.service.js';
import { NotificationNode, NotificationsArgs, ReminderRunView } from './notification.types.js';
import { sendReminders } from './reminders.service.js';

export const NotificationConnection = connectionType(NotificationNode, 'Notification');

@Resolver(() => NotificationNode)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'The signed-in person\'s notifications (reminders of open tasks), newest first.' })
  myNotifications(@Ctx() ctx: RequestContext, @Args(() => NotificationsArgs) args: NotificationsArgs, @Info() info: GraphQLResolveInfo) {
    return listMyNotifications(ctx, args, info);
  }

  @Mutation(() => NotificationNode, { description: 'Marks one of my notifications read (others\' are NOT_FOUND; audited).' })
  markNotificationRead(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return markNotificationRead(ctx, id, version);
  }

  @Mutation(() => ReminderRunView, { description: 'Sends today\'s reminders of one cycle now, in-app; never twice for the same task on one day (HR, audited).' })
  sendReminders(@Ctx() ctx: RequestContext, @Arg('cycleId', () => ID) cycleId: string) {
    return sendReminders(ctx, cycleId);
  }
}
