// Scoring: item -> rater -> section -> total, adjustments, caps, rounding, grade, roll-ups and pay.
export * from './types.js';
export { compileScheme, type CompiledScheme, type CompiledSection, type CompiledItem } from './compile.js';
export { scoreItem, type ItemOutcome } from './items.js';
export { applyAdjustments, type AdjustmentTotals } from './adjustments.js';
export { scoreAppraisal, scoreAppraisalReference, type ScoreOptions } from './score.js';
export { rollUp, type RollupResult } from './rollup.js';
export { priceGroup, priceRows, PricedRows, type PayFacts, type PayGroupInput, type PayLine, type PayOutcome, type PayColumns, type PayRowGroup } from './pay.js';
export { scoreBatch, ScoredBatch, NO_GRADE, type ScoreColumns } from './batch.js';
