import { type Actor, addWorkingDays, appealAccess, type AppealFacts, appealFlags, appealRowScope, buildWorkCalendar, type WorkCalendar } from '@appraisal/domain';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, join, raw, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import { loadCalendarYears } from '../calendar/calendar.service.js';
import type {
  AppealDashboardView,
  AppealHandlerRoleValue,
  AppealHandlerView,
  AppealNode,
  AppealNoteView,
  AppealOutcomeValue,
  AppealResultVersionView,
  AppealsArgs,
  AppealStateValue,
  AppealTargetKindValue,
  StatementRequestNode,
} from './appeal.types.js';

const calendars = new WeakMap<RequestContext, Promise<WorkCalendar>>();

/** The work calendar, read once per request (flags and due dates are counted on it). */
export function requestCalendar(ctx: RequestContext): Promise<WorkCalendar> {
  let found = calendars.get(ctx);
  if (!found) {
    found = loadCalendarYears(ctx.db).then(buildWorkCalendar);
    calendars.set(ctx, found);
  }
  return found;
}

/** How many working days before the due day an open appeal counts as near due (domain `appealFlags` default). */
export const NEAR_DUE_WORKING_DAYS = 2;

/** The last due day that is "near" today: open appeals due from today up to it are near due. */
export async function nearDueUntil(ctx: RequestContext): Promise<string> {
  return addWorkingDays(await requestCalendar(ctx), ctx.clock.today(), NEAR_DUE_WORKING_DAYS);
}

const SELECT = sql`a.id, a.version, a.created_at, a.updated_at, a.appellant_employee_id, a.target_kind, a.appraisal_id, a.ledger_entry_id, a.result_id, a.new_result_id,
  a.grounds, a.attachments, a.filed_on::text as filed_on, a.window_closes::text as window_closes, a.due_on::text as due_on, a.state, a.outcome, a.reason, a.correction,
  a.decided_at, a.closed_at, a.withdrawn_at, a.withdrawal_reason, e.name as appellant_name, c.name as cycle_name, c.period_key`;
const FROM = sql`appeal a join employee e on e.id = a.appellant_employee_id left join appraisal ap on ap.id = a.appraisal_id left join cycle c on c.id = ap.cycle_id`;

function factsSql(me: string | null): Sql {
  if (!me) return sql`false as f_appellant, false as f_assigned, false as f_statement`;
  return sql`a.appellant_employee_id = ${me}::uuid as f_appellant,
    exists (select 1 from appeal_handler h where h.appeal_id = a.id and h.employee_id = ${me}::uuid) as f_assigned,
    exists (select 1 from statement_request s where s.appeal_id = a.id and s.rater_employee_id = ${me}::uuid) as f_statement`;
}

/** Rows the actor may list (domain `appealRowScope`): HR all; others their own (appellant) or assigned ones. */
function scopeSql(actor: Actor): Sql | null | 'none' {
  const scope = appealRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none' || !actor.employeeId) return 'none';
  const parts: Sql[] = [];
  if (scope.own) parts.push(sql`a.appellant_employee_id = ${actor.employeeId}::uuid`);
  if (scope.assigned) parts.push(sql`exists (select 1 from appeal_handler h where h.appeal_id = a.id and h.employee_id = ${actor.employeeId}::uuid)`);
  return parts.length ? sql`(${join(parts, ' or ')})` : 'none';
}

function toRow(r: Record<string, unknown>, calendar: WorkCalendar, today: string): AppealNode {
  const facts: AppealFacts = { appellant: r.f_appellant === true, assigned: r.f_assigned === true, statementAsked: r.f_statement === true };
  const state = r.state as AppealStateValue;
  return withFacts(
    {
      __typename: 'Appeal' as const,
      id: r.id as string,
      version: r.version as number,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      appellantEmployeeId: r.appellant_employee_id as string,
      resultId: (r.result_id as string | null) ?? null,
      newResultId: (r.new_result_id as string | null) ?? null,
      target: {
        kind: r.target_kind as AppealTargetKindValue,
        appraisalId: (r.appraisal_id as string | null) ?? null,
        ledgerEntryId: (r.ledger_entry_id as string | null) ?? null,
        cycleName: (r.cycle_name as string | null) ?? null,
        periodKey: (r.period_key as string | null) ?? null,
      },
      state,
      filedOn: r.filed_on as string,
      windowCloses: (r.window_closes as string | null) ?? null,
      dueOn: r.due_on as string,
      flags: appealFlags({ state, dueOn: r.due_on as string }, today, calendar, NEAR_DUE_WORKING_DAYS),
      decidedAt: r.decided_at ? toDate(r.decided_at) : null,
      closedAt: r.closed_at ? toDate(r.closed_at) : null,
      grounds: r.grounds as string,
      attachments: (r.attachments as AppealNode['attachments'] | null) ?? [],
      appellant: r.appellant_name as string,
      outcome: (r.outcome as AppealOutcomeValue | null) ?? null,
      reason: (r.reason as string | null) ?? null,
      correction: (r.correction as Record<string, unknown> | null) ?? null,
      withdrawnAt: r.withdrawn_at ? toDate(r.withdrawn_at) : null,
      withdrawalReason: (r.withdrawal_reason as string | null) ?? null,
    },
    facts,
  );
}

