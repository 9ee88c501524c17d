import {
  canManageWorkCalendar,
  checkWorkCalendarYear,
  describeCalendarDay,
  formatPath,
  NO_FACTS,
  type WorkCalendarYear as CalendarYear,
  workCalendarRowScope,
} from '@appraisal/domain';
import { withFacts } from '../../core/access.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { type ReadDb, sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, staleRecord } from '../../core/errors.js';
import { toDate } from '../../core/projection.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CalendarDayView, WorkCalendarYearInput, WorkCalendarYearNode } from './calendar.types.js';
import { WorkCalendarYear } from './work-calendar-year.entity.js';

interface YearRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  year: number;
  weekend_days: number[];
  holidays: CalendarYear['holidays'];
  make_up_workdays: CalendarYear['makeUpWorkdays'];
  accounting_months: CalendarYear['accountingMonths'];
}

const toNode = (r: YearRow): WorkCalendarYearNode =>
  withFacts(
    {
      __typename: 'WorkCalendarYear' as const,
      id: r.id,
      version: r.version,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      year: r.year,
      weekendDays: r.weekend_days,
      holidays: r.holidays,
      makeUpWorkdays: r.make_up_workdays,
      accountingMonths: r.accounting_months,
    },
    NO_FACTS,
  );

const toYear = (r: YearRow): CalendarYear => ({
  year: r.year,
  weekendDays: r.weekend_days as CalendarYear['weekendDays'],
  holidays: r.holidays,
  makeUpWorkdays: r.make_up_workdays,
  accountingMonths: r.accounting_months,
});

/** Every calendar year HR has entered, as the domain's input (deadline computations read all of them). */
export async function loadCalendarYears(db: ReadDb): Promise<CalendarYear[]> {
  const rows = await db.rows<YearRow>(sql`select year, weekend_days, holidays, make_up_workdays, accounting_months from work_calendar_year order by year`);
  return rows.map(toYear);
}

/** The calendar years, oldest first (any signed-in role; a handful of rows, so no paging). */
export async function listCalendarYears(ctx: RequestContext): Promise<WorkCalendarYearNode[]> {
  if (workCalendarRowScope(requireActor(ctx)).kind === 'none') return [];
  const rows = await ctx.db.rows<YearRow>(sql`select * from work_calendar_year order by year`);
  return rows.map(toNode);
}

export async function getCalendarYear(ctx: RequestContext, year: number): Promise<WorkCalendarYearNode | null> {
  if (workCalendarRowScope(requireActor(ctx)).kind === 'none') return null;
  const rows = await ctx.db.rows<YearRow>(sql`select * from work_calendar_year where year = ${year}`);
  return rows[0] ? toNode(rows[0]) : null;
}

/** What a date is on the calendar (holiday, make-up day, weekend). */
export async function calendarDay(ctx: RequestContext, date: string): Promise<CalendarDayView> {
  requireActor(ctx);
  const years = await loadCalendarYears(ctx.db);
  const day = describeCalendarDay(years, date);
  return { date: day.date, working: day.working, holiday: day.holiday ?? null, makeUp: day.makeUp ?? null, yearEntered: years.some((y) => y.year === Number(date.slice(0, 4))) };
}

/**
 * Saves one calendar year (HR): checked whole by the domain, created or replaced, audited. Replacing needs the
 * version read. Live cycles keep their stored phase dates; HR recomputes a cycle's schedule to apply changes.
 */
export async function saveCalendarYear(ctx: RequestContext, input: WorkCalendarYearInput, version: number | null | undefined): Promise<WorkCalendarYearNode> {
  const actor = requireActor(ctx);
  if (!canManageWorkCalendar(actor)) throw forbidden('the work calendar');
  const checked = checkWorkCalendarYear(JSON.parse(JSON.stringify(input)) as unknown);
  if (!checked.ok) assertNoProblems(checked.issues.map((i) => ({ field: formatPath(i.path) || 'input', rule: i.code, message: i.message })));
  const value = (checked as { ok: true; value: CalendarYear }).value;
  const id = await inTransaction(ctx, async (em) => {
    let entity = await em.findOne(WorkCalendarYear, { year: value.year });
    const before = entity ? { ...toPlain(entity) } : null;
    if (entity) {
      if (version === undefined || version === null)
        throw new AppError('VALIDATION_FAILED', `version: the calendar of ${value.year} exists; send the version you read to replace it.`, [
          { field: 'version', rule: 'version_required', message: 'send the version you read to replace an existing year' },
        ]);
      if (entity.version !== version) throw staleRecord();
      em.assign(entity, { weekendDays: value.weekendDays, holidays: value.holidays, makeUpWorkdays: value.makeUpWorkdays, accountingMonths: value.accountingMonths });
    } else {
      entity = em.create(WorkCalendarYear, { ...value });
    }
    await em.flush();
    recordAudit(em, ctx, { operation: before ? 'updateWorkCalendarYear' : 'createWorkCalendarYear', entityType: 'WorkCalendarYear', entityId: entity.id, before, after: toPlain(entity) });
    return entity.id;
  });
  const rows = await ctx.db.rows<YearRow>(sql`select * from work_calendar_year where id = ${id}`);
  return toNode(rows[0] as YearRow);
}

const toPlain = (e: WorkCalendarYear): Record<string, unknown> => ({
  year: e.year,
  weekendDays: e.weekendDays,
  holidays: e.holidays,
  makeUpWorkdays: e.makeUpWorkdays,
  accountingMonths: e.accountingMonths,
});
