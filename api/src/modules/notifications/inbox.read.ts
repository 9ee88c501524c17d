import { type InboxFacts, inboxItemAccess } from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import type { InboxArgs, InboxCountsView, InboxItemKindValue, InboxItemNode } from './inbox.types.js';

/**
 * The inbox order as one text key (the reference is the domain's `inboxOrder`): open tasks first by due date (the
 * overdue ones have the earliest dates, so they lead), tasks without a due date after them, then everything else
 * newest first. Ties end by id.
 */
const INBOX_ORDER = raw(
  `(case when i.kind = 'task' and i.done_at is null then '0' || coalesce(i.due::text, '9999-12-31') else '1' end
    || lpad((9999999999999 - floor(extract(epoch from i.created_at) * 1000))::bigint::text, 13, '0'))`,
);

export const inboxListing = defineListing({
  query: 'myInbox',
  access: inboxItemAccess,
  filters: { kind: 'kind', taskKind: 'taskKind', unread: 'readAt', openOnly: 'doneAt' },
  search: [{ field: 'title', sql: raw(`(i.title->>'en') || ' ' || (i.title->>'zh')`) }],
  sorts: { INBOX: { field: 'due', sql: INBOX_ORDER }, CREATED_AT: { field: 'createdAt', sql: raw('i.created_at') } },
  defaultSort: [{ field: 'INBOX', direction: SortDirection.ASC }],
  id: raw('i.id'),
});

const INBOX_SELECT = sql`i.id, i.kind, i.task_kind, i.title, i.link_type, i.link_id, i.due::text as due, i.created_at, i.read_at, i.done_at`;

const OWN: InboxFacts = { own: true };

function toInboxRow(r: Record<string, unknown>): InboxItemNode {
  return withFacts(
    {
      __typename: 'InboxItem' as const,
      id: r.id as string,
      kind: r.kind as InboxItemKindValue,
      taskKind: (r.task_kind as string | null) ?? null,
      title: r.title as { en: string; zh: string },
      link: { type: r.link_type as string, id: r.link_id as string },
      due: (r.due as string | null) ?? null,
      createdAt: toDate(r.created_at),
      readAt: r.read_at ? toDate(r.read_at) : null,
      doneAt: r.done_at ? toDate(r.done_at) : null,
    },
    OWN,
  );
}

/** A page of the caller's own inbox: one statement (the total as a sub-select when asked). */
export async function listMyInbox(ctx: RequestContext, args: InboxArgs, info: GraphQLResolveInfo): Promise<Page<InboxItemNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, inboxListing, args);
  if (!actor.employeeId) return Page.empty();
  const f = args.filter;
  const where: Sql[] = [sql`i.recipient_employee_id = ${actor.employeeId}`];
  if (f?.kind) where.push(sql`i.kind = ${f.kind}`);
  if (f?.taskKind) where.push(sql`i.task_kind = ${f.taskKind}`);
  if (f?.unread === true) where.push(sql`i.read_at is null`);
  if (f?.unread === false) where.push(sql`i.read_at is not null`);
  if (f?.openOnly) where.push(sql`(i.kind = 'notice' or i.done_at is null)`);
  return fetchPage(ctx.db, { select: INBOX_SELECT, from: sql`inbox_item i`, where }, checked, selectedHere(info).has('totalCount'), toInboxRow);
}

/**
 * The caller's counts in one statement (the reference is the domain's `inboxCounts`); the unread part uses the partial
 * index on unread items. People without an employee record have an empty inbox.
 */
export async function myInboxCounts(ctx: RequestContext): Promise<InboxCountsView> {
  const me = requireActor(ctx).employeeId;
  if (!me) return { unread: 0, unreadNotices: 0, openTasks: 0, overdueTasks: 0 };
  const today = ctx.clock.today();
  const rows = await ctx.db.rows<InboxCountsView>(sql`select
      count(*) filter (where read_at is null)::int as "unread",
      count(*) filter (where read_at is null and kind = 'notice')::int as "unreadNotices",
      count(*) filter (where kind = 'task' and done_at is null)::int as "openTasks",
      count(*) filter (where kind = 'task' and done_at is null and due < ${today}::date)::int as "overdueTasks"
    from inbox_item where recipient_employee_id = ${me} and (read_at is null or (kind = 'task' and done_at is null))`);
  return rows[0] ?? { unread: 0, unreadNotices: 0, openTasks: 0, overdueTasks: 0 };
}
