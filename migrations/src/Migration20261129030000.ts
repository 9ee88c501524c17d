import { Migration } from '@mikro-orm/migrations';

/**
 * Pre-aggregated analytics (issue 12, aggregate speed): the published results and ratings of `analytics_appraisal` /
 * `analytics_rating` summed per cycle and *organisation cohort* — the people who share a department and a reporting
 * line (`employee.department_id`, `employee.supervisor_path`), which is all any filter or row scope of analytics looks
 * at. 100,000 appraisals become a few thousand rows, so each aggregate reads a small view instead of every result.
 *
 * Org facts stay live in meaning: the cohorts are those of the last refresh, and any change of a person's department
 * or line since then (trigger -> sequence `analytics_org_version`, lock-free) makes the API fall back to the live
 * queries until the next refresh. `analytics_refresh()` holds a SHARE lock on `employee` while it refreshes, so no
 * org change is in flight between the snapshot and the version it records (`analytics_org_state`).
 * - `analytics_grade_cohort`: count, count and sum of totals per cycle, cohort and grade (grade distribution, trend,
 *   published counts of the appeal rate).
 * - `analytics_score_cohort`: count per cycle, cohort and 5-point cell of the total (`cell` = floor(total / 5), `edge`
 *   = total is a multiple of 5): histograms whose ends and bucket width are multiples of 5 (the console's and the
 *   bench's), exactly; any other histogram uses the live query.
 * - `analytics_rating_cohort`: count and sum of rating percents per cycle, cohort of the person rated, and rater.
 */
export class Migration20261129030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "analytics_org_version";`);
    this.addSql(`create function "analytics_org_changed"() returns trigger language plpgsql as $$
      begin
        perform nextval('analytics_org_version');
        return null;
      end $$;`);
    this.addSql(`create trigger "analytics_org_changed" after update of "department_id", "supervisor_path" on "employee"
      for each row when (old.department_id is distinct from new.department_id or old.supervisor_path is distinct from new.supervisor_path)
      execute function "analytics_org_changed"();`);
    this.addSql(`create materialized view "analytics_org_state" as
      select 1 as id, (select case when is_called then last_value else 0 end from analytics_org_version) as org_version, now() as refreshed_at;`);
    this.addSql(`create unique index "analytics_org_state_pkey" on "analytics_org_state" ("id");`);
    this.addSql(`create materialized view "analytics_grade_cohort" as
      select x.cycle_id, x.scheme_id, x.period_end, e.department_id, e.supervisor_path, x.grade is not null as graded, coalesce(x.grade, '') as grade,
             count(*)::int as n, count(x.total)::int as n_total, sum(x.total) as sum_total
      from analytics_appraisal x join employee e on e.id = x.employee_id
      group by x.cycle_id, x.scheme_id, x.period_end, e.department_id, e.supervisor_path, x.grade;`);
    this.addSql(`create unique index "analytics_grade_cohort_key" on "analytics_grade_cohort" ("cycle_id", "department_id", "supervisor_path", "graded", "grade");`);
    this.addSql(`create materialized view "analytics_score_cohort" as
      select x.cycle_id, x.scheme_id, x.period_end, e.department_id, e.supervisor_path, x.total is not null as scored,
             coalesce(floor(x.total / 5), 0)::int as cell, coalesce(x.total = floor(x.total / 5) * 5, false) as edge, count(*)::int as n
      from analytics_appraisal x join employee e on e.id = x.employee_id
      group by x.cycle_id, x.scheme_id, x.period_end, e.department_id, e.supervisor_path, 6, 7, 8;`);
    this.addSql(`create unique index "analytics_score_cohort_key" on "analytics_score_cohort" ("cycle_id", "department_id", "supervisor_path", "scored", "cell", "edge");`);
    this.addSql(`create materialized view "analytics_rating_cohort" as
      select r.cycle_id, r.scheme_id, r.period_end, e.department_id, e.supervisor_path, r.rater_employee_id, count(*)::int as n, sum(r.pct) as s
      from analytics_rating r join employee e on e.id = r.employee_id
      group by r.cycle_id, r.scheme_id, r.period_end, e.department_id, e.supervisor_path, r.rater_employee_id;`);
    this.addSql(`create unique index "analytics_rating_cohort_key" on "analytics_rating_cohort" ("cycle_id", "department_id", "supervisor_path", "rater_employee_id");`);
    this.addSql(`create or replace function "analytics_refresh"() returns void language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        refresh materialized view concurrently "analytics_appraisal";
        refresh materialized view concurrently "analytics_rating";
        -- No org change in flight while the cohorts and the version they belong to are taken.
        lock table "employee" in share mode;
        refresh materialized view concurrently "analytics_grade_cohort";
        refresh materialized view concurrently "analytics_score_cohort";
        refresh materialized view concurrently "analytics_rating_cohort";
        refresh materialized view concurrently "analytics_org_state";
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "analytics_refresh"() returns void language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        refresh materialized view concurrently "analytics_appraisal";
        refresh materialized view concurrently "analytics_rating";
      end $$;`);
    this.addSql(`drop materialized view if exists "analytics_rating_cohort";`);
    this.addSql(`drop materialized view if exists "analytics_score_cohort";`);
    this.addSql(`drop materialized view if exists "analytics_grade_cohort";`);
    this.addSql(`drop materialized view if exists "analytics_org_state";`);
    this.addSql(`drop trigger if exists "analytics_org_changed" on "employee";`);
    this.addSql(`drop function if exists "analytics_org_changed"();`);
    this.addSql(`drop sequence if exists "analytics_org_version";`);
  }
}
