// Working days, holidays, make-up days, deadlines, accounting periods and schedule windows.
export * from './errors.js';
export * from './dates.js';
export * from './work-calendar.js';
export * from './periods.js';
export * from './windows.js';
export * from './definition.js';
export * from './cn-calendar.js';
