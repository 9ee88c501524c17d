import { Migration } from '@mikro-orm/migrations';

/**
 * The in-app inbox (issue 11): one row per item a person receives (a notice or a task), idempotent by its key,
 * and one row per delivery over a transport (in-app now, e-mail later), idempotent by the message's key.
 * Reminders, notices, policy acknowledgements and appeals all deliver here: it is the one notification mechanism.
 */
export class Migration20261127140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "inbox_item" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "key" varchar(200) not null, "recipient_employee_id" uuid not null, "kind" varchar(16) not null, "task_kind" varchar(32) null, "title" jsonb not null,
      "link_type" varchar(32) not null, "link_id" uuid not null, "due" date null, "read_at" timestamptz null, "done_at" timestamptz null,
      constraint "inbox_item_pkey" primary key ("id"),
      constraint "inbox_item_kind_check" check ("kind" in ('notice', 'task')),
      constraint "inbox_item_task_kind_check" check (("kind" = 'task') = ("task_kind" is not null)));`);
    this.addSql(`alter table "inbox_item" add constraint "inbox_item_key_unique" unique ("key");`);
    this.addSql(`create index "inbox_item_recipient_created_index" on "inbox_item" ("recipient_employee_id", "created_at" desc);`);
    this.addSql(`create index "inbox_item_unread_index" on "inbox_item" ("recipient_employee_id") where "read_at" is null;`);
    this.addSql(`create index "inbox_item_open_task_index" on "inbox_item" ("recipient_employee_id", "due") where "kind" = 'task' and "done_at" is null;`);
    this.addSql(`create index "inbox_item_link_index" on "inbox_item" ("link_type", "link_id");`);
    this.addSql(`alter table "inbox_item" add constraint "inbox_item_recipient_employee_id_foreign" foreign key ("recipient_employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "inbox_delivery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "inbox_item_id" uuid not null,
      "channel" varchar(16) not null, "idempotency_key" varchar(220) not null, "attempts" int not null default 0, "delivered_at" timestamptz null, "error" text null,
      constraint "inbox_delivery_pkey" primary key ("id"));`);
    this.addSql(`alter table "inbox_delivery" add constraint "inbox_delivery_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "inbox_delivery_pending_index" on "inbox_delivery" ("created_at") where "delivered_at" is null;`);
    this.addSql(`create index "inbox_delivery_item_index" on "inbox_delivery" ("inbox_item_id");`);
    this.addSql(`alter table "inbox_delivery" add constraint "inbox_delivery_inbox_item_id_foreign" foreign key ("inbox_item_id") references "inbox_item" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbox_delivery" cascade;`);
    this.addSql(`drop table if exists "inbox_item" cascade;`);
  }
}
