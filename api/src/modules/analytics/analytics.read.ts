import {
  type Actor,
  analyticsRowScope,
  DEFAULT_MIN_PAY_GROUP,
  dec,
  type GradeBand,
  type DistributionRule,
  percentText,
  quotaCount,
  quotaGrades,
  rowScopeActor,
  suppressSmallPayGroups,
} from '@appraisal/domain';
import { withFacts } from '../../core/access.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, join, type ReadDb, sql, type Sql } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { schemeDocument } from '../cycles/cycle-data.js';
import type { AnalyticsFilterInput, CompletionRowView, LeniencyRowView, GradeDistributionView, HistogramView, PayAggregateView, TrendPointView } from './analytics.types.js';

/** Settings of analytics: the small-group minimum of pay aggregates below HR (ANALYTICS_MIN_PAY_GROUP, default 5). */
export const analyticsSettings = { minPayGroup: DEFAULT_MIN_PAY_GROUP };

/**
 * The actor's row scope as a condition on employee `e`: HR (and a service token with an Analytics grant) all;
 * a supervisor their line (themself excluded: the path holds supervisors only); 'none' for anyone else.
 */
function scopeSql(actor: Actor): Sql | null | 'none' {
  const scope = analyticsRowScope(rowScopeActor(actor, 'Analytics'));
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  return sql`e.supervisor_path @> array[${scope.employeeId}]::uuid[]`;
}

/** Conditions on cycle `c` and employee `e` from the filter (department: the subtree, by a recursive CTE over departments). */
function filterSql(f: AnalyticsFilterInput | null | undefined): Sql[] {
  const where: Sql[] = [];
  if (f?.cycleIds?.length) where.push(sql`c.id = any(${f.cycleIds}::uuid[])`);
  if (f?.periodFrom) where.push(sql`c.period_end >= ${f.periodFrom}::date`);
  if (f?.periodTo) where.push(sql`c.period_end <= ${f.periodTo}::date`);
  if (f?.schemeId) where.push(sql`c.scheme_id = ${f.schemeId}`);
  if (f?.departmentId)
    where.push(sql`e.department_id in (with recursive sub(id) as (select ${f.departmentId}::uuid union all select d.id from department d join sub on d.parent_id = sub.id) select id from sub)`);
  return where;
}

/** The conditions of one aggregate, or null when the actor's scope holds no row. */
function conditions(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Sql | null {
  const scope = scopeSql(requireActor(ctx));
  if (scope === 'none') return null;
  const all = [...(scope ? [scope] : []), ...filterSql(f)];
  return all.length ? sql` and ${join(all, ' and ')}` : empty;
}

// Published appraisals with their current published result (the pair the appraisal points at), cycle and person.
const PUBLISHED_FROM = sql`appraisal a
  join published_result pr on pr.appraisal_id = a.id and pr.result_id = a.result_id
  join cycle c on c.id = a.cycle_id
  join employee e on e.id = a.employee_id`;

/** Grade distribution per department and scheme: one GROUP BY; the quota arithmetic per group (not per row). */
export async function gradeDistribution(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<GradeDistributionView[]> {
  const where = conditions(ctx, f);
  if (!where) return [];
  const rows = await ctx.db.rows<{ department_id: string; scheme_id: string; version_id: string; grade: string; n: number }>(sql`
    select e.department_id, c.scheme_id, pr.grade, count(*)::int as n,
           (select c2.scheme_version_id from cycle c2 where c2.scheme_id = c.scheme_id and c2.state <> 'cancelled' order by c2.period_end desc limit 1) as version_id
    from ${PUBLISHED_FROM}
    where a.published_at is not null and pr.grade is not null${where}
    group by e.department_id, c.scheme_id, pr.grade`);
  return shapeDistribution(ctx.db, rows);
}

async function shapeDistribution(db: ReadDb, rows: Array<{ department_id: string; scheme_id: string; version_id: string | null; grade: string; n: number }>): Promise<GradeDistributionView[]> {
  const groups = new Map<string, { d: string; s: string; counts: Map<string, number> }>();
  const versions = new Map<string, string>();
  for (const r of rows) {
    if (r.version_id) versions.set(r.scheme_id, r.version_id);
    const key = `${r.department_id}\u0000${r.scheme_id}`;
    const g = groups.get(key) ?? { d: r.department_id, s: r.scheme_id, counts: new Map<string, number>() };
    g.counts.set(r.grade, (g.counts.get(r.grade) ?? 0) + r.n);
    groups.set(key, g);
  }
  const schemes = new Map<string, { bands: readonly GradeBand[]; distribution?: DistributionRule }>();
  for (const [schemeId, versionId] of versions) {
    const doc = await schemeDocument(db, versionId);
    schemes.set(schemeId, { bands: doc.grades?.bands ?? [], distribution: doc.distribution });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()]
    .sort((a, b) => cmp(a.d, b.d) || cmp(a.s, b.s))
    .map((g) => {
      const scheme = schemes.get(g.s);
      const order = scheme?.bands.length ? scheme.bands.map((b) => b.grade) : [...g.counts.keys()].sort();
      const size = [...g.counts.values()].reduce((s, n) => s + n, 0);
      const count = (grade: string) => g.counts.get(grade) ?? 0;
      const quotas = (scheme?.distribution?.quotas ?? []).map((q) => {
        const counted = quotaGrades(scheme?.bands ?? [], q);
        const limit = quotaCount(size, q.percent, scheme?.distribution?.rounding ?? 'halfUp');
        const actual = counted.reduce((s, grade) => s + count(grade), 0);
        return { grade: q.grade, bound: q.bound, percent: q.percent, grades: counted, limit, actual, within: q.bound === 'max' ? actual <= limit : actual >= limit };
      });
      return { departmentId: g.d, schemeId: g.s, size, grades: order.map((grade) => ({ grade, count: count(grade), percent: percentText(count(grade), size) })), quotas };
    });
}

const badRange = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'scoreHistogram', rule: 'histogram_range', message }]);

