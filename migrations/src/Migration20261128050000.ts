import { Migration } from '@mikro-orm/migrations';

/**
 * Honors (issue 10, docs/ledger-honors-design.md §2): programs per year and kind, nominations with HR's eligibility
 * check and the chair's decision, committee votes (append-only: a vote is final) and awards (append-only). A program
 * is frozen once announced or cancelled, and so are its nominations.
 */
export class Migration20261128050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "honor_program" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(64) not null, "year" smallint not null, "kind" text check ("kind" in ('employee', 'team')) not null, "document" jsonb not null, "state" text check ("state" in ('draft', 'nominating', 'reviewing', 'voting', 'decided', 'announced', 'cancelled')) not null default 'draft', "minutes" text null, "decided_by_user_id" uuid null, "decided_at" timestamptz null, "announced_at" timestamptz null, "notice_id" uuid null, "cancel_reason" text null, "created_by_user_id" uuid null, constraint "honor_program_pkey" primary key ("id"));`);
    this.addSql(`alter table "honor_program" add constraint "honor_program_code_unique" unique ("code");`);
    this.addSql(`create index "honor_program_year_kind_index" on "honor_program" ("year", "kind");`);
    this.addSql(`create table "nomination" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "program_id" uuid not null, "candidate_employee_id" uuid null, "team_department_id" uuid null, "department_id" uuid not null, "nominated_by_user_id" uuid not null, "reason" text not null, "state" text check ("state" in ('nominated', 'shortlisted', 'ineligible', 'approved', 'rejected', 'awarded', 'withdrawn')) not null default 'nominated', "eligibility" jsonb null, "reviewed_by_user_id" uuid null, "tally" jsonb null, "decision_note" text null, "decided_at" timestamptz null, "award_id" uuid null, constraint "nomination_pkey" primary key ("id"));`);
    this.addSql(`create index "nomination_program_id_state_index" on "nomination" ("program_id", "state");`);
    this.addSql(`create unique index "nomination_program_team_unique" on "nomination" ("program_id", "team_department_id") where "state" <> 'withdrawn';`);
    this.addSql(`create unique index "nomination_program_candidate_unique" on "nomination" ("program_id", "candidate_employee_id") where "state" <> 'withdrawn';`);
    this.addSql(`create table "award" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "program_id" uuid not null, "nomination_id" uuid not null, "recipient_employee_id" uuid null, "team_department_id" uuid null, "title" jsonb not null, "citation" text not null, "announced_at" timestamptz not null, constraint "award_pkey" primary key ("id"));`);
    this.addSql(`alter table "award" add constraint "award_nomination_id_unique" unique ("nomination_id");`);
    this.addSql(`create table "vote" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "nomination_id" uuid not null, "member_employee_id" uuid not null, "choice" text check ("choice" in ('approve', 'reject', 'abstain')) not null, "cast_at" timestamptz not null, constraint "vote_pkey" primary key ("id"));`);
    this.addSql(`alter table "vote" add constraint "vote_nomination_id_member_employee_id_unique" unique ("nomination_id", "member_employee_id");`);
    this.addSql(`alter table "nomination" add constraint "nomination_program_id_foreign" foreign key ("program_id") references "honor_program" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "nomination" add constraint "nomination_candidate_employee_id_foreign" foreign key ("candidate_employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "nomination" add constraint "nomination_team_department_id_foreign" foreign key ("team_department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "nomination" add constraint "nomination_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "award" add constraint "award_program_id_foreign" foreign key ("program_id") references "honor_program" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "award" add constraint "award_nomination_id_foreign" foreign key ("nomination_id") references "nomination" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "award" add constraint "award_recipient_employee_id_foreign" foreign key ("recipient_employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "award" add constraint "award_team_department_id_foreign" foreign key ("team_department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "vote" add constraint "vote_nomination_id_foreign" foreign key ("nomination_id") references "nomination" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "vote" add constraint "vote_member_employee_id_foreign" foreign key ("member_employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`create function "honor_program_is_frozen"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'honor_program rows are never deleted (cancel instead)' using errcode = 'P0001'; end if;
        if OLD.state in ('announced', 'cancelled') then raise exception 'honor_program % is %', OLD.code, OLD.state using errcode = 'P0001'; end if;
        return NEW;
      end $$;`);
    this.addSql(`create trigger "honor_program_frozen" before update or delete on "honor_program" for each row execute function "honor_program_is_frozen"();`);
    this.addSql(`create function "nomination_is_frozen"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'nomination rows are never deleted (withdraw instead)' using errcode = 'P0001'; end if;
        if exists (select 1 from honor_program p where p.id = OLD.program_id and p.state in ('announced', 'cancelled')) then
          raise exception 'the nominations of an announced or cancelled program are final' using errcode = 'P0001';
        end if;
        return NEW;
      end $$;`);
    this.addSql(`create trigger "nomination_frozen" before update or delete on "nomination" for each row execute function "nomination_is_frozen"();`);
    this.addSql(`create function "honor_record_is_append_only"() returns trigger language plpgsql as $$
      begin raise exception '% rows are append-only (%)', tg_table_name, tg_op using errcode = 'P0001'; end $$;`);
    for (const table of ['vote', 'award']) {
      this.addSql(`create trigger "${table}_no_update_delete" before update or delete on "${table}" for each row execute function "honor_record_is_append_only"();`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "honor_record_is_append_only"();`);
    }
    for (const table of ['honor_program', 'nomination'])
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "honor_record_is_append_only"();`);
  }

  override async down(): Promise<void> {
    for (const table of ['award', 'vote', 'nomination', 'honor_program']) this.addSql(`drop table if exists "${table}" cascade;`);
    for (const fn of ['honor_program_is_frozen', 'nomination_is_frozen', 'honor_record_is_append_only']) this.addSql(`drop function if exists "${fn}"();`);
  }
}
