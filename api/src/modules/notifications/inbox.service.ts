import { deliveryChannels, type InboxItem, outgoingMessage, type Transport } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { transports as serverTransports } from '../../core/transports/index.js';

/**
 * Delivers inbox items: each is inserted once (its key is unique; a second delivery of the same key is a no-op),
 * then handed to every channel `deliveryChannels` picks, each delivery recorded once by its message key. Runs in
 * the caller's transaction (`em`), so an item exists exactly when the change that caused it does.
 * Returns the keys newly delivered. Example: deliverInbox(em, [taskItem]) -> ['policyAck:v1:e1']
 */
export async function deliverInbox(em: EntityManager, items: readonly InboxItem[], available: ReadonlyMap<string, Transport> = serverTransports()): Promise<string[]> {
  if (!items.length) return [];
  const fresh: string[] = [];
  // One statement for the whole batch (a JSON array of rows), `on conflict do nothing` on the key.
  const rows = (await em.execute(
    `insert into inbox_item (id, version, created_at, updated_at, key, recipient_employee_id, kind, task_kind, title, link_type, link_id, due)
     select gen_random_uuid(), 1, now(), now(), x.key, x.recipient, x.kind, x.task_kind, x.title, x.link_type, x.link_id, x.due
       from jsonb_to_recordset(?::jsonb) as x(key text, recipient uuid, kind text, task_kind text, title jsonb, link_type text, link_id uuid, due date)
     on conflict (key) do nothing returning id, key`,
    [
      JSON.stringify(
        items.map((i) => ({ key: i.key, recipient: i.recipientId, kind: i.kind, task_kind: i.taskKind ?? null, title: i.title, link_type: i.link.type, link_id: i.link.id, due: i.due ?? null })),
      ),
    ],
  )) as Array<{ id: string; key: string }>;
  const byKey = new Map(items.map((i) => [i.key, i]));
  const names = [...available.keys()];
  const deliveries: Array<{ item: string; channel: string; key: string; at: string | null; error: string | null }> = [];
  for (const row of rows) {
    const item = byKey.get(row.key);
    if (!item) continue;
    fresh.push(row.key);
    for (const channel of deliveryChannels(item, { email: false }, names)) {
      const transport = available.get(channel);
      if (!transport) continue;
      const message = outgoingMessage(item, channel);
      const result = await transport.deliver(message);
      deliveries.push({ item: row.id, channel, key: message.idempotencyKey, at: result.ok ? result.deliveredAt : null, error: result.ok ? null : result.error });
    }
  }
  // Every delivery of the batch in one statement as well, each recorded once by its message key.
  if (deliveries.length)
    await em.execute(
      `insert into inbox_delivery (id, created_at, updated_at, inbox_item_id, channel, idempotency_key, attempts, delivered_at, error)
       select gen_random_uuid(), now(), now(), x.item, x.channel, x.key, 1, x.at, x.error
         from jsonb_to_recordset(?::jsonb) as x(item uuid, channel text, key text, at timestamptz, error text)
       on conflict (idempotency_key) do nothing`,
      [JSON.stringify(deliveries)],
    );
  return fresh;
}

/**
 * Marks the tasks linked to a record done (the work they asked for happened): for one recipient or for everyone.
 * Example: completeInboxTasks(em, 'PolicyVersion', versionId, employeeId)
 */
export async function completeInboxTasks(em: EntityManager, linkType: string, linkId: string, recipientId?: string): Promise<void> {
  await em.execute(
    `update inbox_item set done_at = now(), updated_at = now(), version = version + 1
      where link_type = ? and link_id = ? and kind = 'task' and done_at is null${recipientId ? ' and recipient_employee_id = ?' : ''}`,
    recipientId ? [linkType, linkId, recipientId] : [linkType, linkId],
  );
}

/**
 * Marks items of the caller's own inbox read (ids of other people's items change nothing; marking twice keeps the
 * first time). Reading is a receipt, not a change of business data: no audit row. Returns how many became read.
 */
export async function markInboxRead(ctx: RequestContext, ids: readonly string[] | null): Promise<number> {
  const me = requireActor(ctx).employeeId;
  if (!me) return 0;
  const em = ctx.em.fork();
  return em.transactional(async (tx) => {
    const rows = (await tx.execute(
      `update inbox_item set read_at = now(), updated_at = now(), version = version + 1
        where recipient_employee_id = ? and read_at is null${ids ? ' and id in (select value::uuid from jsonb_array_elements_text(?::jsonb))' : ''} returning id, link_type, link_id`,
      ids ? [me, JSON.stringify(ids)] : [me],
    )) as Array<{ id: string; link_type: string; link_id: string }>;
    // A notice's inbox item read is its read receipt too (reach counts receipts).
    const notices = rows.filter((r) => r.link_type === 'Notice').map((r) => r.link_id);
    if (notices.length)
      await tx.execute(`update notice_recipient set read_at = now() where employee_id = ? and read_at is null and notice_id::text in (select jsonb_array_elements_text(?::jsonb))`, [me, JSON.stringify(notices)]);
    return rows.length;
  });
}
