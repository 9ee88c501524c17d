/**
 * Analytics over 100,000 published appraisals: each aggregate of Query.analytics executed in-process on the served
 * schema (shield, field guards, SQL) for HR and for a supervisor (the Director of Nursing, whose line grows with the
 * bulk employees). Prints p50, p95 and p99 (with 20 runs: the slowest) wall time, the load average around the runs and
 * this process's CPU per run (the SQL runs in PostgreSQL, not counted there). Data: the demo group plus 10,000 employees, 10 published monthly cycles and one open one,
 * generated with set-based SQL (test/support/analytics-data.ts). Aim: p95 of every aggregate <= 200 ms.
 * Run: npx tsx --conditions=source test/bench/analytics.ts. Prints its figures.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execute, parse } from 'graphql';
import pg from 'pg';
import { fixedClock } from '../../api/src/core/clock.js';
import { createRequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { createTokenService } from '../../api/src/core/tokens.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { openOrm } from '../../api/src/db/orm.js';
import { loadActor } from '../../api/src/modules/auth/auth.service.js';
import { User } from '../../api/src/modules/auth/user.entity.js';
import { buildAppSchema } from '../../api/src/schema.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';
import { generateAnalyticsData } from '../support/analytics-data.js';
import { freePort } from '../support/ports.js';

const EXTRA_EMPLOYEES = 10_000;
const CYCLES = 10;
const RUNS = 20;
const FIELDS: Record<string, string> = {
  gradeDistribution: 'gradeDistribution { departmentId size grades { grade count } quotas { limit actual } }',
  scoreHistogram: 'scoreHistogram(min: "0", max: "100", buckets: 20) { buckets { count } outside }',
  scoreTrend: 'scoreTrend { cycleId departmentId n average }',
  raterLeniency: 'raterLeniency { raterId departmentId ratings raterAverage departmentAverage difference }',
  completion: 'completion { phase departmentId total done overdue late }',
  pay: 'pay { departmentId periodKey people pay suppressed { reason } }',
  appeals: 'appeals { departmentId appraisals appeals rate decided onTime }',
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

// BENCH_DATABASE_URL: an existing cluster (database `bench_analytics`, or BENCH_DATABASE_NAME, is created and generated
// once, then reused; a copy made before a migration lets a later run compare the same data before and after).
const external = process.env.BENCH_DATABASE_URL;
const dir = external ? null : await mkdtemp(path.join(os.tmpdir(), 'appraisal-bench-'));
if (dir) await chmod(dir, 0o755);
const db = external ? { url: external, stop: async () => {} } : await startEmbeddedPostgres(path.join(dir as string, 'pg'), await freePort());
try {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const name = external ? (process.env.BENCH_DATABASE_NAME ?? 'bench_analytics') : 'bench';
  const fresh = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 0;
  if (fresh) await admin.query(`create database ${name}`);
  await admin.end();
  const url = db.url.replace(/\/postgres$/, `/${name}`);
  const orm = await openOrm({ url });
  await orm.getMigrator().up();
  const client = new pg.Client({ connectionString: url });
  // A failure below stops PostgreSQL in `finally`; the dropped connection must not hide that failure behind an unhandled 'error'.
  client.on('error', (error) => console.error(`bench connection: ${error.message}`));
  await client.connect();
  if (fresh) {
    await seedDemoData(orm.em, { cycles: false });
    const started = performance.now();
    await generateAnalyticsData(client, { extraEmployees: EXTRA_EMPLOYEES, cycles: CYCLES });
    console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const counts = (await client.query<{ appraisals: number; published: number; ratings: number; pay_lines: number; ledger: number }>(
    `select (select count(*)::int from appraisal) as appraisals, (select count(*)::int from appraisal where published_at is not null) as published,
            (select count(*)::int from rating) as ratings, (select count(*)::int from pay_line) as pay_lines, (select count(*)::int from ledger_entry) as ledger`,
  )).rows[0];
  await client.end();
  console.log(`Data: ${JSON.stringify(counts)}`);

  const schema = await buildAppSchema(createTokenService(new Uint8Array(32), 60));
  const log = createLogger('warn');
  const readDb = createReadDb(orm);
  const clock = fixedClock('2026-06-12');

  async function timeOnce(email: string, field: string): Promise<number> {
    const em = orm.em.fork();
    const user = await em.findOneOrFail(User, { email });
    const actor = await loadActor(readDb, user.id);
    const contextValue = createRequestContext({ requestId: 'bench', actor, em: em as Parameters<typeof createRequestContext>[0]['em'], db: readDb, log, clock });
    const document = parse(`{ analytics { ${FIELDS[field]} } }`);
    const t = performance.now();
    const result = await execute({ schema, document, contextValue });
    const elapsed = performance.now() - t;
    if (result.errors?.length) throw new Error(`${email} ${field}: ${JSON.stringify(result.errors[0])}`);
    return elapsed;
  }

  console.log(`Analytics over ${counts?.published} published appraisals (${counts?.appraisals} in all, ${counts?.ratings} ratings), ${RUNS} runs each, ms:`);
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
  console.log('caller       aggregate            p50     p95     p99   aim       bench CPU ms/run');
  let allMet = true;
  for (const email of ['hr@demo.local', 'supervisor@demo.local']) {
    for (const field of Object.keys(FIELDS)) {
      await timeOnce(email, field);
      const samples: number[] = [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < RUNS; i++) samples.push(await timeOnce(email, field));
      const used = process.cpuUsage(cpu);
      const p95 = percentile(samples, 95);
      const met = p95 <= 200;
      allMet &&= met;
      const cells = [50, 95, 99].map((p) => percentile(samples, p).toFixed(1).padStart(7)).join(' ');
      const cpuPerRun = ((used.user + used.system) / 1000 / RUNS).toFixed(1);
      console.log(`${(email.split('@')[0] ?? '').padEnd(12)} ${field.padEnd(18)} ${cells}   <= 200 ${(met ? 'met' : 'NOT MET').padEnd(8)} ${cpuPerRun.padStart(6)}`);
    }
  }
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(allMet ? 'Every aggregate within 200 ms (p95).' : 'Some aggregate above 200 ms (see above).');
  await orm.close(true);
  if (!allMet) process.exitCode = 1;
} catch (error) {
  console.error('analytics bench failed:', error);
  process.exitCode = 1;
} finally {
  await db.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
