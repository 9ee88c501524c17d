// Public surface of the appraisal domain. Each module adds its own export line.
export * from './issues.js';
export * from './decimal.js';
