import { type AppraisalFacts, canEnterAdjustments, type DomainIssue, validateAdjustmentEntry } from '@appraisal/domain';
import DataLoader from 'dataloader';
import { FACTS } from '../../core/access.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { toDate } from '../../core/projection.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { Appraisal, AppraisalAdjustment } from './appraisal.entity.js';
import { appraisalInScope } from './appraisal.read.js';
import type { AppraisalNode } from './appraisal.types.js';
import type { AdjustmentInput, AppraisalAdjustmentView } from './adjustment.types.js';
import { schemeDocument } from './cycle-data.js';
import { problemsWithParams } from './publish.service.js';
import { computeIfComplete } from './rating.service.js';

/** Cycle states in which plus/minus entries change (launched, before publication). */
const TAKING_ENTRIES = new Set(['open', 'self_review', 'rating', 'calibration', 'hr_review']);

/** The appraisal in the actor's scope, who may enter on it (HR; the line when the scheme allows), and whether entries still change. */
async function enterable(ctx: RequestContext, appraisalId: string) {
  const actor = requireActor(ctx);
  const found = await appraisalInScope(ctx, appraisalId);
  if (!found) throw notFound('Appraisal', appraisalId);
  const subject = (found as unknown as { [FACTS]: AppraisalFacts })[FACTS].subject;
  const doc = await schemeDocument(ctx.db, found.schemeVersionId);
  if (!canEnterAdjustments(actor, subject, doc.adjustments.lineSupervisorEntry === true))
    throw forbidden('plus/minus entries on this appraisal (HR, or a supervisor of the line when the scheme allows it)');
  const meta = (await ctx.db.rows<{ state: string; published: boolean }>(sql`select c.state, a.published_at is not null as published from appraisal a join cycle c on c.id = a.cycle_id where a.id = ${appraisalId}`))[0];
  if (!meta || !TAKING_ENTRIES.has(meta.state))
    assertNoProblems([{ field: 'appraisalId', rule: 'adjustment_cycle_not_launched', message: `the cycle is ${meta?.state ?? 'unknown'}: plus/minus entries are taken once it is launched and until publication`, params: { state: meta?.state ?? '' } }]);
  if (meta?.published) assertNoProblems([{ field: 'appraisalId', rule: 'adjustment_after_publication', message: 'the result is published; plus/minus entries no longer change' }]);
  return { found, doc };
}

const reasonProblem = (field: string) => ({ field, rule: 'adjustment_reason_required', message: 'a plus/minus entry needs a reason' });

/**
 * Adds a plus/minus entry to an appraisal (HR; a supervisor of the line when the scheme allows it), before
 * publication: the rule must be in the scheme's catalog and the amount inside its range (refused naming the
 * range) or the occurrences a whole number; the engine applies the per-rule and total caps when it computes.
 * Audited; the appraisal's version must be current (stale: CONFLICT); the result is computed anew when complete.
 */
export async function addAdjustment(ctx: RequestContext, appraisalId: string, version: number, input: AdjustmentInput): Promise<AppraisalNode> {
  const { found, doc } = await enterable(ctx, appraisalId);
  const reason = input.reason.trim();
  const entry = { rule: input.rule, ...(input.occurrences == null ? {} : { count: input.occurrences }), ...(input.amount == null ? {} : { amount: input.amount.trim() }), note: reason };
  const issues: DomainIssue[] = validateAdjustmentEntry(doc, entry).map((i) => ({ ...i, path: i.path[0] === 'count' ? ['occurrences', ...i.path.slice(1)] : i.path[0] === 'note' ? ['reason'] : i.path }));
  const problems = problemsWithParams(issues).map((p) => ({ ...p, field: `input.${p.field}` }));
  if (!reason) problems.push(reasonProblem('input.reason'));
  assertNoProblems(problems);
  await inTransaction(ctx, async (em) => {
    const appraisal = await em.findOne(Appraisal, { id: appraisalId });
    if (!appraisal) throw notFound('Appraisal', appraisalId);
    if (appraisal.version !== version) throw staleRecord();
    const created = em.create(AppraisalAdjustment, {
      appraisal,
      rule: input.rule,
      count: input.occurrences ?? null,
      amount: input.amount?.trim() ?? null,
      note: reason,
      enteredByUserId: ctx.actor?.userId ?? null,
    } as never) as AppraisalAdjustment;
    appraisal.updatedAt = new Date();
    await em.flush();
    const result = await computeIfComplete(ctx, em, appraisalId, found.schemeVersionId, 'SUBMISSION');
    recordAudit(em, ctx, { operation: 'addAdjustment', entityType: 'Appraisal', entityId: appraisalId, after: { adjustmentId: created.id, rule: input.rule, occurrences: input.occurrences ?? null, amount: input.amount ?? null, reason, result } });
    await em.flush();
  });
  return (await appraisalInScope(ctx, appraisalId)) as AppraisalNode;
}

