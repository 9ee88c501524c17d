import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { EditableRecord, Node } from '../../core/record.js';
import { Policy } from '../policies/policy.entity.js';

export enum SchemePeriod {
  DAY = 'DAY',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF = 'HALF',
  YEAR = 'YEAR',
  PROBATION = 'PROBATION',
}
registerEnumType(SchemePeriod, { name: 'SchemePeriod', description: 'The period one appraisal of the scheme covers.' });

export enum SchemeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(SchemeStatus, {
  name: 'SchemeStatus',
  description: 'DRAFT: never published. PUBLISHED: has at least one published version (it may also have a draft). ARCHIVED: no longer used for new cycles.',
});

/**
 * An appraisal form template: metadata, the editable draft document, and (in SchemeVersion) the frozen
 * published documents. Anything that uses a scheme pins a SchemeVersion, never the scheme.
 */
@ObjectType({ implements: Node, description: 'An appraisal form template with its draft and its published versions.' })
@Entity({ tableName: 'scheme' })
export class Scheme extends EditableRecord {
  @Field(() => String, { description: 'Stable code, unique; an identifier (letter, then letters, digits or _), also the document\'s code.' })
  @Property({ type: 'string', length: 64 })
  @Unique()
  code!: string;

  @Field(() => String, { description: 'Name in English.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @Property({ type: 'string', length: 200, nullable: true })
  nameZh: string | null = null;

  @Field(() => SchemePeriod, { description: 'Period one appraisal covers.' })
  @Enum({ items: () => SchemePeriod, type: 'string' })
  periodType!: SchemePeriod;

  /** Empty = every department; a listed department covers its sub-departments. */
  @Property({ type: 'text[]' })
  applicableDepartmentIds: Opt<string[]> = [];

  /** Empty = every position. */
  @Property({ type: 'text[]' })
  applicablePositionIds: Opt<string[]> = [];

  @Property({ type: 'uuid', nullable: true })
  ownerUserId: string | null = null;

  /** The policy (regulation) that governs the scheme; `Scheme.policy` resolves it. */
  @ManyToOne({ entity: () => Policy, joinColumn: 'policy_id', mapToPk: true, nullable: true, deleteRule: 'set null', updateRule: 'cascade' })
  @Index({ name: 'scheme_policy_id_index' })
  policyId: string | null = null;

  @Field(() => String, { description: 'Display name of the HR owner.' })
  @Property({ type: 'string', length: 100 })
  owner!: string;

  @Field(() => SchemeStatus, { description: 'DRAFT, PUBLISHED or ARCHIVED.' })
  @Enum({ items: () => SchemeStatus, type: 'string' })
  status: Opt<SchemeStatus> = SchemeStatus.DRAFT;

  /** The editable document; always valid (saving validates), null when nothing is being edited. */
  @Property({ type: 'json', nullable: true })
  draft: Opt<Record<string, unknown>> | null = null;

  /** Number of the newest published version, 0 before the first publication. */
  @Property({ type: 'integer' })
  latestVersionNumber: Opt<number> = 0;

  @Field(() => String, { nullable: true, description: 'Seed template the scheme was created from, if any.' })
  @Property({ type: 'string', length: 32, nullable: true })
  templateKey: string | null = null;
}
