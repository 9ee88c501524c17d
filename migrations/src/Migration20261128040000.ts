import { Migration } from '@mikro-orm/migrations';

// The ledger's foreign keys were created inline (`references`, named `<table>_<column>_fkey`); the entities now
// declare them, under MikroORM's names (`<table>_<column>_foreign`). Same keys, same (no) cascades: renamed only.
const KEYS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['ledger_rule_revision', 'rule_id'],
  ['ledger_entry', 'employee_id'],
  ['ledger_entry', 'department_id'],
  ['ledger_entry', 'incident_id'],
  ['ledger_entry', 'reverses_id'],
  ['ledger_entry', 'corrects_id'],
  ['ledger_entry', 'batch_id'],
  ['payout_batch_entry', 'batch_id'],
  ['payout_batch_entry', 'entry_id'],
  ['payout_batch_line', 'batch_id'],
];

/** Ledger and payout tables: foreign keys named as their entities declare them (the drift test compares both). */
export class Migration20261128040000 extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of KEYS) this.addSql(`alter table "${table}" rename constraint "${table}_${column}_fkey" to "${table}_${column}_foreign";`);
  }

  override async down(): Promise<void> {
    for (const [table, column] of KEYS) this.addSql(`alter table "${table}" rename constraint "${table}_${column}_foreign" to "${table}_${column}_fkey";`);
  }
}
