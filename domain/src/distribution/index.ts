// Grades from bands, forced-distribution quotas per group, and calibration proposals.
export { compileBands, bandForScore, describeBand, gradeForScore, type CompiledBand } from './grade.js';
export { quotaCount, quotaGrades, checkQuotas, type QuotaRounding, type DistributionMember, type QuotaViolation } from './quota.js';
export { rankMembers, rankRows, calibrateGroup, calibrateRows, type CalibrationRow, type CalibrationProposal, type RankingColumns, type CalibrationColumns, type RowProposal } from './calibrate.js';
