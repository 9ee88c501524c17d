import { Migration } from '@mikro-orm/migrations';

/**
 * Notices (issue 11): an announcement to an audience with per-person receipts, published at once or at a scheduled
 * time by the `notices.publishDue` job; generated notices carry an idempotency key (a cycle phase opening, results
 * published, honours announced), so generating one twice is a no-op. Schemes and ledger rules name the policy that
 * governs them. The older `notification` table goes: reminders deliver through the inbox, the one mechanism.
 *
 * What the database refuses: a published notice changes only its withdrawal, expiry and delivery marks (what people
 * received is never edited) and is never deleted; a receipt's read and acknowledgement times are set once.
 */
const QUEUES: ReadonlyArray<{ name: string; options: Record<string, unknown> }> = [
  { name: 'notices.publishDue', options: { policy: 'stately', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 } },
];

export class Migration20261128060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notice" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "title" jsonb not null, "body" jsonb not null, "audience" jsonb not null, "publish_at" timestamptz null, "expires_at" timestamptz null,
      "pinned" boolean not null default false, "requires_acknowledgement" boolean not null default false, "template" varchar(32) null,
      "idempotency_key" varchar(200) null, "published_at" timestamptz null, "delivered_at" timestamptz null, "withdrawn_at" timestamptz null,
      "created_by_user_id" uuid null, constraint "notice_pkey" primary key ("id"));`);
    this.addSql(`alter table "notice" add constraint "notice_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "notice_undelivered_index" on "notice" ("publish_at") where "published_at" is not null and "delivered_at" is null and "withdrawn_at" is null;`);
    this.addSql(`create index "notice_published_index" on "notice" ("pinned", "published_at");`);
    this.addSql(`alter table "notice" add constraint "notice_created_by_user_id_foreign" foreign key ("created_by_user_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "notice_recipient" ("notice_id" uuid not null, "employee_id" uuid not null, "department_id" uuid not null,
      "delivered_at" timestamptz not null, "read_at" timestamptz null, "acknowledged_at" timestamptz null,
      constraint "notice_recipient_pkey" primary key ("notice_id", "employee_id"));`);
    this.addSql(`create index "notice_recipient_employee_index" on "notice_recipient" ("employee_id", "notice_id");`);
    this.addSql(`create index "notice_recipient_department_index" on "notice_recipient" ("notice_id", "department_id");`);
    this.addSql(`alter table "notice_recipient" add constraint "notice_recipient_notice_id_foreign" foreign key ("notice_id") references "notice" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "notice_recipient" add constraint "notice_recipient_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "notice_recipient" add constraint "notice_recipient_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`create function "notice_is_fixed"() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.published_at is not null then raise exception 'notice % is published and cannot be deleted', old.id using errcode = 'P0001'; end if;
    return old;
  end if;
  if old.published_at is not null
     and (new.title, new.body, new.audience, new.publish_at, new.pinned, new.requires_acknowledgement, new.template, new.idempotency_key, new.published_at, new.created_by_user_id)
         is distinct from
         (old.title, old.body, old.audience, old.publish_at, old.pinned, old.requires_acknowledgement, old.template, old.idempotency_key, old.published_at, old.created_by_user_id) then
    raise exception 'notice % is published: only its withdrawal and expiry change', old.id using errcode = 'P0001';
  end if;
  if old.withdrawn_at is not null and new.withdrawn_at is distinct from old.withdrawn_at then
    raise exception 'notice % is withdrawn', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "notice_fixed" before update or delete on "notice" for each row execute function "notice_is_fixed"();`);
    this.addSql(`create function "notice_receipt_is_fixed"() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then raise exception 'notice receipts are kept' using errcode = 'P0001'; end if;
  if (new.notice_id, new.employee_id, new.department_id, new.delivered_at) is distinct from (old.notice_id, old.employee_id, old.department_id, old.delivered_at)
     or (old.read_at is not null and new.read_at is distinct from old.read_at)
     or (old.acknowledged_at is not null and new.acknowledged_at is distinct from old.acknowledged_at) then
    raise exception 'a notice receipt records reading and acknowledging once' using errcode = 'P0001';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "notice_recipient_fixed" before update or delete on "notice_recipient" for each row execute function "notice_receipt_is_fixed"();`);
    this.addSql(`create trigger "notice_recipient_no_truncate" before truncate on "notice_recipient" for each statement execute function "cycle_record_is_append_only"();`);

    // ---- the policy that governs a scheme or a ledger rule
    this.addSql(`alter table "scheme" add column "policy_id" uuid null;`);
    this.addSql(`create index "scheme_policy_id_index" on "scheme" ("policy_id");`);
    this.addSql(`alter table "scheme" add constraint "scheme_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete set null;`);
    this.addSql(`create index if not exists "ledger_rule_policy_id_index" on "ledger_rule" ("policy_id");`);
    this.addSql(`alter table "ledger_rule" add constraint "ledger_rule_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete set null;`);

    // ---- one notification mechanism: the inbox
    this.addSql(`drop table if exists "notification" cascade;`);
    for (const q of QUEUES) this.addSql(`select pgboss.create_queue('${q.name}', '${JSON.stringify(q.options)}'::json);`);
  }

  override async down(): Promise<void> {
    for (const q of QUEUES) this.addSql(`select pgboss.delete_queue('${q.name}');`);
    this.addSql(`alter table "ledger_rule" drop constraint if exists "ledger_rule_policy_id_foreign";`);
    this.addSql(`drop index if exists "ledger_rule_policy_id_index";`);
    this.addSql(`alter table "scheme" drop column if exists "policy_id";`);
    this.addSql(`drop table if exists "notice_recipient" cascade;`);
    this.addSql(`drop table if exists "notice" cascade;`);
    this.addSql(`drop function if exists "notice_receipt_is_fixed"();`);
    this.addSql(`drop function if exists "notice_is_fixed"();`);
  }
}
