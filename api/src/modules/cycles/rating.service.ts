import {
  type AppraisalFacts,
  canManageAppraisalInputs,
  canManageCycles,
  changeRater as planRaterChange,
  checkActionWindow,
  latestReopening,
  type CyclePhaseWindow,
  type DomainIssue,
  type ItemInput,
  nextState,
  previewRating as preview,
  type RaterRole,
  type RatingState,
  ratingWorkflow,
  sectionFullMarks,
  validateRating,
} from '@appraisal/domain';
import { FACTS } from '../../core/access.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { Employee } from '../org/employee.entity.js';
import { Appraisal, Rating } from './appraisal.entity.js';
import { appraisalInScope, ratingById } from './appraisal.read.js';
import type { AppraisalNode, RaterChangeInput, RatingFormInput, RatingNode, RatingPreviewView } from './appraisal.types.js';
import { issueViews, problemsOf, schemeDocument } from './cycle-data.js';
import { computeResults } from './result-compute.js';

const LAUNCHED_STATES = new Set(['open', 'self_review', 'rating', 'calibration', 'hr_review']);
/** Cycle states after HR closed the rating phase: a rating is taken then only under an HR reopening of the rating window. */
const RATING_CLOSED_STATES = new Set(['calibration', 'hr_review']);

/** Phases and reopenings of a cycle as the window check reads them. */
export async function windowsOf(ctx: RequestContext, cycleId: string) {
  const [phases, reopenings] = await Promise.all([
    ctx.db.rows<{ phase: string; opens: string; closes: string; nominal_closes: string; postponed: boolean; overridden: boolean }>(
      sql`select phase, opens, closes, nominal_closes, postponed, overridden from cycle_phase where cycle_id = ${cycleId}`,
    ),
    ctx.db.rows<{ window: string; scope_kind: string; appraisal_id: string | null; rating_id: string | null; until: string; reason: string }>(
      sql`select "window", scope_kind, appraisal_id, rating_id, until, reason from phase_reopening where cycle_id = ${cycleId}`,
    ),
  ]);
  return {
    phases: phases.map((p): CyclePhaseWindow => ({ phase: p.phase as CyclePhaseWindow['phase'], opens: p.opens, closes: p.closes, nominalCloses: p.nominal_closes, postponed: p.postponed, overridden: p.overridden })),
    reopenings: reopenings.map((r) => ({
      window: r.window as CyclePhaseWindow['phase'],
      scope: r.scope_kind === 'APPRAISAL' ? { kind: 'appraisal' as const, appraisalId: r.appraisal_id ?? '' } : r.scope_kind === 'RATING' ? { kind: 'rating' as const, ratingId: r.rating_id ?? '' } : { kind: 'cycle' as const },
      until: r.until,
      reason: r.reason,
    })),
  };
}

/**
 * Locks an appraisal row FOR UPDATE in the caller's transaction, before any of its ratings is written. The rating
 * triggers take the appraisal FOR SHARE (task counters, Migration20261202000000) and an exclusion holds the row while
 * it updates it: taking the row first keeps one lock order (appraisal, then ratings), so a writer that changes a
 * rating and then the appraisal (a last submission computes the result) queues instead of deadlocking.
 */
export async function lockAppraisal(em: Parameters<Parameters<typeof inTransaction>[1]>[0], appraisalId: string): Promise<void> {
  await em.getConnection().execute('select id from appraisal where id = ? for update', [appraisalId], 'all', em.getTransactionContext());
}

const itemsOf = (input: RatingFormInput): Record<string, ItemInput> => {
  if (typeof input.items !== 'object' || input.items === null || Array.isArray(input.items))
    throw new AppError('BAD_USER_INPUT', 'items: an object of item inputs.', [{ field: 'items', rule: 'shape', message: 'an object of item inputs' }]);
  return input.items as Record<string, ItemInput>;
};

/**
 * Saves (draft) or submits a rating: only its rater, only inside its window (or an HR reopening), validated by the
 * domain naming ranges, through the rating workflow. On the last required submission of an appraisal its result is
 * computed in the same transaction (a new append-only result number). A stale version is a CONFLICT.
 */
