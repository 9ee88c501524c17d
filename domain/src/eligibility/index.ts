// Who a scheme applies to: predicates over employment status, category, probation, special approval and discipline.
export * from './rule.js';
export * from './evaluate.js';
export * from './workshop.js';
