/**
 * What the per-request session check costs: the old account lookup (app_user by id) against the session
 * lookup (auth_session joined to app_user, both by primary key), as named statements the way the read side
 * sends them, plus the plan PostgreSQL picks. Run: npx tsx --conditions=source test/bench/session-check.ts
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openOrm } from '../../api/src/db/orm.js';
import { startBenchDatabase } from './support/bench-database.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';

const RUNS = 3000;
const SESSIONS = 50_000;
const bench = await startBenchDatabase();
try {
  const url = bench.url;
  const orm = await openOrm({ url });
  await orm.getMigrator().up();
  await seedDemoData(orm.em, { cycles: false });
  await orm.close(true);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const user = (await client.query<{ id: string }>(`select id from app_user where email = 'hr@demo.local'`)).rows[0]?.id as string;
  // Many sessions, most of them ended, as after months of use.
  await client.query(
    `insert into auth_session (id, user_id, created_at, expires_at, revoked_at)
     select gen_random_uuid(), (select id from app_user order by random() limit 1), now(), now() + interval '8 hours', case when g % 3 = 0 then null else now() end
     from generate_series(1, ${SESSIONS}) g`,
  );
  const session = randomUUID();
  await client.query(`insert into auth_session (id, user_id, created_at, expires_at) values ($1, $2, now(), now() + interval '8 hours')`, [session, user]);
  await client.query('analyze');
  const statements = {
    'account only (before)': { name: 'before', text: 'select id, employee_id, roles from app_user where id = $1 and active', values: [user] },
    'session + account (now)': {
      name: 'now',
      text: `select u.id, u.employee_id, u.roles from auth_session s join app_user u on u.id = s.user_id
             where s.id = $1 and s.user_id = $2 and s.revoked_at is null and s.expires_at > now() and u.active`,
      values: [session, user],
    },
  };
  for (const [label, statement] of Object.entries(statements)) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS + 100; i++) {
      const started = performance.now();
      await client.query(statement);
      if (i >= 100) samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    const at = (p: number) => (samples[Math.floor((p / 100) * samples.length)] as number).toFixed(3);
    console.log(`${label.padEnd(26)} p50 ${at(50)} ms  p95 ${at(95)} ms  (${RUNS} runs, round trip on loopback)`);
  }
  const plan = await client.query(`explain (analyze, buffers) ${statements['session + account (now)'].text.replace('$1', `'${session}'`).replace('$2', `'${user}'`)}`);
  console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  await client.end();
} finally {
  await bench.stop();
}
