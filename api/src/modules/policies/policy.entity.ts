import { ArrayType, Entity, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { EditableEntity } from '../../core/record.js';

/** A policy (regulation) HR publishes in versions (write model; reads go through policy.read.ts). */
@Entity({ tableName: 'policy' })
export class Policy extends EditableEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  code!: string;

  @Property({ type: 'uuid', nullable: true })
  ownerUserId: string | null = null;

  /** The published version (null until the first is published). */
  @Property({ type: 'uuid', nullable: true })
  currentVersionId: string | null = null;
}

/**
 * One version of a policy: draft -> review -> published -> superseded (domain `policyVersionWorkflow`). Published
 * and superseded versions are immutable in the database (trigger `policy_version_fixed`).
 */
@Entity({ tableName: 'policy_version' })
@Unique({ properties: ['policyId', 'number'] })
export class PolicyVersion extends EditableEntity {
  @Property({ type: 'uuid' })
  policyId!: string;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json' })
  title!: { en: string; zh: string };

  /** Markdown in both languages (checked for raw HTML and script links before storage). */
  @Property({ type: 'json' })
  body!: { en: string; zh: string };

  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Property({ type: 'string', length: 16 })
  scopeKind!: 'all' | 'departments' | 'positions';

  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  scopeIds: Opt<string[]> = [];

  @Property({ type: 'boolean' })
  requiresAcknowledgement: Opt<boolean> = false;

  @Property({ type: 'smallint', nullable: true })
  acknowledgementWorkingDays: number | null = null;

  @Property({ type: 'string', length: 16 })
  state: Opt<'draft' | 'review' | 'published' | 'superseded'> = 'draft';

  @Property({ type: 'uuid' })
  authorUserId!: string;

  @Property({ type: 'uuid', nullable: true })
  reviewerUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  /** Last day to acknowledge (publication day + the working days), when acknowledgement is required. */
  @Property({ type: 'date', nullable: true })
  acknowledgeBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  supersededAt: Date | null = null;
}

/** A person's acknowledgement of a published version (append-only). */
@Entity({ tableName: 'policy_acknowledgement' })
export class PolicyAcknowledgement {
  @PrimaryKey({ type: 'uuid' })
  policyVersionId!: string;

  @PrimaryKey({ type: 'uuid' })
  employeeId!: string;

  @Property({ type: 'datetime' })
  acknowledgedAt: Date = new Date();
}