/** Score histogram: width_bucket over [min, max] (a total equal to max in the last bucket), totals outside counted apart. */
export async function scoreHistogram(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined, min: string, max: string, buckets: number): Promise<HistogramView> {
  if (!/^-?\d{1,6}(\.\d{1,4})?$/.test(min) || !/^-?\d{1,6}(\.\d{1,4})?$/.test(max) || !dec(max).gt(dec(min))) throw badRange('max must be above min (decimals)');
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > 100) throw badRange('1 to 100 buckets');
  const width = dec(max).minus(dec(min)).div(buckets);
  const edge = (i: number) => dec(min).plus(width.times(i)).toDecimalPlaces(4).toFixed();
  const where = conditions(ctx, f);
  const counts = new Array<number>(buckets).fill(0);
  let outside = 0;
  if (where) {
    const rows = await ctx.db.rows<{ b: number | null; n: number }>(sql`
      select case when pr.total < ${min}::numeric or pr.total > ${max}::numeric then null else least(width_bucket(pr.total, ${min}::numeric, ${max}::numeric, ${buckets}::int), ${buckets}::int) end as b, count(*)::int as n
      from ${PUBLISHED_FROM}
      where a.published_at is not null${where}
      group by 1`);
    for (const r of rows) {
      if (r.b === null) outside += r.n;
      else counts[r.b - 1] = r.n;
    }
  }
  return { buckets: counts.map((count, i) => ({ from: edge(i), to: edge(i + 1), count })), outside };
}

