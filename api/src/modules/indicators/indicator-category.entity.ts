import { Entity, type Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { CodedRecord, Node } from '../../core/record.js';

/** Categories are data HR manages (moral / ability / ..., people / machine / ...), not an enum in code. */
@ObjectType({ implements: Node, description: 'A category of the indicator library, e.g. "Moral" or "Environment".' })
@Entity({ tableName: 'indicator_category' })
export class IndicatorCategory extends CodedRecord {
  @Field(() => Boolean, { description: 'False once retired; retired categories keep their indicators.' })
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
