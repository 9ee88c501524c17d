// Workflows as transition tables with guards: the engine and the platform's six tables.
export * from './engine.js';
export * from './guards.js';
export * from './cycle.js';
export * from './appraisal.js';
export * from './appeal.js';
export * from './ledger-entry.js';
export * from './nomination.js';
export * from './policy-version.js';
export * from './rating.js';
export * from './probation-review.js';
