import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics read models (issue 12): published results are immutable, so their projections are materialized views,
 * refreshed CONCURRENTLY after a publication by the job `analytics.refresh` (queue below). Organisation facts
 * (department, reporting line) are joined live from `employee`, never copied here.
 * - `analytics_appraisal`: one row per published appraisal with its current published result and its pay lines' sum.
 * - `analytics_rating`: one row per submitted, scored rating of a published appraisal (percent of full marks).
 * `analytics_refresh()` runs as the owner (SECURITY DEFINER): the application role may not own or refresh views.
 */
const QUEUE = { policy: 'stately', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 };

export class Migration20261128081000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create materialized view "analytics_appraisal" as
      select a.id as appraisal_id, a.cycle_id, c.scheme_id, c.period_end, c.period_key::text as period_key, a.employee_id, pr.total, pr.grade, pl.pay
      from appraisal a join published_result pr on pr.appraisal_id = a.id and pr.result_id = a.result_id join cycle c on c.id = a.cycle_id
        left join (select appraisal_id, sum(amount) as pay from pay_line group by appraisal_id) pl on pl.appraisal_id = a.id
      where a.published_at is not null;`);
    this.addSql(`create unique index "analytics_appraisal_pkey" on "analytics_appraisal" ("appraisal_id");`);
    this.addSql(`create index "analytics_appraisal_cycle_index" on "analytics_appraisal" ("cycle_id");`);
    this.addSql(`create index "analytics_appraisal_employee_index" on "analytics_appraisal" ("employee_id");`);
    this.addSql(`create materialized view "analytics_rating" as
      select r.id as rating_id, a.cycle_id, c.scheme_id, c.period_end, a.employee_id, r.rater_employee_id, round(r.section_score * 100 / r.section_max, 4) as pct
      from rating r join appraisal a on a.id = r.appraisal_id join cycle c on c.id = a.cycle_id
      where r.state = 'submitted' and r.section_max > 0 and r.section_score is not null and r.rater_employee_id is not null and a.published_at is not null;`);
    this.addSql(`create unique index "analytics_rating_pkey" on "analytics_rating" ("rating_id");`);
    this.addSql(`create index "analytics_rating_cycle_index" on "analytics_rating" ("cycle_id");`);
    this.addSql(`create function "analytics_refresh"() returns void language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        refresh materialized view concurrently "analytics_appraisal";
        refresh materialized view concurrently "analytics_rating";
      end $$;`);
    this.addSql(`select pgboss.create_queue('analytics.refresh', '${JSON.stringify(QUEUE)}'::json);`);
  }

  override async down(): Promise<void> {
    this.addSql(`select pgboss.delete_queue('analytics.refresh');`);
    this.addSql(`drop function if exists "analytics_refresh"();`);
    this.addSql(`drop materialized view if exists "analytics_rating";`);
    this.addSql(`drop materialized view if exists "analytics_appraisal";`);
  }
}
