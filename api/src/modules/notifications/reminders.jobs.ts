import type { JobDefinition } from '../../core/jobs.js';
import { ORGANIZATION_TIME_ZONE } from '../../core/clock.js';
import { runReminders } from './reminders.service.js';

/** The daily reminder job's payload: one cycle, or every live cycle when absent. */
export interface RemindersJobData {
  cycleId?: string;
}

/** `reminders.daily`: at 08:00 in the organisation's time zone, plans and sends today's reminders of every live cycle. */
export const remindersDailyJob: JobDefinition<RemindersJobData> = {
  name: 'reminders.daily',
  run: async (ctx, data) => {
    await runReminders(ctx, { cycleId: data.cycleId ?? null, operation: 'remindersDaily' });
  },
  schedule: { cron: '0 8 * * *', tz: ORGANIZATION_TIME_ZONE, data: {} },
};
