export * from './employee-rules.js';
export * from './department-rules.js';
