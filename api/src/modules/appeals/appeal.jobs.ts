import type { JobDefinition } from '../../core/jobs.js';
import { ORGANIZATION_TIME_ZONE } from '../../core/clock.js';
import { runAppealFlags } from './appeal.service.js';

/** `appeal.flags`: at 08:00 in the organisation's time zone, near-due and overdue appeals become inbox tasks (idempotent per appeal and day). */
export const appealFlagsJob: JobDefinition<Record<string, never>> = {
  name: 'appeal.flags',
  run: async (ctx) => {
    await runAppealFlags(ctx);
  },
  schedule: { cron: '0 8 * * *', tz: ORGANIZATION_TIME_ZONE, data: {} },
};
