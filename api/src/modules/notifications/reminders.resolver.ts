import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { sendReminders } from './reminders.service.js';

@ObjectType('ReminderRun', { simpleResolvers: true, description: 'What one run of the reminder planner did (reminders are inbox tasks).' })
export class ReminderRunView {
  @Field(() => Int, { description: 'People who got at least one new inbox task.' }) recipients!: number;
  @Field(() => Int, { description: 'Tasks reminded of (one inbox task each).' }) items!: number;
  @Field(() => Int, { description: 'Open tasks seen.' }) pending!: number;
}

@Resolver(() => ReminderRunView)
export class RemindersResolver {
  @Mutation(() => ReminderRunView, { description: 'Sends today\'s reminders of one cycle now, to the inbox; never twice for the same task on one day (HR, audited).' })
  sendReminders(@Ctx() ctx: RequestContext, @Arg('cycleId', () => ID) cycleId: string) {
    return sendReminders(ctx, cycleId);
  }
}
