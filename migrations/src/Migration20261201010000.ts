import { Migration } from '@mikro-orm/migrations';

/**
 * Pay counters stay exact when two transactions change money of the same person and period at once.
 *
 * `analytics.ledger_changed` (Migration20261201000000) moves a person from their old signature to their new one by
 * reading their ledger rows. Two concurrent approvals for the same person and period each saw only their own entry
 * (the other was uncommitted), so each added the person under a signature of one day and nobody under the signature of
 * both: the cohort counted two people for one until the next rebuild, and the small-group rule (no pay aggregate of
 * fewer than five people below HR) counts people.
 *
 * Now the function first takes a transaction-level advisory lock per touched (person, period), in key order so that
 * writers never wait on each other in a cycle. Each statement of a volatile SQL function takes a fresh snapshot, so the
 * second statement, run once the other writer has committed, reads its entry too.
 */
export class Migration20261201010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "analytics"."ledger_changed"(gone ledger_entry[], came ledger_entry[]) returns void language sql as $$
      select pg_advisory_xact_lock(${PERSON_PERIOD_LOCK_CLASS}, k.key)
      from (select distinct hashtext(employee_id::text || ':' || period_key::text) as key from unnest(gone || came)) k
      order by k.key;
      ${LEDGER_CHANGED_BODY} $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "analytics"."ledger_changed"(gone ledger_entry[], came ledger_entry[]) returns void language sql as $$
      ${LEDGER_CHANGED_BODY} $$;`);
  }
}

/** The advisory-lock class (first key of the two-key form) of the per person and period locks. */
const PERSON_PERIOD_LOCK_CLASS = 20261201;

/** The counting statement of Migration20261201000000, unchanged. */
const LEDGER_CHANGED_BODY = `with touched as (select distinct employee_id, period_key::text as period_key from unnest(gone || came)),
      pay as (select p from analytics.published_pay(array(select employee_id from touched)) p join touched t on t.employee_id = p.employee_id and t.period_key = p.period_key),
      now_rows as (select le from ledger_entry le join touched t on t.employee_id = le.employee_id and t.period_key = le.period_key::text),
      was_rows as (select n.le from now_rows n where (n.le).id <> all (array(select c.id from unnest(came) c)) union all select g from unnest(gone) g)
      select analytics.count_pay(
        array(select p from pay) || array(select m from was_rows w, analytics.ledger_money(w.le) m),
        array(select p from pay) || array(select m from now_rows n, analytics.ledger_money(n.le) m))`;