export const appealListing = defineListing({
  query: 'appeals',
  access: appealAccess,
  filters: { state: 'state', targetKind: 'target', departmentId: 'appellant', appellantId: 'appellant', dueBefore: 'dueOn', overdue: 'flags', nearDue: 'flags' },
  search: [
    { field: 'grounds', sql: raw('a.grounds') },
    { field: 'appellant', sql: raw('e.name') },
  ],
  sorts: {
    DUE_ON: { field: 'dueOn', sql: raw('a.due_on') },
    FILED_ON: { field: 'filedOn', sql: raw('a.filed_on') },
    STATE: { field: 'state', sql: raw('a.state') },
  },
  defaultSort: [{ field: 'DUE_ON', direction: SortDirection.ASC }],
  id: raw('a.id'),
});

const OPEN = raw(`a.state in ('filed', 'under_review')`);

/** A page of appeals in the actor's scope: one statement (plus the calendar, once per request). */
export async function listAppeals(ctx: RequestContext, args: AppealsArgs, info: GraphQLResolveInfo): Promise<Page<AppealNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, appealListing, args);
  const scope = scopeSql(actor);
  if (scope === 'none') return Page.empty();
  const where: Sql[] = scope ? [scope] : [];
  const f = args.filter;
  const today = ctx.clock.today();
  if (f?.state?.length) where.push(sql`a.state = any(${f.state}::text[])`);
  if (f?.targetKind) where.push(sql`a.target_kind = ${f.targetKind}`);
  if (f?.departmentId) where.push(sql`a.department_id in (select d.id from department d where d.lineage @> array[${f.departmentId}]::uuid[])`);
  if (f?.appellantId) where.push(sql`a.appellant_employee_id = ${f.appellantId}::uuid`);
  if (f?.dueBefore) where.push(sql`a.due_on <= ${f.dueBefore}::date`);
  if (f?.overdue === true) where.push(sql`${OPEN} and a.due_on < ${today}::date`);
  if (f?.overdue === false) where.push(sql`not (${OPEN} and a.due_on < ${today}::date)`);
  if (f?.nearDue === true) where.push(sql`${OPEN} and a.due_on between ${today}::date and ${await nearDueUntil(ctx)}::date`);
  const calendar = await requestCalendar(ctx);
  return fetchPage(ctx.db, { select: sql`${SELECT}, ${factsSql(actor.employeeId)}`, from: FROM, countFrom: sql`appeal a join employee e on e.id = a.appellant_employee_id`, where }, checked, selectedHere(info).has('totalCount'), (r: Record<string, unknown>) =>
    toRow(r, calendar, today),
  );
}

