import { Migration } from '@mikro-orm/migrations';

/**
 * Reminders and probation: a notification is read by its recipient (`read_at`) and listed newest first per
 * recipient; the queues of the daily reminder planner (`reminders.daily`, also run by HR's `sendReminders` for
 * one cycle) and of the daily application of probation decisions (`probation.apply`).
 */
const QUEUES: ReadonlyArray<{ name: string; options: Record<string, unknown> }> = [
  { name: 'reminders.daily', options: { policy: 'stately', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 } },
  { name: 'probation.apply', options: { policy: 'stately', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 } },
];

export class Migration20261127120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "read_at" timestamptz null;`);
    this.addSql(`create index "notification_recipient_created_index" on "notification" ("recipient_employee_id", "created_at" desc, "id" desc);`);
    this.addSql(`create index "notification_unread_index" on "notification" ("recipient_employee_id") where "read_at" is null;`);
    for (const q of QUEUES) this.addSql(`select pgboss.create_queue('${q.name}', '${JSON.stringify(q.options)}'::json);`);
  }

  override async down(): Promise<void> {
    for (const q of QUEUES) this.addSql(`select pgboss.delete_queue('${q.name}');`);
    this.addSql(`drop index if exists "notification_unread_index";`);
    this.addSql(`drop index if exists "notification_recipient_created_index";`);
    this.addSql(`alter table "notification" drop column "read_at";`);
  }
}
