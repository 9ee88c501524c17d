import type { Audience } from '@appraisal/domain';
import { Entity, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { EditableEntity } from '../../core/record.js';
import { User } from '../auth/user.entity.js';
import { Department } from '../org/department.entity.js';
import { Employee } from '../org/employee.entity.js';

/**
 * A notice to an audience (write model; reads go through notice.read.ts). Once published only its withdrawal, expiry
 * and delivery mark change (trigger `notice_fixed`); generated notices carry the key that makes generating twice a no-op.
 */
@Entity({ tableName: 'notice' })
@Index({
  name: 'notice_undelivered_index',
  expression: `create index "notice_undelivered_index" on "notice" ("publish_at") where "published_at" is not null and "delivered_at" is null and "withdrawn_at" is null`,
})
@Index({ name: 'notice_published_index', properties: ['pinned', 'publishedAt'] })
export class Notice extends EditableEntity {
  /** Title in both languages. */
  @Property({ type: 'json' })
  title!: { en: string; zh: string };

  /** Markdown body in both languages (no raw HTML). */
  @Property({ type: 'json' })
  body!: { en: string; zh: string };

  /** The domain's Audience: everyone, or departments, positions, roles and people. */
  @Property({ type: 'json' })
  audience!: Audience;

  /** When it becomes visible (null: on publishing). */
  @Property({ type: 'datetime', nullable: true })
  publishAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'boolean' })
  pinned: Opt<boolean> = false;

  @Property({ type: 'boolean' })
  requiresAcknowledgement: Opt<boolean> = false;

  /** The event kind of a generated notice (null: written by HR). */
  @Property({ type: 'string', length: 32, nullable: true })
  template: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Unique({ name: 'notice_idempotency_key_unique' })
  idempotencyKey: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  /** When the recipients were resolved and their inbox items delivered (the publication time, or later when scheduled). */
  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @ManyToOne({ entity: () => User, joinColumn: 'created_by_user_id', mapToPk: true, nullable: true, deleteRule: 'restrict', updateRule: 'cascade' })
  createdByUserId: string | null = null;
}

/** One person's receipt of a notice: delivered, read, acknowledged (each set once; trigger `notice_recipient_fixed`). */
@Entity({ tableName: 'notice_recipient' })
@Index({ name: 'notice_recipient_employee_index', properties: ['employeeId', 'noticeId'] })
@Index({ name: 'notice_recipient_department_index', properties: ['noticeId', 'departmentId'] })
export class NoticeRecipient {
  @ManyToOne({ entity: () => Notice, joinColumn: 'notice_id', mapToPk: true, primary: true, deleteRule: 'restrict', updateRule: 'cascade' })
  noticeId!: string;

  @ManyToOne({ entity: () => Employee, joinColumn: 'employee_id', mapToPk: true, primary: true, deleteRule: 'restrict', updateRule: 'cascade' })
  employeeId!: string;

  /** The recipient's department at publication (reach is reported by it). */
  @ManyToOne({ entity: () => Department, joinColumn: 'department_id', mapToPk: true, deleteRule: 'restrict', updateRule: 'cascade' })
  departmentId!: string;

  @Property({ type: 'datetime' })
  deliveredAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null = null;
}
