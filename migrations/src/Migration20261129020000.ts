import { Migration } from '@mikro-orm/migrations';

const PURGE_GATE = `if "archive_purging"() then return case when tg_op = 'DELETE' then old else new end; end if;`;

/**
 * Pool re-split after an upheld appeal (docs/appeals-archives.md, "Pay after an upheld appeal"). A pool is split over
 * the whole pay group, so re-scoring one member moves the colleagues' shares: each of them gets a new result version
 * computed by REPRICE — the same input, output, score and grade, priced again — with its published result, while the
 * appellant's result version is computed by APPEAL. The trigger that fixes a published appraisal's result lets the
 * appraisal point at such a version outside `appealed`, and only when its score, grade and output are unchanged: a
 * re-price can move pay, never a result.
 */
export class Migration20261129020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "appraisal_result" drop constraint if exists "appraisal_result_computed_by_check";`);
    this.addSql(`alter table "appraisal_result" add constraint "appraisal_result_computed_by_check" check ("computed_by" in ('SUBMISSION', 'CLOSE_JOB', 'APPEAL', 'REPRICE'));`);
    this.addSql(`create or replace function "appraisal_published_result_is_fixed"() returns trigger language plpgsql as $$
      begin
        ${PURGE_GATE}
        if old.published_at is not null and new.state <> 'appealed'
           and (new.result_id is distinct from old.result_id or new.final_grade is distinct from old.final_grade) then
          if new.final_grade is not distinct from old.final_grade and exists (
               select 1 from "appraisal_result" n join "appraisal_result" o on o.id = old.result_id
                where n.id = new.result_id and n.appraisal_id = new.id and n.computed_by = 'REPRICE'
                  and n.total = o.total and n.engine_grade is not distinct from o.engine_grade and n.record->'output' = o.record->'output') then
            return new;
          end if;
          raise exception 'the result of a published appraisal changes only through an appeal' using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "appraisal_published_result_is_fixed"() returns trigger language plpgsql as $$
      begin
        ${PURGE_GATE}
        if old.published_at is not null and new.state <> 'appealed'
           and (new.result_id is distinct from old.result_id or new.final_grade is distinct from old.final_grade) then
          raise exception 'the result of a published appraisal changes only through an appeal' using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(`alter table "appraisal_result" drop constraint if exists "appraisal_result_computed_by_check";`);
    this.addSql(`alter table "appraisal_result" add constraint "appraisal_result_computed_by_check" check ("computed_by" in ('SUBMISSION', 'CLOSE_JOB', 'APPEAL'));`);
  }
}
