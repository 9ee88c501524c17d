import {
  appraisalWorkflow,
  type AppraisalState,
  checkActionWindow,
  type DomainIssue,
  type ItemInput,
  nextState,
  type SelfReviewText,
  validateRating,
  validateSelfReview,
} from '@appraisal/domain';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { Appraisal, Rating } from './appraisal.entity.js';
import { appraisalInScope } from './appraisal.read.js';
import type { AppraisalNode, SelfReviewInput } from './appraisal.types.js';
import { problemsOf, schemeDocument } from './cycle-data.js';
import { computeIfComplete, lockAppraisal, windowsOf } from './rating.service.js';

/** Cycle states in which the appraised person writes their self-review (the window decides the dates). */
const SELF_REVIEW_CYCLE_STATES = new Set(['open', 'self_review', 'rating']);

const textOf = (input: SelfReviewInput): SelfReviewText => ({
  ...(input.achievements == null ? {} : { achievements: input.achievements }),
  ...(input.problems == null ? {} : { problems: input.problems }),
  ...(input.plans == null ? {} : { plans: input.plans }),
});

/**
 * Saves (draft) or submits the self-review of Part 5: achievements, problems and next-period plans as text, plus
 * the self-scores of every section the scheme rates by SELF. Only the appraised person, only inside the
 * self-review window (or an HR reopening). Submitting needs all three texts and every SELF section complete; it
 * submits the SELF ratings, moves the appraisal on to rating and, when that was the last rating, computes the result.
 * A stale version is a CONFLICT; every change writes one audit entry.
 */
export async function writeSelfReview(ctx: RequestContext, appraisalId: string, version: number, input: SelfReviewInput, mode: 'save' | 'submit'): Promise<AppraisalNode> {
  const actor = requireActor(ctx);
  const meta = (
    await ctx.db.rows<{ cycle_id: string; cycle_state: string; employee_id: string; state: AppraisalState; self_review_state: string; self_review: SelfReviewText | null; scheme_version_id: string; published_at: string | null }>(
      sql`select a.cycle_id, c.state as cycle_state, a.employee_id, a.state, a.self_review_state, a.self_review, c.scheme_version_id, a.published_at
          from appraisal a join cycle c on c.id = a.cycle_id where a.id = ${appraisalId}`,
    )
  )[0];
  if (!meta) throw notFound('Appraisal', appraisalId);
  if (actor.employeeId === null || meta.employee_id !== actor.employeeId) throw forbidden('this self-review: only the appraised employee writes it');
  if (!SELF_REVIEW_CYCLE_STATES.has(meta.cycle_state) || meta.published_at)
    throw new AppError('VALIDATION_FAILED', `The cycle is ${meta.cycle_state}: self-reviews are not taken now.`, [
      { field: 'appraisalId', rule: 'phase_closed', message: `the cycle is ${meta.cycle_state}`, params: { phase: 'selfReview' } },
    ]);
  if (meta.self_review_state === 'SUBMITTED')
    throw new AppError('VALIDATION_FAILED', 'The self-review was submitted already.', [{ field: 'appraisalId', rule: 'self_review_submitted', message: 'the self-review was submitted already' }]);
  const { phases, reopenings } = await windowsOf(ctx, meta.cycle_id);
  const window = checkActionWindow({ action: mode === 'save' ? 'selfReview.save' : 'selfReview.submit', today: ctx.clock.today(), phases, target: { appraisalId }, reopenings });
  if (!window.ok) assertNoProblems(problemsOf([window.issue]));

  const doc = await schemeDocument(ctx.db, meta.scheme_version_id);
  // Parts left out keep what was saved: the submitted self-review is the saved one with this input on top.
  const text: SelfReviewText = { ...(meta.self_review ?? {}), ...textOf(input) };
  const selfRatings = await ctx.db.rows<{ id: string; section: string; state: string; items: Record<string, ItemInput> }>(
    sql`select id, section, state, items from rating where appraisal_id = ${appraisalId} and role = 'SELF' and state <> 'reassigned' order by section`,
  );
  const scores = new Map<string, Record<string, ItemInput>>();
  const issues: DomainIssue[] = [...validateSelfReview(text, mode === 'save' ? 'draft' : 'submit')];
  for (const [i, s] of (input.scores ?? []).entries()) {
    if (typeof s.items !== 'object' || s.items === null || Array.isArray(s.items)) {
      throw new AppError('BAD_USER_INPUT', 'scores.items: an object of item inputs.', [{ field: `scores[${i}].items`, rule: 'shape', message: 'an object of item inputs' }]);
    }
    if (!selfRatings.some((r) => r.section === s.section)) {
      issues.push({ code: 'rater_not_in_section', message: `section "${s.section}" is not rated by SELF`, path: ['scores', i, 'section'], params: { section: s.section, role: 'SELF' } });
      continue;
    }
    scores.set(s.section, s.items as Record<string, ItemInput>);
  }
  for (const r of selfRatings) {
    const items = scores.get(r.section) ?? r.items;
    const found = validateRating(doc, { section: r.section, role: 'SELF', items }, mode === 'save' ? 'draft' : 'submit');
    issues.push(...found.map((f) => ({ ...f, path: ['scores', r.section, ...f.path] })));
  }
  assertNoProblems(problemsOf(issues));
  let appraisalTo: AppraisalState = meta.state;
  if (mode === 'submit' && meta.state === 'self_review') {
    const step = nextState(appraisalWorkflow, meta.state, 'submit_self_review', { roles: actor.roles, isSubject: true });
    if (!step.ok) assertNoProblems(problemsOf([step.issue]));
    appraisalTo = (step as { ok: true; to: AppraisalState }).to;
  }

  await inTransaction(ctx, async (em) => {
    // The appraisal first, then its self ratings (the lock order of the rating triggers; see lockAppraisal).
    await lockAppraisal(em, appraisalId);
    const appraisal = await em.findOne(Appraisal, { id: appraisalId });
    if (!appraisal) throw notFound('Appraisal', appraisalId);
    if (appraisal.version !== version) throw staleRecord();
    const before = { selfReview: appraisal.selfReview, selfReviewState: appraisal.selfReviewState, state: appraisal.state };
    appraisal.selfReview = { ...(appraisal.selfReview ?? {}), ...textOf(input) };
    appraisal.selfReviewState = mode === 'save' ? 'DRAFT' : 'SUBMITTED';
    if (mode === 'submit') appraisal.selfReviewSubmittedAt = new Date();
    appraisal.state = appraisalTo;
    const ratings = selfRatings.length ? await em.find(Rating, { id: { $in: selfRatings.map((r) => r.id) } }) : [];
    for (const rating of ratings) {
      const items = scores.get(rating.section);
      if (items) rating.items = items;
      if (mode === 'submit') {
        rating.state = 'submitted';
        rating.submittedAt = new Date();
      } else if (items && rating.state === 'pending') rating.state = 'draft';
    }
    await em.flush();
    recordAudit(em, ctx, {
      operation: mode === 'save' ? 'saveSelfReview' : 'submitSelfReview',
      entityType: 'Appraisal',
      entityId: appraisalId,
      before,
      after: { selfReview: appraisal.selfReview, selfReviewState: appraisal.selfReviewState, state: appraisal.state, scores: Object.fromEntries(scores), window },
    });
    if (mode === 'submit') await computeIfComplete(ctx, em, appraisalId, meta.scheme_version_id, 'SUBMISSION');
  });
  return (await appraisalInScope(ctx, appraisalId)) as AppraisalNode;
}
