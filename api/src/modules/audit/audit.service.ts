import { isServiceActor } from '@appraisal/domain';
import { wrap, type AnyEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../core/context.js';
import { executeBound } from '../../core/db.js';
import { AuditEntry } from './audit-entry.entity.js';

/** A plain snapshot of an entity's columns (relations as ids) for the audit trail. */
export function snapshot(entity: AnyEntity): Record<string, unknown> {
  return wrap(entity).toObject() as Record<string, unknown>;
}

export interface AuditInput {
  operation: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Queues an audit row on `em`, so it is flushed in the same transaction as the change it records:
 * either both are written or neither.
 */
export function recordAudit(em: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'> | null, input: AuditInput): void {
  const entry = new AuditEntry();
  const actor = ctx?.actor ?? null;
  // A reporting token has no user account: the entry names its service account instead.
  const service = actor && isServiceActor(actor) ? actor.service.accountId : null;
  entry.actorUserId = service ? null : (actor?.userId ?? null);
  entry.requestId = ctx?.requestId ?? null;
  entry.operation = input.operation;
  entry.entityType = input.entityType;
  entry.entityId = input.entityId;
  entry.before = input.before ?? null;
  entry.after = service ? { ...(input.after ?? {}), serviceAccountId: service } : (input.after ?? null);
  em.persist(entry);
}

/**
 * Writes many audit rows with one statement in `em`'s transaction (bulk jobs: one row per changed record, as
 * recordAudit would queue them, without an entity per row). Rows are written now, not at the next flush.
 */
export async function recordAuditRows(em: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'> | null, inputs: readonly AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const actor = ctx?.actor ?? null;
  const service = actor && isServiceActor(actor) ? actor.service.accountId : null;
  const rows = inputs.map((input) => ({
    o: input.operation,
    t: input.entityType,
    e: input.entityId,
    b: input.before ?? null,
    a: service ? { ...(input.after ?? {}), serviceAccountId: service } : (input.after ?? null),
  }));
  await executeBound(
    em,
    `insert into audit_entry (at, actor_user_id, operation, entity_type, entity_id, before, after, request_id)
     select now(), ?::uuid, t.o, t.t, t.e, t.b, t.a, ? from jsonb_to_recordset(?::jsonb) as t(o text, t text, e text, b jsonb, a jsonb)`,
    [service ? null : (actor?.userId ?? null), ctx?.requestId ?? null, JSON.stringify(rows)],
  );
}

/**
 * Records that personal or configuration data left the system as a file: who, what (operation, filter,
 * row count), when. Written before the file is handed out; when the row cannot be written, no file is.
 */
export async function recordExport(
  ctx: Pick<RequestContext, 'actor' | 'requestId' | 'em'>,
  input: { operation: string; entityType: string; entityId?: string; rows: number; filter?: unknown; fileName: string },
): Promise<void> {
  await ctx.em.transactional(async (em) => {
    recordAudit(em, ctx, {
      operation: input.operation,
      entityType: input.entityType,
      entityId: (input.entityId ?? input.fileName).slice(0, 64),
      after: { fileName: input.fileName, rows: input.rows, filter: (input.filter ?? null) as Record<string, unknown> | null },
    });
  });
}
