import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { LocalDateScalar } from '../../core/scalars.js';
import { calendarDay, getCalendarYear, listCalendarYears, saveCalendarYear } from './calendar.service.js';
import { CalendarDayView, WorkCalendarYearInput, WorkCalendarYearNode } from './calendar.types.js';

@Resolver(() => WorkCalendarYearNode)
export class CalendarResolver {
  @Query(() => [WorkCalendarYearNode], { description: 'Every year of the work calendar HR has entered, oldest first.' })
  workCalendarYears(@Ctx() ctx: RequestContext) {
    return listCalendarYears(ctx);
  }

  @Query(() => WorkCalendarYearNode, { nullable: true, description: 'One year of the work calendar; null when HR has not entered it.' })
  workCalendarYear(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return getCalendarYear(ctx, year);
  }

  @Query(() => CalendarDayView, { description: 'What a date is on the work calendar: working day, holiday or make-up day.' })
  calendarDay(@Ctx() ctx: RequestContext, @Arg('date', () => LocalDateScalar) date: string) {
    return calendarDay(ctx, date);
  }

  @Mutation(() => WorkCalendarYearNode, {
    description: 'Creates or replaces one calendar year (HR). Replacing needs the version read (stale: CONFLICT). Live cycles keep their dates until HR recomputes their schedule.',
  })
  saveWorkCalendarYear(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WorkCalendarYearInput) input: WorkCalendarYearInput,
    @Arg('version', () => Int, { nullable: true, description: 'Version of the existing year; omit when creating.' }) version?: number | null,
  ) {
    return saveCalendarYear(ctx, input, version);
  }
}
