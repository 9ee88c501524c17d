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
import { empty, join, raw, type ReadDb, sql, type Sql } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { schemeDocument } from '../cycles/cycle-data.js';
import { requestStaleRefresh } from './analytics.jobs.js';
import type { AnalyticsFilterInput, AppealStatsView, CompletionRowView, LeniencyRowView, GradeDistributionView, HistogramView, PayAggregateView, TrendPointView } from './analytics.types.js';

/**
 * Settings of analytics: the small-group minimum of pay aggregates below HR (ANALYTICS_MIN_PAY_GROUP, default 5); the
 * debounce of the refreshes that stale reads queue (ANALYTICS_REFRESH_DEBOUNCE_SECONDS, default 60).
 */
export const analyticsSettings = { minPayGroup: DEFAULT_MIN_PAY_GROUP, refreshDebounceSeconds: 60 };

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

/** Where a query finds the cycle's id, period end and scheme: the `cycle` table as `c`, or a read model's copies. */
interface CycleColumns {
  id: Sql;
  periodEnd: Sql;
  schemeId: Sql;
}
const CYCLE: CycleColumns = { id: raw('c.id'), periodEnd: raw('c.period_end'), schemeId: raw('c.scheme_id') };
const VIEW = (alias: string): CycleColumns => ({ id: raw(`${alias}.cycle_id`), periodEnd: raw(`${alias}.period_end`), schemeId: raw(`${alias}.scheme_id`) });

/** Conditions on the cycle and employee `e` from the filter (department: the subtree, by a recursive CTE over departments). */
function filterSql(f: AnalyticsFilterInput | null | undefined, c: CycleColumns = CYCLE): Sql[] {
  const where: Sql[] = [];
  if (f?.cycleIds?.length) where.push(sql`${c.id} = any(${f.cycleIds}::uuid[])`);
  if (f?.periodFrom) where.push(sql`${c.periodEnd} >= ${f.periodFrom}::date`);
  if (f?.periodTo) where.push(sql`${c.periodEnd} <= ${f.periodTo}::date`);
  if (f?.schemeId) where.push(sql`${c.schemeId} = ${f.schemeId}`);
  if (f?.departmentId)
    where.push(sql`e.department_id in (with recursive sub(id) as (select ${f.departmentId}::uuid union all select d.id from department d join sub on d.parent_id = sub.id) select id from sub)`);
  return where;
}

/** The conditions of one aggregate, or null when the actor's scope holds no row. */
function conditions(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined, c: CycleColumns = CYCLE): Sql | null {
  const scope = scopeSql(requireActor(ctx));
  if (scope === 'none') return null;
  const all = [...(scope ? [scope] : []), ...filterSql(f, c)];
  return all.length ? sql` and ${join(all, ' and ')}` : empty;
}

// Published appraisals with their current published result (the read model `analytics_appraisal`, refreshed after
// each publication) and the person today (department, reporting line: live).
const PUBLISHED_FROM = sql`analytics_appraisal x join employee e on e.id = x.employee_id`;

/**
 * The org version (analytics_org_version) for which each job queue (one per server: tests run several servers in one
 * process) last queued a refresh after a stale read.
 */
const refreshQueuedFor = new WeakMap<RequestContext['jobs'], string>();

/**
 * True when the pre-aggregated cohorts (Migration20261129030000) hold today's organisation: no person changed
 * department or reporting line since the last refresh. Otherwise the aggregates run on the per-appraisal read models
 * with the live org facts (same numbers, slower) until the next refresh, which the first stale read of each org
 * version queues (debounced across processes by pg-boss, once per version here).
 */
