import { Migration } from '@mikro-orm/migrations';

/**
 * Counters for the last two analytics aggregates (issue 12, completion and pay within 200 ms over 100,000
 * appraisals), kept per cycle (or period) and organisation cohort like the pre-aggregates of Migration20261129030000,
 * but maintained by the database in the same transaction as the rows they count, so they are current without a refresh.
 *
 * Schema `analytics`: derived rows only the database writes (SECURITY DEFINER triggers running as the owner); the
 * application role may read them, never write them. They are not ORM entities, and the ORM compares only `public`.
 *
 * - `analytics.task_count`: tasks per cycle, cohort (department, reporting line), phase, due day and day done.
 *   Ratings and self-reviews leave `due` null (their phase's close, read from `cycle_phase` when counting, so a
 *   postponed phase needs no rewrite); acknowledgements keep their own due day. Not done: `done_on` null. Overdue on
 *   any day is then a sum over few rows (not done and due before today), late one too (done after due).
 *   Kept by statement-level triggers on `appraisal` and `rating` (transition tables: one upsert per statement).
 * - `analytics.pay_cohort`: people per cohort and period by the same *signature* (the cycles their published pay
 *   comes from, the days of their counted ledger entries) with the sums of their performance pay, rewards and
 *   penalties. A person is one row of one signature per period, so a selection that takes a signature whole counts
 *   people exactly without DISTINCT; a filter that would split one (a period range through someone's ledger days,
 *   one of two cycles of the same period) is answered by the live query instead. Kept by triggers on `ledger_entry`
 *   (approvals, reversals, any change) and rebuilt by `analytics_refresh()` after a publication (published pay comes
 *   from `analytics_appraisal`, which that refresh renews).
 *
 * Organisation changes are not followed here: as for the other cohorts, a move since the last refresh makes the API
 * use the live queries (analytics_org_version), and the refresh rebuilds the task counters when the org moved.
 * Writers hold the advisory lock `analytics.counters` shared and the rebuilds hold it alone, so a rebuild never
 * races a trigger's increment.
 */
const LOCK = `hashtext('analytics.counters')`;

const TRIGGERS: Array<{ table: string; fn: string }> = [
  { table: 'appraisal', fn: 'analytics.appraisals_changed' },
  { table: 'rating', fn: 'analytics.ratings_changed' },
  { table: 'ledger_entry', fn: 'analytics.ledger_changed' },
];

