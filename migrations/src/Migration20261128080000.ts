import { Migration } from '@mikro-orm/migrations';

/**
 * Rater leniency (issue 12): a submitted rating keeps its section score and the section's full marks, written once at
 * submission by the engine's preview, so analytics average `score * 100 / max` per rater in SQL without re-scoring
 * item JSON. Ratings submitted before this migration have none (they are left out of leniency). The index serves the
 * leniency aggregate's scan of submitted, scored ratings by appraisal.
 */
export class Migration20261128080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "rating" add column "section_score" numeric(12,4) null, add column "section_max" numeric(12,4) null;`);
    this.addSql(`create index "rating_scored_index" on "rating" ("appraisal_id", "rater_employee_id") where "state" = 'submitted' and "section_max" > 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "rating_scored_index";`);
    this.addSql(`alter table "rating" drop column if exists "section_score", drop column if exists "section_max";`);
  }
}
