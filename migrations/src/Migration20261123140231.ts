import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140231 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "indicator_category" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(32) not null, "name" varchar(100) not null, "name_zh" varchar(100) null, "active" boolean not null default true, constraint "indicator_category_pkey" primary key ("id"));`);
    this.addSql(`alter table "indicator_category" add constraint "indicator_category_code_unique" unique ("code");`);

    this.addSql(`create table "indicator" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(32) not null, "name" varchar(200) not null, "name_zh" varchar(200) null, "description" text null, "category_id" uuid not null, "scoring_method" text check ("scoring_method" in ('RANGE', 'RUBRIC', 'DEDUCTION', 'FORMULA', 'PASS_FAIL')) not null, "min_points" numeric(12,4) null, "max_points" numeric(12,4) not null, "measurement_source" text check ("measurement_source" in ('RATED', 'SURVEY', 'MEASURED')) not null, "applicable_department_ids" text[] not null, "applicable_position_ids" text[] not null, "tags" text[] not null, "active" boolean not null default true, constraint "indicator_pkey" primary key ("id"));`);
    this.addSql(`alter table "indicator" add constraint "indicator_code_unique" unique ("code");`);
    this.addSql(`create index "indicator_name_index" on "indicator" ("name");`);
    this.addSql(`create index "indicator_category_id_index" on "indicator" ("category_id");`);

    this.addSql(`create table "scheme" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(64) not null, "name" varchar(200) not null, "name_zh" varchar(200) null, "period_type" text check ("period_type" in ('DAY', 'MONTH', 'QUARTER', 'HALF', 'YEAR', 'PROBATION')) not null, "applicable_department_ids" text[] not null, "applicable_position_ids" text[] not null, "owner_user_id" uuid null, "owner" varchar(100) not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'DRAFT', "draft" jsonb null, "latest_version_number" int not null default 0, "template_key" varchar(32) null, constraint "scheme_pkey" primary key ("id"));`);
    this.addSql(`alter table "scheme" add constraint "scheme_code_unique" unique ("code");`);

    this.addSql(`create table "scheme_version" ("id" uuid not null, "scheme_id" uuid not null, "number" int not null, "document" jsonb not null, "indicator_codes" text[] not null, "published_at" timestamptz not null, "published_by_user_id" uuid null, "published_by" varchar(100) not null, constraint "scheme_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "scheme_version" add constraint "scheme_version_scheme_id_number_unique" unique ("scheme_id", "number");`);

    this.addSql(`alter table "indicator" add constraint "indicator_category_id_foreign" foreign key ("category_id") references "indicator_category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "scheme_version" add constraint "scheme_version_scheme_id_foreign" foreign key ("scheme_id") references "scheme" ("id") on update cascade on delete restrict;`);

    // Added by hand: a published version is pinned by whatever used it, so the database itself refuses to change or delete one.
    this.addSql(`create function "scheme_version_is_immutable"() returns trigger language plpgsql as $$
      begin
        raise exception 'scheme_version rows are immutable (%)', tg_op using errcode = 'P0001';
      end $$;`);
    this.addSql(`create trigger "scheme_version_no_update_delete" before update or delete on "scheme_version" for each row execute function "scheme_version_is_immutable"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "scheme_version_no_update_delete" on "scheme_version";`);
    this.addSql(`drop function if exists "scheme_version_is_immutable"();`);

    this.addSql(`alter table "indicator" drop constraint "indicator_category_id_foreign";`);

    this.addSql(`alter table "scheme_version" drop constraint "scheme_version_scheme_id_foreign";`);

    this.addSql(`drop table if exists "indicator_category" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "scheme" cascade;`);

    this.addSql(`drop table if exists "scheme_version" cascade;`);
  }

}
