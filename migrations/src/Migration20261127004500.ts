import { Migration } from '@mikro-orm/migrations';

/**
 * Every employee row carries its supervisors up the line (`supervisor_path`, top first), kept by the
 * database itself. A supervisor's reporting line is then one indexed condition
 * (`supervisor_path @> array[me]`) instead of a recursive query per request, for employee lists and for
 * everything scoped to a line later (appraisals, ledger entries).
 *
 * A statement-level trigger repairs the paths after any insert or change of supervisor: it repeats
 * "path = parent's path + parent" until nothing changes, so rows inserted in any order, imports and moves
 * of whole subtrees all end consistent within the same statement.
 */
export class Migration20261127004500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "employee" add column "supervisor_path" uuid[] not null default '{}';`);
    this.addSql(`create function "employee_repair_supervisor_paths"() returns trigger language plpgsql as $$
begin
  update employee set supervisor_path = '{}' where supervisor_id is null and supervisor_path <> '{}';
  loop
    update employee c set supervisor_path = p.supervisor_path || p.id
      from employee p
     where c.supervisor_id = p.id and c.supervisor_path is distinct from p.supervisor_path || p.id;
    exit when not found;
  end loop;
  return null;
end $$;`);
    this.addSql(`create trigger "employee_supervisor_paths_after_insert" after insert on "employee" for each statement execute function "employee_repair_supervisor_paths"();`);
    this.addSql(`create trigger "employee_supervisor_paths_after_move" after update of "supervisor_id" on "employee" for each statement execute function "employee_repair_supervisor_paths"();`);
    // Fill the paths of the rows that exist: an update that names supervisor_id fires the repair once.
    this.addSql(`update "employee" set "supervisor_id" = "supervisor_id" where false;`);
    this.addSql(`create index "employee_supervisor_path_index" on "employee" using gin ("supervisor_path");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "employee_supervisor_paths_after_move" on "employee";`);
    this.addSql(`drop trigger if exists "employee_supervisor_paths_after_insert" on "employee";`);
    this.addSql(`drop function if exists "employee_repair_supervisor_paths"();`);
    this.addSql(`drop index if exists "employee_supervisor_path_index";`);
    this.addSql(`alter table "employee" drop column "supervisor_path";`);
  }
}
