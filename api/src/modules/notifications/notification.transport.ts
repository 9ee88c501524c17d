import type { EntityManager } from '@mikro-orm/postgresql';

/** One message to one person, keyed so that sending it twice is a no-op. */
export interface NotificationMessage {
  /** Unique per message: a reminder's is `reminders:<recipient>@<date>#<n>` (see reminders.service.ts). */
  idempotencyKey: string;
  recipientEmployeeId: string;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * How notifications reach people. The in-app transport writes `notification` rows (the person's list in the
 * console); an e-mail transport would send and then mark `sent_at`. Every transport must be idempotent by
 * `idempotencyKey`: a rerun of the reminder job delivers nothing twice.
 */
export interface NotificationTransport {
  readonly name: 'inApp' | (string & {});
  /** Delivers the messages inside the caller's transaction; returns how many were new. */
  deliver(em: EntityManager, messages: readonly NotificationMessage[]): Promise<number>;
}

/** In-app delivery: one row per message (`on conflict (idempotency_key) do nothing`), sent when written. */
export const inAppTransport: NotificationTransport = {
  name: 'inApp',
  async deliver(em, messages) {
    if (!messages.length) return 0;
    const rows = messages.map((m) => ({ k: m.idempotencyKey, r: m.recipientEmployeeId, t: m.kind, p: m.payload }));
    const inserted = await em.getConnection().execute<Array<{ id: string }>>(
      `insert into notification (id, version, created_at, updated_at, idempotency_key, recipient_employee_id, kind, payload, sent_at, attempts)
       select gen_random_uuid(), 1, now(), now(), t.k, t.r, t.t, t.p, now(), 1 from json_to_recordset(?::json) as t(k text, r uuid, t text, p jsonb)
       on conflict (idempotency_key) do nothing returning id`,
      [JSON.stringify(rows)],
      'all',
      em.getTransactionContext(),
    );
    return inserted.length;
  },
};