export async function writeRating(ctx: RequestContext, ratingId: string, version: number, input: RatingFormInput, mode: 'save' | 'submit'): Promise<RatingNode> {
  const actor = requireActor(ctx);
  const rating = await ratingById(ctx.db, actor, ratingId);
  if (!rating) throw notFound('Rating', ratingId);
  const meta = (
    await ctx.db.rows<{ cycle_id: string; cycle_state: string; published_at: string | null; employee_id: string; participated: boolean; rating_closed: boolean }>(
      sql`select a.cycle_id, c.state as cycle_state, a.published_at, a.employee_id, a.participated,
                 exists (select 1 from cycle_rating_close x where x.cycle_id = a.cycle_id) as rating_closed
          from appraisal a join cycle c on c.id = a.cycle_id where a.id = ${rating.appraisalId}`,
    )
  )[0];
  if (!meta) throw notFound('Appraisal', rating.appraisalId);
  const isRater = rating.raterEmployeeId !== null && rating.raterEmployeeId === actor.employeeId;
  if (!isRater) throw forbidden('this rating: only its rater fills it');
  if (!LAUNCHED_STATES.has(meta.cycle_state) || meta.published_at)
    throw new AppError('VALIDATION_FAILED', `The cycle is ${meta.cycle_state}: ratings are not taken now.`, [{ field: 'ratingId', rule: 'rating_after_publication', message: `the cycle is ${meta.cycle_state}` }]);
  const doc = await schemeDocument(ctx.db, rating.schemeVersionId);
  const { phases, reopenings } = await windowsOf(ctx, meta.cycle_id);
  const window = checkActionWindow({
    action: mode === 'save' ? 'rating.save' : 'rating.submit',
    today: ctx.clock.today(),
    phases,
    target: { appraisalId: rating.appraisalId, ratingId },
    ratingRole: rating.role as RaterRole,
    reopenings,
  });
  if (!window.ok) assertNoProblems(problemsOf([window.issue]));
  if ((meta.rating_closed || RATING_CLOSED_STATES.has(meta.cycle_state)) && !latestReopening(reopenings, window.ok ? window.window : 'rating', { appraisalId: rating.appraisalId, ratingId }))
    throw new AppError('VALIDATION_FAILED', 'HR closed the rating phase: ratings are taken only where HR reopens the window.', [
      { field: 'ratingId', rule: 'rating_phase_closed', message: 'HR closed the rating phase; ask HR to reopen the window', params: { state: meta.cycle_state } },
    ]);
  const items = itemsOf(input);
  const draft = { section: rating.section, role: rating.role as RaterRole, items, ...(input.comment ? { comment: input.comment } : {}), ...(input.itemComments ? { itemComments: input.itemComments } : {}) };
  const issues = validateRating(doc, draft, mode === 'save' ? 'draft' : 'submit');
  if (mode === 'save' && issues.length) assertNoProblems(problemsOf(issues));
  const step = nextState(ratingWorkflow, rating.state as RatingState, mode, { roles: actor.roles, isRater, windowOpen: true, validationIssues: issues.length, beforePublication: true });
  if (!step.ok) assertNoProblems(issues.length ? problemsOf(issues) : problemsOf([step.issue]));
  const to = (step as { ok: true; to: RatingState }).to;
  await inTransaction(ctx, async (em) => {
    await lockAppraisal(em, rating.appraisalId);
    const entity = await em.findOne(Rating, { id: ratingId });
    if (!entity) throw notFound('Rating', ratingId);
    if (entity.version !== version) throw staleRecord();
    const before = { state: entity.state, items: entity.items, comment: entity.comment };
    entity.items = items;
    entity.comment = input.comment ?? null;
    entity.itemComments = input.itemComments ?? null;
    entity.state = to;
    if (to === 'submitted') {
      entity.submittedAt = new Date();
      // Leniency reads the rater's own section score against the section's full marks (kept with the submission).
      const section = doc.sections.find((s) => s.id === rating.section);
      const scored = preview(doc, draft).sectionScore;
      entity.sectionScore = scored ?? null;
      entity.sectionMax = section && scored !== undefined ? sectionFullMarks(section).toFixed() : null;
    }
    await em.flush();
    recordAudit(em, ctx, { operation: mode === 'save' ? 'saveRating' : 'submitRating', entityType: 'Rating', entityId: ratingId, before, after: { state: to, items, comment: entity.comment, window: window.ok ? window : null } });
    if (to === 'submitted') await computeIfComplete(ctx, em, rating.appraisalId, rating.schemeVersionId, 'SUBMISSION');
  });
  return (await ratingById(ctx.db, actor, ratingId)) as RatingNode;
}

