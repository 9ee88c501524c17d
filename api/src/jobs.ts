import type { JobDefinition } from './core/jobs.js';

/** Every background job the server runs (each has its queue in a migration). */
export const jobDefinitions: ReadonlyArray<JobDefinition<object>> = [];
