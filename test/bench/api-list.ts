/**
 * How long listing employees takes through the whole API, and what graphql-shield adds on long lists.
 * Run: pnpm bench (or: npx tsx --conditions=source test/bench/api-list.ts). Prints its figures.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execute, parse } from 'graphql';
import pg from 'pg';
import { createRequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { createTokenService } from '../../api/src/core/tokens.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { openOrm } from '../../api/src/db/orm.js';
import { loadActor } from '../../api/src/modules/auth/auth.service.js';
import { User } from '../../api/src/modules/auth/user.entity.js';
import { buildAppSchema, buildBareSchema } from '../../api/src/schema.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';
import { freePort } from '../support/ports.js';

const EXTRA_EMPLOYEES = 2000;
const RUNS = 15;
const QUERY = parse(`query($first: Int!) {
  employees(first: $first) {
    totalCount
    nodes { id employeeNumber name email hireDate employmentStatus category performancePayBase floatingPayBase disciplinaryFlag
            department { name } position { name } supervisor { name } }
  }
}`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-bench-'));
await chmod(dir, 0o755);
const db = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
try {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const orm = await openOrm({ url: db.url.replace(/\/postgres$/, '/bench') });
  await orm.getMigrator().up();
  await seedDemoData(orm.em);
  await orm.em.getConnection().execute(`
    insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, performance_pay_base)
    select gen_random_uuid(), 1, now(), now(), 'BULK' || lpad(g::text, 5, '0'), 'Bulk ' || g, e.department_id, e.position_id, e.supervisor_id, date '2020-01-01', 'REGULAR', 1000
    from generate_series(1, ${EXTRA_EMPLOYEES}) g
    join lateral (select department_id, position_id, supervisor_id from employee where supervisor_id is not null order by employee_number offset (g % 100) limit 1) e on true`);

  const tokens = createTokenService(new Uint8Array(32), 60);
  const [shielded, bare] = await Promise.all([buildAppSchema(tokens), buildBareSchema(tokens)]);
  const log = createLogger('warn');
  const readDb = createReadDb(orm);

  async function time(schema: typeof bare, email: string, first: number): Promise<{ p50: number; p95: number }> {
    const samples: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const em = orm.em.fork();
      const user = await em.findOneOrFail(User, { email });
      const actor = await loadActor(readDb, user.id);
      const contextValue = createRequestContext({ requestId: `bench-${i}`, actor, em: em as Parameters<typeof createRequestContext>[0]['em'], db: readDb, log });
      const started = performance.now();
      const result = await execute({ schema, document: QUERY, variableValues: { first }, contextValue });
      const elapsed = performance.now() - started;
      if (schema === shielded && email === 'hr@demo.local' && result.errors?.length) throw new Error(JSON.stringify(result.errors[0]));
      if (i >= 2) samples.push(elapsed); // the first runs warm up caches and the JIT
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  }

  console.log(`Employee list, ${RUNS} runs each, ${EXTRA_EMPLOYEES + 150} employees in the database (times in ms):`);
  console.log('rows  schema        caller       p50      p95');
  for (const first of [50, 500]) {
    for (const [label, schema] of [['bare', bare], ['with shield', shielded]] as const) {
      for (const email of ['hr@demo.local', 'supervisor@demo.local']) {
        const { p50, p95 } = await time(schema, email, first);
        console.log(`${String(first).padStart(4)}  ${label.padEnd(12)}  ${email.split('@')[0]?.padEnd(10)}  ${p50.toFixed(1).padStart(7)}  ${p95.toFixed(1).padStart(7)}`);
      }
    }
  }
  await orm.close(true);
} finally {
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
