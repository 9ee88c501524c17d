import { Decimal } from '../decimal.js';
import { NumColumn } from '../formula/column.js';
import { cmp, parseNum, type Num } from '../formula/fixed.js';

/** A decimal string as an exact Num; text the Decimal constructor rejects throws the same way. */
function exact(text: string): Num {
  return parseNum(text) ?? new Decimal(text);
}
import type { DistributionRule, GradeBand } from '../scheme/index.js';
import { checkQuotas, quotaCount, quotaGrades, quotaViolations, type DistributionMember, type QuotaViolation } from './quota.js';

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

/** The rows of a group held in columns (bulk runs): totals, tie-break section scores in the rule's order, and ids. */
export interface RankingColumns {
  readonly total: NumColumn;
  /** One column per tie-break section, in the order of the rule's `tieBreak.sections`. */
  readonly tieBreak: readonly NumColumn[];
  employeeId(row: number): string;
}

/**
 * Ranks rows of columns deterministically: total descending, then the tie-break sections descending in
 * order, then employee id ascending. rankMembers and calibrateRows both rank with it.
 * Example: rankRows({ total, tieBreak: [], employeeId: (r) => ids[r] }, [4, 7, 9]) -> [7, 4, 9]
 */
export function rankRows(columns: RankingColumns, rows: ArrayLike<number>): number[] {
  const order = Array.from(rows);
  const totals = columns.total.fixed;
  const tieBreak = columns.tieBreak;
  const width = tieBreak.length;
  // Rows whose keys are all fixed-point numbers compare as doubles: exact (safe integers), and numeric
  // order of scaled integers is Decimal.cmp order. Otherwise exact Nums are compared (Decimal.cmp too).
  let fixed = columns.total.allFixed && tieBreak.every((c) => c.allFixed);
  if (!fixed) fixed = order.every((r) => !Number.isNaN(totals[r] ?? 0) && tieBreak.every((c) => !Number.isNaN(c.fixed[r] ?? 0)));
  const byId = (a: number, b: number): number => {
    const ia = columns.employeeId(a);
    const ib = columns.employeeId(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  if (fixed) {
    order.sort((a, b) => {
      // The difference of two doubles is 0 only when they are equal, and keeps the sign otherwise.
      const t = (totals[b] ?? 0) - (totals[a] ?? 0);
      if (t !== 0) return t;
      for (let j = 0; j < width; j++) {
        const col = tieBreak[j]?.fixed;
        const c = col ? (col[b] ?? 0) - (col[a] ?? 0) : 0;
        if (c !== 0) return c;
      }
      return byId(a, b);
    });
  } else {
    order.sort((a, b) => {
      const t = cmp(columns.total.get(b), columns.total.get(a));
      if (t !== 0) return t;
      for (const col of tieBreak) {
        const c = cmp(col.get(b), col.get(a));
        if (c !== 0) return c;
      }
      return byId(a, b);
    });
  }
  return order;
}

/**
 * Ranks a group deterministically: total descending, then the tie-break sections descending in order,
 * then employee id ascending (so equal scores never depend on input order).
 * Example: rankMembers([{ employeeId: 'b', total: '90', grade: 'A' }, { employeeId: 'a', total: '90', grade: 'A' }], []) -> a, b
 */
export function rankMembers<T extends DistributionMember>(members: readonly T[], tieBreakSections: readonly string[]): T[] {
  const n = members.length;
  const total = new NumColumn(n);
  const tieBreak = tieBreakSections.map(() => new NumColumn(n));
  for (let i = 0; i < n; i++) {
    const m = members[i];
    if (!m) continue;
    total.set(i, exact(m.total));
    for (let j = 0; j < tieBreakSections.length; j++) tieBreak[j]?.set(i, exact(m.sections?.[tieBreakSections[j] ?? ''] ?? '0'));
  }
  const rows = Array.from({ length: n }, (_, i) => i);
  return rankRows({ total, tieBreak, employeeId: (i) => members[i]?.employeeId ?? '' }, rows).map((i) => members[i] as T);
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
  moveLevels(bands, rule, rankOf, level);
  const rows = ranked.map((m, i) => ({ employeeId: m.employeeId, rank: i + 1, from: m.grade, to: order[level[i] ?? order.length - 1] ?? m.grade }));
  return {
    rows,
    before: checkQuotas(bands, rule, members),
    after: checkQuotas(bands, rule, rows.map((r) => ({ grade: r.to }))),
  };
}

/**
 * The moves of a calibration on grade levels (band indices, 0 best) of a group in rank order: first
 * maximum quotas from the best grade down (overflow moves one grade lower), then minimum quotas from the
 * worst grade up (the lowest-ranked of the better grades move down). Changes `level` in place.
 */
function moveLevels(bands: readonly GradeBand[], rule: DistributionRule, rankOf: ReadonlyMap<string, number>, level: number[]): void {
  const n = level.length;
  const worst = bands.length - 1;
  const indicesAt = (levels: ReadonlySet<number>): number[] => {
    const at: number[] = [];
    for (let i = 0; i < n; i++) if (levels.has(level[i] ?? worst)) at.push(i);
    return at;
  };
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
      const above: number[] = [];
      for (let i = 0; i < n; i++) if ((level[i] ?? worst) < k) above.push(i);
      for (const i of above.slice(Math.max(0, above.length - (required - have)))) level[i] = k;
    }
  }
}

/** Rows of one group held in columns, with each row's grade before calibration. */
export interface CalibrationColumns extends RankingColumns {
  grade(row: number): string;
}

/** A calibration proposal for rows of columns: the rows best ranked first, each one's proposed grade, and the violations before and after. */
export interface RowProposal {
  ranked: number[];
  /** The proposed grade of each ranked row, in the order of `ranked`. */
  to: string[];
  before: QuotaViolation[];
  after: QuotaViolation[];
}

/**
 * calibrateGroup for a group given as rows of columns (bulk runs keep numbers, not member objects): the
 * same ranking, moves and violations, without a member object or text per person.
 * Example: calibrateRows(bands, rule, columns, [0, 5, 9]).to -> ['excellent', 'good', 'good'] (ranked order)
 */
export function calibrateRows(bands: readonly GradeBand[], rule: DistributionRule, columns: CalibrationColumns, rows: ArrayLike<number>): RowProposal {
  const order = bands.map((b) => b.grade);
  const rankOf = new Map(order.map((g, i) => [g, i]));
  const worst = order.length - 1;
  const ranked = rankRows(columns, rows);
  const before = new Map<string, number>();
  const level = ranked.map((r) => {
    const grade = columns.grade(r);
    before.set(grade, (before.get(grade) ?? 0) + 1);
    return rankOf.get(grade) ?? worst;
  });
  moveLevels(bands, rule, rankOf, level);
  const after = new Map<string, number>();
  const to = level.map((l, i) => {
    const grade = order[l] ?? columns.grade(ranked[i] ?? 0);
    after.set(grade, (after.get(grade) ?? 0) + 1);
    return grade;
  });
  return { ranked, to, before: quotaViolations(bands, rule, before, ranked.length), after: quotaViolations(bands, rule, after, ranked.length) };
}
