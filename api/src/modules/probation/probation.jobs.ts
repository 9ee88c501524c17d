import type { JobDefinition } from '../../core/jobs.js';
import { ORGANIZATION_TIME_ZONE } from '../../core/clock.js';
import { applyDueProbationDecisions } from './probation.service.js';

/** `probation.apply`: every day at 00:30, decisions taking effect today or earlier are written onto the employee records. */
export const probationApplyJob: JobDefinition<Record<string, never>> = {
  name: 'probation.apply',
  run: async (ctx) => {
    await applyDueProbationDecisions(ctx);
  },
  schedule: { cron: '30 0 * * *', tz: ORGANIZATION_TIME_ZONE, data: {} },
};
