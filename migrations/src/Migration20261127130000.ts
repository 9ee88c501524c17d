import { Migration } from '@mikro-orm/migrations';

/**
 * The reward-and-punishment ledger and payout batches (docs/ledger-honors-design.md §2): the rule catalog and its
 * revisions, team incidents, entries, batches with their entries and frozen lines. The database refuses what the
 * ledger never allows: UPDATE/DELETE of approved or paid entries (except approved -> paid by a batch), any DELETE
 * of an entry, changes to an approved batch, and changes to revisions and batch lines (append-only). The triggers
 * belong to the owner role that runs migrations; the application role only reads and writes rows.
 */
export class Migration20261127130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ledger_rule" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(64) not null, "document" jsonb not null, "policy_id" uuid null, "program" varchar(64) null, "active" boolean not null default true, "revision" int not null default 1, constraint "ledger_rule_pkey" primary key ("id"));`);
    this.addSql(`alter table "ledger_rule" add constraint "ledger_rule_code_unique" unique ("code");`);
    this.addSql(`create index "ledger_rule_program_index" on "ledger_rule" ("program");`);

    this.addSql(`create table "ledger_rule_revision" ("rule_id" uuid not null references "ledger_rule" ("id"), "revision" int not null, "document" jsonb not null, "created_by_user_id" uuid null, "created_at" timestamptz not null default now(), constraint "ledger_rule_revision_pkey" primary key ("rule_id", "revision"));`);

    this.addSql(`create table "ledger_incident" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "rule_code" varchar(64) not null, "rule_revision" int not null, "occurred_on" date not null, "quantity" numeric(14,2) not null, "count" int not null, "amount" numeric(14,2) not null, "money" numeric(14,2) null, "members" jsonb not null, "evidence" text not null, "attachments" jsonb not null default '[]', "proposed_by_user_id" uuid not null, constraint "ledger_incident_pkey" primary key ("id"));`);
    this.addSql(`create index "ledger_incident_rule_code_occurred_on_index" on "ledger_incident" ("rule_code", "occurred_on");`);

    this.addSql(`create table "payout_batch" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(32) not null, "period_key" char(7) not null, "accounting_month" varchar(32) not null, "period_start" date not null, "period_end" date not null, "scope" jsonb not null, "status" text check ("status" in ('draft', 'submitted', 'approved', 'cancelled')) not null default 'draft', "total" numeric(16,2) not null default 0, "entry_count" int not null default 0, "people_count" int not null default 0, "totals" jsonb null, "checksum" char(64) null, "prepared_by_user_id" uuid not null, "submitted_at" timestamptz null, "approved_by_user_id" uuid null, "approved_at" timestamptz null, "return_reason" text null, "cancel_reason" text null, constraint "payout_batch_pkey" primary key ("id"));`);
    this.addSql(`alter table "payout_batch" add constraint "payout_batch_number_unique" unique ("number");`);
    this.addSql(`create index "payout_batch_status_period_key_index" on "payout_batch" ("status", "period_key");`);

    this.addSql(`create table "ledger_entry" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "employee_id" uuid not null references "employee" ("id"), "department_id" uuid not null references "department" ("id"), "rule_code" varchar(64) null, "rule_revision" int null, "kind" text check ("kind" in ('reward', 'punishment')) not null, "component" varchar(64) not null, "unit" text check ("unit" in ('points', 'money', 'hours')) not null, "quantity" numeric(14,2) not null, "count" int not null default 1, "amount" numeric(14,2) not null, "money" numeric(14,2) null, "settlement" text check ("settlement" in ('payroll', 'appraisal', 'record')) not null, "accounting_month" varchar(32) not null default 'calendar', "period_key" char(7) not null, "occurred_on" date not null, "status" text check ("status" in ('proposed', 'approved', 'paid', 'rejected', 'withdrawn')) not null, "source_kind" text check ("source_kind" in ('manual', 'team', 'appraisal', 'award', 'reversal')) not null, "pay_from_appraisal" boolean not null default false, "appraisal_id" uuid null, "result_number" int null, "cycle_id" uuid null, "award_id" uuid null, "incident_id" uuid null references "ledger_incident" ("id"), "reverses_id" uuid null references "ledger_entry" ("id"), "corrects_id" uuid null references "ledger_entry" ("id"), "idempotency_key" varchar(200) null, "basis" jsonb null, "inputs" uuid[] null, "evidence" text null, "attachments" jsonb not null default '[]', "reason" text null, "proposed_by_user_id" uuid null, "proposed_at" timestamptz null, "approved_by_user_id" uuid null, "approved_at" timestamptz null, "rejected_by_user_id" uuid null, "rejection_reason" text null, "withdrawn_at" timestamptz null, "batch_id" uuid null references "payout_batch" ("id"), "paid_at" timestamptz null, constraint "ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "ledger_entry_employee_period_index" on "ledger_entry" ("employee_id", "period_key");`);
    this.addSql(`create index "ledger_entry_department_period_index" on "ledger_entry" ("department_id", "period_key");`);
    this.addSql(`create index "ledger_entry_caps_index" on "ledger_entry" ("employee_id", "rule_code", "occurred_on");`);
    this.addSql(`create unique index "ledger_entry_reverses_id_unique" on "ledger_entry" ("reverses_id") where "reverses_id" is not null and "status" not in ('rejected', 'withdrawn');`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "ledger_entry_appraisal_index" on "ledger_entry" ("appraisal_id") where "source_kind" = 'appraisal';`);
    this.addSql(`create index "ledger_entry_incident_index" on "ledger_entry" ("incident_id");`);
    this.addSql(`create index "ledger_entry_batch_selection_index" on "ledger_entry" ("accounting_month", "period_key", "department_id") where "status" = 'approved' and "settlement" = 'payroll' and "money" is not null;`);
    this.addSql(`create index "ledger_entry_proposed_index" on "ledger_entry" ("status", "proposed_at") where "status" = 'proposed';`);
    this.addSql(`create index "ledger_entry_batch_index" on "ledger_entry" ("batch_id");`);

    this.addSql(`create table "payout_batch_entry" ("batch_id" uuid not null references "payout_batch" ("id"), "entry_id" uuid not null references "ledger_entry" ("id"), constraint "payout_batch_entry_pkey" primary key ("batch_id", "entry_id"));`);
    this.addSql(`alter table "payout_batch_entry" add constraint "payout_batch_entry_entry_id_unique" unique ("entry_id");`);

    this.addSql(`create table "payout_batch_line" ("batch_id" uuid not null references "payout_batch" ("id"), "line_no" int not null, "employee_id" uuid not null, "employee_number" varchar(32) not null, "name" varchar(100) not null, "department_code" varchar(32) not null, "department_name" varchar(100) not null, "component" varchar(64) not null, "amount" numeric(16,2) not null, "entries" int not null, constraint "payout_batch_line_pkey" primary key ("batch_id", "line_no"));`);

    // An approved or paid entry is final: only approved -> paid (by a batch) may change it; no entry is ever deleted.
    this.addSql(`create function "ledger_entry_is_final"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
          raise exception 'ledger_entry rows are never deleted (%): withdraw, reject or reverse instead', tg_op using errcode = 'P0001';
        end if;
        if OLD.status in ('approved', 'paid') then
          if OLD.status = 'approved' and NEW.status = 'paid' and NEW.batch_id is not null and NEW.paid_at is not null
             and (to_jsonb(NEW) - '{status,batch_id,paid_at,updated_at,version}'::text[]) = (to_jsonb(OLD) - '{status,batch_id,paid_at,updated_at,version}'::text[]) then
            return NEW;
          end if;
          raise exception 'ledger_entry is final (%): an approved entry is corrected by a reversal', OLD.status using errcode = 'P0001';
        end if;
        return NEW;
      end $$;`);
    this.addSql(`create trigger "ledger_entry_final" before update or delete on "ledger_entry" for each row execute function "ledger_entry_is_final"();`);
    this.addSql(`create trigger "ledger_entry_no_truncate" before truncate on "ledger_entry" for each statement execute function "ledger_entry_is_final"();`);

    this.addSql(`create function "payout_batch_is_frozen"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'payout_batch rows are never deleted: cancel instead' using errcode = 'P0001'; end if;
        if OLD.status in ('approved', 'cancelled') then raise exception 'payout_batch is frozen (%)', OLD.status using errcode = 'P0001'; end if;
        return NEW;
      end $$;`);
    this.addSql(`create trigger "payout_batch_frozen" before update or delete on "payout_batch" for each row execute function "payout_batch_is_frozen"();`);

    this.addSql(`create function "payout_batch_entry_is_fixed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then raise exception 'payout_batch_entry rows are not changed' using errcode = 'P0001'; end if;
        if not exists (select 1 from payout_batch b where b.id = OLD.batch_id and b.status = 'draft') then
          raise exception 'payout_batch_entry rows leave only draft batches' using errcode = 'P0001';
        end if;
        return OLD;
      end $$;`);
    this.addSql(`create trigger "payout_batch_entry_fixed" before update or delete on "payout_batch_entry" for each row execute function "payout_batch_entry_is_fixed"();`);

    this.addSql(`create function "ledger_record_is_append_only"() returns trigger language plpgsql as $$
      begin raise exception '% rows are append-only (%)', tg_table_name, tg_op using errcode = 'P0001'; end $$;`);
    for (const table of ['payout_batch_line', 'ledger_rule_revision']) {
      this.addSql(`create trigger "${table}_no_update_delete" before update or delete on "${table}" for each row execute function "ledger_record_is_append_only"();`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "ledger_record_is_append_only"();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['payout_batch_line', 'payout_batch_entry', 'ledger_entry', 'payout_batch', 'ledger_incident', 'ledger_rule_revision', 'ledger_rule']) this.addSql(`drop table if exists "${table}" cascade;`);
    for (const fn of ['ledger_entry_is_final', 'payout_batch_is_frozen', 'payout_batch_entry_is_fixed', 'ledger_record_is_append_only']) this.addSql(`drop function if exists "${fn}"();`);
  }
}
