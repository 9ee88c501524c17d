import { ArrayType, Entity, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { CodedEntity } from '../../core/record.js';

/** An organizational unit (write model); departments form a tree. Reads go through department.read.ts. */
@Entity({ tableName: 'department' })
export class Department extends CodedEntity {
  @ManyToOne({ entity: () => Department, nullable: true, deleteRule: 'restrict' })
  parent: Department | null = null;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  /**
   * The department and its ancestors (top first, itself last), kept by a database trigger (Migration20261127141000):
   * policy scopes, notice audiences and subtree filters are one GIN-indexed condition (`lineage && :ids`).
   */
  @Index({ name: 'department_lineage_index', expression: 'create index "department_lineage_index" on "department" using gin ("lineage")' })
  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}', hidden: true, lazy: true })
  lineage?: Opt<string[]>;
}
