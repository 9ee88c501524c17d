import { Migration } from '@mikro-orm/migrations';

/**
 * Service accounts of reporting tools (issue 12): a name, an owner, scopes (types and fields, read-only), limits, an
 * expiry and the SHA-256 of the token's secret (the token itself is shown once and never stored).
 */
export class Migration20261127150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "service_account" (
      "id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "name" varchar(100) not null, "owner_employee_id" uuid not null, "scopes" jsonb not null, "limits" jsonb not null,
      "token_hash" char(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by_user_id" uuid null,
      "revoked_reason" varchar(500) null, "last_used_at" timestamptz null, "created_by_user_id" uuid null,
      constraint "service_account_pkey" primary key ("id"));`);
    this.addSql(`create index "service_account_owner_employee_id_index" on "service_account" ("owner_employee_id");`);
    this.addSql(`alter table "service_account" add constraint "service_account_owner_employee_id_foreign" foreign key ("owner_employee_id") references "employee" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_account" cascade;`);
  }
}