/** Score trend across cycles: round(avg(total), 2) per cycle and department, and per cycle overall (grouping sets). */
export async function scoreTrend(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<TrendPointView[]> {
  const where = conditions(ctx, f);
  if (!where) return [];
  const rows = await ctx.db.rows<{ cycle_id: string; period_end: string; department_id: string | null; n: number; average: string | null }>(sql`
    select c.id as cycle_id, c.period_end::text as period_end, e.department_id, count(pr.total)::int as n, round(avg(pr.total), 2)::text as average
    from ${PUBLISHED_FROM}
    where a.published_at is not null${where}
    group by grouping sets ((c.id, c.period_end, e.department_id), (c.id, c.period_end))
    order by c.period_end, c.id, e.department_id nulls first`);
  return rows.map((r) => ({ cycleId: r.cycle_id, periodEnd: r.period_end, departmentId: r.department_id, n: r.n, average: r.average === null ? null : dec(r.average).toFixed(2) }));
}

/**
 * Rater leniency: each rater's average of submitted ratings of published appraisals (section score as a percent of
 * the section's full marks, 4 places, kept with the submission) against the average of every such rating in the
 * department of the people rated; raters with fewer than `minRatings` there are left out. One GROUP BY with window
 * sums over the department; the difference subtracts the rounded averages (as the domain's raterLeniency does).
 */
export async function raterLeniency(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined, minRatings: number): Promise<LeniencyRowView[]> {
  if (!Number.isInteger(minRatings) || minRatings < 1 || minRatings > 1000)
    throw new AppError('VALIDATION_FAILED', 'minRatings: 1 to 1000', [{ field: 'minRatings', rule: 'leniency_min_ratings', message: '1 to 1000' }]);
  const where = conditions(ctx, f);
  if (!where) return [];
  const rows = await ctx.db.rows<{ department_id: string; rater: string; n: number; rater_avg: string; department_avg: string }>(sql`
    select department_id, rater, n, round(s / n, 2)::text as rater_avg, round(ds / dn, 2)::text as department_avg
    from (
      select e.department_id, r.rater_employee_id as rater, count(*)::int as n, sum(round(r.section_score * 100 / r.section_max, 4)) as s,
             sum(sum(round(r.section_score * 100 / r.section_max, 4))) over (partition by e.department_id) as ds,
             sum(count(*)) over (partition by e.department_id) as dn
      from rating r join appraisal a on a.id = r.appraisal_id join cycle c on c.id = a.cycle_id join employee e on e.id = a.employee_id
      where r.state = 'submitted' and r.section_max > 0 and r.rater_employee_id is not null and a.published_at is not null${where}
      group by e.department_id, r.rater_employee_id
    ) x
    where n >= ${minRatings}::int
    order by department_id, rater`);
  return rows.map((r) => ({
    raterId: r.rater,
    departmentId: r.department_id,
    ratings: r.n,
    raterAverage: dec(r.rater_avg).toFixed(2),
    departmentAverage: dec(r.department_avg).toFixed(2),
    difference: dec(r.rater_avg).minus(dec(r.department_avg)).toFixed(2),
  }));
}

/**
 * Completion per phase: ratings (due: the rating phase's close), self-reviews (the self-review phase's close) and
 * acknowledgements (their due day) of launched cycles, done / overdue / late, per department and overall (grouping sets).
 */
export async function completion(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<CompletionRowView[]> {
  const where = conditions(ctx, f);
  if (!where) return [];
  const today = ctx.clock.today();
  const rows = await ctx.db.rows<{ phase: 'selfReview' | 'rating' | 'acknowledgement'; department_id: string | null; total: number; done: number; overdue: number; late: number }>(sql`
    with tasks as (
      select 'rating' as phase, e.department_id, ph.closes as due, case when r.state = 'submitted' then (r.submitted_at at time zone 'Asia/Shanghai')::date end as done_on
      from rating r join appraisal a on a.id = r.appraisal_id join cycle c on c.id = a.cycle_id join employee e on e.id = a.employee_id
        join cycle_phase ph on ph.cycle_id = c.id and ph.phase = 'rating'
      where r.state <> 'reassigned' and r.source = 'PERSON' and c.state not in ('draft', 'cancelled') and a.state <> 'excluded'${where}
      union all
      select 'selfReview', e.department_id, ph.closes, case when a.self_review_state = 'SUBMITTED' then (a.self_review_submitted_at at time zone 'Asia/Shanghai')::date end
      from appraisal a join cycle c on c.id = a.cycle_id join employee e on e.id = a.employee_id
        join cycle_phase ph on ph.cycle_id = c.id and ph.phase = 'selfReview'
      where c.state not in ('draft', 'cancelled') and a.state <> 'excluded'${where}
      union all
      select 'acknowledgement', e.department_id, a.acknowledgement_due, (coalesce(a.acknowledged_at, a.refused_at) at time zone 'Asia/Shanghai')::date
      from appraisal a join cycle c on c.id = a.cycle_id join employee e on e.id = a.employee_id
      where a.acknowledgement_due is not null and c.state not in ('draft', 'cancelled')${where}
    )
    select phase, department_id, count(*)::int as total, count(done_on)::int as done,
           count(*) filter (where done_on is null and due < ${today}::date)::int as overdue,
           count(*) filter (where done_on > due)::int as late
    from tasks
    group by grouping sets ((phase, department_id), (phase))`);
  const phases = ['selfReview', 'rating', 'acknowledgement'];
  return rows
    .sort((a, b) => phases.indexOf(a.phase) - phases.indexOf(b.phase) || (a.department_id === null ? -1 : b.department_id === null ? 1 : a.department_id < b.department_id ? -1 : 1))
    .map((r) => ({ phase: r.phase, departmentId: r.department_id, total: r.total, done: r.done, percent: percentText(r.done, r.total), overdue: r.overdue, late: r.late }));
}

/**
 * Conditions of ledger entries `le` of person `e`: the actor's scope and the department subtree as for appraisals; the
 * period range on the day the entry occurred; cycles or a scheme select the accounting periods of those cycles.
 */
function ledgerConditions(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Sql | null {
  const scope = scopeSql(requireActor(ctx));
  if (scope === 'none') return null;
  const where: Sql[] = scope ? [scope] : [];
  if (f?.periodFrom) where.push(sql`le.occurred_on >= ${f.periodFrom}::date`);
  if (f?.periodTo) where.push(sql`le.occurred_on <= ${f.periodTo}::date`);
  if (f?.departmentId) where.push(filterSql({ departmentId: f.departmentId })[0] as Sql);
  if (f?.cycleIds?.length || f?.schemeId) {
    const cycles = filterSql({ cycleIds: f.cycleIds ?? null, schemeId: f.schemeId ?? null });
    where.push(sql`le.period_key in (select c.period_key from cycle c where ${join(cycles, ' and ')})`);
  }
  return where.length ? sql` and ${join(where, ' and ')}` : empty;
}

/**
 * Pay by department and period: performance pay from the pay lines of published results, rewards and penalties from
 * the ledger (approved or paid entries worth money, not generated from an appraisal, reversals included), summed to
 * the cent with the people they cover, then the small-group rule below HR.
 */
export async function payAggregates(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<PayAggregateView[]> {
  const actor = requireActor(ctx);
  const where = conditions(ctx, f);
  const ledgerWhere = ledgerConditions(ctx, f);
  if (!where || !ledgerWhere) return [];
  const rows = await ctx.db.rows<{ department_id: string; period_key: string; pay: string; rewards: string; penalties: string; people: number }>(sql`
    with money as (
      select e.department_id, c.period_key::text as period_key, pl.employee_id, pl.amount as pay, 0::numeric as rewards, 0::numeric as penalties
      from pay_line pl join appraisal a on a.id = pl.appraisal_id join cycle c on c.id = pl.cycle_id join employee e on e.id = pl.employee_id
      where a.published_at is not null${where}
      union all
      select e.department_id, le.period_key::text, le.employee_id, 0, case when le.kind = 'reward' then le.money else 0 end, case when le.kind = 'punishment' then le.money else 0 end
      from ledger_entry le join employee e on e.id = le.employee_id
      where le.status in ('approved', 'paid') and le.money is not null and not le.pay_from_appraisal${ledgerWhere}
    )
    select department_id, period_key, sum(pay)::text as pay, sum(rewards)::text as rewards, sum(penalties)::text as penalties, count(distinct employee_id)::int as people
    from money
    group by department_id, period_key
    order by department_id, period_key`);
  const shaped = rows.map((r) => {
    const pay = dec(r.pay);
    const rewards = dec(r.rewards);
    const penalties = dec(r.penalties);
    return { departmentId: r.department_id, periodKey: r.period_key, people: r.people, pay: pay.toFixed(2), rewards: rewards.toFixed(2), penalties: penalties.toFixed(2), net: pay.plus(rewards).plus(penalties).toFixed(2) };
  });
  const reader = rowScopeActor(actor, 'Analytics');
  const minimum = analyticsSettings.minPayGroup;
  return suppressSmallPayGroups(shaped, reader, { size: (r) => r.people, payFields: ['pay', 'rewards', 'penalties', 'net'], minimum }).map((r) =>
    withFacts({ ...r, pay: r.pay as string | null, rewards: r.rewards as string | null, penalties: r.penalties as string | null, net: r.net as string | null }, { groupSize: r.people, suppressed: r.suppressed !== null }),
  );
}
