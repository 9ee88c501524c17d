import { Migration } from '@mikro-orm/migrations';

const OPEN = `('filed', 'under_review', 'decided')`;

/** The same trigger function with the purge path in front: only `archive_purge` (run as the owner) passes it. */
const PURGE_GATE = `if "archive_purging"() then return case when tg_op = 'DELETE' then old else new end; end if;`;

/**
 * Appeals and archives (issue 11; docs/governance-design.md §1, docs/appeals-archives.md).
 *
 * Appeals: `appeal` (one open appeal per appraisal / ledger entry), its handlers, notes (append-only) and statement
 * requests to raters (the statement is written once). The database refuses: deleting an appeal; any change to a
 * closed or withdrawn one; changing what was filed (grounds, attachments, filing and due dates, target).
 *
 * Archives: `archive_setting` (retention, one row), `archive_export` and `archive_purge` (append-only). Archive rows
 * (closed appraisals with their results and pay lines, appeals, ledger entries) refuse DELETE to the application
 * role. The one controlled path is `archive_purge(...)`, a SECURITY DEFINER function owned by the migration owner
 * and executable by the application: it re-checks retention and exports in SQL, sets a transaction-local flag, and
 * the immutability triggers let a DELETE (or the unlinking update of a purged appraisal) through only when that flag
 * is on AND the current user is the tables' owner — which inside the function it is, and outside never is for the
 * application role (it may set the flag, but it is not the owner). The purge row and its audit entry are written
 * by the function in the same transaction.
 */
