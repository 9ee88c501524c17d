import { randomUUID } from 'node:crypto';
import { type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';

/** Relay's Node: anything with a globally unique id that `node(id)` can fetch back. */
@InterfaceType('Node', {
  description: 'An object with a globally unique id (a UUID) that `node(id)` returns.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique id (UUID).' })
  id!: string;
}

/**
 * Columns every editable record has: a UUID, an optimistic-lock version and timestamps.
 * The version is how a stale edit is detected: clients send back the version they read.
 */
// Not emitted on its own: type-graphql 2 only emits types reachable from resolvers.
@ObjectType()
export abstract class EditableRecord {
  @Field(() => ID, { description: 'Globally unique id (UUID).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Int, { description: 'Optimistic-lock version; send it back when you update, a stale one is a CONFLICT.' })
  @Property({ type: 'integer', version: true })
  version!: Opt<number>;

  @Field(() => Date, { description: 'When the record was created.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { description: 'When the record last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/**
 * Reference data people pick by code (departments, positions, indicator categories): a short unique code
 * they type, and a name in each console language.
 */
@ObjectType()
export abstract class CodedRecord extends EditableRecord {
  @Field(() => String, { description: 'Short stable code people type, unique within its kind, e.g. "HOTEL-AUDIT".' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field(() => String, { description: 'Name in English.' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @Property({ type: 'string', length: 100, nullable: true })
  nameZh: string | null = null;
}
