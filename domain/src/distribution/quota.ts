import { Decimal, dec } from '../decimal.js';
import type { DistributionRule, GradeBand, Quota } from '../scheme/index.js';

/** How a share of a small group becomes a head count. */
export type QuotaRounding = DistributionRule['rounding'];

/**
 * Head count a percentage of a group allows (max) or requires (min): size x percent / 100 rounded as the
 * scheme states (floor, halfUp or ceil), never below 0 nor above the group size.
 * Example: quotaCount(7, '30', 'halfUp') -> 2 (2.1); quotaCount(5, '30', 'halfUp') -> 2 (1.5); quotaCount(3, '30', 'floor') -> 0
 */
export function quotaCount(groupSize: number, percent: string, rounding: QuotaRounding): number {
  // Pure and called for every quota of every group: memoised (bounded).
  const key = `${groupSize}|${rounding}|${percent}`;
  const hit = counts.get(key);
  if (hit !== undefined) return hit;
  const n = computeQuotaCount(groupSize, percent, rounding);
  if (counts.size >= 10_000) counts.clear();
  counts.set(key, n);
  return n;
}
const counts = new Map<string, number>();

function computeQuotaCount(groupSize: number, percent: string, rounding: QuotaRounding): number {
  const exact = new Decimal(groupSize).times(dec(percent)).div(100);
  const mode = rounding === 'floor' ? Decimal.ROUND_FLOOR : rounding === 'ceil' ? Decimal.ROUND_CEIL : Decimal.ROUND_HALF_UP;
  const n = exact.toDecimalPlaces(0, mode).toNumber();
  return Math.min(Math.max(n, 0), groupSize);
}

/** A member of a distribution group: their total, current grade and section scores for tie-breaks. */
export interface DistributionMember {
  employeeId: string;
  total: string;
  grade: string;
  sections?: Readonly<Record<string, string>>;
}

/** A quota a group breaks: which grade(s), the bound, the allowed/required count and the actual count. */
export interface QuotaViolation {
  quota: Quota;
  grades: string[];
  limit: number;
  actual: number;
  groupSize: number;
}

/** The grades a quota counts: the grade alone, or with all better (max) / all worse (min) grades. Example: quotaGrades(bands, { grade: 'good', bound: 'max', cumulative: true }) -> ['excellent', 'good'] */
export function quotaGrades(bands: readonly GradeBand[], quota: Quota): string[] {
  const order = bands.map((b) => b.grade);
  const at = order.indexOf(quota.grade);
  if (!quota.cumulative || at < 0) return [quota.grade];
  return quota.bound === 'max' ? order.slice(0, at + 1) : order.slice(at);
}

/**
 * Checks one group's grades against the scheme's quotas and lists every violation.
 * Example: checkQuotas(bands, nursing.distribution, members) -> [{ quota: { grade: 'excellent', bound: 'max', ... }, limit: 3, actual: 4, ... }]
 */
export function checkQuotas(bands: readonly GradeBand[], rule: DistributionRule, members: readonly Pick<DistributionMember, 'grade'>[]): QuotaViolation[] {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.grade, (counts.get(m.grade) ?? 0) + 1);
  return quotaViolations(bands, rule, counts, members.length);
}

/** The violations of a group of `groupSize` people given the head count of each grade (checkQuotas without member objects). */
export function quotaViolations(bands: readonly GradeBand[], rule: DistributionRule, counts: ReadonlyMap<string, number>, groupSize: number): QuotaViolation[] {
  const violations: QuotaViolation[] = [];
  for (const quota of rule.quotas) {
    const grades = quotaGrades(bands, quota);
    const actual = grades.reduce((s, g) => s + (counts.get(g) ?? 0), 0);
    const limit = quotaCount(groupSize, quota.percent, rule.rounding);
    if (quota.bound === 'max' ? actual > limit : actual < limit) {
      violations.push({ quota, grades, limit, actual, groupSize });
    }
  }
  return violations;
}
