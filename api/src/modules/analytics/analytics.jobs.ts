import type { RequestContext } from '../../core/context.js';
import { type JobDefinition, noJobs } from '../../core/jobs.js';
import { sql } from '../../core/db.js';

/** One refresh queued at a time (pg-boss stately policy): publications in a burst share it. */
const KEY = 'analytics-refresh';

/** Refreshes the analytics read models now (CONCURRENTLY: readers keep the previous rows meanwhile). */
export async function refreshAnalyticsViews(ctx: Pick<RequestContext, 'db'>): Promise<void> {
  await ctx.db.rows(sql`select analytics_refresh()`);
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
 * `analytics.refresh`: refreshes `analytics_appraisal` and `analytics_rating`. Idempotent; at start-up one refresh is
 * queued, so a publication whose job was lost with its replica is still reflected.
 */
export const analyticsRefreshJob: JobDefinition<Record<string, never>> = {
  name: 'analytics.refresh',
  run: async (ctx) => {
    await refreshAnalyticsViews(ctx);
  },
  resume: async () => [{ data: {}, singletonKey: KEY }],
};
