import type { JobDefinition } from '../../core/jobs.js';
import { interruptedLaunches, type LaunchJobData, runLaunch } from './cycle.service.js';

/** `cycle.launch`: creates a cycle's appraisals and rating slots in resumable batches, then opens it. */
export const launchCycleJob: JobDefinition<LaunchJobData> = {
  name: 'cycle.launch',
  run: (ctx, data) => runLaunch(ctx, data.cycleId),
  resume: interruptedLaunches,
};
