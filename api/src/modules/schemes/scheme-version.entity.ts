import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../core/record.js';
import { Scheme } from './scheme.entity.js';

/**
 * A published, frozen scheme document. Never updated (a database trigger refuses it): cycles and appraisals
 * pin this id, so what they were computed with stays readable forever.
 */
@ObjectType({ implements: Node, description: 'A published version of a scheme: a frozen, numbered document.' })
@Entity({ tableName: 'scheme_version' })
@Unique({ properties: ['scheme', 'number'] })
export class SchemeVersion {
  @Field(() => ID, { description: 'Globally unique id (UUID); what anything using the scheme pins.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Scheme, deleteRule: 'restrict' })
  scheme!: Scheme;

  @Field(() => Int, { description: 'Version number, 1 for the first publication.' })
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json' })
  document!: Record<string, unknown>;

  /** Indicator codes the document's items reference, so "used by" counts need no JSON scan. */
  @Property({ type: 'text[]' })
  indicatorCodes: Opt<string[]> = [];

  @Field(() => Date, { description: 'When it was published.' })
  @Property({ type: 'datetime' })
  publishedAt: Opt<Date> = new Date();

  @Property({ type: 'uuid', nullable: true })
  publishedByUserId: string | null = null;

  @Field(() => String, { description: 'Display name of who published it.' })
  @Property({ type: 'string', length: 100 })
  publishedBy!: string;
}
