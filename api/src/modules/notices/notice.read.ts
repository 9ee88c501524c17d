import { type Actor, type NoticeFacts, noticeAccess, noticeRowScope, percentText } from '@appraisal/domain';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, raw, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import type { Role } from '../../core/roles.js';
import type { AudienceKindValue, NoticeNode, NoticeReachRowView, NoticesArgs, NoticeStatusValue } from './notice.types.js';

/**
 * Pinned notices first, then the newest first, as one text key (ascending); drafts (no time yet) after them by
 * creation. The reference is the domain's `noticeOrder`.
 */
const VISIBLE_ORDER = raw(
  `((case when n.pinned then '0' else '1' end)
    || lpad((9999999999999 - floor(extract(epoch from coalesce(n.publish_at, n.published_at, n.created_at)) * 1000))::bigint::text, 13, '0'))`,
);

export const noticeListing = defineListing({
  query: 'notices',
  access: noticeAccess,
  filters: { status: 'status', pinned: 'pinned', current: 'expiresAt', template: 'template' },
  search: [{ field: 'title', sql: raw(`(n.title->>'en') || ' ' || (n.title->>'zh')`) }],
  sorts: {
    VISIBLE_FROM: { field: 'visibleFrom', sql: VISIBLE_ORDER },
    TITLE: { field: 'title', sql: raw(`coalesce(n.title->>'en', '')`) },
    CREATED_AT: { field: 'createdAt', sql: raw('n.created_at') },
  },
  defaultSort: [{ field: 'VISIBLE_FROM', direction: SortDirection.ASC }],
  id: raw('n.id'),
});

/** The notice row `n` is visible at `now`: published, not withdrawn, its time has come (live or expired). */
export function visibleSql(now: Date): Sql {
  return sql`(n.published_at is not null and n.withdrawn_at is null and coalesce(n.publish_at, n.published_at) <= ${now.toISOString()}::timestamptz)`;
}

/** The domain's `noticeStatus` in SQL (upper case: the GraphQL enum's values). */
export function statusSql(now: Date): Sql {
  const t = sql`${now.toISOString()}::timestamptz`;
  return sql`(case when n.withdrawn_at is not null then 'WITHDRAWN' when n.published_at is null then 'DRAFT' when n.publish_at > ${t} then 'SCHEDULED'
    when n.expires_at <= ${t} then 'EXPIRED' else 'LIVE' end)`;
}

function selectSql(ctx: RequestContext): Sql {
  const me = ctx.actor?.employeeId ?? null;
  const now = ctx.clock.now();
  const receipt = me
    ? sql`r.delivered_at as r_delivered, r.read_at as r_read, r.acknowledged_at as r_ack, r.employee_id is not null as f_recipient`
    : sql`null::timestamptz as r_delivered, null::timestamptz as r_read, null::timestamptz as r_ack, false as f_recipient`;
  return sql`n.id, n.version, n.created_at, n.updated_at, n.title, n.body, n.audience, n.publish_at, n.expires_at, n.pinned, n.requires_acknowledgement,
    n.template, n.published_at, n.withdrawn_at, n.created_by_user_id, ${statusSql(now)} as status, ${visibleSql(now)} as f_visible, ${receipt}`;
}

function fromSql(ctx: RequestContext): Sql {
  const me = ctx.actor?.employeeId ?? null;
  return me ? sql`notice n left join notice_recipient r on r.notice_id = n.id and r.employee_id = ${me}` : sql`notice n`;
}

function toNoticeRow(r: Record<string, unknown>): NoticeNode {
  const facts: NoticeFacts = { recipient: r.f_recipient === true, visible: r.f_visible === true };
  const audience = r.audience as { kind: AudienceKindValue; departmentIds?: string[]; positionIds?: string[]; roles?: Role[]; employeeIds?: string[] };
  const published = r.published_at ? toDate(r.published_at) : null;
  return withFacts(
    {
      __typename: 'Notice' as const,
      id: r.id as string,
      version: r.version as number,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      createdByUserId: (r.created_by_user_id as string | null) ?? null,
      title: r.title as { en: string; zh: string },
      body: r.body as { en: string; zh: string },
      pinned: r.pinned === true,
      visibleFrom: r.publish_at ? toDate(r.publish_at) : published,
      expiresAt: r.expires_at ? toDate(r.expires_at) : null,
      requiresAcknowledgement: r.requires_acknowledgement === true,
      myReceipt: r.r_delivered ? { deliveredAt: toDate(r.r_delivered), readAt: r.r_read ? toDate(r.r_read) : null, acknowledgedAt: r.r_ack ? toDate(r.r_ack) : null } : null,
      template: (r.template as string | null) ?? null,
      audience: {
        kind: audience.kind,
        departmentIds: audience.departmentIds ?? [],
        positionIds: audience.positionIds ?? [],
        roles: audience.roles ?? [],
        employeeIds: audience.employeeIds ?? [],
      },
      status: r.status as NoticeStatusValue,
      publishAt: r.publish_at ? toDate(r.publish_at) : null,
      publishedAt: published,
      withdrawnAt: r.withdrawn_at ? toDate(r.withdrawn_at) : null,
    },
    facts,
  );
}

