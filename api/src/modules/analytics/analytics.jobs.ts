import type { RequestContext } from '../../core/context.js';
import { type JobDefinition, noJobs } from '../../core/jobs.js';

/** One refresh queued at a time (pg-boss stately policy): publications in a burst share it, and stale reads too. */
const KEY = 'analytics-refresh';

/**
 * statement_timeout of the refresh's own transaction. The application's connections stop a statement after 10 s
 * (STATEMENT_TIMEOUT_MS); the refresh renews every read model and rebuilds the counters, which takes longer on a
 * large database. Below the queue's expireInSeconds (900, Migration20261128081000), so pg-boss does not retry a
 * refresh still running.
 */
export const REFRESH_STATEMENT_TIMEOUT_MS = 600_000;

/** Refreshes the analytics read models now (CONCURRENTLY: readers keep the previous rows meanwhile), in a transaction of its own. */
export async function refreshAnalyticsViews(ctx: Pick<RequestContext, 'em'>): Promise<void> {
  await ctx.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    await connection.execute(`set local statement_timeout = ${REFRESH_STATEMENT_TIMEOUT_MS}`, [], 'run', tx);
    await connection.execute('select analytics_refresh()', [], 'run', tx);
  });
}

/**
 * After a publication (or anything else that changes published results): queue the refresh; without a job runner
 * (seed, scripts) refresh in place.
 */
export async function requestAnalyticsRefresh(ctx: RequestContext): Promise<void> {
  if (ctx.jobs === noJobs) return refreshAnalyticsViews(ctx);
  // A queue that refuses (the seed's inline runner) must not fail a committed publication: refresh in place then.
  await ctx.jobs.send('analytics.refresh', {}, KEY).catch(() => refreshAnalyticsViews(ctx));
}

/**
 * A read found the cohorts stale (an org change since the last refresh) and fell back to the live queries: queue a
 * refresh so the next reads are fast again, debounced (at most one per `debounceSeconds`, one more at the end of a
 * burst of changes). Never refreshes in place (a read does not wait for it) and never fails the read: false when
 * nothing was queued (no job runner, or the queue refused).
 */
export async function requestStaleRefresh(ctx: RequestContext, debounceSeconds: number): Promise<boolean> {
  if (ctx.jobs === noJobs) return false;
  try {
    await ctx.jobs.send('analytics.refresh', {}, KEY, { debounceSeconds });
    return true;
  } catch (error) {
    ctx.log.warn({ err: error }, 'analytics refresh not queued after a stale read');
    return false;
  }
}

/**
 * `analytics.refresh`: refreshes the analytics read models and rebuilds the counters (`analytics_refresh()`).
 * Idempotent; at start-up one refresh is queued, so a publication whose job was lost with its replica is still reflected.
 */
export const analyticsRefreshJob: JobDefinition<Record<string, never>> = {
  name: 'analytics.refresh',
  run: async (ctx) => {
    await refreshAnalyticsViews(ctx);
  },
  resume: async () => [{ data: {}, singletonKey: KEY }],
};
