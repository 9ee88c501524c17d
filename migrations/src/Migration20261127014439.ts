import { Migration } from '@mikro-orm/migrations';

const APPEND_ONLY = ['appraisal_result', 'grade_change', 'published_result', 'pay_line', 'rollup_result', 'phase_reopening'];
const FROZEN_BY_CYCLE = ['appraisal', 'measured_input', 'cycle_phase', 'cycle_group_amount'];
const FROZEN_BY_APPRAISAL = ['rating', 'appraisal_adjustment'];

/**
 * Cycles end to end (docs/cycles-design.md §2): the work calendar, cycles with their phases, population changes,
 * group amounts and reopenings, appraisals with ratings, plus/minus entries and measured inputs, results, grade
 * changes, published results, pay lines and roll-ups, probation reviews and notifications.
 *
 * Reviewed additions at the end: immutability triggers. Results, grade changes, published results, pay lines,
 * roll-ups and reopenings are append-only; everything of a closed cycle is frozen; a published appraisal keeps its
 * result and grade unless an appeal reopens it; a submitted rating keeps its contents unless HR returns it.
 * The application's role owns no table, so it cannot disable them.
 */
export class Migration20261127014439 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "recipient_employee_id" uuid not null, "kind" varchar(64) not null, "payload" jsonb not null, "sent_at" timestamptz null, "attempts" int not null default 0, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification" add constraint "notification_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "notification_unsent_index" on "notification" ("sent_at") where "sent_at" is null;`);

    this.addSql(`create table "cycle" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "scheme_id" uuid not null, "scheme_version_id" uuid not null, "name" varchar(200) not null, "name_zh" varchar(200) null, "period_kind" text check ("period_kind" in ('DAY', 'MONTH', 'QUARTER', 'HALF', 'YEAR', 'PROBATION')) not null, "period_key" varchar(32) not null, "period_start" date not null, "period_end" date not null, "accounting_month_start" smallint not null default 1, "state" text check ("state" in ('draft', 'open', 'self_review', 'rating', 'calibration', 'hr_review', 'published', 'closed', 'cancelled')) not null default 'draft', "target_department_ids" uuid[] not null default '{}', "target_position_ids" uuid[] not null default '{}', "acknowledgement_working_days" smallint not null, "vis_supervisor_result" varchar(32) not null, "vis_supervisor_pay" boolean not null, "vis_subject_ratings" varchar(32) not null, "vis_subject_rater_names" boolean not null, "launch_status" text check ("launch_status" in ('NOT_STARTED', 'RUNNING', 'DONE', 'FAILED')) not null default 'NOT_STARTED', "launch_progress" jsonb null, "population_snapshot" jsonb null, "pay_group_by" text check ("pay_group_by" in ('CYCLE', 'CALIBRATION_GROUP')) not null default 'CYCLE', "quota_override_reason" text null, "published_at" timestamptz null, "closed_at" timestamptz null, "cancel_reason" text null, "created_by_user_id" uuid null, constraint "cycle_pkey" primary key ("id"));`);
    this.addSql(`create index "cycle_period_end_index" on "cycle" ("period_end");`);
    this.addSql(`create index "cycle_state_index" on "cycle" ("state");`);
    this.addSql(`create unique index "cycle_scheme_period_unique" on "cycle" ("scheme_id", "period_kind", "period_key") where "period_kind" <> 'PROBATION' and "state" <> 'cancelled';`);

    this.addSql(`create table "rollup_result" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "employee_id" uuid not null, "scheme_id" uuid not null, "rollup_id" varchar(64) not null, "period_key" varchar(32) not null, "number" int not null, "value" numeric(12,4) not null, "grade" varchar(64) null, "record" jsonb not null, "cycle_id" uuid null, constraint "rollup_result_pkey" primary key ("id"));`);
    this.addSql(`alter table "rollup_result" add constraint "rollup_result_employee_id_scheme_id_rollup_id_per_e3a7a_unique" unique ("employee_id", "scheme_id", "rollup_id", "period_key", "number");`);

    this.addSql(`create table "measured_input" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "cycle_id" uuid not null, "employee_id" uuid not null, "kind" text check ("kind" in ('ITEM_VALUES', 'OCCURRENCE', 'WORK_TICKET', 'PAY_FACT')) not null, "item" varchar(64) null, "payload" jsonb not null, "import_batch_id" uuid null, "entered_by_user_id" uuid null, constraint "measured_input_pkey" primary key ("id"));`);
    this.addSql(`create index "measured_input_cycle_id_employee_id_kind_index" on "measured_input" ("cycle_id", "employee_id", "kind");`);

    this.addSql(`create table "cycle_population_change" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "cycle_id" uuid not null, "employee_id" uuid not null, "action" text check ("action" in ('ADD', 'REMOVE')) not null, "reason" text not null, "created_by_user_id" uuid null, constraint "cycle_population_change_pkey" primary key ("id"));`);
    this.addSql(`alter table "cycle_population_change" add constraint "cycle_population_change_cycle_id_employee_id_unique" unique ("cycle_id", "employee_id");`);

    this.addSql(`create table "cycle_phase" ("cycle_id" uuid not null, "phase" varchar(32) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "opens" date not null, "closes" date not null, "nominal_closes" date not null, "postponed" boolean not null default false, "overridden" boolean not null default false, constraint "cycle_phase_pkey" primary key ("cycle_id", "phase"));`);

    this.addSql(`create table "cycle_group_amount" ("cycle_id" uuid not null, "group_key" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "pool" numeric(14,2) null, "output_value" numeric(14,2) null, "revenue" numeric(14,2) null, "finished_kg" numeric(14,3) null, constraint "cycle_group_amount_pkey" primary key ("cycle_id", "group_key"));`);

    this.addSql(`create table "appraisal" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "cycle_id" uuid not null, "employee_id" uuid not null, "state" text check ("state" in ('pending', 'self_review', 'rating', 'calibrated', 'published', 'acknowledged', 'refused', 'lapsed', 'appealed', 'excluded')) not null default 'pending', "group_key" varchar(64) null, "included_manually" boolean not null default false, "participated" boolean not null default true, "self_review" jsonb null, "self_review_state" text check ("self_review_state" in ('PENDING', 'DRAFT', 'SUBMITTED')) not null default 'PENDING', "self_review_submitted_at" timestamptz null, "result_id" uuid null, "final_grade" varchar(64) null, "published_at" timestamptz null, "acknowledgement_due" date null, "acknowledged_at" timestamptz null, "refused_at" timestamptz null, "refusal_reason" text null, "lapsed_at" timestamptz null, "excluded_reason" text null, constraint "appraisal_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_cycle_id_group_key_final_grade_index" on "appraisal" ("cycle_id", "group_key", "final_grade");`);
    this.addSql(`create index "appraisal_cycle_id_state_index" on "appraisal" ("cycle_id", "state");`);
    this.addSql(`create index "appraisal_employee_id_cycle_id_index" on "appraisal" ("employee_id", "cycle_id");`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_cycle_id_employee_id_unique" unique ("cycle_id", "employee_id");`);

    this.addSql(`create table "rating" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "appraisal_id" uuid not null, "slot_key" varchar(200) not null, "section" varchar(64) not null, "role" text check ("role" in ('SELF', 'DIRECT_SUPERVISOR', 'SECOND_LEVEL_SUPERVISOR', 'DEPARTMENT', 'HR', 'PEER', 'SURVEY', 'COMMITTEE')) not null, "rater_employee_id" uuid null, "source" text check ("source" in ('PERSON', 'DATA')) not null, "state" text check ("state" in ('pending', 'draft', 'submitted', 'returned', 'reassigned')) not null default 'pending', "items" jsonb not null, "comment" text null, "item_comments" jsonb null, "submitted_at" timestamptz null, "return_reason" text null, "reassign_reason" text null, "replaced_by_id" uuid null, constraint "rating_pkey" primary key ("id"));`);
    this.addSql(`create index "rating_appraisal_id_index" on "rating" ("appraisal_id");`);
    this.addSql(`create index "rating_rater_employee_id_state_index" on "rating" ("rater_employee_id", "state");`);
    this.addSql(`create unique index "rating_appraisal_slot_unique" on "rating" ("appraisal_id", "slot_key") where "state" <> 'reassigned';`);

    this.addSql(`create table "probation_review" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "employee_id" uuid not null, "probation_start" date not null, "probation_end_date" date not null, "state" text check ("state" in ('scheduled', 'rating', 'awaiting_decision', 'confirmed', 'extended', 'terminated', 'cancelled')) not null default 'scheduled', "cycle_id" uuid null, "appraisal_id" uuid null, "recommended_outcome" text check ("recommended_outcome" in ('confirm', 'extend', 'terminate')) null, "recommendation" text null, "outcome" text check ("outcome" in ('confirm', 'extend', 'terminate')) null, "new_end_date" date null, "last_working_day" date null, "effective_on" date null, "decision_reason" text null, "decided_by_user_id" uuid null, "decided_at" timestamptz null, "applied_at" timestamptz null, constraint "probation_review_pkey" primary key ("id"));`);
    this.addSql(`create index "probation_review_state_probation_end_date_index" on "probation_review" ("state", "probation_end_date");`);
    this.addSql(`create unique index "probation_review_employee_end_unique" on "probation_review" ("employee_id", "probation_end_date") where "state" <> 'cancelled';`);

    this.addSql(`create table "phase_reopening" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "cycle_id" uuid not null, "window" varchar(32) not null, "scope_kind" text check ("scope_kind" in ('CYCLE', 'APPRAISAL', 'RATING')) not null, "appraisal_id" uuid null, "rating_id" uuid null, "until" date not null, "reason" text not null, "created_by_user_id" uuid null, constraint "phase_reopening_pkey" primary key ("id"));`);
    this.addSql(`create index "phase_reopening_cycle_id_window_index" on "phase_reopening" ("cycle_id", "window");`);

    this.addSql(`create table "pay_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "appraisal_id" uuid not null, "cycle_id" uuid not null, "employee_id" uuid not null, "component" varchar(64) not null, "amount" numeric(14,2) not null, "detail" text null, constraint "pay_line_pkey" primary key ("id"));`);
    this.addSql(`create index "pay_line_cycle_id_component_index" on "pay_line" ("cycle_id", "component");`);

    this.addSql(`create table "grade_change" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "appraisal_id" uuid not null, "from_grade" varchar(64) null, "to_grade" varchar(64) not null, "reason" text not null, "source" text check ("source" in ('HR', 'PROPOSAL')) not null, "rank" int null, "group_size" int null, "created_by_user_id" uuid null, constraint "grade_change_pkey" primary key ("id"));`);
    this.addSql(`create index "grade_change_appraisal_id_index" on "grade_change" ("appraisal_id");`);

    this.addSql(`create table "appraisal_result" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "appraisal_id" uuid not null, "number" int not null, "scheme_version_id" uuid not null, "basis" text check ("basis" in ('COMPLETE', 'CLOSED_WITH_MISSING')) not null, "total" numeric(12,4) not null, "engine_grade" varchar(64) null, "record" jsonb not null, "computed_by" text check ("computed_by" in ('SUBMISSION', 'CLOSE_JOB', 'APPEAL')) not null, constraint "appraisal_result_pkey" primary key ("id"));`);
    this.addSql(`alter table "appraisal_result" add constraint "appraisal_result_appraisal_id_number_unique" unique ("appraisal_id", "number");`);

    this.addSql(`create table "published_result" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "appraisal_id" uuid not null, "cycle_id" uuid not null, "result_id" uuid not null, "total" numeric(12,4) not null, "grade" varchar(64) null, "pay_total" numeric(14,2) null, "record" jsonb not null, constraint "published_result_pkey" primary key ("id"));`);
    this.addSql(`alter table "published_result" add constraint "published_result_appraisal_id_result_id_unique" unique ("appraisal_id", "result_id");`);

    this.addSql(`create table "appraisal_adjustment" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "appraisal_id" uuid not null, "rule" varchar(64) not null, "count" int null, "amount" numeric(14,4) null, "note" text null, "entered_by_user_id" uuid null, "removed_at" timestamptz null, "removed_reason" text null, constraint "appraisal_adjustment_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_adjustment_appraisal_id_index" on "appraisal_adjustment" ("appraisal_id");`);

    this.addSql(`create table "work_calendar_year" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "year" int not null, "weekend_days" smallint[] not null, "holidays" jsonb not null, "make_up_workdays" jsonb not null, "accounting_months" jsonb not null, constraint "work_calendar_year_pkey" primary key ("id"));`);
    this.addSql(`alter table "work_calendar_year" add constraint "work_calendar_year_year_unique" unique ("year");`);

    this.addSql(`alter table "notification" add constraint "notification_recipient_employee_id_foreign" foreign key ("recipient_employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "cycle" add constraint "cycle_scheme_id_foreign" foreign key ("scheme_id") references "scheme" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "cycle" add constraint "cycle_scheme_version_id_foreign" foreign key ("scheme_version_id") references "scheme_version" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "rollup_result" add constraint "rollup_result_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "rollup_result" add constraint "rollup_result_scheme_id_foreign" foreign key ("scheme_id") references "scheme" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "rollup_result" add constraint "rollup_result_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "measured_input" add constraint "measured_input_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "measured_input" add constraint "measured_input_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "cycle_population_change" add constraint "cycle_population_change_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cycle_population_change" add constraint "cycle_population_change_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "cycle_phase" add constraint "cycle_phase_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "cycle_group_amount" add constraint "cycle_group_amount_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "appraisal" add constraint "appraisal_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_result_id_foreign" foreign key ("result_id") references "appraisal_result" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "rating" add constraint "rating_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "rating" add constraint "rating_rater_employee_id_foreign" foreign key ("rater_employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "rating" add constraint "rating_replaced_by_id_foreign" foreign key ("replaced_by_id") references "rating" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "probation_review" add constraint "probation_review_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "probation_review" add constraint "probation_review_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "probation_review" add constraint "probation_review_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "phase_reopening" add constraint "phase_reopening_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "phase_reopening" add constraint "phase_reopening_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "phase_reopening" add constraint "phase_reopening_rating_id_foreign" foreign key ("rating_id") references "rating" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "pay_line" add constraint "pay_line_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "pay_line" add constraint "pay_line_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "pay_line" add constraint "pay_line_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "grade_change" add constraint "grade_change_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "appraisal_result" add constraint "appraisal_result_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal_result" add constraint "appraisal_result_scheme_version_id_foreign" foreign key ("scheme_version_id") references "scheme_version" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "published_result" add constraint "published_result_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "published_result" add constraint "published_result_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "published_result" add constraint "published_result_result_id_foreign" foreign key ("result_id") references "appraisal_result" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "appraisal_adjustment" add constraint "appraisal_adjustment_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete restrict;`);

    // ---- Added by hand: what the database itself refuses ------------------------------------------------------
    this.addSql(`create function "cycle_record_is_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are append-only (%)', tg_table_name, tg_op using errcode = 'P0001';
      end $$;`);
    for (const table of APPEND_ONLY) {
      this.addSql(`create trigger "${table}_no_update_delete" before update or delete on "${table}" for each row execute function "cycle_record_is_append_only"();`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "cycle_record_is_append_only"();`);
    }

    // Rows that name their cycle: frozen once the cycle is closed.
    this.addSql(`create function "cycle_row_is_frozen_when_closed"() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from "cycle" c where c.id = old.cycle_id and c.state = 'closed') then
          raise exception '% rows of a closed cycle cannot change (%)', tg_table_name, tg_op using errcode = 'P0001';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$;`);
    for (const table of FROZEN_BY_CYCLE)
      this.addSql(`create trigger "${table}_frozen_when_cycle_closed" before update or delete on "${table}" for each row execute function "cycle_row_is_frozen_when_closed"();`);

    // Rows that name their appraisal: frozen once the appraisal's cycle is closed.
    this.addSql(`create function "appraisal_row_is_frozen_when_closed"() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from "appraisal" a join "cycle" c on c.id = a.cycle_id where a.id = old.appraisal_id and c.state = 'closed') then
          raise exception '% rows of a closed cycle cannot change (%)', tg_table_name, tg_op using errcode = 'P0001';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$;`);
    for (const table of FROZEN_BY_APPRAISAL)
      this.addSql(`create trigger "${table}_frozen_when_cycle_closed" before update or delete on "${table}" for each row execute function "appraisal_row_is_frozen_when_closed"();`);

    // The cycle itself: nothing changes after it is closed.
    this.addSql(`create function "cycle_is_frozen_when_closed"() returns trigger language plpgsql as $$
      begin
        if old.state = 'closed' then
          raise exception 'a closed cycle cannot change (%)', tg_op using errcode = 'P0001';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$;`);
    this.addSql(`create trigger "cycle_frozen_when_closed" before update or delete on "cycle" for each row execute function "cycle_is_frozen_when_closed"();`);

    // A published appraisal keeps its result and grade; corrections come through an appeal (a new result number).
    this.addSql(`create function "appraisal_published_result_is_fixed"() returns trigger language plpgsql as $$
      begin
        if old.published_at is not null and new.state <> 'appealed'
           and (new.result_id is distinct from old.result_id or new.final_grade is distinct from old.final_grade) then
          raise exception 'the result of a published appraisal changes only through an appeal' using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "appraisal_published_result_fixed" before update on "appraisal" for each row execute function "appraisal_published_result_is_fixed"();`);

    // A submitted rating keeps its contents unless HR returns it (state moves to returned in the same statement).
    this.addSql(`create function "rating_submitted_is_fixed"() returns trigger language plpgsql as $$
      begin
        if old.state = 'submitted' and new.state <> 'returned'
           and (new.items is distinct from old.items or new.comment is distinct from old.comment or new.item_comments is distinct from old.item_comments) then
          raise exception 'a submitted rating changes only after HR returns it' using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "rating_submitted_fixed" before update on "rating" for each row execute function "rating_submitted_is_fixed"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "rating_submitted_fixed" on "rating";`);
    this.addSql(`drop function if exists "rating_submitted_is_fixed"();`);
    this.addSql(`drop trigger if exists "appraisal_published_result_fixed" on "appraisal";`);
    this.addSql(`drop function if exists "appraisal_published_result_is_fixed"();`);
    this.addSql(`drop trigger if exists "cycle_frozen_when_closed" on "cycle";`);
    this.addSql(`drop function if exists "cycle_is_frozen_when_closed"();`);
    for (const table of FROZEN_BY_APPRAISAL) this.addSql(`drop trigger if exists "${table}_frozen_when_cycle_closed" on "${table}";`);
    this.addSql(`drop function if exists "appraisal_row_is_frozen_when_closed"();`);
    for (const table of FROZEN_BY_CYCLE) this.addSql(`drop trigger if exists "${table}_frozen_when_cycle_closed" on "${table}";`);
    this.addSql(`drop function if exists "cycle_row_is_frozen_when_closed"();`);
    for (const table of APPEND_ONLY) {
      this.addSql(`drop trigger if exists "${table}_no_update_delete" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_no_truncate" on "${table}";`);
    }
    this.addSql(`drop function if exists "cycle_record_is_append_only"();`);

    this.addSql(`alter table "rollup_result" drop constraint "rollup_result_cycle_id_foreign";`);

    this.addSql(`alter table "measured_input" drop constraint "measured_input_cycle_id_foreign";`);

    this.addSql(`alter table "cycle_population_change" drop constraint "cycle_population_change_cycle_id_foreign";`);

    this.addSql(`alter table "cycle_phase" drop constraint "cycle_phase_cycle_id_foreign";`);

    this.addSql(`alter table "cycle_group_amount" drop constraint "cycle_group_amount_cycle_id_foreign";`);

    this.addSql(`alter table "appraisal" drop constraint "appraisal_cycle_id_foreign";`);

    this.addSql(`alter table "probation_review" drop constraint "probation_review_cycle_id_foreign";`);

    this.addSql(`alter table "phase_reopening" drop constraint "phase_reopening_cycle_id_foreign";`);

    this.addSql(`alter table "pay_line" drop constraint "pay_line_cycle_id_foreign";`);

    this.addSql(`alter table "published_result" drop constraint "published_result_cycle_id_foreign";`);

    this.addSql(`alter table "rating" drop constraint "rating_appraisal_id_foreign";`);

    this.addSql(`alter table "probation_review" drop constraint "probation_review_appraisal_id_foreign";`);

    this.addSql(`alter table "phase_reopening" drop constraint "phase_reopening_appraisal_id_foreign";`);

    this.addSql(`alter table "pay_line" drop constraint "pay_line_appraisal_id_foreign";`);

    this.addSql(`alter table "grade_change" drop constraint "grade_change_appraisal_id_foreign";`);

    this.addSql(`alter table "appraisal_result" drop constraint "appraisal_result_appraisal_id_foreign";`);

    this.addSql(`alter table "published_result" drop constraint "published_result_appraisal_id_foreign";`);

    this.addSql(`alter table "appraisal_adjustment" drop constraint "appraisal_adjustment_appraisal_id_foreign";`);

    this.addSql(`alter table "rating" drop constraint "rating_replaced_by_id_foreign";`);

    this.addSql(`alter table "phase_reopening" drop constraint "phase_reopening_rating_id_foreign";`);

    this.addSql(`alter table "appraisal" drop constraint "appraisal_result_id_foreign";`);

    this.addSql(`alter table "published_result" drop constraint "published_result_result_id_foreign";`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "cycle" cascade;`);

    this.addSql(`drop table if exists "rollup_result" cascade;`);

    this.addSql(`drop table if exists "measured_input" cascade;`);

    this.addSql(`drop table if exists "cycle_population_change" cascade;`);

    this.addSql(`drop table if exists "cycle_phase" cascade;`);

    this.addSql(`drop table if exists "cycle_group_amount" cascade;`);

    this.addSql(`drop table if exists "appraisal" cascade;`);

    this.addSql(`drop table if exists "rating" cascade;`);

    this.addSql(`drop table if exists "probation_review" cascade;`);

    this.addSql(`drop table if exists "phase_reopening" cascade;`);

    this.addSql(`drop table if exists "pay_line" cascade;`);

    this.addSql(`drop table if exists "grade_change" cascade;`);

    this.addSql(`drop table if exists "appraisal_result" cascade;`);

    this.addSql(`drop table if exists "published_result" cascade;`);

    this.addSql(`drop table if exists "appraisal_adjustment" cascade;`);

    this.addSql(`drop table if exists "work_calendar_year" cascade;`);
  }

}