export class Migration20261201000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema "analytics";`);
    this.addSql(`comment on schema "analytics" is 'Derived analytics counters written only by triggers and analytics_refresh() (issue 12); read-only for the application.';`);

    // ---- completion ----
    this.addSql(`create table "analytics"."task_count" (
      "cycle_id" uuid not null, "department_id" uuid not null, "supervisor_path" uuid[] not null,
      "phase" text not null check ("phase" in ('selfReview', 'rating', 'acknowledgement')), "due" date, "done_on" date, "n" int not null,
      constraint "task_count_key" unique nulls not distinct ("cycle_id", "department_id", "supervisor_path", "phase", "due", "done_on"));`);
    this.addSql(`create index "task_count_emptied" on "analytics"."task_count" ("cycle_id") where "n" = 0;`);
    this.addSql(`create type "analytics"."task" as ("cycle_id" uuid, "employee_id" uuid, "phase" text, "due" date, "done_on" date);`);
    // The tasks of an appraisal and of a rating, as the live completion query (api analytics.read.ts) counts them.
    this.addSql(`create function "analytics"."appraisal_tasks"(a appraisal) returns setof "analytics"."task" language sql stable as $$
      select a.cycle_id, a.employee_id, 'selfReview', null::date, case when a.self_review_state = 'SUBMITTED' then (a.self_review_submitted_at at time zone 'Asia/Shanghai')::date end
      where a.state <> 'excluded'
      union all
      select a.cycle_id, a.employee_id, 'acknowledgement', a.acknowledgement_due, (coalesce(a.acknowledged_at, a.refused_at) at time zone 'Asia/Shanghai')::date
      where a.acknowledgement_due is not null $$;`);
    this.addSql(`create function "analytics"."rating_tasks"(r rating, a appraisal) returns setof "analytics"."task" language sql stable as $$
      select a.cycle_id, a.employee_id, 'rating', null::date, case when r.state = 'submitted' then (r.submitted_at at time zone 'Asia/Shanghai')::date end
      where r.state <> 'reassigned' and r.source = 'PERSON' and a.state <> 'excluded' $$;`);
    // Applies tasks gone and come: one upsert in key order (concurrent writers lock rows in the same order).
    this.addSql(`create function "analytics"."count_tasks"(gone "analytics"."task"[], came "analytics"."task"[]) returns void language sql as $$
      insert into analytics.task_count as t (cycle_id, department_id, supervisor_path, phase, due, done_on, n)
      select d.cycle_id, e.department_id, e.supervisor_path, d.phase, d.due, d.done_on, sum(d.n)::int
      from (select g.*, -1 as n from unnest(gone) g union all select c.*, 1 from unnest(came) c) d join employee e on e.id = d.employee_id
      group by 1, 2, 3, 4, 5, 6 having sum(d.n) <> 0
      order by 1, 2, 3, 4, 5, 6
      on conflict on constraint task_count_key do update set n = t.n + excluded.n;
      delete from analytics.task_count where n = 0; $$;`);
    // An appraisal's own tasks; its ratings' tasks too when what they depend on changed (exclusion, cycle, person).
    this.addSql(`create function "analytics"."appraisals_changed"(gone appraisal[], came appraisal[]) returns void language sql as $$
      with moved as (
        select g as was, c as now from unnest(gone) g join unnest(came) c on c.id = g.id
        where (g.state = 'excluded') <> (c.state = 'excluded') or g.cycle_id <> c.cycle_id or g.employee_id <> c.employee_id
      )
      select analytics.count_tasks(
        array(select t from unnest(gone) g, analytics.appraisal_tasks(g) t)
          || array(select t from moved m join rating r on r.appraisal_id = (m.was).id, analytics.rating_tasks(r, m.was) t),
        array(select t from unnest(came) c, analytics.appraisal_tasks(c) t)
          || array(select t from moved m join rating r on r.appraisal_id = (m.now).id, analytics.rating_tasks(r, m.now) t)) $$;`);
    this.addSql(`create function "analytics"."ratings_changed"(gone rating[], came rating[]) returns void language sql as $$
      select analytics.count_tasks(
        array(select t from unnest(gone) g join appraisal a on a.id = g.appraisal_id, analytics.rating_tasks(g, a) t),
        array(select t from unnest(came) c join appraisal a on a.id = c.appraisal_id, analytics.rating_tasks(c, a) t)) $$;`);
    this.addSql(`create function "analytics"."rebuild_tasks"() returns void language sql as $$
      delete from analytics.task_count;
      select analytics.count_tasks('{}',
        array(select t from appraisal a, analytics.appraisal_tasks(a) t)
          || array(select t from rating r join appraisal a on a.id = r.appraisal_id, analytics.rating_tasks(r, a) t)) $$;`);

    // ---- pay ----
    this.addSql(`create table "analytics"."pay_cohort" (
      "department_id" uuid not null, "supervisor_path" uuid[] not null, "period_key" text not null,
      "pay_cycles" uuid[] not null, "ledger_days" date[] not null,
      "n" int not null, "pay" numeric not null, "rewards" numeric not null, "penalties" numeric not null,
      constraint "pay_cohort_pkey" primary key ("department_id", "supervisor_path", "period_key", "pay_cycles", "ledger_days"));`);
    this.addSql(`create index "pay_cohort_emptied" on "analytics"."pay_cohort" ("period_key") where "n" = 0;`);
    // One amount of money of a person in a period: published pay of a cycle, or a counted ledger entry's day and money.
    this.addSql(`create type "analytics"."money" as ("employee_id" uuid, "period_key" text, "cycle_id" uuid, "pay" numeric, "occurred_on" date, "rewards" numeric, "penalties" numeric);`);
    // What the pay aggregate counts of a ledger entry: approved or paid money not generated from an appraisal (reversals included).
    this.addSql(`create function "analytics"."ledger_money"(l ledger_entry) returns setof "analytics"."money" language sql immutable as $$
      select l.employee_id, l.period_key::text, null::uuid, null::numeric, l.occurred_on,
             case when l.kind = 'reward' then l.money else 0 end, case when l.kind = 'punishment' then l.money else 0 end
      where l.status in ('approved', 'paid') and l.money is not null and not l.pay_from_appraisal $$;`);
    this.addSql(`create function "analytics"."published_pay"(employees uuid[]) returns setof "analytics"."money" language sql stable as $$
      select x.employee_id, x.period_key, x.cycle_id, x.pay, null::date, null::numeric, null::numeric
      from analytics_appraisal x where x.pay is not null and (employees is null or x.employee_id = any(employees)) $$;`);
    // Money rows gone and come, grouped per person and period into signatures, applied to the cohorts in key order.
    this.addSql(`create function "analytics"."count_pay"(gone "analytics"."money"[], came "analytics"."money"[]) returns void language sql as $$
      insert into analytics.pay_cohort as t (department_id, supervisor_path, period_key, pay_cycles, ledger_days, n, pay, rewards, penalties)
      select e.department_id, e.supervisor_path, p.period_key, p.pay_cycles, p.ledger_days, sum(p.sign)::int, sum(p.sign * p.pay), sum(p.sign * p.rewards), sum(p.sign * p.penalties)
      from (
        select m.employee_id, m.period_key, m.sign,
               coalesce(array_agg(distinct m.cycle_id order by m.cycle_id) filter (where m.cycle_id is not null), '{}') as pay_cycles,
               coalesce(array_agg(distinct m.occurred_on order by m.occurred_on) filter (where m.occurred_on is not null), '{}') as ledger_days,
               coalesce(sum(m.pay), 0) as pay, coalesce(sum(m.rewards), 0) as rewards, coalesce(sum(m.penalties), 0) as penalties
        from (select g.*, -1 as sign from unnest(gone) g union all select c.*, 1 from unnest(came) c) m
        group by m.employee_id, m.period_key, m.sign
      ) p join employee e on e.id = p.employee_id
      group by 1, 2, 3, 4, 5
      having sum(p.sign) <> 0 or sum(p.sign * p.pay) <> 0 or sum(p.sign * p.rewards) <> 0 or sum(p.sign * p.penalties) <> 0
      order by 1, 2, 3, 4, 5
      on conflict on constraint pay_cohort_pkey do update set n = t.n + excluded.n, pay = t.pay + excluded.pay, rewards = t.rewards + excluded.rewards, penalties = t.penalties + excluded.penalties;
      delete from analytics.pay_cohort where n = 0; $$;`);
    // Ledger entries changed: each touched person and period leaves its old signature for its new one (their
    // published pay is the same before and after; it belongs to the signature).
    this.addSql(`create function "analytics"."ledger_changed"(gone ledger_entry[], came ledger_entry[]) returns void language sql as $$
      with touched as (select distinct employee_id, period_key::text as period_key from unnest(gone || came)),
      pay as (select p from analytics.published_pay(array(select employee_id from touched)) p join touched t on t.employee_id = p.employee_id and t.period_key = p.period_key),
      now_rows as (select le from ledger_entry le join touched t on t.employee_id = le.employee_id and t.period_key = le.period_key::text),
      was_rows as (select n.le from now_rows n where (n.le).id <> all (array(select c.id from unnest(came) c)) union all select g from unnest(gone) g)
      select analytics.count_pay(
        array(select p from pay) || array(select m from was_rows w, analytics.ledger_money(w.le) m),
        array(select p from pay) || array(select m from now_rows n, analytics.ledger_money(n.le) m)) $$;`);
    this.addSql(`create function "analytics"."rebuild_pay"() returns void language sql as $$
      delete from analytics.pay_cohort;
      select analytics.count_pay('{}', array(select p from analytics.published_pay(null) p) || array(select m from ledger_entry l, analytics.ledger_money(l) m)) $$;`);

    // ---- triggers: statement level, transition tables, as the owner ----
    for (const { table, fn } of TRIGGERS) {
      const trigger = `${fn}_trigger`;
      this.addSql(`create function ${trigger}() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          perform pg_advisory_xact_lock_shared(${LOCK});
          if tg_op = 'INSERT' then perform ${fn}('{}', array(select c::${table} from came c));
          elsif tg_op = 'DELETE' then perform ${fn}(array(select g::${table} from gone g), '{}');
          else perform ${fn}(array(select g::${table} from gone g), array(select c::${table} from came c));
          end if;
          return null;
        end $$;`);
      this.addSql(`create trigger "analytics_counts_insert" after insert on "${table}" referencing new table as came for each statement execute function ${trigger}();`);
      this.addSql(`create trigger "analytics_counts_update" after update on "${table}" referencing old table as gone new table as came for each statement execute function ${trigger}();`);
      this.addSql(`create trigger "analytics_counts_delete" after delete on "${table}" referencing old table as gone for each statement execute function ${trigger}();`);
    }

    this.addSql(refreshFunction(true));
    this.addSql(`select analytics.rebuild_tasks();`);
    this.addSql(`select analytics.rebuild_pay();`);
  }

  override async down(): Promise<void> {
    this.addSql(refreshFunction(false));
    for (const { table } of TRIGGERS)
      for (const op of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists "analytics_counts_${op}" on "${table}";`);
    this.addSql(`drop schema if exists "analytics" cascade;`);
  }
}

/** `analytics_refresh()` of Migration20261129030000, with (counters) or without the counters' rebuilds. */
function refreshFunction(counters: boolean): string {
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
        refresh materialized view concurrently "analytics_rating_cohort";${
          counters
            ? `
        -- The counters' writers wait while they are rebuilt: published pay changed, and the tasks when the org moved.
        perform pg_advisory_xact_lock(${LOCK});
        perform analytics.rebuild_pay();
        if org_moved is not false then
          perform analytics.rebuild_tasks();
        end if;`
            : ''
        }
        refresh materialized view concurrently "analytics_org_state";
      end $$;`;
}
