import { Migration } from '@mikro-orm/migrations';

/**
 * Task counters stay exact when a rating changes while its appraisal is excluded (or moved) at the same moment.
 *
 * `analytics.ratings_changed` (Migration20261201000000) counts a rating's task by reading its appraisal, and
 * `analytics.appraisals_changed` counts an excluded appraisal's rating tasks by reading its ratings. A rating
 * submitted while another transaction excluded its appraisal saw the appraisal not excluded (uncommitted), and the
 * exclusion saw the rating still pending (uncommitted): the counters kept one task done and one pending too few
 * until the next rebuild.
 *
 * Now the rating trigger first takes the appraisal rows FOR SHARE (in id order), which waits for an uncommitted
 * update of the appraisal (an exclusion holds its row), and makes a later update of the appraisal wait for the rating's
 * commit; the counting statement, run after that with a fresh snapshot (a volatile SQL function), reads the
 * committed state either way. Services that change a rating and then its appraisal lock the appraisal FOR UPDATE
 * first (rating.service.ts, self-review.service.ts), so two such writers queue on the row instead of deadlocking on
 * an upgrade from SHARE.
 */
export class Migration20261202000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "analytics"."ratings_changed"(gone rating[], came rating[]) returns void language sql as $$
      select 1 from appraisal a where a.id in (select distinct x.appraisal_id from unnest(gone || came) x) order by a.id for share of a;
      ${RATINGS_CHANGED_BODY} $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "analytics"."ratings_changed"(gone rating[], came rating[]) returns void language sql as $$
      ${RATINGS_CHANGED_BODY} $$;`);
  }
}

/** The counting statement of Migration20261201000000, unchanged. */
const RATINGS_CHANGED_BODY = `select analytics.count_tasks(
        array(select t from unnest(gone) g join appraisal a on a.id = g.appraisal_id, analytics.rating_tasks(g, a) t),
        array(select t from unnest(came) c join appraisal a on a.id = c.appraisal_id, analytics.rating_tasks(c, a) t))`;
