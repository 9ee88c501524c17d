/**
 * What field permissions cost on long lists: the employee list executed in-process on the bare schema
 * (no permission layer at all) and on the served one (shield on the root, field guards below), for every
 * role, reading the fields that role may read. Aim: the served schema within 1.3x of the bare one.
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
const RUNS = 20;
const RUNS_PER_ROUND = 5;
const listOf = (fields: string) => parse(`query($first: Int!) { employees(first: $first) { totalCount nodes { ${fields} } } }`);
const IDENTITY = 'id name department { name } position { name }';
const DETAILS = `${IDENTITY} employeeNumber email hireDate employmentStatus category disciplinaryFlag supervisor { name }`;
// Each role reads what it may read: a denied field would measure error handling, not permission checks.
const CALLERS = [
  { email: 'hr@demo.local', query: listOf(`${DETAILS} performancePayBase floatingPayBase`) },
  { email: 'admin@demo.local', query: listOf(DETAILS) },
  { email: 'committee@demo.local', query: listOf(IDENTITY) },
  { email: 'supervisor@demo.local', query: listOf(DETAILS) },
  { email: 'employee@demo.local', query: listOf(`${DETAILS} performancePayBase floatingPayBase`) },
];

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
  await seedDemoData(orm.em, { cycles: false });
  await orm.em.getConnection().execute(`
    insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, performance_pay_base)
    select gen_random_uuid(), 1, now(), now(), 'BULK' || lpad(g::text, 5, '0'), 'Bulk ' || g, e.department_id, e.position_id, e.supervisor_id, date '2020-01-01', 'REGULAR', 1000
    from generate_series(1, ${EXTRA_EMPLOYEES}) g
    join lateral (select department_id, position_id, supervisor_id from employee where supervisor_id is not null order by employee_number offset (g % 100) limit 1) e on true`);

  const tokens = createTokenService(new Uint8Array(32), 60);
  const [shielded, bare] = await Promise.all([buildAppSchema(tokens), buildBareSchema(tokens)]);
  const log = createLogger('warn');
  const readDb = createReadDb(orm);

  async function timeOnce(schema: typeof bare, email: string, query: ReturnType<typeof listOf>, first: number): Promise<number> {
    const em = orm.em.fork();
    const user = await em.findOneOrFail(User, { email });
    const actor = await loadActor(readDb, user.id);
    const contextValue = createRequestContext({ requestId: 'bench', actor, em: em as Parameters<typeof createRequestContext>[0]['em'], db: readDb, log });
    const started = performance.now();
    const result = await execute({ schema, document: query, variableValues: { first }, contextValue });
    const elapsed = performance.now() - started;
    if (result.errors?.length) throw new Error(`${email}: ${JSON.stringify(result.errors[0])}`);
    return elapsed;
  }

  console.log(`Field permissions on the employee list, ${EXTRA_EMPLOYEES + 150} employees, p50 of ${RUNS} runs (times in ms), bare and served interleaved:`);
  console.log('rows  caller        bare p50  served p50   ratio   aim');
  let allMet = true;
  for (const first of [50, 500]) {
    for (const { email, query } of CALLERS) {
      const bareSamples: number[] = [];
      const servedSamples: number[] = [];
      for (let warm = 0; warm < 3; warm++) {
        await timeOnce(bare, email, query, first);
        await timeOnce(shielded, email, query, first);
      }
      for (let round = 0; round < RUNS / RUNS_PER_ROUND; round++) {
        for (let i = 0; i < RUNS_PER_ROUND; i++) bareSamples.push(await timeOnce(bare, email, query, first));
        for (let i = 0; i < RUNS_PER_ROUND; i++) servedSamples.push(await timeOnce(shielded, email, query, first));
      }
      const bareP50 = percentile(bareSamples, 50);
      const servedP50 = percentile(servedSamples, 50);
      const ratio = servedP50 / bareP50;
      const met = first < 500 || ratio <= 1.3;
      allMet &&= met;
      console.log(
        `${String(first).padStart(4)}  ${(email.split('@')[0] ?? '').padEnd(12)} ${bareP50.toFixed(1).padStart(8)}  ${servedP50.toFixed(1).padStart(10)}   ${ratio.toFixed(2).padStart(5)}   ${first < 500 ? '' : `<= 1.3 ${met ? 'met' : 'NOT MET'}`}`,
      );
    }
  }
  console.log(allMet ? 'Field permissions cost within 1.3x on 500-row lists for every role.' : 'Field permissions cost more than 1.3x somewhere (see above).');
  await orm.close(true);
} finally {
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