/** One appeal in the actor's scope, else null. */
export async function appealInScope(ctx: RequestContext, id: string): Promise<AppealNode | null> {
  const actor = requireActor(ctx);
  const scope = scopeSql(actor);
  if (scope === 'none') return null;
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${SELECT}, ${factsSql(actor.employeeId)} from ${FROM} where a.id = ${id}::uuid${scope ? sql` and ${scope}` : empty}`);
  if (!rows[0]) return null;
  return toRow(rows[0], await requestCalendar(ctx), ctx.clock.today());
}

/** HR's desk: open, overdue, near-due and decided counts in one statement. */
export async function appealDashboard(ctx: RequestContext): Promise<AppealDashboardView> {
  const today = ctx.clock.today();
  const near = await nearDueUntil(ctx);
  const rows = await ctx.db.rows<AppealDashboardView>(
    sql`select count(*) filter (where ${OPEN})::int as open, count(*) filter (where ${OPEN} and a.due_on < ${today}::date)::int as overdue,
               count(*) filter (where ${OPEN} and a.due_on between ${today}::date and ${near}::date)::int as "nearDue",
               count(*) filter (where a.state = 'decided')::int as decided
          from appeal a where a.state in ('filed', 'under_review', 'decided')`,
  );
  return rows[0] ?? { open: 0, overdue: 0, nearDue: 0, decided: 0 };
}

// ---- per-page loaders (one statement per page for each kind of detail) -----------------------------------------

function memo<K, V>(store: WeakMap<RequestContext, DataLoader<K, V>>, ctx: RequestContext, make: () => DataLoader<K, V>): DataLoader<K, V> {
  let loader = store.get(ctx);
  if (!loader) {
    loader = make();
    store.set(ctx, loader);
  }
  return loader;
}

const noteLoaders = new WeakMap<RequestContext, DataLoader<string, AppealNoteView[]>>();
export function notesOf(ctx: RequestContext): DataLoader<string, AppealNoteView[]> {
  return memo(noteLoaders, ctx, () =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.db.rows<{ id: string; appeal_id: string; text: string; author: string | null; created_at: string }>(
        sql`select n.id, n.appeal_id, n.text, u.display_name as author, n.created_at from appeal_note n left join app_user u on u.id = n.author_user_id
             where n.appeal_id = any(${[...ids]}::uuid[]) order by n.created_at, n.id`,
      );
      return ids.map((id) => rows.filter((r) => r.appeal_id === id).map((r) => ({ id: r.id, text: r.text, author: r.author ?? '', createdAt: toDate(r.created_at) })));
    }),
  );
}

const handlerLoaders = new WeakMap<RequestContext, DataLoader<string, AppealHandlerView[]>>();
export function handlersOf(ctx: RequestContext): DataLoader<string, AppealHandlerView[]> {
  return memo(handlerLoaders, ctx, () =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.db.rows<{ appeal_id: string; employee_id: string; name: string; role: string; created_at: string }>(
        sql`select h.appeal_id, h.employee_id, e.name, h.role, h.created_at from appeal_handler h join employee e on e.id = h.employee_id
             where h.appeal_id = any(${[...ids]}::uuid[]) order by h.created_at, e.name`,
      );
      return ids.map((id) => rows.filter((r) => r.appeal_id === id).map((r) => ({ employeeId: r.employee_id, name: r.name, role: r.role as AppealHandlerRoleValue, assignedAt: toDate(r.created_at) })));
    }),
  );
}

const STATEMENT_SELECT = sql`s.id, s.appeal_id, s.rater_employee_id, s.question, s.shared_excerpt, s.due_on::text as due_on, s.statement, s.answered_at, s.created_at, e.name as rater`;

function toStatement(r: Record<string, unknown>, facts: { asked: boolean; handler: boolean }): StatementRequestNode {
  return withFacts(
    {
      __typename: 'StatementRequest' as const,
      id: r.id as string,
      appealId: r.appeal_id as string,
      raterEmployeeId: r.rater_employee_id as string,
      question: r.question as string,
      sharedExcerpt: r.shared_excerpt as string,
      dueOn: r.due_on as string,
      statement: (r.statement as string | null) ?? null,
      answeredAt: r.answered_at ? toDate(r.answered_at) : null,
      rater: r.rater as string,
      createdAt: toDate(r.created_at),
    },
    facts,
  );
}

const statementLoaders = new WeakMap<RequestContext, DataLoader<string, StatementRequestNode[]>>();
/** Statement requests of a page of appeals (read by HR and the handlers through the appeal's `statements`). */
export function statementsOf(ctx: RequestContext): DataLoader<string, StatementRequestNode[]> {
  const me = ctx.actor?.employeeId ?? null;
  return memo(statementLoaders, ctx, () =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.db.rows<Record<string, unknown>>(
        sql`select ${STATEMENT_SELECT} from statement_request s join employee e on e.id = s.rater_employee_id where s.appeal_id = any(${[...ids]}::uuid[]) order by s.created_at, s.id`,
      );
      return ids.map((id) => rows.filter((r) => r.appeal_id === id).map((r) => toStatement(r, { asked: r.rater_employee_id === me, handler: true })));
    }),
  );
}

/** The caller's own statement requests (as a rater): the question and the excerpt HR shared, never the appeal. */
export async function myStatementRequests(ctx: RequestContext, answered: boolean | null): Promise<StatementRequestNode[]> {
  const me = requireActor(ctx).employeeId;
  if (!me) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select ${STATEMENT_SELECT} from statement_request s join employee e on e.id = s.rater_employee_id where s.rater_employee_id = ${me}::uuid
        ${answered === null ? empty : answered ? sql`and s.answered_at is not null` : sql`and s.answered_at is null`} order by s.due_on, s.id limit 200`,
  );
  return rows.map((r) => toStatement(r, { asked: true, handler: false }));
}

const versionLoaders = new WeakMap<RequestContext, DataLoader<string, AppealResultVersionView | null>>();
/** Published result versions by result id (the appealed one and the re-scored one), one statement per page. */
export function resultVersions(ctx: RequestContext): DataLoader<string, AppealResultVersionView | null> {
  return memo(versionLoaders, ctx, () =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.db.rows<{ result_id: string; number: number; total: string; grade: string | null; pay_total: string | null }>(
        sql`select r.id as result_id, r.number, coalesce(p.record->>'total', r.record->'output'->>'total') as total, coalesce(p.grade, r.engine_grade) as grade, p.pay_total::text as pay_total
              from appraisal_result r left join published_result p on p.result_id = r.id where r.id = any(${[...ids]}::uuid[])`,
      );
      const by = new Map(rows.map((r) => [r.result_id, r]));
      return ids.map((id) => {
        const r = by.get(id);
        return r ? { number: r.number, total: r.total, grade: r.grade, payTotal: r.pay_total } : null;
      });
    }),
  );
}
