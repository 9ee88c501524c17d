import { Entity, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { EditableEntity } from '../../core/record.js';
import { Employee } from '../org/employee.entity.js';

/**
 * One message to one person (a reminder of open tasks, a notice). The idempotency key (`<itemKey>@<date>`) makes a
 * reminder job safe to rerun and to run on several replicas: the same task is never sent twice on one day.
 */
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_recipient_created_index', expression: `create index "notification_recipient_created_index" on "notification" ("recipient_employee_id", "created_at" desc, "id" desc)` })
@Index({ name: 'notification_unread_index', expression: `create index "notification_unread_index" on "notification" ("recipient_employee_id") where "read_at" is null` })
@Index({
  name: 'notification_unsent_index',
  expression: `create index "notification_unsent_index" on "notification" ("sent_at") where "sent_at" is null`,
})
export class Notification extends EditableEntity {
  @Property({ type: 'string', length: 200 })
  @Unique()
  idempotencyKey!: string;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  recipientEmployee!: Employee;

  @Property({ type: 'string', length: 64 })
  kind!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'integer' })
  attempts: Opt<number> = 0;

  /** When the recipient marked it read. */
  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}
