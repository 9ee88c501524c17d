import type { LedgerRule, PricedEntry } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../core/context.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { LedgerEntry } from './ledger.entity.js';

/** One priced award entry (from the domain's `awardEntries`). */
export interface AwardEntryDraft {
  employeeId: string;
  departmentId: string;
  awardId: string;
  entry: PricedEntry;
  evidence: string;
}

/**
 * Posts the ledger rewards of awards in the caller's transaction: one `approved` entry per recipient (the committee's
 * decision and HR's announcement are its approval), source `award`, keyed `award:<awardId>:<employeeId>` so a second
 * run posts nothing twice. Audited per entry. Returns the ids of the entries written.
 */
export async function postAwardEntries(em: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'>, rule: LedgerRule, revision: number, drafts: readonly AwardEntryDraft[], occurredOn: string): Promise<string[]> {
  const ids: string[] = [];
  for (const d of drafts) {
    const key = `award:${d.awardId}:${d.employeeId}`;
    if (await em.findOne(LedgerEntry, { idempotencyKey: key })) continue;
    const now = new Date();
    const entry = em.create(LedgerEntry, {
      employeeId: d.employeeId,
      departmentId: d.departmentId,
      ruleCode: rule.code,
      ruleRevision: revision,
      kind: rule.kind,
      component: d.entry.component,
      unit: d.entry.unit,
      quantity: d.entry.quantity,
      count: d.entry.count,
      amount: d.entry.amount,
      money: d.entry.money ?? null,
      settlement: d.entry.settlement,
      accountingMonth: rule.accountingMonth ?? 'calendar',
      periodKey: d.entry.periodKey,
      occurredOn,
      status: 'approved',
      sourceKind: 'award',
      awardId: d.awardId,
      idempotencyKey: key,
      evidence: d.evidence,
      attachments: [],
      proposedByUserId: ctx.actor?.userId ?? null,
      proposedAt: now,
      approvedByUserId: ctx.actor?.userId ?? null,
      approvedAt: now,
    });
    await em.flush();
    recordAudit(em, ctx, { operation: 'postAwardEntry', entityType: 'LedgerEntry', entityId: entry.id, after: snapshot(entry) });
    ids.push(entry.id);
  }
  return ids;
}
