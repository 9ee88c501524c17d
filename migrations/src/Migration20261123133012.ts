import { Migration } from '@mikro-orm/migrations';

/** Organization, accounts and the append-only audit trail. */
export class Migration20261123133012 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null, "actor_user_id" uuid null, "operation" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" varchar(64) not null, "before" jsonb null, "after" jsonb null, "request_id" varchar(64) null);`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id");`);

    this.addSql(`create table "department" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(32) not null, "name" varchar(100) not null, "name_zh" varchar(100) null, "parent_id" uuid null, "active" boolean not null default true, constraint "department_pkey" primary key ("id"));`);
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);

    this.addSql(`create table "position" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(32) not null, "name" varchar(100) not null, "name_zh" varchar(100) null, "department_id" uuid not null, "level" text check ("level" in ('EMPLOYEE', 'TEAM_LEADER', 'MIDDLE_CADRE', 'SENIOR')) not null, "active" boolean not null default true, constraint "position_pkey" primary key ("id"));`);
    this.addSql(`alter table "position" add constraint "position_code_unique" unique ("code");`);

    this.addSql(`create table "employee" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "employee_number" varchar(32) not null, "name" varchar(100) not null, "email" varchar(200) null, "department_id" uuid not null, "position_id" uuid not null, "supervisor_id" uuid null, "hire_date" date not null, "probation_end_date" date null, "employment_status" text check ("employment_status" in ('PROBATION', 'REGULAR', 'INTERN', 'LEFT')) not null, "category" varchar(64) null, "performance_pay_base" numeric(12,2) null, "floating_pay_base" numeric(12,2) null, "disciplinary_flag" boolean not null default false, "disciplinary_reference" varchar(100) null, "active" boolean not null default true, constraint "employee_pkey" primary key ("id"));`);
    this.addSql(`alter table "employee" add constraint "employee_employee_number_unique" unique ("employee_number");`);
    this.addSql(`create index "employee_name_index" on "employee" ("name");`);
    this.addSql(`create index "employee_department_id_index" on "employee" ("department_id");`);
    this.addSql(`create index "employee_supervisor_id_index" on "employee" ("supervisor_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(200) not null, "password_hash" varchar(200) not null, "display_name" varchar(100) not null, "roles" text[] not null, "employee_id" uuid null, "locale" varchar(8) not null default 'en', "active" boolean not null default true, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`alter table "department" add constraint "department_parent_id_foreign" foreign key ("parent_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "position" add constraint "position_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "employee" add constraint "employee_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "employee" add constraint "employee_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "employee" add constraint "employee_supervisor_id_foreign" foreign key ("supervisor_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete set null;`);

    // Reviewed addition: the audit trail is append-only; the database itself refuses to change history.
    this.addSql(`create function "audit_entry_is_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger "audit_entry_no_update_delete" before update or delete on "audit_entry" for each row execute function "audit_entry_is_append_only"();`);
    this.addSql(`create trigger "audit_entry_no_truncate" before truncate on "audit_entry" for each statement execute function "audit_entry_is_append_only"();`);
  }

}
