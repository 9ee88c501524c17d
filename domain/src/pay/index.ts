// Pay rules: percent of base by score band or grade, floating pay vs the average, pools split exactly, output pay, work-hour penalties.
export * from './errors.js';
export * from './basis.js';
export * from './rule.js';
export * from './score-pay.js';
export * from './floating.js';
export * from './pool.js';
export * from './output.js';
export * from './work-hours.js';