/** Row scope: HR all; people the visible notices addressed to them (`recipient and visible`). */
function scopeSql(ctx: RequestContext, actor: Actor): Sql | null | 'none' {
  const scope = noticeRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none' || !actor.employeeId) return 'none';
  return sql`r.employee_id is not null and ${visibleSql(ctx.clock.now())}`;
}

/** A page of notices in the caller's scope: one statement (the caller's receipt joined by the primary key). */
export async function listNotices(ctx: RequestContext, args: NoticesArgs, info: GraphQLResolveInfo): Promise<Page<NoticeNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, noticeListing, args);
  const scope = scopeSql(ctx, actor);
  if (scope === 'none') return Page.empty();
  const where: Sql[] = scope ? [scope] : [];
  const f = args.filter;
  const now = ctx.clock.now();
  if (f?.status) where.push(sql`${statusSql(now)} = ${f.status}`);
  if (f?.pinned === true) where.push(sql`n.pinned`);
  if (f?.pinned === false) where.push(sql`not n.pinned`);
  if (f?.current === true) where.push(sql`(n.expires_at is null or n.expires_at > ${now.toISOString()}::timestamptz)`);
  if (f?.template) where.push(sql`n.template = ${f.template}`);
  return fetchPage(ctx.db, { select: selectSql(ctx), from: fromSql(ctx), where }, checked, selectedHere(info).has('totalCount'), toNoticeRow);
}

/** One notice in the caller's scope, else null. */
export async function noticeInScope(ctx: RequestContext, id: string): Promise<NoticeNode | null> {
  const actor = requireActor(ctx);
  const scope = scopeSql(ctx, actor);
  if (scope === 'none') return null;
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${selectSql(ctx)} from ${fromSql(ctx)} where n.id = ${id}${scope ? sql` and ${scope}` : empty}`);
  return rows[0] ? toNoticeRow(rows[0]) : null;
}

const reachLoaders = new WeakMap<RequestContext, DataLoader<string, NoticeReachRowView[]>>();

/**
 * Reach of a page of notices in one grouped statement: per notice, overall (first) and per department at delivery,
 * recipients / delivered / read / acknowledged. The SQL of the domain's `noticeReach` (`group by rollup`).
 */
export function reachOf(ctx: RequestContext): DataLoader<string, NoticeReachRowView[]> {
  let loader = reachLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.db.rows<{ notice_id: string; department_id: string | null; department_name: string | null; department_name_zh: string | null; recipients: number; delivered: number; read: number; acknowledged: number }>(
        sql`select g.notice_id, g.department_id, d.name as department_name, coalesce(d.name_zh, d.name) as department_name_zh, g.recipients, g.delivered, g.read, g.acknowledged
              from (select r.notice_id, r.department_id, count(*)::int as recipients, count(r.delivered_at)::int as delivered,
                           count(r.read_at)::int as read, count(r.acknowledged_at)::int as acknowledged
                      from notice_recipient r where r.notice_id = any(${[...ids]}::uuid[])
                     group by rollup (r.notice_id, r.department_id)) g
              left join department d on d.id = g.department_id
             where g.notice_id is not null
             order by g.notice_id, g.department_id is not null, d.name, g.department_id`,
      );
      return ids.map((id) => {
        const mine = rows.filter((r) => r.notice_id === id);
        const list = mine.length ? mine : [{ notice_id: id, department_id: null, department_name: null, department_name_zh: null, recipients: 0, delivered: 0, read: 0, acknowledged: 0 }];
        return list.map((r) => ({
          departmentId: r.department_id,
          departmentName: r.department_name,
          departmentNameZh: r.department_name_zh,
          recipients: r.recipients,
          delivered: r.delivered,
          read: r.read,
          acknowledged: r.acknowledged,
          readPercent: percentText(r.read, r.recipients),
          acknowledgedPercent: percentText(r.acknowledged, r.recipients),
        }));
      });
    });
    reachLoaders.set(ctx, loader);
  }
  return loader;
}
