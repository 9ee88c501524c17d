import type { JobDefinition } from './core/jobs.js';
import { acknowledgementLapseJob } from './modules/cycles/acknowledgement-lapse.service.js';
import { launchCycleJob } from './modules/cycles/cycle.jobs.js';
import { closeRatingPhaseJob } from './modules/cycles/rating-close.service.js';
import { noticesPublishDueJob } from './modules/notices/notice.jobs.js';
import { remindersDailyJob } from './modules/notifications/reminders.jobs.js';
import { rollupComputeJob } from './modules/cycles/rollup.service.js';
import { probationApplyJob } from './modules/probation/probation.jobs.js';
import { appealFlagsJob } from './modules/appeals/appeal.jobs.js';

/** Every background job the server runs (each has its queue in a migration). */
export const jobDefinitions: ReadonlyArray<JobDefinition<object>> = [
  launchCycleJob as unknown as JobDefinition<object>,
  closeRatingPhaseJob as unknown as JobDefinition<object>,
  remindersDailyJob as unknown as JobDefinition<object>,
  probationApplyJob as unknown as JobDefinition<object>,
  noticesPublishDueJob as unknown as JobDefinition<object>,
  acknowledgementLapseJob as unknown as JobDefinition<object>,
  rollupComputeJob as unknown as JobDefinition<object>,
  appealFlagsJob as unknown as JobDefinition<object>,
];
