import { ArrayType, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { EditableEntity } from '../../core/record.js';
import { User as AppUser } from '../auth/user.entity.js';
import { Employee } from '../org/employee.entity.js';

/** A policy (regulation) HR publishes in versions (write model; reads go through policy.read.ts). */
@Entity({ tableName: 'policy' })
export class Policy extends EditableEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  code!: string;

  @ManyToOne({ entity: () => AppUser, joinColumn: 'owner_user_id', mapToPk: true, nullable: true, deleteRule: 'restrict', updateRule: 'cascade' })
  ownerUserId: string | null = null;

  /** The published version (null until the first is published). */
  @ManyToOne({ entity: () => PolicyVersion, joinColumn: 'current_version_id', mapToPk: true, nullable: true, deleteRule: 'restrict', updateRule: 'cascade' })
  currentVersionId: string | null = null;
}

/**
 * One version of a policy: draft -> review -> published -> superseded (domain `policyVersionWorkflow`). Published
 * and superseded versions are immutable in the database (trigger `policy_version_fixed`).
 */
@Entity({ tableName: 'policy_version' })
@Unique({ properties: ['policyId', 'number'] })
@Index({ name: 'policy_version_one_published', expression: `create unique index "policy_version_one_published" on "policy_version" ("policy_id") where "state" = 'published'` })
@Index({ name: 'policy_version_state_effective_index', properties: ['state', 'effectiveFrom'] })
@Index({ name: 'policy_version_scope_ids_index', expression: 'create index "policy_version_scope_ids_index" on "policy_version" using gin ("scope_ids")' })
export class PolicyVersion extends EditableEntity {
  @ManyToOne({ entity: () => Policy, joinColumn: 'policy_id', mapToPk: true, deleteRule: 'restrict', updateRule: 'cascade' })
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

  @Enum({ items: ['all', 'departments', 'positions'], type: 'string', columnType: 'varchar(16)' })
  scopeKind!: 'all' | 'departments' | 'positions';

  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  scopeIds: Opt<string[]> = [];

  @Property({ type: 'boolean' })
  requiresAcknowledgement: Opt<boolean> = false;

  @Property({ type: 'smallint', nullable: true })
  acknowledgementWorkingDays: number | null = null;

  @Enum({ items: ['draft', 'review', 'published', 'superseded'], type: 'string', columnType: 'varchar(16)' })
  state: Opt<'draft' | 'review' | 'published' | 'superseded'> = 'draft';

  @ManyToOne({ entity: () => AppUser, joinColumn: 'author_user_id', mapToPk: true, deleteRule: 'restrict', updateRule: 'cascade' })
  authorUserId!: string;

  @ManyToOne({ entity: () => AppUser, joinColumn: 'reviewer_user_id', mapToPk: true, nullable: true, deleteRule: 'restrict', updateRule: 'cascade' })
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
  @ManyToOne({ entity: () => PolicyVersion, joinColumn: 'policy_version_id', mapToPk: true, primary: true, deleteRule: 'restrict', updateRule: 'cascade' })
  policyVersionId!: string;

  @ManyToOne({ entity: () => Employee, joinColumn: 'employee_id', mapToPk: true, primary: true, deleteRule: 'restrict', updateRule: 'cascade' })
  @Index({ name: 'policy_acknowledgement_employee_index' })
  employeeId!: string;

  @Property({ type: 'datetime' })
  acknowledgedAt: Date = new Date();
}
