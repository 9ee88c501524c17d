import { Migration } from '@mikro-orm/migrations';

/** Sign-in sessions (revocable tokens) and sign-in throttling counters shared by every API replica. */
export class Migration20261127020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sign_in_throttle" ("key" varchar(300) not null, "attempts" int not null default 0, "last_attempt_at" timestamptz not null, "locked_until" timestamptz null, constraint "sign_in_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "auth_session" ("id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" varchar(32) null, constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_session_user_id_index" on "auth_session" ("user_id");`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sign_in_throttle" cascade;`);

    this.addSql(`drop table if exists "auth_session" cascade;`);
  }

}
