import { Check, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EditableEntity } from '../../core/record.js';
import { Employee } from '../org/employee.entity.js';

/**
 * One item of one person's in-app inbox: a notice or a task (write model; reads go through inbox.read.ts).
 * The key (`notice:<id>`, `rating:<id>@<date>`, `policyAck:<version>:<employee>`) makes every producer idempotent:
 * the same item is never delivered twice. This is the one notification mechanism of the platform.
 */
@Entity({ tableName: 'inbox_item' })
@Index({ name: 'inbox_item_recipient_created_index', expression: 'create index "inbox_item_recipient_created_index" on "inbox_item" ("recipient_employee_id", "created_at" desc)' })
@Index({ name: 'inbox_item_unread_index', expression: 'create index "inbox_item_unread_index" on "inbox_item" ("recipient_employee_id") where "read_at" is null' })
@Index({ name: 'inbox_item_open_task_index', expression: `create index "inbox_item_open_task_index" on "inbox_item" ("recipient_employee_id", "due") where "kind" = 'task' and "done_at" is null` })
@Check({ name: 'inbox_item_task_kind_check', expression: `("kind" = 'task') = ("task_kind" is not null)` })
export class InboxItemEntity extends EditableEntity {
  @Property({ type: 'string', length: 200 })
  @Unique()
  key!: string;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  recipientEmployee!: Employee;

  /** 'notice' or 'task'. */
  @Enum({ items: ['notice', 'task'], type: 'string', columnType: 'varchar(16)' })
  kind!: 'notice' | 'task';

  /** The domain's TaskKind for tasks, null for notices. */
  @Property({ type: 'string', length: 32, nullable: true })
  taskKind: string | null = null;

  /** Title in both languages, rendered when the item is created. */
  @Property({ type: 'json' })
  title!: { en: string; zh: string };

  @Property({ type: 'string', length: 32 })
  @Index({ name: 'inbox_item_link_index', properties: ['linkType', 'linkId'] })
  linkType!: string;

  @Property({ type: 'uuid' })
  linkId!: string;

  @Property({ type: 'date', nullable: true })
  due: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  doneAt: Date | null = null;
}

/** One delivery of an inbox item over one transport (in-app, e-mail later), idempotent by the message key. */
@Entity({ tableName: 'inbox_delivery' })
@Index({ name: 'inbox_delivery_pending_index', expression: 'create index "inbox_delivery_pending_index" on "inbox_delivery" ("created_at") where "delivered_at" is null' })
export class InboxDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  @ManyToOne({ entity: () => InboxItemEntity, deleteRule: 'cascade' })
  @Index({ name: 'inbox_delivery_item_index' })
  inboxItem!: InboxItemEntity;

  @Property({ type: 'string', columnType: 'varchar(16)' })
  channel!: string;

  @Property({ type: 'string', length: 220 })
  @Unique()
  idempotencyKey!: string;

  @Property({ type: 'integer' })
  attempts: Opt<number> = 0;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;
}