/** Removes a plus/minus entry with a reason (marked, never deleted); same permissions and checks as adding. Audited. */
export async function removeAdjustment(ctx: RequestContext, appraisalId: string, version: number, adjustmentId: string, reason: string): Promise<AppraisalNode> {
  const { found } = await enterable(ctx, appraisalId);
  if (!reason.trim()) assertNoProblems([reasonProblem('reason')]);
  await inTransaction(ctx, async (em) => {
    const appraisal = await em.findOne(Appraisal, { id: appraisalId });
    if (!appraisal) throw notFound('Appraisal', appraisalId);
    if (appraisal.version !== version) throw staleRecord();
    const entry = await em.findOne(AppraisalAdjustment, { id: adjustmentId, appraisal: appraisalId });
    if (!entry) assertNoProblems([{ field: 'adjustmentId', rule: 'adjustment_unknown_entry', message: 'this appraisal has no such plus/minus entry' }]);
    const e = entry as AppraisalAdjustment;
    if (e.removedAt) assertNoProblems([{ field: 'adjustmentId', rule: 'adjustment_removed', message: 'this plus/minus entry was removed already' }]);
    e.removedAt = new Date();
    e.removedReason = reason.trim();
    appraisal.updatedAt = new Date();
    await em.flush();
    const result = await computeIfComplete(ctx, em, appraisalId, found.schemeVersionId, 'SUBMISSION');
    recordAudit(em, ctx, { operation: 'removeAdjustment', entityType: 'Appraisal', entityId: appraisalId, before: { adjustmentId, rule: e.rule, occurrences: e.count, amount: e.amount }, after: { removedReason: e.removedReason, result } });
    await em.flush();
  });
  return (await appraisalInScope(ctx, appraisalId)) as AppraisalNode;
}

// One statement per page of appraisals for all their entries.
const loaders = new WeakMap<RequestContext, DataLoader<string, AppraisalAdjustmentView[]>>();
/** The plus/minus entries of an appraisal (removed ones too, marked), batched per request. */
export function adjustmentsOf(ctx: RequestContext, appraisalId: string): Promise<AppraisalAdjustmentView[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.db.rows<{ id: string; appraisal_id: string; rule: string; count: number | null; amount: string | null; note: string | null; created_at: string; removed_at: string | null; removed_reason: string | null }>(
        sql`select id, appraisal_id, rule, count, trim_scale(amount)::text as amount, note, created_at, removed_at, removed_reason from appraisal_adjustment where appraisal_id = any(${[...ids]}::uuid[]) order by created_at, id`,
      );
      const by = new Map<string, AppraisalAdjustmentView[]>(ids.map((id) => [id, []]));
      for (const r of rows)
        by.get(r.appraisal_id)?.push({ id: r.id, rule: r.rule, occurrences: r.count, amount: r.amount, reason: r.note, enteredAt: toDate(r.created_at), removedAt: r.removed_at ? toDate(r.removed_at) : null, removedReason: r.removed_reason });
      return ids.map((id) => by.get(id) ?? []);
    });
    loaders.set(ctx, loader);
  }
  return loader.load(appraisalId);
}
