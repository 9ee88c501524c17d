import { type NotificationFacts, notificationAccess, notificationRowScope } from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import type { NotificationNode, NotificationsArgs, ReminderItemView } from './notification.types.js';

const SELECT = sql`n.id, n.version, n.created_at, n.updated_at, n.kind, n.payload, n.sent_at, n.read_at, n.recipient_employee_id`;

function toNotificationRow(me: string | null) {
  return (r: Record<string, unknown>): NotificationNode => {
    const payload = (r.payload as Record<string, unknown>) ?? {};
    const items = Array.isArray(payload.items) ? (payload.items as Array<Record<string, unknown>>) : [];
    const facts: NotificationFacts = { own: me !== null && r.recipient_employee_id === me };
    return withFacts(
      {
        __typename: 'Notification' as const,
        id: r.id as string,
        version: r.version as number,
        createdAt: toDate(r.created_at),
        updatedAt: toDate(r.updated_at),
        kind: r.kind as string,
        payload,
        items: items.map(
          (i): ReminderItemView => ({
            key: String(i.key ?? ''),
            kind: String(i.kind ?? ''),
            reason: String(i.reason ?? ''),
            due: String(i.due ?? ''),
            workingDaysLeft: Number(i.workingDaysLeft ?? 0),
            appraisalId: (i.appraisalId as string | undefined) ?? null,
            cycleName: (i.cycleName as string | undefined) ?? null,
            subjectName: (i.subjectName as string | undefined) ?? null,
          }),
        ),
        sentAt: r.sent_at ? toDate(r.sent_at) : null,
        readAt: r.read_at ? toDate(r.read_at) : null,
      },
      facts,
    );
  };
}

export const notificationListing = defineListing({
  query: 'myNotifications',
  access: notificationAccess,
  filters: { unread: 'readAt' },
  search: [],
  sorts: { CREATED_AT: { field: 'createdAt', sql: raw('n.created_at') } },
  defaultSort: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  id: raw('n.id'),
});

/** The signed-in person's notifications, newest first: one statement per page. */
export async function listMyNotifications(ctx: RequestContext, args: NotificationsArgs, info: GraphQLResolveInfo): Promise<Page<NotificationNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, notificationListing, args);
  const scope = notificationRowScope(actor);
  if (scope.kind === 'none') return Page.empty();
  const where: Sql[] = [sql`n.recipient_employee_id = ${scope.employeeId}`];
  if (args.filter?.unread === true) where.push(sql`n.read_at is null`);
  if (args.filter?.unread === false) where.push(sql`n.read_at is not null`);
  return fetchPage(ctx.db, { select: SELECT, from: sql`notification n`, where }, checked, selectedHere(info).has('totalCount'), toNotificationRow(actor.employeeId));
}

/** One notification with its facts (no scope: the caller checks what the actor may do with it). */
export async function notificationById(ctx: RequestContext, id: string): Promise<NotificationNode | null> {
  const actor = requireActor(ctx);
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${SELECT} from notification n where n.id = ${id}`);
  return rows[0] ? toNotificationRow(actor.employeeId)(rows[0]) : null;
}
