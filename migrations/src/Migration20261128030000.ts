import { Migration } from '@mikro-orm/migrations';

/**
 * Queues of two result jobs: `acknowledgement.lapse` (daily: unanswered published results past their due day are
 * recorded as lapsed) and `rollup.compute` (queued after each publication: the cycle's roll-up, if its scheme has one).
 */
const QUEUES: ReadonlyArray<{ name: string; options: Record<string, unknown> }> = [
  { name: 'acknowledgement.lapse', options: { policy: 'stately', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 } },
  { name: 'rollup.compute', options: { policy: 'stately', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 } },
];

export class Migration20261128030000 extends Migration {
  override async up(): Promise<void> {
    for (const q of QUEUES) this.addSql(`select pgboss.create_queue('${q.name}', '${JSON.stringify(q.options)}'::json);`);
  }

  override async down(): Promise<void> {
    for (const q of QUEUES) this.addSql(`select pgboss.delete_queue('${q.name}');`);
  }
}
