// The reward-and-punishment ledger: the one rule catalog (shared with schemes), entries and their checks, team
// shares, reversals, entries generated from published results, statements, payout batches and their export.
export * from './quantity.js';
export * from './rule.js';
export * from './seed-rules.js';
export * from './scheme-link.js';
export * from './entry.js';
export * from './team.js';
export * from './record.js';
export * from './reversal.js';
export * from './generated.js';
export * from './statement.js';
export * from './batch.js';
