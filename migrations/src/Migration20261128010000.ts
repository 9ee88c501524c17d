import { Migration } from '@mikro-orm/migrations';

/**
 * Group inputs of an output value formula (issue 9, setGroupAmounts): the workshop's month revenue, kilograms
 * produced and kilograms of finished products, by the names the scheme's formula uses, so publishing computes the
 * output value the way Part 4 states it instead of HR computing it by hand.
 */
export class Migration20261128010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cycle_group_amount" add column "inputs" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cycle_group_amount" drop column if exists "inputs";`);
  }
}
