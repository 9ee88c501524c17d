import { Entity, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { EditableRecord, Node } from '../../core/record.js';

/** Categories are data HR manages (moral / ability / ..., people / machine / ...), not an enum in code. */
@ObjectType({ implements: Node, description: 'A category of the indicator library, e.g. "Moral" or "Environment".' })
@Entity({ tableName: 'indicator_category' })
export class IndicatorCategory extends EditableRecord {
  @Field(() => String, { description: 'Short stable code, unique, e.g. "MORAL".' })
  @Property({ type: 'string', length: 32 })
  @Unique()
  code!: string;

  @Field(() => String, { description: 'Name in English.' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @Property({ type: 'string', length: 100, nullable: true })
  nameZh: string | null = null;

  @Field(() => Boolean, { description: 'False once retired; retired categories keep their indicators.' })
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
