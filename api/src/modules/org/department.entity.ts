import { Entity, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { CodedRecord, Node } from '../../core/record.js';

@ObjectType({ implements: Node, description: 'An organizational unit; departments form a tree (group > company > department > team).' })
@Entity({ tableName: 'department' })
export class Department extends CodedRecord {
  /** Resolved through a loader by the resolver; the entity holds only the reference. */
  @ManyToOne({ entity: () => Department, nullable: true, deleteRule: 'restrict' })
  parent: Department | null = null;

  @Field(() => Boolean, { description: 'False once deactivated; deactivated units keep their history.' })
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
