import { Migration } from '@mikro-orm/migrations';

/**
 * `analytics_refresh()` rebuilds the counters beside the live ones and swaps them in, so writers wait only for the swap.
 *
 * Before, the refresh took the advisory lock `analytics.counters` alone (Migration20261201000000) and then rebuilt the
 * pay counters (and the task counters after an org move) from every ledger entry, published pay line, appraisal and
 * rating: every writer of those rows waited for the whole rebuild, and on a large database its statement could reach
 * the application's 10 s statement_timeout.
 *
 * Now the refresh first takes the advisory lock `analytics.rebuild` alone, which waits for the writers that started
 * before it, and computes into temporary tables the counters' rows per person and period (pay) and per appraisal's
 * task (tasks) and the new counters (those grouped by cohort), while writers go on. A writer that meets the rebuild in
 * progress (`analytics.rebuilding()`: the rebuild lock is taken or asked for) notes what it touched
 * (`analytics.pay_touched`, `analytics.task_touched`). Then the refresh takes `analytics.counters` alone (writers wait
 * from here), moves the touched people and appraisals from what the staging counted to what they count now, writes
 * only the counters' rows that differ from the new ones, and clears the notes. A writer that does not meet a rebuild
 * holds the rebuild lock shared until it commits, so the staging (which waits for that lock) reads its rows.
 *
 * test/bench/analytics-refresh.ts (BENCH_BEFORE=1 for the previous refresh) measures the writers' wait.
 */
const COUNTERS = `hashtext('analytics.counters')`;
const REBUILD = `hashtext('analytics.rebuild')`;