async function cohortsFresh(ctx: RequestContext): Promise<boolean> {
  const rows = await ctx.db.rows<{ fresh: boolean; version: string }>(
    sql`select s.org_version = v.version as fresh, v.version::text as version
        from analytics_org_state s, (select case when is_called then last_value else 0 end as version from analytics_org_version) v`,
  );
  const row = rows[0];
  if (row?.fresh === true) return true;
  if (row && refreshQueuedFor.get(ctx.jobs) !== row.version) {
    refreshQueuedFor.set(ctx.jobs, row.version);
    // Not queued (no runner, a refusal): the next stale read tries again.
    if (!(await requestStaleRefresh(ctx, analyticsSettings.refreshDebounceSeconds)) && refreshQueuedFor.get(ctx.jobs) === row.version) refreshQueuedFor.delete(ctx.jobs);
  }
  return false;
}

/** Grade distribution per department and scheme: one GROUP BY; the quota arithmetic per group (not per row). */
export async function gradeDistribution(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<GradeDistributionView[]> {
  const version = sql`(select c2.scheme_version_id from cycle c2 where c2.scheme_id = g.scheme_id and c2.state <> 'cancelled' order by c2.period_end desc limit 1) as version_id`;
  const rows = (await cohortsFresh(ctx))
    ? await (async () => {
        // Pre-aggregated per cycle, cohort and grade.
        const where = conditions(ctx, f, VIEW('e'));
        if (!where) return [];
        return ctx.db.rows<{ department_id: string; scheme_id: string; version_id: string; grade: string; n: number }>(sql`
          select g.department_id, g.scheme_id, g.grade, g.n, ${version}
          from (select e.department_id, e.scheme_id, e.grade, sum(e.n)::int as n from analytics_grade_cohort e where e.graded${where} group by e.department_id, e.scheme_id, e.grade) g`);
      })()
    : await (async () => {
        const where = conditions(ctx, f, VIEW('x'));
        if (!where) return [];
        return ctx.db.rows<{ department_id: string; scheme_id: string; version_id: string; grade: string; n: number }>(sql`
          select g.department_id, g.scheme_id, g.grade, g.n, ${version}
          from (
            select e.department_id, x.scheme_id, x.grade, count(*)::int as n
            from ${PUBLISHED_FROM}
            where x.grade is not null${where}
            group by e.department_id, x.scheme_id, x.grade
          ) g`);
      })();
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
      const band = (grade: string) => scheme?.bands.find((b) => b.grade === grade);
      const grades = order.map((grade) => ({ grade, label: band(grade)?.label.en ?? null, labelZh: band(grade)?.label.zh ?? null, count: count(grade), percent: percentText(count(grade), size) }));
      return { departmentId: g.d, schemeId: g.s, size, grades, quotas };
    });
}

const badRange = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'scoreHistogram', rule: 'histogram_range', message }]);

/** Score histogram: width_bucket over [min, max] (a total equal to max in the last bucket), totals outside counted apart. */
export async function scoreHistogram(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined, min: string, max: string, buckets: number): Promise<HistogramView> {
  if (!/^-?\d{1,6}(\.\d{1,4})?$/.test(min) || !/^-?\d{1,6}(\.\d{1,4})?$/.test(max) || !dec(max).gt(dec(min))) throw badRange('max must be above min (decimals)');
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > 100) throw badRange('1 to 100 buckets');
  const width = dec(max).minus(dec(min)).div(buckets);
  const edge = (i: number) => dec(min).plus(width.times(i)).toDecimalPlaces(4).toFixed();
  const counts = new Array<number>(buckets).fill(0);
  let outside = 0;
  const add = (rows: Array<{ b: number | null; n: number }>) => {
    for (const r of rows) {
      if (r.b === null) outside += r.n;
      else counts[r.b - 1] = (counts[r.b - 1] ?? 0) + r.n;
    }
  };
  // Ends and bucket width on the 5-point grid of the cohorts (0-100 in 10 or 20 buckets): every 5-point cell lies in
  // one bucket, so the pre-aggregated counts give the same histogram.
  const five = (v: ReturnType<typeof dec>) => v.mod(5).isZero();
  if (five(dec(min)) && five(dec(max)) && five(width) && (await cohortsFresh(ctx))) {
    const where = conditions(ctx, f, VIEW('e'));
    if (where) {
      const lo = dec(min).div(5).toFixed(0);
      const hi = dec(max).div(5).toFixed(0);
      add(
        await ctx.db.rows<{ b: number | null; n: number }>(sql`
          select case when not e.scored or e.cell < ${lo}::int or e.cell > ${hi}::int or (e.cell = ${hi}::int and not e.edge) then null
                      else least(floor((e.cell * 5 - ${min}::numeric) / ${width.toFixed()}::numeric)::int + 1, ${buckets}::int) end as b,
                 sum(e.n)::int as n
          from analytics_score_cohort e
          where true${where}
          group by 1`),
      );
    }
    return { buckets: counts.map((count, i) => ({ from: edge(i), to: edge(i + 1), count })), outside };
  }
  const where = conditions(ctx, f, VIEW('x'));
  if (where) {
    const rows = await ctx.db.rows<{ b: number | null; n: number }>(sql`
      select case when x.total < ${min}::numeric or x.total > ${max}::numeric then null else least(width_bucket(x.total, ${min}::numeric, ${max}::numeric, ${buckets}::int), ${buckets}::int) end as b, count(*)::int as n
      from ${PUBLISHED_FROM}
      where true${where}
      group by 1`);
    add(rows);
  }
  return { buckets: counts.map((count, i) => ({ from: edge(i), to: edge(i + 1), count })), outside };
}

