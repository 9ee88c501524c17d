// Cycles end to end: periods and phase windows on HR's calendar, population, raters, forms and inputs,
// results, calibration and publication, group pay, roll-ups and reminders. Pure functions the API calls.
export type { IssueParams } from './issue.js';
export * from './period.js';
export * from './schedule.js';
export * from './windows.js';
export * from './population.js';
export * from './raters.js';
export * from './forms.js';
export * from './measured.js';
export * from './results.js';
export * from './calibration.js';
export * from './pay.js';
export * from './publication.js';
export * from './rollups.js';
export * from './reminders.js';
export * from './launch.js';