export class Migration20261202010000 extends Migration {
  override async up(): Promise<void> {
    // What writers touched while a rebuild was staged; emptied by the swap. Unlogged: a crash ends the rebuild too.
    this.addSql(`create unlogged table "analytics"."pay_touched" ("employee_id" uuid not null, "period_key" text not null);`);
    this.addSql(`create unlogged table "analytics"."task_touched" ("appraisal_id" uuid not null);`);
    // True while a refresh stages a rebuild (its lock taken or asked for); otherwise takes the lock shared until commit.
    this.addSql(`create function "analytics"."rebuilding"() returns boolean language sql volatile as $$
      select not pg_try_advisory_xact_lock_shared(${REBUILD}) $$;`);

    this.addSql(`create or replace function "analytics"."ledger_changed"(gone ledger_entry[], came ledger_entry[]) returns void language sql as $$
      ${LEDGER_LOCKS};
      insert into analytics.pay_touched (employee_id, period_key)
      select distinct x.employee_id, x.period_key::text from unnest(gone || came) x where (select analytics.rebuilding());
      ${LEDGER_COUNT} $$;`);
    this.addSql(`create or replace function "analytics"."ratings_changed"(gone rating[], came rating[]) returns void language sql as $$
      ${RATING_LOCKS};
      insert into analytics.task_touched (appraisal_id)
      select distinct x.appraisal_id from unnest(gone || came) x where (select analytics.rebuilding());
      ${RATINGS_COUNT} $$;`);
    this.addSql(`create or replace function "analytics"."appraisals_changed"(gone appraisal[], came appraisal[]) returns void language sql as $$
      insert into analytics.task_touched (appraisal_id)
      select distinct x.id from unnest(gone || came) x where (select analytics.rebuilding());
      ${APPRAISALS_COUNT} $$;`);

    // Staging, without the counters lock: the counters' rows per person and period (pay) and per appraisal's task
    // (tasks), as the trigger functions count them, and the same grouped by cohort (the new counters).
    this.addSql(`create function "analytics"."stage_pay"() returns void language plpgsql as $$
      begin
        drop table if exists pg_temp.pay_stage, pg_temp.pay_fresh;
        create temporary table pay_stage on commit drop as ${PAY_PEOPLE('select p.* from analytics.published_pay(null) p', 'ledger_entry l')};
        create temporary table pay_fresh on commit drop as
        select e.department_id, e.supervisor_path, s.period_key, s.pay_cycles, s.ledger_days, count(*)::int as n, sum(s.pay) as pay, sum(s.rewards) as rewards, sum(s.penalties) as penalties
        from pg_temp.pay_stage s join employee e on e.id = s.employee_id
        group by 1, 2, 3, 4, 5;
        create unique index on pg_temp.pay_fresh (department_id, supervisor_path, period_key, pay_cycles, ledger_days);
        -- Indexed and analysed here, so the swap finds its few people at once (temporary tables have no statistics).
        create index on pg_temp.pay_stage (employee_id, period_key);
        analyze pg_temp.pay_stage;
        analyze pg_temp.pay_fresh;
      end $$;`);
    this.addSql(`create function "analytics"."stage_tasks"() returns void language plpgsql as $$
      begin
        drop table if exists pg_temp.task_stage, pg_temp.task_fresh;
        create temporary table task_stage on commit drop as ${TASKS('appraisal a')};
        create temporary table task_fresh on commit drop as
        select s.cycle_id, e.department_id, e.supervisor_path, s.phase, s.due, s.done_on, count(*)::int as n
        from pg_temp.task_stage s join employee e on e.id = s.employee_id
        group by 1, 2, 3, 4, 5, 6;
        create unique index on pg_temp.task_fresh (cycle_id, department_id, supervisor_path, phase, due, done_on) nulls not distinct;
        create index on pg_temp.task_stage (appraisal_id);
        analyze pg_temp.task_stage;
        analyze pg_temp.task_fresh;
      end $$;`);
    // The swaps, under the counters lock: what the people and appraisals touched since the staging counted there taken
    // out of the new counters and what they count now put in; then only the counters' rows that differ are written.
    this.addSql(`create function "analytics"."swap_pay"() returns void language plpgsql as $$
      begin
        create temporary table pay_again on commit drop as select distinct employee_id, period_key from analytics.pay_touched;
        analyze pg_temp.pay_again;
        insert into pg_temp.pay_fresh as f (department_id, supervisor_path, period_key, pay_cycles, ledger_days, n, pay, rewards, penalties)
        select e.department_id, e.supervisor_path, d.period_key, d.pay_cycles, d.ledger_days, sum(d.sign)::int, sum(d.sign * d.pay), sum(d.sign * d.rewards), sum(d.sign * d.penalties)
        from (
          select s.*, -1 as sign from pg_temp.pay_stage s join pg_temp.pay_again t on t.employee_id = s.employee_id and t.period_key = s.period_key
          union all
          select n.*, 1 from (${PAY_PEOPLE(
            // analytics.published_pay of these people, joined (its "any of an array" would scan every published appraisal).
            `select x.employee_id, x.period_key, x.cycle_id, x.pay, null::date as occurred_on, null::numeric as rewards, null::numeric as penalties
             from analytics_appraisal x join pg_temp.pay_again t0 on t0.employee_id = x.employee_id and t0.period_key = x.period_key where x.pay is not null`,
            'ledger_entry l join pg_temp.pay_again t1 on t1.employee_id = l.employee_id and t1.period_key = l.period_key::text',
          )}) n
        ) d join employee e on e.id = d.employee_id
        group by 1, 2, 3, 4, 5
        on conflict (department_id, supervisor_path, period_key, pay_cycles, ledger_days)
        do update set n = f.n + excluded.n, pay = f.pay + excluded.pay, rewards = f.rewards + excluded.rewards, penalties = f.penalties + excluded.penalties;
        delete from pg_temp.pay_fresh where n = 0;
        delete from analytics.pay_cohort c where not exists (
          select 1 from pg_temp.pay_fresh f
          where f.department_id = c.department_id and f.supervisor_path = c.supervisor_path and f.period_key = c.period_key and f.pay_cycles = c.pay_cycles
            and f.ledger_days = c.ledger_days and f.n = c.n and f.pay = c.pay and f.rewards = c.rewards and f.penalties = c.penalties);
        insert into analytics.pay_cohort (department_id, supervisor_path, period_key, pay_cycles, ledger_days, n, pay, rewards, penalties)
        select * from pg_temp.pay_fresh except select * from analytics.pay_cohort
        order by 1, 2, 3, 4, 5;
        drop table pg_temp.pay_again;
      end $$;`);
    this.addSql(`create function "analytics"."swap_tasks"() returns void language plpgsql as $$
      begin
        create temporary table task_again on commit drop as select distinct appraisal_id from analytics.task_touched;
        analyze pg_temp.task_again;
        insert into pg_temp.task_fresh as f (cycle_id, department_id, supervisor_path, phase, due, done_on, n)
        select d.cycle_id, e.department_id, e.supervisor_path, d.phase, d.due, d.done_on, sum(d.sign)::int
        from (
          select s.*, -1 as sign from pg_temp.task_stage s join pg_temp.task_again t on t.appraisal_id = s.appraisal_id
          union all
          select n.*, 1 from (${TASKS('appraisal a join pg_temp.task_again t0 on t0.appraisal_id = a.id')}) n
        ) d join employee e on e.id = d.employee_id
        group by 1, 2, 3, 4, 5, 6
        on conflict (cycle_id, department_id, supervisor_path, phase, due, done_on) do update set n = f.n + excluded.n;
        delete from pg_temp.task_fresh where n = 0;
        delete from analytics.task_count c where not exists (
          select 1 from pg_temp.task_fresh f
          where f.cycle_id = c.cycle_id and f.department_id = c.department_id and f.supervisor_path = c.supervisor_path and f.phase = c.phase
            and coalesce(f.due, '-infinity') = coalesce(c.due, '-infinity') and coalesce(f.done_on, '-infinity') = coalesce(c.done_on, '-infinity') and f.n = c.n);
        insert into analytics.task_count (cycle_id, department_id, supervisor_path, phase, due, done_on, n)
        select * from pg_temp.task_fresh except select * from analytics.task_count
        order by 1, 2, 3, 4, 5, 6;
        drop table pg_temp.task_again;
      end $$;`);
    this.addSql(refreshFunction('swap'));
  }

