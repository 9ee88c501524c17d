import { Entity, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { EditableRecord, Node } from '../../core/record.js';

@ObjectType({ implements: Node, description: 'An organizational unit; departments form a tree (group > company > department > team).' })
@Entity({ tableName: 'department' })
export class Department extends EditableRecord {
  @Field(() => String, { description: 'Short stable code, unique, e.g. "HOTEL-AUDIT".' })
  @Property({ type: 'string', length: 32 })
  @Unique()
  code!: string;

  @Field(() => String, { description: 'Name in English.' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @Property({ type: 'string', length: 100, nullable: true })
  nameZh: string | null = null;

  /** Resolved through a loader by the resolver; the entity holds only the reference. */
  @ManyToOne({ entity: () => Department, nullable: true, deleteRule: 'restrict' })
  parent: Department | null = null;

  @Field(() => Boolean, { description: 'False once deactivated; deactivated units keep their history.' })
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
