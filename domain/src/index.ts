// Public surface of the appraisal domain. Each module adds its own export line.
export * from './issues.js';
export * from './messages/index.js';
export * from './decimal.js';
export * from './policies/index.js';
export * from './org/index.js';
export * from './pay/index.js';
export * from './calendar/index.js';
export * from './workflow/index.js';
export * from './eligibility/index.js';
export * from './formula/index.js';
export * from './scheme/index.js';
export * from './scoring/index.js';
export * from './distribution/index.js';
export * from './explain/index.js';
export * from './programs/index.js';
export * from './cycles/index.js';
export * from './probation/index.js';