  override async down(): Promise<void> {
    this.addSql(refreshFunction('locked'));
    this.addSql(`create or replace function "analytics"."appraisals_changed"(gone appraisal[], came appraisal[]) returns void language sql as $$
      ${APPRAISALS_COUNT} $$;`);
    this.addSql(`create or replace function "analytics"."ratings_changed"(gone rating[], came rating[]) returns void language sql as $$
      ${RATING_LOCKS};
      ${RATINGS_COUNT} $$;`);
    this.addSql(`create or replace function "analytics"."ledger_changed"(gone ledger_entry[], came ledger_entry[]) returns void language sql as $$
      ${LEDGER_LOCKS};
      ${LEDGER_COUNT} $$;`);
    for (const fn of ['swap_tasks', 'swap_pay', 'stage_tasks', 'stage_pay', 'rebuilding']) this.addSql(`drop function if exists "analytics"."${fn}"();`);
    this.addSql(`drop table if exists "analytics"."task_touched";`);
    this.addSql(`drop table if exists "analytics"."pay_touched";`);
  }
}

/** Money rows (`money`: published pay, then counted ledger entries `l`) as one row per person and period with its signature. */
function PAY_PEOPLE(pay: string, ledger: string): string {
  return `select m.employee_id, m.period_key,
           coalesce(array_agg(distinct m.cycle_id order by m.cycle_id) filter (where m.cycle_id is not null), '{}') as pay_cycles,
           coalesce(array_agg(distinct m.occurred_on order by m.occurred_on) filter (where m.occurred_on is not null), '{}') as ledger_days,
           coalesce(sum(m.pay), 0) as pay, coalesce(sum(m.rewards), 0) as rewards, coalesce(sum(m.penalties), 0) as penalties
         from (${pay} union all select m.* from ${ledger}, analytics.ledger_money(l) m) m
         group by m.employee_id, m.period_key`;
}

/** The tasks of the appraisals `a` selects and of their ratings, one row each with its appraisal. */
function TASKS(appraisals: string): string {
  return `select a.id as appraisal_id, t.* from ${appraisals}, analytics.appraisal_tasks(a) t
         union all
         select a.id, t.* from ${appraisals} join rating r on r.appraisal_id = a.id, analytics.rating_tasks(r, a) t`;
}

/** Per person and period locks of Migration20261201010000. */
const LEDGER_LOCKS = `select pg_advisory_xact_lock(20261201, k.key)
      from (select distinct hashtext(employee_id::text || ':' || period_key::text) as key from unnest(gone || came)) k
      order by k.key`;

