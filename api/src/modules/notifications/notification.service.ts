import { canMarkNotificationRead } from '@appraisal/domain';
import { FACTS } from '../../core/access.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { Notification } from './notification.entity.js';
import { notificationById } from './notification.read.js';
import type { NotificationNode } from './notification.types.js';

/**
 * The recipient marks a notification read (again: nothing changes). Someone else's is NOT_FOUND, so ids of other
 * people's notifications reveal nothing; a stale version is a CONFLICT. Audited.
 */
export async function markNotificationRead(ctx: RequestContext, id: string, version: number): Promise<NotificationNode> {
  const actor = requireActor(ctx);
  const found = await notificationById(ctx, id);
  if (!found || !canMarkNotificationRead(actor, (found as NotificationNode & { [FACTS]: { own: boolean } })[FACTS])) throw notFound('Notification', id);
  if (found.readAt) return found;
  await inTransaction(ctx, async (em) => {
    const row = await em.findOne(Notification, { id });
    if (!row) throw notFound('Notification', id);
    if (row.version !== version) throw new AppError('CONFLICT', 'The record was changed by someone else since you read it; reload and try again.');
    row.readAt = ctx.clock.now();
    await em.flush();
    recordAudit(em, ctx, { operation: 'markNotificationRead', entityType: 'Notification', entityId: id, before: { readAt: null }, after: { readAt: row.readAt.toISOString() } });
  });
  return (await notificationById(ctx, id)) as NotificationNode;
}