/**
 * Computes an appraisal's result when every expected rating is in (locks the appraisal row, so two last
 * submissions at once compute once): `computeResult`, a new `appraisal_result` number, `appraisal.result_id`.
 * Skipped when the current result was computed from the same engine input. The same statements as the close
 * job's batches (computeResults), for one appraisal.
 */
export async function computeIfComplete(
  ctx: RequestContext,
  em: Parameters<Parameters<typeof inTransaction>[1]>[0],
  appraisalId: string,
  schemeVersionId: string,
  computedBy: 'SUBMISSION' | 'CLOSE_JOB',
  closing = false,
  onBlocked?: (issues: readonly DomainIssue[]) => void,
): Promise<'computed' | 'waiting' | 'blocked' | 'unchanged'> {
  const outcomes = await computeResults(ctx, em, [appraisalId], { schemeVersionId, computedBy, closing, ...(onBlocked ? { onBlocked: (_a, _e, issues) => onBlocked(issues) } : {}) });
  return outcomes.get(appraisalId) ?? 'blocked';
}

/** The live preview of a rating while its rater types (nothing is saved; issues come back as data). */
export async function previewRatingOf(ctx: RequestContext, ratingId: string, items: Record<string, unknown>): Promise<RatingPreviewView> {
  const actor = requireActor(ctx);
  const rating = await ratingById(ctx.db, actor, ratingId);
  if (!rating) throw notFound('Rating', ratingId);
  if (rating.raterEmployeeId !== actor.employeeId) throw forbidden('this rating: only its rater previews it');
  const doc = await schemeDocument(ctx.db, rating.schemeVersionId);
  const p = preview(doc, { section: rating.section, role: rating.role as RaterRole, items: items as Record<string, ItemInput> });
  return { items: p.items, missing: p.missing, sectionScore: p.sectionScore ?? null, issues: issueViews(p.issues) };
}

const conflict = (what: string) => new AppError('CONFLICT', `The ${what} was changed since you read it; reload and try again.`);

/**
 * HR returns a submitted rating to its rater with a reason (before publication): the rater edits and submits it
 * again, which computes a new result number. Audited; a stale version is a CONFLICT.
 */
export async function returnRating(ctx: RequestContext, ratingId: string, version: number, reason: string): Promise<RatingNode> {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('returning ratings');
  const rating = await ratingById(ctx.db, actor, ratingId);
  if (!rating) throw notFound('Rating', ratingId);
  const meta = (await ctx.db.rows<{ published: boolean }>(sql`select a.published_at is not null as published from appraisal a where a.id = ${rating.appraisalId}`))[0];
  const step = nextState(ratingWorkflow, rating.state as RatingState, 'return', { roles: actor.roles, beforePublication: meta?.published !== true, returnReason: reason });
  if (!step.ok) assertNoProblems(problemsOf([{ ...step.issue, path: step.issue.code === 'rating_return_reason' ? ['reason'] : ['ratingId'] }]));
  await inTransaction(ctx, async (em) => {
    await lockAppraisal(em, rating.appraisalId);
    const entity = await em.findOne(Rating, { id: ratingId });
    if (!entity) throw notFound('Rating', ratingId);
    if (entity.version !== version) throw conflict('rating');
    const before = { state: entity.state, returnReason: entity.returnReason };
    entity.state = 'returned';
    entity.returnReason = reason.trim();
    await em.flush();
    recordAudit(em, ctx, { operation: 'returnRating', entityType: 'Rating', entityId: ratingId, before, after: { state: entity.state, returnReason: entity.returnReason } });
  });
  return (await ratingById(ctx.db, actor, ratingId)) as RatingNode;
}

/**
 * Changes who rates an appraisal (`changeRater` of the domain): HR replaces a rater or fills a role (the old
 * rating becomes `reassigned`, pointing at its replacement); HR or a supervisor of the line adds PEER raters.
 * Refused with the domain's codes (reason, role of the section, fixed SELF/SURVEY slots, submitted ratings,
 * the subject, duplicates). Audited with both slots; a stale appraisal version is a CONFLICT.
 */
