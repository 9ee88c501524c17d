import { Decimal } from '../decimal.js';
import { cmp, parseNum, type Num } from '../formula/fixed.js';

/** A decimal string as an exact Num; text the Decimal constructor rejects throws the same way. */
function exact(text: string): Num {
  return parseNum(text) ?? new Decimal(text);
}
import type { DistributionRule, GradeBand } from '../scheme/index.js';
import { checkQuotas, quotaCount, quotaGrades, type DistributionMember, type QuotaViolation } from './quota.js';

/** One member's place in the proposal: rank (1 = best), the grade before and the grade proposed. */
export interface CalibrationRow {
  employeeId: string;
  rank: number;
  from: string;
  to: string;
}

/** A calibration proposal for one group, with the violations before and any left after (quotas that cannot all hold). */
export interface CalibrationProposal {
  rows: CalibrationRow[];
  before: QuotaViolation[];
  after: QuotaViolation[];
}

/**
 * Ranks a group deterministically: total descending, then the tie-break sections descending in order,
 * then employee id ascending (so equal scores never depend on input order).
 * Example: rankMembers([{ employeeId: 'b', total: '90', grade: 'A' }, { employeeId: 'a', total: '90', grade: 'A' }], []) -> a, b
 */
export function rankMembers<T extends DistributionMember>(members: readonly T[], tieBreakSections: readonly string[]): T[] {
  // Totals and tie-break scores are usually plain fixed-point numbers: rank indices over flat number
  // arrays (no per-member key objects); numeric order of scaled integers is Decimal.cmp order.
  const n = members.length;
  const width = tieBreakSections.length;
  const totals = new Float64Array(n);
  const sections = new Float64Array(n * width);
  let plainNumbers = true;
  for (let i = 0; i < n && plainNumbers; i++) {
    const m = members[i];
    if (!m) {
      plainNumbers = false;
      break;
    }
    const t = exact(m.total);
    if (typeof t !== 'number') plainNumbers = false;
    else totals[i] = t;
    for (let j = 0; j < width && plainNumbers; j++) {
      const v = exact(m.sections?.[tieBreakSections[j] ?? ''] ?? '0');
      if (typeof v !== 'number') plainNumbers = false;
      else sections[i * width + j] = v;
    }
  }
  if (plainNumbers) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const t = (totals[b] ?? 0) - (totals[a] ?? 0);
      if (t !== 0) return t;
      for (let j = 0; j < width; j++) {
        const c = (sections[b * width + j] ?? 0) - (sections[a * width + j] ?? 0);
        if (c !== 0) return c;
      }
      const ia = members[a]?.employeeId ?? '';
      const ib = members[b]?.employeeId ?? '';
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    return order.map((i) => members[i] as T);
  }
  // Otherwise the keys are exact Nums (Decimal for what does not fit); comparisons equal Decimal.cmp.
  const keyed = members.map((m) => ({
    m,
    total: exact(m.total),
    sections: tieBreakSections.map((s) => exact(m.sections?.[s] ?? '0')),
  }));
  keyed.sort((a, b) => {
    const t = cmp(b.total, a.total);
    if (t !== 0) return t;
    for (let i = 0; i < a.sections.length; i++) {
      const c = cmp(b.sections[i] ?? 0, a.sections[i] ?? 0);
      if (c !== 0) return c;
    }
    return a.m.employeeId < b.m.employeeId ? -1 : a.m.employeeId > b.m.employeeId ? 1 : 0;
  });
  return keyed.map((k) => k.m);
}

/**
 * Proposes grades that respect the group's quotas by moving the lowest-ranked people down, never up:
 * first maximum quotas from the best grade down (overflow moves one grade lower), then minimum quotas
 * from the worst grade up (the lowest-ranked of the better grades move down). Quotas that cannot hold
 * (a maximum on the worst grade, a minimum on the best) are reported in `after`.
 * Example: calibrateGroup(bands, { quotas: [{ grade: 'excellent', bound: 'max', percent: '30', cumulative: false }], ... }, fourExcellent).rows -> the 4th ranked moves to 'good'
 */
export function calibrateGroup(bands: readonly GradeBand[], rule: DistributionRule, members: readonly DistributionMember[]): CalibrationProposal {
  const order = bands.map((b) => b.grade);
  const rankOf = new Map(order.map((g, i) => [g, i]));
  const ranked = rankMembers(members, rule.tieBreak.sections);
  const level = ranked.map((m) => rankOf.get(m.grade) ?? order.length - 1);
  const n = ranked.length;
  const worst = order.length - 1;

  const indicesAt = (levels: ReadonlySet<number>): number[] => level.flatMap((l, i) => (levels.has(l) ? [i] : []));

  // Maximum quotas, best grade first: whoever is beyond the allowance (lowest ranked) moves one grade down.
  for (let k = 0; k < worst; k++) {
    for (const q of rule.quotas) {
      if (q.bound !== 'max' || rankOf.get(q.grade) !== k) continue;
      const grades = new Set(quotaGrades(bands, q).map((g) => rankOf.get(g) ?? worst));
      const inQuota = indicesAt(grades); // already in rank order
      const allowed = quotaCount(n, q.percent, rule.rounding);
      for (const i of inQuota.slice(allowed)) level[i] = k + 1;
    }
  }
  // Minimum quotas, worst grade first: take the lowest-ranked people above the counted grades.
  for (let k = worst; k > 0; k--) {
    for (const q of rule.quotas) {
      if (q.bound !== 'min' || rankOf.get(q.grade) !== k) continue;
      const counted = new Set(quotaGrades(bands, q).map((g) => rankOf.get(g) ?? worst));
      const required = quotaCount(n, q.percent, rule.rounding);
      const have = indicesAt(counted).length;
      if (have >= required) continue;
      const above = level.flatMap((l, i) => (l < k ? [i] : []));
      for (const i of above.slice(Math.max(0, above.length - (required - have)))) level[i] = k;
    }
  }

  const rows = ranked.map((m, i) => ({ employeeId: m.employeeId, rank: i + 1, from: m.grade, to: order[level[i] ?? worst] ?? m.grade }));
  return {
    rows,
    before: checkQuotas(bands, rule, members),
    after: checkQuotas(bands, rule, rows.map((r) => ({ grade: r.to }))),
  };
}
