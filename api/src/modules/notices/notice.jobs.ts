import type { JobDefinition } from '../../core/jobs.js';
import { ORGANIZATION_TIME_ZONE } from '../../core/clock.js';
import { deliverDueNotices } from './notice.service.js';

/** `notices.publishDue`: every minute, delivers the scheduled notices whose time has come (idempotent). */
export const noticesPublishDueJob: JobDefinition<Record<string, never>> = {
  name: 'notices.publishDue',
  run: async (ctx) => {
    await deliverDueNotices(ctx);
  },
  schedule: { cron: '* * * * *', tz: ORGANIZATION_TIME_ZONE, data: {} },
};