/** The counting statement of ledger_changed (Migration20261201000000), unchanged. */
const LEDGER_COUNT = `with touched as (select distinct employee_id, period_key::text as period_key from unnest(gone || came)),
      pay as (select p from analytics.published_pay(array(select employee_id from touched)) p join touched t on t.employee_id = p.employee_id and t.period_key = p.period_key),
      now_rows as (select le from ledger_entry le join touched t on t.employee_id = le.employee_id and t.period_key = le.period_key::text),
      was_rows as (select n.le from now_rows n where (n.le).id <> all (array(select c.id from unnest(came) c)) union all select g from unnest(gone) g)
      select analytics.count_pay(
        array(select p from pay) || array(select m from was_rows w, analytics.ledger_money(w.le) m),
        array(select p from pay) || array(select m from now_rows n, analytics.ledger_money(n.le) m))`;

/** The appraisal locks of ratings_changed (Migration20261202000000). */
const RATING_LOCKS = `select 1 from appraisal a where a.id in (select distinct x.appraisal_id from unnest(gone || came) x) order by a.id for share of a`;

/** The counting statement of ratings_changed (Migration20261201000000), unchanged. */
const RATINGS_COUNT = `select analytics.count_tasks(
        array(select t from unnest(gone) g join appraisal a on a.id = g.appraisal_id, analytics.rating_tasks(g, a) t),
        array(select t from unnest(came) c join appraisal a on a.id = c.appraisal_id, analytics.rating_tasks(c, a) t))`;

/** The counting statement of appraisals_changed (Migration20261201000000), unchanged. */
const APPRAISALS_COUNT = `with moved as (
        select g as was, c as now from unnest(gone) g join unnest(came) c on c.id = g.id
        where (g.state = 'excluded') <> (c.state = 'excluded') or g.cycle_id <> c.cycle_id or g.employee_id <> c.employee_id
      )
      select analytics.count_tasks(
        array(select t from unnest(gone) g, analytics.appraisal_tasks(g) t)
          || array(select t from moved m join rating r on r.appraisal_id = (m.was).id, analytics.rating_tasks(r, m.was) t),
        array(select t from unnest(came) c, analytics.appraisal_tasks(c) t)
          || array(select t from moved m join rating r on r.appraisal_id = (m.now).id, analytics.rating_tasks(r, m.now) t))`;

/**
 * `analytics_refresh()`: 'swap' stages the counters and swaps them in (this migration); 'locked' rebuilds them under
 * the counters lock (Migration20261201000000).
 */
function refreshFunction(counters: 'swap' | 'locked'): string {
  const rebuild =
    counters === 'swap'
      ? `
        -- Writers that started before wait for nothing; the staging reads what they committed, notes tell what came after.
        perform pg_advisory_xact_lock(${REBUILD});
        perform analytics.stage_pay();
        if org_moved is not false then
          perform analytics.stage_tasks();
        end if;
        refresh materialized view concurrently "analytics_org_state";
        -- Writers wait from here: the touched rows counted again, the counters replaced.
        perform pg_advisory_xact_lock(${COUNTERS});
        perform analytics.swap_pay();
        if org_moved is not false then
          perform analytics.swap_tasks();
        end if;
        delete from analytics.pay_touched;
        delete from analytics.task_touched;`
      : `
        -- The counters' writers wait while they are rebuilt: published pay changed, and the tasks when the org moved.
        perform pg_advisory_xact_lock(${COUNTERS});
        perform analytics.rebuild_pay();
        if org_moved is not false then
          perform analytics.rebuild_tasks();
        end if;
        refresh materialized view concurrently "analytics_org_state";`;
  return `create or replace function "analytics_refresh"() returns void language plpgsql security definer set search_path = public, pg_temp as $$
      declare
        org_moved boolean;
      begin
        refresh materialized view concurrently "analytics_appraisal";
        refresh materialized view concurrently "analytics_rating";
        -- No org change in flight while the cohorts and the version they belong to are taken.
        lock table "employee" in share mode;
        select s.org_version is distinct from (select case when is_called then last_value else 0 end from analytics_org_version) into org_moved from analytics_org_state s;
        refresh materialized view concurrently "analytics_grade_cohort";
        refresh materialized view concurrently "analytics_score_cohort";
        refresh materialized view concurrently "analytics_rating_cohort";${rebuild}
      end $$;`;
}
