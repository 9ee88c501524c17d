import { canManageCycles } from '@appraisal/domain';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { AppError, forbidden, notFound, staleRecord } from '../../core/errors.js';
import type { JobDefinition } from '../../core/jobs.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { Cycle } from './cycle.entity.js';
import { getCycle } from './cycle.service.js';
import type { CycleNode } from './cycle.types.js';
import { CycleRatingClose, type RatingCloseProgress } from './rating-close.entity.js';
import { computeResults } from './result-compute.js';

/** The close job's payload. */
export interface CloseRatingJobData {
  cycleId: string;
}

/**
 * Appraisals per batch of the close job: one transaction per batch computes and writes all of them with a constant
 * number of statements (computeResults); progress is saved after each batch. Rerunning after a crash redoes at
 * most the batch that was not committed.
 */
const BATCH = 1000;

/**
 * HR closes the rating phase of a cycle in `rating` (audited; a stale cycle version is a CONFLICT): from now on a
 * rating is taken only under an HR reopening, and the `cycle.closeRatingPhase` job computes every result still
 * missing with the scheme's missing-rater policy. Closing again after the job finished runs it again (it only
 * computes what is missing); while it runs, closing again changes nothing.
 */
export async function closeRatingPhase(ctx: RequestContext, cycleId: string, version: number): Promise<CycleNode> {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('closing the rating phase');
  let queue = false;
  await inTransaction(ctx, async (em) => {
    const cycle = await em.findOne(Cycle, { id: cycleId });
    if (!cycle) throw notFound('Cycle', cycleId);
    if (cycle.version !== version) throw staleRecord();
    if (cycle.state !== 'rating')
      throw new AppError('VALIDATION_FAILED', `The cycle is ${cycle.state}: only a cycle in rating has a rating phase to close.`, [
        { field: 'cycleId', rule: 'rating_close_not_rating', message: `the cycle is ${cycle.state}`, params: { state: cycle.state } },
      ]);
    const total = (await em.getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from appraisal where cycle_id = ? and state <> 'excluded' and result_id is null`, [cycleId], 'all', em.getTransactionContext()))[0]?.n ?? 0;
    const existing = await em.findOne(CycleRatingClose, { cycle: cycleId });
    if (existing?.status === 'RUNNING') return;
    const progress: RatingCloseProgress = { total, done: 0, computed: 0, unchanged: 0, blocked: 0, blockedAppraisals: [], startedAt: new Date().toISOString() };
    if (existing) {
      existing.status = 'RUNNING';
      existing.progress = progress;
      existing.closedByUserId = actor.userId;
    } else em.create(CycleRatingClose, { cycle, status: 'RUNNING', progress, closedByUserId: actor.userId } as never);
    cycle.updatedAt = new Date();
    await em.flush();
    recordAudit(em, ctx, { operation: 'closeRatingPhase', entityType: 'Cycle', entityId: cycleId, before: existing ? { status: existing.status } : null, after: { status: 'RUNNING', unscored: total } });
    queue = true;
  });
  if (queue) await ctx.jobs.send<CloseRatingJobData>('cycle.closeRatingPhase', { cycleId }, `close-rating:${cycleId}`);
  return getCycle(ctx, cycleId);
}

/**
 * The close job: every appraisal of the cycle without a result, in id order and in batches of BATCH, gets its
 * result with the missing-rater policy (`computeResults(..., closing, onlyMissing)`, one transaction per batch;
 * the appraisal rows are locked, so a rating submitted at the same moment computes once, and one that got its
 * result meanwhile is left alone). Appraisals the policy cannot score are listed with the engine's issues.
 * Rerunning after a crash skips what has a result: idempotent.
 */
export async function runCloseRatingPhase(ctx: RequestContext, cycleId: string): Promise<void> {
  const rows = await ctx.db.rows<{ status: string; scheme_version_id: string; started_at: string }>(
    sql`select x.status, c.scheme_version_id, x.progress->>'startedAt' as started_at from cycle_rating_close x join cycle c on c.id = x.cycle_id where x.cycle_id = ${cycleId}`,
  );
  const row = rows[0];
  if (!row || row.status !== 'RUNNING') return;
  const started = Date.now();
  const todo = await ctx.db.rows<{ id: string; employee_id: string }>(
    sql`select id, employee_id from appraisal where cycle_id = ${cycleId} and state <> 'excluded' and result_id is null order by id`,
  );
  const progress: RatingCloseProgress = { total: todo.length, done: 0, computed: 0, unchanged: 0, blocked: 0, blockedAppraisals: [], startedAt: row.started_at };
  const save = async (status: 'RUNNING' | 'DONE' | 'FAILED') => {
    await ctx.em.fork().transactional(async (em) => {
      const close = await em.findOneOrFail(CycleRatingClose, { cycle: cycleId });
      close.status = status;
      close.progress = { ...progress, blockedAppraisals: [...progress.blockedAppraisals] };
      await em.flush();
      if (status !== 'RUNNING')
        recordAudit(em, ctx, { operation: 'closeRatingPhaseDone', entityType: 'Cycle', entityId: cycleId, after: { status, computed: progress.computed, blocked: progress.blocked, unchanged: progress.unchanged, ms: Date.now() - started } });
    });
  };
  try {
    for (let i = 0; i < todo.length; i += BATCH) {
      const ids = todo.slice(i, i + BATCH).map((a) => a.id);
      const outcomes = await ctx.em.fork().transactional((em) =>
        computeResults(ctx, em, ids, {
          schemeVersionId: row.scheme_version_id,
          computedBy: 'CLOSE_JOB',
          closing: true,
          onlyMissing: true,
          onBlocked: (appraisalId, employeeId, issues) => {
            progress.blockedAppraisals.push({ appraisalId, employeeId, issues: issues.map((x) => ({ code: x.code, message: x.message, params: x.params ? { ...x.params } : null })) });
          },
        }),
      );
      for (const id of ids) {
        const outcome = outcomes.get(id);
        if (outcome === 'computed') progress.computed++;
        else if (outcome === 'blocked') progress.blocked++;
        else progress.unchanged++;
        progress.done++;
      }
      await save('RUNNING');
    }
    progress.finishedAt = new Date().toISOString();
    await save('DONE');
  } catch (error) {
    ctx.log.error({ err: error, cycleId }, 'closing the rating phase failed');
    progress.error = String((error as Error).message).slice(0, 500);
    await save('RUNNING');
    throw error;
  }
}

/** Closes interrupted by a dying replica: queued again at start-up. */
export async function interruptedCloses(ctx: RequestContext): Promise<Array<{ data: CloseRatingJobData; singletonKey: string }>> {
  const rows = await ctx.db.rows<{ cycle_id: string }>(sql`select cycle_id from cycle_rating_close where status = 'RUNNING'`);
  return rows.map((r) => ({ data: { cycleId: r.cycle_id }, singletonKey: `close-rating:${r.cycle_id}` }));
}

/** `cycle.closeRatingPhase`: computes the missing results of a cycle whose rating phase HR closed. */
export const closeRatingPhaseJob: JobDefinition<CloseRatingJobData> = {
  name: 'cycle.closeRatingPhase',
  run: (ctx, data) => runCloseRatingPhase(ctx, data.cycleId),
  resume: interruptedCloses,
};
