// Annual excellent employee and team selection: programs, eligibility from annual results, nominations,
// secret committee votes with a quorum and a decision rule, quotas, the chair's decision and the award's ledger reward.
export * from './program.js';
export * from './eligibility.js';
export * from './selection.js';