/** Score trend across cycles: round(avg(total), 2) per cycle and department, and per cycle overall (grouping sets). */
export async function scoreTrend(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<TrendPointView[]> {
  type Row = { cycle_id: string; period_end: string; department_id: string | null; n: number; average: string | null };
  const shape = (rows: Row[]) => rows.map((r) => ({ cycleId: r.cycle_id, periodEnd: r.period_end, departmentId: r.department_id, n: r.n, average: r.average === null ? null : dec(r.average).toFixed(2) }));
  if (await cohortsFresh(ctx)) {
    // avg(total) is sum / count (numeric division, as PostgreSQL's avg does), from the cohorts' sums and counts.
    const where = conditions(ctx, f, VIEW('e'));
    if (!where) return [];
    return shape(
      await ctx.db.rows<Row>(sql`
        select e.cycle_id, e.period_end::text as period_end, e.department_id, sum(e.n_total)::int as n, round(sum(e.sum_total) / nullif(sum(e.n_total), 0), 2)::text as average
        from analytics_grade_cohort e
        where true${where}
        group by grouping sets ((e.cycle_id, e.period_end, e.department_id), (e.cycle_id, e.period_end))
        order by e.period_end, e.cycle_id, e.department_id nulls first`),
    );
  }
  const where = conditions(ctx, f, VIEW('x'));
  if (!where) return [];
  const rows = await ctx.db.rows<Row>(sql`
    select x.cycle_id, x.period_end::text as period_end, e.department_id, count(x.total)::int as n, round(avg(x.total), 2)::text as average
    from ${PUBLISHED_FROM}
    where true${where}
    group by grouping sets ((x.cycle_id, x.period_end, e.department_id), (x.cycle_id, x.period_end))
    order by x.period_end, x.cycle_id, e.department_id nulls first`);
  return shape(rows);
}

/**
 * Rater leniency: each rater's average of submitted ratings of published appraisals (section score as a percent of
 * the section's full marks, 4 places, kept with the submission; read model `analytics_rating`) against the average of every such rating in the
 * department of the people rated; raters with fewer than `minRatings` there are left out. One GROUP BY with window
 * sums over the department; the difference subtracts the rounded averages (as the domain's raterLeniency does).
 */
export async function raterLeniency(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined, minRatings: number): Promise<LeniencyRowView[]> {
  if (!Number.isInteger(minRatings) || minRatings < 1 || minRatings > 1000)
    throw new AppError('VALIDATION_FAILED', 'minRatings: 1 to 1000', [{ field: 'minRatings', rule: 'leniency_min_ratings', message: '1 to 1000' }]);
  const fresh = await cohortsFresh(ctx);
  const where = conditions(ctx, f, VIEW(fresh ? 'e' : 'r'));
  if (!where) return [];
  // Per cohort (pre-aggregated counts and sums of percents) or per rating with the live org facts: the same sums.
  const grouped = fresh
    ? sql`select e.department_id, e.rater_employee_id as rater, sum(e.n)::int as n, sum(e.s) as s,
             sum(sum(e.s)) over (partition by e.department_id) as ds, sum(sum(e.n)) over (partition by e.department_id) as dn
      from analytics_rating_cohort e
      where true${where}
      group by e.department_id, e.rater_employee_id`
    : sql`select e.department_id, r.rater_employee_id as rater, count(*)::int as n, sum(r.pct) as s,
             sum(sum(r.pct)) over (partition by e.department_id) as ds, sum(count(*)) over (partition by e.department_id) as dn
      from analytics_rating r join employee e on e.id = r.employee_id
      where true${where}
      group by e.department_id, r.rater_employee_id`;
  const rows = await ctx.db.rows<{ department_id: string; rater: string; n: number; rater_avg: string; department_avg: string }>(sql`
    select department_id, rater, n, round(s / n, 2)::text as rater_avg, round(ds / dn, 2)::text as department_avg
    from (${grouped}) x
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

type CompletionRow = { phase: 'selfReview' | 'rating' | 'acknowledgement'; department_id: string | null; total: number; done: number; overdue: number; late: number };

/**
 * Completion per phase: ratings (due: the rating phase's close), self-reviews (the self-review phase's close) and
 * acknowledgements (their due day) of launched cycles, done / overdue / late, per department and overall (grouping sets).
 * Read from the task counters (Migration20261201000000: per cycle, cohort, due and done day, kept by triggers) while
 * the cohorts hold today's organisation; otherwise from the tasks themselves with the live org facts (same numbers).
 */
export async function completion(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<CompletionRowView[]> {
  const where = conditions(ctx, f);
  if (!where) return [];
  const today = ctx.clock.today();
  const rows = (await cohortsFresh(ctx)) ? await completionCounted(ctx.db, where, today) : await completionLive(ctx.db, where, today);
  const phases = ['selfReview', 'rating', 'acknowledgement'];
  return rows
    .sort((a, b) => phases.indexOf(a.phase) - phases.indexOf(b.phase) || (a.department_id === null ? -1 : b.department_id === null ? 1 : a.department_id < b.department_id ? -1 : 1))
    .map((r) => ({ phase: r.phase, departmentId: r.department_id, total: r.total, done: r.done, percent: percentText(r.done, r.total), overdue: r.overdue, late: r.late }));
}

/** The counters as cohort `e` with their cycle `c`; ratings and self-reviews are due when their phase closes. */
function completionCounted(db: ReadDb, where: Sql, today: string): Promise<CompletionRow[]> {
  return db.rows<CompletionRow>(sql`
    select e.phase, e.department_id, sum(e.n)::int as total, coalesce(sum(e.n) filter (where e.done_on is not null), 0)::int as done,
           coalesce(sum(e.n) filter (where e.done_on is null and coalesce(e.due, ph.closes) < ${today}::date), 0)::int as overdue,
           coalesce(sum(e.n) filter (where e.done_on > coalesce(e.due, ph.closes)), 0)::int as late
    from analytics.task_count e join cycle c on c.id = e.cycle_id left join cycle_phase ph on ph.cycle_id = e.cycle_id and ph.phase = e.phase
    where e.n > 0 and c.state not in ('draft', 'cancelled') and (e.phase = 'acknowledgement' or ph.cycle_id is not null)${where}
    group by grouping sets ((e.phase, e.department_id), (e.phase))`);
}

function completionLive(db: ReadDb, where: Sql, today: string): Promise<CompletionRow[]> {
  return db.rows<CompletionRow>(sql`
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

type PayRow = { department_id: string; period_key: string; pay: string; rewards: string; penalties: string; people: number };

/**
 * Pay by department and period: performance pay from the pay lines of published results (read model), rewards and penalties from
 * the ledger (approved or paid entries worth money, not generated from an appraisal, reversals included), summed to
 * the cent with the people they cover, then the small-group rule below HR. Read from the pay cohorts
 * (Migration20261201000000) while they hold today's organisation and the filter takes every signature whole;
 * otherwise from the read model and the ledger with the live org facts (same numbers).
 */
export async function payAggregates(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<PayAggregateView[]> {
  const actor = requireActor(ctx);
  const scope = scopeSql(actor);
  if (scope === 'none') return [];
  const rows = ((await cohortsFresh(ctx)) ? await payCounted(ctx.db, scope, f) : null) ?? (await payLive(ctx, f));
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

/**
 * From the pay cohorts `e`: a signature counts its people when the filter takes its published pay (every cycle of
 * it passes) or its ledger money (its period belongs to the chosen cycles or scheme, every day lies in the range).
 * Null when the filter takes only part of some signature (e.g. a range ending inside someone's ledger days).
 */
async function payCounted(db: ReadDb, scope: Sql | null, f: AnalyticsFilterInput | null | undefined): Promise<PayRow[] | null> {
  const who = [...(scope ? [scope] : []), ...filterSql({ departmentId: f?.departmentId ?? null })];
  const cycles = filterSql({ cycleIds: f?.cycleIds ?? null, schemeId: f?.schemeId ?? null, periodFrom: f?.periodFrom ?? null, periodTo: f?.periodTo ?? null });
  const payTaken = cycles.length ? sql`(select count(*) from cycle c where c.id = any(e.pay_cycles) and ${join(cycles, ' and ')})::int` : sql`cardinality(e.pay_cycles)`;
  const periods = filterSql({ cycleIds: f?.cycleIds ?? null, schemeId: f?.schemeId ?? null });
  const days = [...(f?.periodFrom ? [sql`d >= ${f.periodFrom}::date`] : []), ...(f?.periodTo ? [sql`d <= ${f.periodTo}::date`] : [])];
  const daysTaken = days.length ? sql`(select count(*) from unnest(e.ledger_days) d where ${join(days, ' and ')})::int` : sql`cardinality(e.ledger_days)`;
  const ledgerTaken = periods.length ? sql`case when e.period_key in (select c.period_key from cycle c where ${join(periods, ' and ')}) then ${daysTaken} else 0 end` : daysTaken;
  const rows = await db.rows<PayRow & { partial: boolean }>(sql`
    select department_id, period_key, sum(n) filter (where pay_taken > 0 or ledger_taken > 0)::int as people,
           coalesce(sum(pay) filter (where pay_taken > 0), 0)::text as pay, coalesce(sum(rewards) filter (where ledger_taken > 0), 0)::text as rewards,
           coalesce(sum(penalties) filter (where ledger_taken > 0), 0)::text as penalties,
           bool_or((pay_taken > 0 and pay_taken < cardinality(pay_cycles)) or (ledger_taken > 0 and ledger_taken < cardinality(ledger_days))) as partial
    from (
      select e.department_id, e.period_key, e.n, e.pay, e.rewards, e.penalties, e.pay_cycles, e.ledger_days, ${payTaken} as pay_taken, ${ledgerTaken} as ledger_taken
      from analytics.pay_cohort e
      where e.n > 0${who.length ? sql` and ${join(who, ' and ')}` : empty}
    ) s
    group by department_id, period_key
    having sum(n) filter (where pay_taken > 0 or ledger_taken > 0) > 0
    order by department_id, period_key`);
  return rows.some((r) => r.partial) ? null : rows;
}

function payLive(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<PayRow[]> | PayRow[] {
  const where = conditions(ctx, f, VIEW('x'));
  const ledgerWhere = ledgerConditions(ctx, f);
  if (!where || !ledgerWhere) return [];
  return ctx.db.rows<PayRow>(sql`
    with money as (
      select e.department_id, x.period_key, x.employee_id, x.pay, 0::numeric as rewards, 0::numeric as penalties
      from ${PUBLISHED_FROM}
      where x.pay is not null${where}
      union all
      select e.department_id, le.period_key::text, le.employee_id, 0, case when le.kind = 'reward' then le.money else 0 end, case when le.kind = 'punishment' then le.money else 0 end
      from ledger_entry le join employee e on e.id = le.employee_id
      where le.status in ('approved', 'paid') and le.money is not null and not le.pay_from_appraisal${ledgerWhere}
    )
    select department_id, period_key, sum(pay)::text as pay, sum(rewards)::text as rewards, sum(penalties)::text as penalties, count(distinct employee_id)::int as people
    from money
    group by department_id, period_key
    order by department_id, period_key`);
}

/**
 * Appeals against published results: per department of the appellant and overall (rollup), the appeals, outcomes,
 * open ones and decisions on or before their due day, beside the published appraisals of the same selection (read
 * model) for the rate. Counts come from SQL; the percents use the domain's rounding (as appealStats does).
 */
export async function appealStats(ctx: RequestContext, f: AnalyticsFilterInput | null | undefined): Promise<AppealStatsView[]> {
  const fresh = await cohortsFresh(ctx);
  const where = conditions(ctx, f);
  const whereView = conditions(ctx, f, VIEW(fresh ? 'e' : 'x'));
  if (!where || !whereView) return [];
  const publishedSql = fresh
    ? sql`select e.department_id, grouping(e.department_id)::int as total, sum(e.n)::int as n from analytics_grade_cohort e where true${whereView} group by rollup (e.department_id)`
    : sql`select e.department_id, grouping(e.department_id)::int as total, count(*)::int as n from ${PUBLISHED_FROM} where true${whereView} group by rollup (e.department_id)`;
  const [appeals, appraisals] = await Promise.all([
    ctx.db.rows<{ department_id: string | null; total: number; n: number; upheld: number; rejected: number; withdrawn: number; open: number; decided: number; on_time: number }>(sql`
      select e.department_id, grouping(e.department_id)::int as total, count(*)::int as n,
             count(*) filter (where ap.outcome = 'upheld')::int as upheld, count(*) filter (where ap.outcome = 'rejected')::int as rejected,
             count(*) filter (where ap.state = 'withdrawn')::int as withdrawn, count(*) filter (where ap.state in ('filed', 'under_review'))::int as open,
             count(ap.decided_at)::int as decided,
             count(*) filter (where (ap.decided_at at time zone 'Asia/Shanghai')::date <= ap.due_on)::int as on_time
      from appeal ap join appraisal a on a.id = ap.appraisal_id join cycle c on c.id = a.cycle_id join employee e on e.id = ap.appellant_employee_id
      where ap.target_kind = 'result'${where}
      group by rollup (e.department_id)`),
    ctx.db.rows<{ department_id: string | null; total: number; n: number }>(publishedSql),
  ]);
  const key = (r: { department_id: string | null; total: number }) => (r.total ? null : r.department_id);
  const published = new Map(appraisals.map((r) => [key(r), r.n]));
  const byDepartment = new Map(appeals.map((r) => [key(r), r]));
  const departments = [...new Set([...appraisals, ...appeals].filter((r) => !r.total).map((r) => r.department_id as string))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [null, ...departments].map((d) => {
    const a = byDepartment.get(d);
    const n = published.get(d) ?? 0;
    return {
      departmentId: d,
      appraisals: n,
      appeals: a?.n ?? 0,
      rate: percentText(a?.n ?? 0, n),
      upheld: a?.upheld ?? 0,
      rejected: a?.rejected ?? 0,
      withdrawn: a?.withdrawn ?? 0,
      open: a?.open ?? 0,
      decided: a?.decided ?? 0,
      onTime: a?.on_time ?? 0,
      onTimePercent: percentText(a?.on_time ?? 0, a?.decided ?? 0),
    };
  });
}
