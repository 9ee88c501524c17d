import { Migration } from '@mikro-orm/migrations';

/**
 * Policies with versions and acknowledgements (issue 11), and `department.lineage` (the department and its
 * ancestors, kept by a statement trigger like `employee.supervisor_path`): a policy's department scope, a notice's
 * audience and any "department subtree" condition is then one indexed condition (`d.lineage && :ids`).
 *
 * What the database itself refuses: a published version changes only to superseded (nothing else about it), a
 * superseded one never; only drafts are deleted; acknowledgements are append-only.
 */
export class Migration20261127141000 extends Migration {
  override async up(): Promise<void> {
    // ---- department lineage (idempotent: another module may have added it first)
    this.addSql(`alter table "department" add column if not exists "lineage" uuid[] not null default '{}';`);
    this.addSql(`create or replace function "department_repair_lineage"() returns trigger language plpgsql as $$
begin
  update department set lineage = array[id] where parent_id is null and lineage is distinct from array[id];
  loop
    update department c set lineage = p.lineage || c.id
      from department p
     where c.parent_id = p.id and c.lineage is distinct from p.lineage || c.id;
    exit when not found;
  end loop;
  return null;
end $$;`);
    this.addSql(`drop trigger if exists "department_lineage_after_insert" on "department";`);
    this.addSql(`drop trigger if exists "department_lineage_after_move" on "department";`);
    this.addSql(`create trigger "department_lineage_after_insert" after insert on "department" for each statement execute function "department_repair_lineage"();`);
    this.addSql(`create trigger "department_lineage_after_move" after update of "parent_id" on "department" for each statement execute function "department_repair_lineage"();`);
    this.addSql(`update "department" set "parent_id" = "parent_id" where false;`);
    this.addSql(`create index if not exists "department_lineage_index" on "department" using gin ("lineage");`);

    // ---- policies
    this.addSql(`create table "policy" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "code" varchar(64) not null, "owner_user_id" uuid null, "current_version_id" uuid null, constraint "policy_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy" add constraint "policy_code_unique" unique ("code");`);

    this.addSql(`create table "policy_version" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "policy_id" uuid not null, "number" int not null, "title" jsonb not null, "body" jsonb not null, "effective_from" date not null,
      "scope_kind" varchar(16) not null, "scope_ids" uuid[] not null default '{}', "requires_acknowledgement" boolean not null default false,
      "acknowledgement_working_days" smallint null, "state" varchar(16) not null default 'draft', "author_user_id" uuid not null, "reviewer_user_id" uuid null,
      "published_at" timestamptz null, "acknowledge_by" date null, "superseded_at" timestamptz null,
      constraint "policy_version_pkey" primary key ("id"),
      constraint "policy_version_state_check" check ("state" in ('draft', 'review', 'published', 'superseded')),
      constraint "policy_version_scope_kind_check" check ("scope_kind" in ('all', 'departments', 'positions')));`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_policy_id_number_unique" unique ("policy_id", "number");`);
    this.addSql(`create unique index "policy_version_one_published" on "policy_version" ("policy_id") where "state" = 'published';`);
    this.addSql(`create index "policy_version_state_effective_index" on "policy_version" ("state", "effective_from");`);
    this.addSql(`create index "policy_version_scope_ids_index" on "policy_version" using gin ("scope_ids");`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_author_user_id_foreign" foreign key ("author_user_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_reviewer_user_id_foreign" foreign key ("reviewer_user_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "policy" add constraint "policy_current_version_id_foreign" foreign key ("current_version_id") references "policy_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "policy" add constraint "policy_owner_user_id_foreign" foreign key ("owner_user_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "policy_acknowledgement" ("policy_version_id" uuid not null, "employee_id" uuid not null, "acknowledged_at" timestamptz not null,
      constraint "policy_acknowledgement_pkey" primary key ("policy_version_id", "employee_id"));`);
    this.addSql(`create index "policy_acknowledgement_employee_index" on "policy_acknowledgement" ("employee_id");`);
    this.addSql(`alter table "policy_acknowledgement" add constraint "policy_acknowledgement_policy_version_id_foreign" foreign key ("policy_version_id") references "policy_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "policy_acknowledgement" add constraint "policy_acknowledgement_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    // ---- what the database refuses
    this.addSql(`create function "policy_version_is_fixed"() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.state <> 'draft' then raise exception 'policy version % is % and cannot be deleted', old.id, old.state using errcode = 'P0001'; end if;
    return old;
  end if;
  if old.state = 'superseded' then raise exception 'policy version % is superseded and cannot change', old.id using errcode = 'P0001'; end if;
  if old.state = 'published' then
    if new.state = 'superseded' and new.superseded_at is not null
       and (new.policy_id, new.number, new.title, new.body, new.effective_from, new.scope_kind, new.scope_ids, new.requires_acknowledgement,
            new.acknowledgement_working_days, new.author_user_id, new.reviewer_user_id, new.published_at, new.acknowledge_by)
           is not distinct from
           (old.policy_id, old.number, old.title, old.body, old.effective_from, old.scope_kind, old.scope_ids, old.requires_acknowledgement,
            old.acknowledgement_working_days, old.author_user_id, old.reviewer_user_id, old.published_at, old.acknowledge_by) then
      return new;
    end if;
    raise exception 'policy version % is published: only superseding it is allowed', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "policy_version_fixed" before update or delete on "policy_version" for each row execute function "policy_version_is_fixed"();`);
    this.addSql(`create trigger "policy_acknowledgement_no_update_delete" before update or delete on "policy_acknowledgement" for each row execute function "cycle_record_is_append_only"();`);
    this.addSql(`create trigger "policy_acknowledgement_no_truncate" before truncate on "policy_acknowledgement" for each statement execute function "cycle_record_is_append_only"();`);
    this.addSql(`create trigger "policy_version_no_truncate" before truncate on "policy_version" for each statement execute function "cycle_record_is_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "policy_acknowledgement" cascade;`);
    this.addSql(`alter table "policy" drop constraint if exists "policy_current_version_id_foreign";`);
    this.addSql(`drop table if exists "policy_version" cascade;`);
    this.addSql(`drop table if exists "policy" cascade;`);
    this.addSql(`drop function if exists "policy_version_is_fixed"();`);
  }
}
