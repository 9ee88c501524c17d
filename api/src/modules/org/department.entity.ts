import { Entity, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { CodedEntity } from '../../core/record.js';

/** An organizational unit (write model); departments form a tree. Reads go through department.read.ts. */
@Entity({ tableName: 'department' })
export class Department extends CodedEntity {
  @ManyToOne({ entity: () => Department, nullable: true, deleteRule: 'restrict' })
  parent: Department | null = null;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
