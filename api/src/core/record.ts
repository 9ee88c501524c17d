import { randomUUID } from 'node:crypto';
import { type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';

/** Relay's Node: anything with a globally unique id that `node(id)` can fetch back. */
@InterfaceType('Node', {
  description: 'An object with a globally unique id (a UUID) that `node(id)` returns.',
  // Read models are plain rows that name their type; entities not yet behind a read model use their class name.
  resolveType: (value: object) => (value as { __typename?: string }).__typename ?? value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique id (UUID).' })
  id!: string;
}

// ---- write side: MikroORM entities ------------------------------------------------------------

/**
 * Columns every editable entity has: a UUID, an optimistic-lock version and timestamps.
 * The version is how a stale edit is detected: clients send back the version they read.
 */
export abstract class EditableEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'integer', version: true })
  version!: Opt<number>;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/**
 * Timestamps only: for rows whose key is not a single UUID (composite keys such as a cycle's phases), which
 * declare their own primary key and, when mutable, their own version.
 */
export abstract class TimestampedEntity {
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/**
 * Rows that are written once and never changed (results, published results, pay lines, reopenings): a UUID and
 * timestamps, no version. A database trigger refuses UPDATE and DELETE on their tables.
 */
export abstract class AppendOnlyEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Opt<Date> = new Date();
}

/** Reference data people pick by code (departments, positions, ...): a unique code and a name per language. */
export abstract class CodedEntity extends EditableEntity {
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  nameZh: string | null = null;
}

// ---- read side: GraphQL object types of plain rows ---------------------------------------------

/** Fields every editable record shows. Rows are plain objects built by read models, never entities. */
@ObjectType({ simpleResolvers: true })
export abstract class RecordNode {
  /** The GraphQL type of the row, for `Node` and unions (rows are plain objects, not class instances). */
  __typename!: string;

  @Field(() => ID, { description: 'Globally unique id (UUID).' })
  id!: string;

  @Field(() => Int, { description: 'Optimistic-lock version; send it back when you update, a stale one is a CONFLICT.' })
  version!: number;

  @Field(() => Date, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the record last changed.' })
  updatedAt!: Date;
}

/** Code and names of reference data. */
@ObjectType({ simpleResolvers: true })
export abstract class CodedNode extends RecordNode {
  @Field(() => String, { description: 'Short stable code people type, unique within its kind, e.g. "HOTEL-AUDIT".' })
  code!: string;

  @Field(() => String, { description: 'Name in English.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh!: string | null;
}

// ---- both at once: modules whose reads still hydrate entities ----------------------------------

/**
 * Entity and GraphQL type in one class, for modules whose reads have not moved to a read model yet.
 * New modules use EditableEntity for writes and a RecordNode read model for reads.
 */
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

/** Entity and GraphQL type in one class for coded reference data (see EditableRecord). */
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
