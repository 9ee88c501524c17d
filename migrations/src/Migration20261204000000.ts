import { Migration } from '@mikro-orm/migrations';

/**
 * The pay counters' writer locks are bounded: at most 256 per transaction.
 *
 * `analytics.ledger_changed` took one transaction-level advisory lock per touched (person, period)
 * (Migration20261201010000). A statement writing ledger entries for tens of thousands of people (a bulk import, the
 * analytics bench's fixture) then held that many locks and failed with "out of shared memory" (the lock table holds
 * max_locks_per_transaction x max_connections). The key is now the (person, period) hash's low 8 bits: the same person
 * and period still always take the same lock (what the exactness of concurrent approvals needs), in key order as
 * before, and unrelated writers share a lock one time in 256.
 */
const PER_PERSON = `select distinct hashtext(employee_id::text || ':' || period_key::text) as key`;
const BOUNDED = `select distinct hashtext(employee_id::text || ':' || period_key::text) & 255 as key`;

/** Rewrites the body of ledger_changed, refusing to run when the expected text is not there (a changed definition). */
function rewrite(from: string, to: string): string {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return `do $$
    declare
      definition text := pg_get_functiondef('analytics.ledger_changed(ledger_entry[], ledger_entry[])'::regprocedure);
    begin
      if position(${quote(from)} in definition) = 0 then
        raise exception 'analytics.ledger_changed does not take its locks as expected';
      end if;
      execute replace(definition, ${quote(from)}, ${quote(to)});
    end $$;`;
}

export class Migration20261204000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(rewrite(PER_PERSON, BOUNDED));
  }

  override async down(): Promise<void> {
    this.addSql(rewrite(BOUNDED, PER_PERSON));
  }
}