export async function changeAppraisalRater(ctx: RequestContext, appraisalId: string, version: number, input: RaterChangeInput): Promise<AppraisalNode> {
  const actor = requireActor(ctx);
  const found = await appraisalInScope(ctx, appraisalId);
  if (!found) throw notFound('Appraisal', appraisalId);
  const subject = (found as unknown as { [FACTS]: AppraisalFacts })[FACTS].subject;
  const hr = canManageCycles(actor);
  // Supervisors of the line choose peers (add only); everything else is HR's.
  if (!hr && !(input.role === 'PEER' && !input.from && canManageAppraisalInputs(actor, subject))) throw forbidden('changing raters');
  const meta = (
    await ctx.db.rows<{ cycle_state: string; published: boolean; employee_id: string }>(
      sql`select c.state as cycle_state, a.published_at is not null as published, a.employee_id from appraisal a join cycle c on c.id = a.cycle_id where a.id = ${appraisalId}`,
    )
  )[0];
  if (!meta) throw notFound('Appraisal', appraisalId);
  if (!LAUNCHED_STATES.has(meta.cycle_state) || meta.published)
    throw new AppError('VALIDATION_FAILED', `The cycle is ${meta.cycle_state}: raters do not change now.`, [{ field: 'appraisalId', rule: 'rating_after_publication', message: `the cycle is ${meta.cycle_state}` }]);
  const slots = await ctx.db.rows<{ id: string; slot_key: string; section: string; role: RaterRole; rater_employee_id: string | null; source: string; state: RatingState }>(
    sql`select id, slot_key, section, role, rater_employee_id, source, state from rating where appraisal_id = ${appraisalId} and state <> 'reassigned'`,
  );
  const known = await ctx.db.rows<{ id: string }>(sql`select id from employee where id = ${input.to} and active`);
  if (!known.length) assertNoProblems([{ field: 'to', rule: 'rater_unknown_employee', message: 'no active employee with this id', params: { employeeId: input.to } }]);
  const doc = await schemeDocument(ctx.db, found.schemeVersionId);
  const change = planRaterChange(
    doc,
    { employeeId: meta.employee_id, slots: slots.map((s) => ({ key: s.slot_key, section: s.section, role: s.role, raterId: s.rater_employee_id, source: s.source === 'DATA' ? 'data' : 'person' })), unresolved: [] },
    { section: input.section, role: input.role as RaterRole, ...(input.from ? { from: input.from } : {}), to: input.to, reason: input.reason },
    new Set(slots.filter((s) => s.state === 'submitted').map((s) => s.slot_key)),
  );
  if (!change.ok) assertNoProblems(problemsOf(change.issues));
  const { removed, added } = (change as Extract<typeof change, { ok: true }>).value;
  const old = removed ? slots.find((s) => s.slot_key === removed.key) : undefined;
  if (old) {
    const step = nextState(ratingWorkflow, old.state, 'reassign', { roles: actor.roles, beforePublication: true, reassignReason: input.reason });
    if (!step.ok) assertNoProblems(problemsOf([{ ...step.issue, path: ['from'] }]));
  }
  await inTransaction(ctx, async (em) => {
    await lockAppraisal(em, appraisalId);
    const appraisal = await em.findOne(Appraisal, { id: appraisalId });
    if (!appraisal) throw notFound('Appraisal', appraisalId);
    if (appraisal.version !== version) throw conflict('appraisal');
    const next = em.create(Rating, {
      appraisal,
      slotKey: added.key,
      section: added.section,
      role: added.role,
      raterEmployee: em.getReference(Employee, added.raterId as string),
      source: 'PERSON',
      items: {},
    } as never) as Rating;
    appraisal.updatedAt = new Date();
    if (old) {
      const previous = await em.findOneOrFail(Rating, { id: old.id });
      previous.state = 'reassigned';
      previous.reassignReason = input.reason.trim();
      previous.replacedBy = next;
    }
    await em.flush();
    recordAudit(em, ctx, {
      operation: 'changeRater',
      entityType: 'Appraisal',
      entityId: appraisalId,
      before: removed ? { slot: removed.key, ratingId: old?.id ?? null } : null,
      after: { slot: added.key, ratingId: next.id, reason: input.reason.trim() },
    });
  });
  return (await appraisalInScope(ctx, appraisalId)) as AppraisalNode;
}