export class Migration20261128070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "appeal" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "appellant_employee_id" uuid not null, "department_id" uuid not null, "target_kind" text check ("target_kind" in ('result', 'ledgerEntry')) not null,
      "appraisal_id" uuid null, "result_id" uuid null, "ledger_entry_id" uuid null, "scheme_version_id" uuid null,
      "grounds" text not null, "attachments" jsonb not null, "filed_on" date not null, "window_closes" date null, "due_on" date not null,
      "state" text check ("state" in ('filed', 'under_review', 'decided', 'closed', 'withdrawn')) not null default 'filed',
      "outcome" text check ("outcome" in ('upheld', 'rejected')) null, "reason" text null, "correction" jsonb null, "new_result_id" uuid null,
      "decided_by_user_id" uuid null, "decided_at" timestamptz null, "closed_at" timestamptz null, "withdrawn_at" timestamptz null, "withdrawal_reason" text null,
      constraint "appeal_pkey" primary key ("id"));`);
    this.addSql(`create unique index "appeal_one_open_per_appraisal" on "appeal" ("appraisal_id") where "state" in ${OPEN};`);
    this.addSql(`create unique index "appeal_one_open_per_entry" on "appeal" ("ledger_entry_id") where "state" in ${OPEN};`);
    this.addSql(`create index "appeal_open_due_index" on "appeal" ("due_on") where "state" in ('filed', 'under_review');`);
    this.addSql(`create index "appeal_appellant_employee_id_filed_on_index" on "appeal" ("appellant_employee_id", "filed_on");`);
    this.addSql(`create index "appeal_department_id_filed_on_index" on "appeal" ("department_id", "filed_on");`);
    for (const [column, table] of [['appellant_employee_id', 'employee'], ['department_id', 'department'], ['appraisal_id', 'appraisal'], ['result_id', 'appraisal_result'], ['ledger_entry_id', 'ledger_entry'], ['scheme_version_id', 'scheme_version'], ['new_result_id', 'appraisal_result']])
      this.addSql(`alter table "appeal" add constraint "appeal_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "appeal_handler" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "appeal_id" uuid not null, "employee_id" uuid not null,
      "role" text check ("role" in ('handler', 'committee')) not null, "assigned_by_user_id" uuid null, constraint "appeal_handler_pkey" primary key ("id"));`);
    this.addSql(`alter table "appeal_handler" add constraint "appeal_handler_appeal_id_employee_id_unique" unique ("appeal_id", "employee_id");`);
    this.addSql(`create index "appeal_handler_employee_id_index" on "appeal_handler" ("employee_id");`);

    this.addSql(`create table "appeal_note" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "appeal_id" uuid not null, "author_user_id" uuid null,
      "text" text not null, constraint "appeal_note_pkey" primary key ("id"));`);
    this.addSql(`create index "appeal_note_appeal_id_created_at_index" on "appeal_note" ("appeal_id", "created_at");`);

    this.addSql(`create table "statement_request" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "appeal_id" uuid not null, "rater_employee_id" uuid not null, "question" text not null, "shared_excerpt" text not null, "due_on" date not null,
      "statement" text null, "answered_at" timestamptz null, "asked_by_user_id" uuid null, constraint "statement_request_pkey" primary key ("id"));`);
    this.addSql(`create index "statement_request_rater_employee_id_answered_at_index" on "statement_request" ("rater_employee_id", "answered_at");`);
    this.addSql(`create index "statement_request_appeal_id_index" on "statement_request" ("appeal_id");`);
    for (const table of ['appeal_handler', 'appeal_note', 'statement_request'])
      this.addSql(`alter table "${table}" add constraint "${table}_appeal_id_foreign" foreign key ("appeal_id") references "appeal" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appeal_handler" add constraint "appeal_handler_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "statement_request" add constraint "statement_request_rater_employee_id_foreign" foreign key ("rater_employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "archive_setting" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "retention" jsonb not null, constraint "archive_setting_pkey" primary key ("id"));`);
    this.addSql(`insert into "archive_setting" ("id", "created_at", "updated_at", "retention") values ('00000000-0000-4000-8000-00000000a5c1', now(), now(), '{"years": 10, "byKind": {"ledgerEntry": 30}}');`);

    this.addSql(`create table "archive_export" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "employee_id" uuid not null,
      "up_to" date not null, "file_sha256" varchar(64) not null, "format" text check ("format" in ('xlsx')) not null, "events" int not null, "exported_by_user_id" uuid null,
      constraint "archive_export_pkey" primary key ("id"));`);
    this.addSql(`create index "archive_export_employee_id_created_at_index" on "archive_export" ("employee_id", "created_at");`);
    this.addSql(`alter table "archive_export" add constraint "archive_export_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "archive_purge" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "retention" jsonb not null,
      "counts" jsonb not null, "export_ids" jsonb not null, "by_user_id" uuid null, constraint "archive_purge_pkey" primary key ("id"));`);

    // ---- the purge gate: true only inside archive_purge (flag on, running as the tables' owner)
    this.addSql(`create function "archive_purging"() returns boolean language sql stable as $$
      select coalesce(current_setting('archive.purging', true), '') = 'on'
         and current_user = (select tableowner from pg_tables where schemaname = 'public' and tablename = 'appeal')::name
    $$;`);

    // ---- what the database refuses
    this.addSql(`create function "appeal_is_fixed"() returns trigger language plpgsql as $$
begin
  ${PURGE_GATE}
  if tg_op = 'DELETE' then raise exception 'appeals are never deleted' using errcode = 'P0001'; end if;
  if old.state in ('closed', 'withdrawn') then raise exception 'appeal % is % and cannot change', old.id, old.state using errcode = 'P0001'; end if;
  if (new.appellant_employee_id, new.target_kind, new.appraisal_id, new.result_id, new.ledger_entry_id, new.grounds, new.attachments, new.filed_on, new.window_closes, new.due_on)
     is distinct from (old.appellant_employee_id, old.target_kind, old.appraisal_id, old.result_id, old.ledger_entry_id, old.grounds, old.attachments, old.filed_on, old.window_closes, old.due_on) then
    raise exception 'what was filed with appeal % does not change', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "appeal_fixed" before update or delete on "appeal" for each row execute function "appeal_is_fixed"();`);

    this.addSql(`create function "archive_record_is_append_only"() returns trigger language plpgsql as $$
begin
  ${PURGE_GATE}
  raise exception '% rows are append-only (%)', tg_table_name, tg_op using errcode = 'P0001';
end $$;`);
    for (const table of ['appeal_note', 'appeal_handler', 'archive_export', 'archive_purge'])
      this.addSql(`create trigger "${table}_no_update_delete" before update or delete on "${table}" for each row execute function "archive_record_is_append_only"();`);
    for (const table of ['appeal', 'appeal_note', 'appeal_handler', 'statement_request', 'archive_export', 'archive_purge'])
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "cycle_record_is_append_only"();`);

    this.addSql(`create function "statement_request_is_fixed"() returns trigger language plpgsql as $$
begin
  ${PURGE_GATE}
  if tg_op = 'DELETE' then raise exception 'statement requests are never deleted' using errcode = 'P0001'; end if;
  if old.statement is not null then raise exception 'statement request % is answered and cannot change', old.id using errcode = 'P0001'; end if;
  if (new.appeal_id, new.rater_employee_id, new.question, new.shared_excerpt, new.due_on) is distinct from (old.appeal_id, old.rater_employee_id, old.question, old.shared_excerpt, old.due_on) then
    raise exception 'what was asked in statement request % does not change', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "statement_request_fixed" before update or delete on "statement_request" for each row execute function "statement_request_is_fixed"();`);

    // ---- the existing immutability triggers get the same gate (their rules are otherwise unchanged)
    this.addSql(`create or replace function "cycle_record_is_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'TRUNCATE' then ${PURGE_GATE} end if;
        raise exception '% rows are append-only (%)', tg_table_name, tg_op using errcode = 'P0001';
      end $$;`);
    this.addSql(`create or replace function "cycle_row_is_frozen_when_closed"() returns trigger language plpgsql as $$
      begin
        ${PURGE_GATE}
        if exists (select 1 from "cycle" c where c.id = old.cycle_id and c.state = 'closed') then
          raise exception '% rows of a closed cycle cannot change (%)', tg_table_name, tg_op using errcode = 'P0001';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$;`);
    this.addSql(`create or replace function "appraisal_row_is_frozen_when_closed"() returns trigger language plpgsql as $$
      begin
        ${PURGE_GATE}
        if exists (select 1 from "appraisal" a join "cycle" c on c.id = a.cycle_id where a.id = old.appraisal_id and c.state = 'closed') then
          raise exception '% rows of a closed cycle cannot change (%)', tg_table_name, tg_op using errcode = 'P0001';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$;`);
    this.addSql(`create or replace function "appraisal_published_result_is_fixed"() returns trigger language plpgsql as $$
      begin
        ${PURGE_GATE}
        if old.published_at is not null and new.state <> 'appealed'
           and (new.result_id is distinct from old.result_id or new.final_grade is distinct from old.final_grade) then
          raise exception 'the result of a published appraisal changes only through an appeal' using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(`create or replace function "ledger_entry_is_final"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then ${PURGE_GATE} end if;
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

    // ---- the controlled purge path
    this.addSql(`create function "archive_purge"(p_appraisals uuid[], p_appeals uuid[], p_entries uuid[], p_by uuid, p_request text) returns jsonb
      language plpgsql security definer set search_path = public, pg_temp as $$
declare
  r jsonb := (select retention from archive_setting order by created_at limit 1);
  y_appraisal int := coalesce((r->'byKind'->>'appraisal')::int, (r->>'years')::int);
  y_appeal int := coalesce((r->'byKind'->>'appeal')::int, (r->>'years')::int);
  y_entry int := coalesce((r->'byKind'->>'ledgerEntry')::int, (r->>'years')::int);
  bad uuid;
  counts jsonb;
  exports jsonb;
  n_appraisals int; n_appeals int; n_entries int;
begin
  p_appraisals := coalesce(p_appraisals, '{}'); p_appeals := coalesce(p_appeals, '{}'); p_entries := coalesce(p_entries, '{}');
  -- The same rule as the domain's purgePlan, re-checked here: past retention, exported on or after the record's date, not held.
  select a.id into bad from appraisal a join cycle c on c.id = a.cycle_id where a.id = any(p_appraisals)
     and not (c.state = 'closed' and c.period_end + make_interval(years => y_appraisal) < current_date
              and exists (select 1 from archive_export x where x.employee_id = a.employee_id and x.up_to >= c.period_end)
              and not exists (select 1 from probation_review p where p.appraisal_id = a.id)
              and not exists (select 1 from appeal ap where ap.appraisal_id = a.id and not (ap.id = any(p_appeals))))
     limit 1;
  if bad is not null then raise exception 'archive_purge: appraisal % may not be purged', bad using errcode = 'P0001'; end if;
  select ap.id into bad from appeal ap where ap.id = any(p_appeals)
     and not (ap.state in ('closed', 'withdrawn') and ap.filed_on + make_interval(years => y_appeal) < current_date
              and exists (select 1 from archive_export x where x.employee_id = ap.appellant_employee_id and x.up_to >= ap.filed_on))
     limit 1;
  if bad is not null then raise exception 'archive_purge: appeal % may not be purged', bad using errcode = 'P0001'; end if;
  select le.id into bad from ledger_entry le where le.id = any(p_entries)
     and not (le.status in ('approved', 'rejected', 'withdrawn') and le.occurred_on + make_interval(years => y_entry) < current_date
              and exists (select 1 from archive_export x where x.employee_id = le.employee_id and x.up_to >= le.occurred_on)
              and not exists (select 1 from payout_batch_entry b where b.entry_id = le.id)
              and not exists (select 1 from appeal ap where ap.ledger_entry_id = le.id and not (ap.id = any(p_appeals)))
              and not exists (select 1 from ledger_entry o where (o.reverses_id = le.id or o.corrects_id = le.id) and not (o.id = any(p_entries))))
     limit 1;
  if bad is not null then raise exception 'archive_purge: ledger entry % may not be purged', bad using errcode = 'P0001'; end if;

  select coalesce(jsonb_agg(distinct x.id), '[]'::jsonb) into exports from archive_export x
   where x.employee_id in (select employee_id from appraisal where id = any(p_appraisals)
                           union select appellant_employee_id from appeal where id = any(p_appeals)
                           union select employee_id from ledger_entry where id = any(p_entries));

  perform set_config('archive.purging', 'on', true);
  delete from appeal_note where appeal_id = any(p_appeals);
  delete from appeal_handler where appeal_id = any(p_appeals);
  delete from statement_request where appeal_id = any(p_appeals);
  delete from appeal where id = any(p_appeals);
  get diagnostics n_appeals = row_count;
  delete from ledger_entry where id = any(p_entries);
  get diagnostics n_entries = row_count;
  update appraisal set result_id = null where id = any(p_appraisals) and result_id is not null;
  delete from pay_line where appraisal_id = any(p_appraisals);
  delete from published_result where appraisal_id = any(p_appraisals);
  delete from grade_change where appraisal_id = any(p_appraisals);
  delete from appraisal_adjustment where appraisal_id = any(p_appraisals);
  delete from phase_reopening where appraisal_id = any(p_appraisals);
  delete from rating where appraisal_id = any(p_appraisals);
  delete from appraisal_result where appraisal_id = any(p_appraisals);
  delete from appraisal where id = any(p_appraisals);
  get diagnostics n_appraisals = row_count;
  perform set_config('archive.purging', 'off', true);

  counts := jsonb_build_object('appraisal', n_appraisals, 'appeal', n_appeals, 'ledgerEntry', n_entries);
  insert into archive_purge (id, created_at, updated_at, retention, counts, export_ids, by_user_id) values (gen_random_uuid(), now(), now(), r, counts, exports, p_by);
  insert into audit_entry (at, actor_user_id, operation, entity_type, entity_id, before, after, request_id)
  values (now(), p_by, 'purgeArchives', 'Archive', 'retention', null,
          jsonb_build_object('counts', counts, 'retention', r, 'exports', exports, 'appraisals', to_jsonb(p_appraisals), 'appeals', to_jsonb(p_appeals), 'ledgerEntries', to_jsonb(p_entries)), left(p_request, 64));
  return counts;
end $$;`);
    this.addSql(`revoke all on function "archive_purge"(uuid[], uuid[], uuid[], uuid, text) from public;`);

    // ---- the daily flags job's queue
    this.addSql(`select pgboss.create_queue('appeal.flags', '${JSON.stringify({ policy: 'stately', retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 900 })}'::json);`);
  }

  override async down(): Promise<void> {
    this.addSql(`select pgboss.delete_queue('appeal.flags');`);
    this.addSql(`drop function if exists "archive_purge"(uuid[], uuid[], uuid[], uuid, text);`);
    for (const table of ['statement_request', 'appeal_note', 'appeal_handler', 'appeal', 'archive_export', 'archive_purge', 'archive_setting']) this.addSql(`drop table if exists "${table}" cascade;`);
    this.addSql(`drop function if exists "appeal_is_fixed"();`);
    this.addSql(`drop function if exists "statement_request_is_fixed"();`);
    this.addSql(`drop function if exists "archive_record_is_append_only"();`);
  }
}
