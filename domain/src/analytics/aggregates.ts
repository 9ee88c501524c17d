// Reference definitions of the analytics aggregates over plain arrays. The API computes each in SQL (GROUP BY, window
// functions, materialized views); tests generate data, run both and compare the numbers exactly. Every number is a
// decimal string with the rounding stated here, matching PostgreSQL's round(numeric, n) (half away from zero).

import { Decimal, dec } from '../decimal.js';
import { compareIsoDates, type IsoDate } from '../calendar/dates.js';
import { quotaCount, quotaGrades } from '../distribution/quota.js';
import type { DistributionRule, GradeBand } from '../scheme/schema.js';
import { percentText } from '../governance/policy.js';
import type { LedgerEntryRecord } from '../ledger/record.js';
import { countsInLedger } from '../ledger/record.js';
import { fromHundredths, toHundredths } from '../ledger/quantity.js';

export { percentText };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An average rounded half away from zero to 2 places, as `round(avg(x), 2)` in PostgreSQL. Example: averageText(['80', '85', '90.5']) -> '85.17' */
export function averageText(values: readonly string[]): string | null {
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s.plus(dec(v)), new Decimal(0));
  return sum.div(values.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** One published appraisal as analytics read it (the read model `analytics_appraisal`). */
export interface AppraisalFactRow {
  appraisalId: string;
  cycleId: string;
  schemeId: string;
  /** The cycle's period end (trend order). */
  periodEnd: IsoDate;
  employeeId: string;
  /** The appraisal's calibration group (department at launch). */
  departmentId: string;
  /** The department and its ancestors (filter by subtree). */
  departmentLineage: readonly string[];
  total: string | null;
  grade: string | null;
}

/** Keeps rows inside a department subtree (the department itself and everything below). Example: inSubtree(rows, 'nursing').length -> 45 */
export function inSubtree<R extends { departmentLineage: readonly string[] }>(rows: readonly R[], departmentId: string | undefined): R[] {
  return departmentId ? rows.filter((r) => r.departmentLineage.includes(departmentId)) : [...rows];
}

/** A grade's count in one department. */
export interface GradeCountRow {
  grade: string;
  count: number;
  percent: string;
}

/** A quota's check in one department: allowed or required head count against the actual one. */
export interface QuotaCheckRow {
  grade: string;
  bound: 'max' | 'min';
  percent: string;
  grades: string[];
  limit: number;
  actual: number;
  within: boolean;
}

/** The grade distribution of one department under one scheme, against the scheme's quotas. */
export interface GradeDistributionRow {
  departmentId: string;
  schemeId: string;
  size: number;
  grades: GradeCountRow[];
  quotas: QuotaCheckRow[];
}

/**
 * Grade distribution per department (and scheme) against the quotas: each grade of the scheme's bands, best first,
 * with its count and share; each quota with the head count it allows or requires at this size (quotaCount, the
 * scheme's rounding) and the actual count. Appraisals without a grade are left out.
 * SQL: `count(*) group by department_id, scheme_id, grade` plus the quota arithmetic here (it is per group, not per row).
 * Example: gradeDistribution(rows, { s1: { bands, distribution } })[0].quotas[0] -> { grade: 'excellent', bound: 'max', percent: '30', limit: 3, actual: 4, within: false, ... }
 */
export function gradeDistribution(rows: readonly AppraisalFactRow[], schemes: Readonly<Record<string, { bands: readonly GradeBand[]; distribution?: DistributionRule }>>): GradeDistributionRow[] {
  const groups = new Map<string, { d: string; s: string; grades: string[] }>();
  for (const r of rows) {
    if (r.grade === null) continue;
    const key = `${r.departmentId}\u0000${r.schemeId}`;
    const g = groups.get(key) ?? { d: r.departmentId, s: r.schemeId, grades: [] };
    g.grades.push(r.grade);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => cmp(a.d, b.d) || cmp(a.s, b.s))
    .map((g) => {
      const scheme = schemes[g.s];
      const order = scheme?.bands.map((b) => b.grade) ?? [...new Set(g.grades)].sort();
      const size = g.grades.length;
      const count = (grade: string) => g.grades.filter((x) => x === grade).length;
      const grades = order.map((grade) => ({ grade, count: count(grade), percent: percentText(count(grade), size) }));
      const quotas = (scheme?.distribution?.quotas ?? []).map((q): QuotaCheckRow => {
        const counted = quotaGrades(scheme?.bands ?? [], q);
        const limit = quotaCount(size, q.percent, scheme?.distribution?.rounding ?? 'halfUp');
        const actual = g.grades.filter((x) => counted.includes(x)).length;
        return { grade: q.grade, bound: q.bound, percent: q.percent, grades: counted, limit, actual, within: q.bound === 'max' ? actual <= limit : actual >= limit };
      });
      return { departmentId: g.d, schemeId: g.s, size, grades, quotas };
    });
}

/** One histogram bucket: [from, to), the last one [from, to]. */
export interface HistogramBucket {
  from: string;
  to: string;
  count: number;
}

/**
 * Score histogram: `buckets` equal buckets over [min, max]; a total equal to max falls in the last bucket, totals
 * outside are counted apart. SQL: `least(width_bucket(total, :min, :max, :n), :n)` grouped, with `total between :min and :max`.
 * Example: scoreHistogram(rows, { min: '0', max: '100', buckets: 10 }).buckets[9] -> { from: '90', to: '100', count: 7 }
 */
export function scoreHistogram(rows: readonly Pick<AppraisalFactRow, 'total'>[], opts: { min: string; max: string; buckets: number }): { buckets: HistogramBucket[]; outside: number } {
  const min = dec(opts.min);
  const max = dec(opts.max);
  const n = opts.buckets;
  if (!Number.isInteger(n) || n < 1 || !max.gt(min)) throw new RangeError('a histogram needs max > min and at least one bucket');
  const width = max.minus(min).div(n);
  const counts = new Array<number>(n).fill(0);
  let outside = 0;
  for (const r of rows) {
    if (r.total === null) continue;
    const v = dec(r.total);
    if (v.lt(min) || v.gt(max)) {
      outside++;
      continue;
    }
    const i = Math.min(v.minus(min).div(width).floor().toNumber(), n - 1);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const edge = (i: number) => min.plus(width.times(i)).toDecimalPlaces(4).toFixed();
  return { buckets: counts.map((count, i) => ({ from: edge(i), to: edge(i + 1), count })), outside };
}

/** One point of a trend: a cycle in one department (or the whole selection when departmentId is null). */
export interface TrendPoint {
  cycleId: string;
  periodEnd: IsoDate;
  departmentId: string | null;
  n: number;
  average: string | null;
}

/**
 * Score trend across cycles: the average total per cycle, per department and overall (departmentId null), ordered by
 * period end. SQL: `round(avg(total), 2) ... group by grouping sets ((cycle_id, department_id), (cycle_id))`.
 * Example: scoreTrend(rows).filter((p) => p.departmentId === null).map((p) => p.average) -> ['84.20', '85.05']
 */
export function scoreTrend(rows: readonly AppraisalFactRow[]): TrendPoint[] {
  const groups = new Map<string, { c: string; p: IsoDate; d: string | null; totals: string[] }>();
  const add = (r: AppraisalFactRow, d: string | null) => {
    const key = `${r.cycleId}\u0000${d ?? ''}`;
    const g = groups.get(key) ?? { c: r.cycleId, p: r.periodEnd, d, totals: [] };
    if (r.total !== null) g.totals.push(r.total);
    groups.set(key, g);
  };
  for (const r of rows) {
    add(r, r.departmentId);
    add(r, null);
  }
  return [...groups.values()]
    .sort((a, b) => compareIsoDates(a.p, b.p) || cmp(a.c, b.c) || (a.d === null ? -1 : b.d === null ? 1 : cmp(a.d, b.d)))
    .map((g) => ({ cycleId: g.c, periodEnd: g.p, departmentId: g.d, n: g.totals.length, average: averageText(g.totals) }));
}

/** One submitted rating as leniency reads it: the section score as a share of the section's maximum. */
export interface RatingFactRow {
  raterId: string;
  /** The appraised person's department (the comparison group). */
  departmentId: string;
  score: string;
  max: string;
}

/** A rater's leniency in one department. */
export interface LeniencyRow {
  raterId: string;
  departmentId: string;
  ratings: number;
  /** The rater's average score in percent of the maximum, 2 places. */
  raterAverage: string;
  /** Everyone's average in that department, 2 places. */
  departmentAverage: string;
  /** raterAverage - departmentAverage (positive: lenient). */
  difference: string;
}

/**
 * Rater leniency: each rater's average (score / max x 100, 4 places) against the average of all ratings of the same
 * department, for raters with at least `minRatings` ratings there (fewer say nothing). Differences use the rounded
 * averages, so the displayed numbers subtract. SQL: a window `avg(pct) over (partition by department_id)` beside
 * `avg(pct) ... group by department_id, rater_id`.
 * Example: raterLeniency(ratings, 3)[0] -> { raterId: 'hn2', departmentId: 'ward3', ratings: 12, raterAverage: '91.50', departmentAverage: '86.25', difference: '5.25' }
 */
export function raterLeniency(rows: readonly RatingFactRow[], minRatings = 3): LeniencyRow[] {
  // Each rating's percent is rounded to 4 places first, so SQL (`round(score * 100 / max, 4)`) sums the same decimals.
  const pct = (r: RatingFactRow) => dec(r.score).times(100).div(dec(r.max)).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed();
  const byDepartment = new Map<string, string[]>();
  const byRater = new Map<string, { r: string; d: string; values: string[] }>();
  for (const r of rows) {
    if (dec(r.max).isZero()) continue;
    const p = pct(r);
    const dep = byDepartment.get(r.departmentId) ?? [];
    dep.push(p);
    byDepartment.set(r.departmentId, dep);
    const key = `${r.departmentId}\u0000${r.raterId}`;
    const g = byRater.get(key) ?? { r: r.raterId, d: r.departmentId, values: [] };
    g.values.push(p);
    byRater.set(key, g);
  }
  return [...byRater.values()]
    .filter((g) => g.values.length >= minRatings)
    .sort((a, b) => cmp(a.d, b.d) || cmp(a.r, b.r))
    .map((g) => {
      const raterAverage = averageText(g.values) ?? '0.00';
      const departmentAverage = averageText(byDepartment.get(g.d) ?? []) ?? '0.00';
      return { raterId: g.r, departmentId: g.d, ratings: g.values.length, raterAverage, departmentAverage, difference: dec(raterAverage).minus(dec(departmentAverage)).toFixed(2) };
    });
}

/** One task of a cycle as completion reads it. */
export interface TaskFactRow {
  phase: 'selfReview' | 'rating' | 'acknowledgement';
  departmentId: string;
  due: IsoDate;
  doneOn: IsoDate | null;
}

/** Completion of one phase in one department (or overall when departmentId is null). */
export interface CompletionRow {
  phase: TaskFactRow['phase'];
  departmentId: string | null;
  total: number;
  done: number;
  percent: string;
  /** Not done and past due today. */
  overdue: number;
  /** Done after the due day. */
  late: number;
}

/**
 * Completion per phase: tasks done, their share, overdue ones (open past the due day) and late ones, per department
 * and overall. SQL: `count(*) filter (where done_on is not null)` etc. `group by grouping sets ((phase, department_id), (phase))`.
 * Example: completion(tasks, '2026-06-08').find((c) => c.phase === 'rating' && c.departmentId === null) -> { total: 90, done: 81, percent: '90.0', overdue: 9, late: 4 }
 */
export function completion(rows: readonly TaskFactRow[], today: IsoDate): CompletionRow[] {
  const phases: TaskFactRow['phase'][] = ['selfReview', 'rating', 'acknowledgement'];
  const groups = new Map<string, { p: TaskFactRow['phase']; d: string | null; rows: TaskFactRow[] }>();
  const add = (r: TaskFactRow, d: string | null) => {
    const key = `${r.phase}\u0000${d ?? ''}`;
    const g = groups.get(key) ?? { p: r.phase, d, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  };
  for (const r of rows) {
    add(r, r.departmentId);
    add(r, null);
  }
  return [...groups.values()]
    .sort((a, b) => phases.indexOf(a.p) - phases.indexOf(b.p) || (a.d === null ? -1 : b.d === null ? 1 : cmp(a.d, b.d)))
    .map((g) => {
      const done = g.rows.filter((r) => r.doneOn !== null).length;
      return {
        phase: g.p,
        departmentId: g.d,
        total: g.rows.length,
        done,
        percent: percentText(done, g.rows.length),
        overdue: g.rows.filter((r) => r.doneOn === null && compareIsoDates(today, r.due) > 0).length,
        late: g.rows.filter((r) => r.doneOn !== null && compareIsoDates(r.doneOn, r.due) > 0).length,
      };
    });
}

/** A counted ledger entry worth money, as pay analytics read it (columns of `ledger_entry`). */
export interface PayFactRow {
  employeeId: string;
  departmentId: string;
  periodKey: string;
  status: LedgerEntryRecord['status'];
  /** Signed money; null for points and unpaid hours (left out). */
  money: string | null;
  /** Generated from a published result, or the reversal of such an entry (`ledger_entry.pay_from_appraisal`). */
  payFromAppraisal: boolean;
  /** The rule's kind; reversals keep the kind of the entry they reverse, so a reversed reward lowers the rewards. */
  kind: 'reward' | 'punishment';
}

/** Money of one department in one accounting month. */
export interface PayRow {
  departmentId: string;
  periodKey: string;
  /** Generated from published results (performance pay, floating pay, pools, output pay, day's wage, converted adjustments). */
  pay: string;
  /** Rewards outside the appraisal (manual entries and awards; their reversals included). */
  rewards: string;
  /** Punishments outside the appraisal (negative; their reversals included). */
  penalties: string;
  net: string;
  /** Distinct people with money in the group: the small-group rule reads it. */
  people: number;
}

/**
 * Pay by department and accounting month from the ledger: approved and paid entries worth money, split into
 * appraisal pay, other rewards and punishments, with the number of people.
 * SQL: `sum(money) filter (where pay_from_appraisal)`, `... filter (where not pay_from_appraisal and kind = 'reward')`,
 * `count(distinct employee_id)` over `ledger_entry where status in ('approved','paid') and money is not null group by department_id, period_key`.
 * Example: payByDepartment(rows)[0] -> { departmentId: 'canteen', periodKey: '2026-05', pay: '5400.00', rewards: '0.00', penalties: '0.00', net: '5400.00', people: 7 }
 */
export function payByDepartment(rows: readonly PayFactRow[]): PayRow[] {
  const groups = new Map<string, { d: string; p: string; pay: bigint; rewards: bigint; penalties: bigint; people: Set<string> }>();
  for (const e of rows) {
    if (!countsInLedger(e) || e.money === null) continue;
    const key = `${e.departmentId}\u0000${e.periodKey}`;
    const g = groups.get(key) ?? { d: e.departmentId, p: e.periodKey, pay: 0n, rewards: 0n, penalties: 0n, people: new Set<string>() };
    const m = toHundredths(e.money);
    if (e.payFromAppraisal) g.pay += m;
    else if (e.kind === 'reward') g.rewards += m;
    else g.penalties += m;
    g.people.add(e.employeeId);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => cmp(a.d, b.d) || cmp(a.p, b.p))
    .map((g) => ({ departmentId: g.d, periodKey: g.p, pay: fromHundredths(g.pay), rewards: fromHundredths(g.rewards), penalties: fromHundredths(g.penalties), net: fromHundredths(g.pay + g.rewards + g.penalties), people: g.people.size }));
}

/** One appeal as analytics read it. */
export interface AppealFactRow {
  departmentId: string;
  state: 'filed' | 'under_review' | 'decided' | 'closed' | 'withdrawn';
  outcome: 'upheld' | 'rejected' | null;
  dueOn: IsoDate;
  decidedOn: IsoDate | null;
}

/** Appeals of one department (or overall when null). */
export interface AppealStatsRow {
  departmentId: string | null;
  appraisals: number;
  appeals: number;
  /** Appeals per published appraisal, percent. */
  rate: string;
  upheld: number;
  rejected: number;
  withdrawn: number;
  open: number;
  decided: number;
  onTime: number;
  /** Decided on or before the due day, percent of decided. */
  onTimePercent: string;
}

/**
 * Appeal rate, outcomes and on-time share per department and overall: appeals per published appraisal, upheld,
 * rejected, withdrawn, open, and decisions on or before their working-day due date.
 * Example: appealStats(appeals, new Map([['canteen', 84]]))[0] -> { departmentId: null, appraisals: 84, appeals: 3, rate: '3.6', upheld: 1, rejected: 1, withdrawn: 0, open: 1, decided: 2, onTime: 2, onTimePercent: '100.0' }
 */
export function appealStats(appeals: readonly AppealFactRow[], appraisalsByDepartment: ReadonlyMap<string, number>): AppealStatsRow[] {
  const row = (departmentId: string | null, list: readonly AppealFactRow[], appraisals: number): AppealStatsRow => {
    const decided = list.filter((a) => a.decidedOn !== null);
    const onTime = decided.filter((a) => a.decidedOn !== null && compareIsoDates(a.decidedOn, a.dueOn) <= 0).length;
    return {
      departmentId,
      appraisals,
      appeals: list.length,
      rate: percentText(list.length, appraisals),
      upheld: list.filter((a) => a.outcome === 'upheld').length,
      rejected: list.filter((a) => a.outcome === 'rejected').length,
      withdrawn: list.filter((a) => a.state === 'withdrawn').length,
      open: list.filter((a) => a.state === 'filed' || a.state === 'under_review').length,
      decided: decided.length,
      onTime,
      onTimePercent: percentText(onTime, decided.length),
    };
  };
  const departments = [...new Set([...appraisalsByDepartment.keys(), ...appeals.map((a) => a.departmentId)])].sort(cmp);
  const total = [...appraisalsByDepartment.values()].reduce((s, n) => s + n, 0);
  return [row(null, appeals, total), ...departments.map((d) => row(d, appeals.filter((a) => a.departmentId === d), appraisalsByDepartment.get(d) ?? 0))];
}
