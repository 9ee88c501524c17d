// Public surface of the appraisal domain. Each module adds its own export line.
export * from './issues.js';
export * from './decimal.js';
export * from './policies/index.js';
export * from './org/index.js';
export * from './pay/index.js';
export * from './calendar/index.js';
export * from './workflow/index.js';
export * from './eligibility/index.js';
