import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { EmployeeNode } from '../org/org.types.js';
import { cycleDashboard } from './dashboard.read.js';
import { CycleDashboardView, OverdueTaskView } from './dashboard.types.js';

@Resolver(() => CycleDashboardView)
export class CycleDashboardResolver {
  @Query(() => CycleDashboardView, { description: 'Where a cycle stands today: progress by phase and department, open tasks and overdue people (HR).' })
  cycleDashboard(@Ctx() ctx: RequestContext, @Arg('cycleId', () => ID) cycleId: string) {
    return cycleDashboard(ctx, cycleId);
  }
}

@Resolver(() => OverdueTaskView)
export class OverdueTaskResolver {
  @FieldResolver(() => EmployeeNode, { description: 'Who owes the task.' })
  recipient(@Root() t: OverdueTaskView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(t.recipientId);
  }
}
