/**
 * Shared setup of the cycle benches: an embedded PostgreSQL in a scratch directory, the real API in this process
 * (pg-boss jobs, the product's statement and request timeouts) over the demo group grown by `extra` cafeteria staff
 * (100 team leaders under the head cook, the rest in their teams), so the cafeteria scheme's cycle covers ~`extra`
 * people.
 *
 * The fixture (migrations, the demo organization, the generated staff) is written before the API starts, through
 * the bench's own connection without statement_timeout: under load the demo seed's bulk inserts (notice recipients,
 * honors) ran past the API's 10 s statement budget three times at 10,000 people. The API then starts on the
 * finished database (nothing left to migrate or seed) with its normal limits, which is what is measured. Progress is
 * polled with SQL on the bench's connection, not through GraphQL, so a poll never competes with the job for the
 * request budget; errors of idle bench connections are reported instead of ending the process.
 */
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../api/src/config.js';
import { fixedClock } from '../../api/src/core/clock.js';
import { createLogger } from '../../api/src/core/logger.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { openOrm } from '../../api/src/db/orm.js';
import { startServer } from '../../api/src/server.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';
import { freePort } from '../support/ports.js';
import { waitForJobsIdle } from '../support/server.js';

export interface BenchCycleServer {
  url: string;
  /** The cluster's superuser connection to the bench database (fixtures, polling, COPY baselines); no statement_timeout. */
  owner: pg.Pool;
  /** SQL statements the API ran since the last reset. */
  statements: string[];
  hr: string;
  /** Seconds the fixture took (migrations, demo seed, generated staff): not part of any figure. */
  setupSeconds: number;
  /** CPU seconds used so far by this process (the API and its jobs) and by the embedded PostgreSQL (all its processes). */
  cpu(): Promise<CpuSeconds>;
  stop(): Promise<void>;
}

/** Posts one GraphQL operation; throws on errors. */
export async function call<T>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors ?? body));
  return body.data;
}

export async function startBenchServer(extra: number): Promise<BenchCycleServer> {
  const setupStarted = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-bench-cycles-'));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
  const owner = new pg.Pool({ connectionString: database.url.replace(/\/postgres$/, '/bench'), max: 4 });
  // An idle pooled connection that drops emits 'error' on the pool; unhandled, that ends the bench process.
  owner.on('error', (error) => console.error(`bench connection dropped (the pool reconnects): ${error.message}`));
  try {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const url = database.url.replace(/\/postgres$/, '/bench');
    // The fixture's own ORM: no statement_timeout (openOrm sets one only when asked). Not one connection: the seed's
    // services read through their own pooled connection while a transaction holds another.
    const setup = await openOrm({ url, poolMax: 4 });
    try {
      await setup.getMigrator().up();
      await seedDemoData(setup.em, { cycles: false });
    } finally {
      await setup.close(true);
    }
    await growCafeteria(owner, extra);
    const statements: string[] = [];
    const server = await startServer(
      { ...loadConfig({ NODE_ENV: 'test' }), port: 0, host: '127.0.0.1', databaseUrl: url, migrationDatabaseUrl: url, seedDemo: false, jwtSecret: 'bench-secret-bench-secret-bench-secret-123', logLevel: 'warn' },
      { log: createLogger('warn'), clock: fixedClock('2025-10-02'), jobPollingIntervalSeconds: 0.5, sqlObserver: (s) => statements.push(s) },
    );
    const hr = (await call<{ login: { token: string } }>(server.url, null, 'mutation { login(email: "hr@demo.local", password: "demo1234") { token } }')).login.token;
    return {
      url: server.url,
      owner,
      statements,
      hr,
      setupSeconds: (performance.now() - setupStarted) / 1000,
      cpu: () => cpuSeconds(path.join(dir, 'pg')),
      async stop() {
        // Background work still running when PostgreSQL stops lost its connection with an unhandled error that ended the
        // bench process after its figures were printed: let the jobs finish first (bounded).
        await waitForJobsIdle(server, 60_000).catch((error: unknown) => console.error(String(error)));
        await owner.end();
        await server.stop();
        await database.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await owner.end().catch(() => undefined);
    await database.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export interface CpuSeconds {
  api: number;
  postgres: number;
}

/** A CPU figure of [start, end] with the load it ran under: "API 1.5 s + PostgreSQL 6.2 s CPU, load 12.7 -> 13.8 on 2 cores". */
export function cpuReport(start: CpuSeconds, end: CpuSeconds, loadStart: number): string {
  return `CPU: API ${(end.api - start.api).toFixed(1)} s + PostgreSQL ${(end.postgres - start.postgres).toFixed(1)} s; load average ${loadStart.toFixed(1)} -> ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} cores`;
}

const TICKS_PER_SECOND = 100; // Linux USER_HZ
/** utime + stime (+ cutime + cstime: exited backends count towards the postmaster) of a /proc/<pid>/stat line, and its parent. */
async function procTimes(pid: string, withChildren: boolean): Promise<{ ppid: string; seconds: number } | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const n = (i: number) => Number(fields[i - 3]);
  return { ppid: fields[1] ?? '', seconds: (n(14) + n(15) + (withChildren ? n(16) + n(17) : 0)) / TICKS_PER_SECOND };
}

async function cpuSeconds(pgDir: string): Promise<CpuSeconds> {
  const usage = process.cpuUsage();
  const api = (usage.user + usage.system) / 1e6;
  const postmaster = (await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0] ?? '';
  let postgres = (await procTimes(postmaster, true))?.seconds ?? 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const child = await procTimes(pid, false);
    if (child && child.ppid === postmaster) postgres += child.seconds;
  }
  return { api, postgres };
}

/** 100 team leaders under the head cook (CF002), then their teams: regular cafeteria cooks hired in 2020 (one statement each). */
async function growCafeteria(owner: pg.Pool, extra: number): Promise<void> {
  const leaders = 100;
  await owner.query(
    `insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, category, performance_pay_base)
     select gen_random_uuid(), 1, now(), now(), 'BL' || lpad(g::text, 3, '0'), 'Bench leader ' || g, c.department_id, c.position_id, c.id, date '2020-01-01', 'REGULAR', 'cafeteria', 900
     from generate_series(1, $1::int) g, (select id, department_id, position_id from employee where employee_number = 'CF002') c`,
    [leaders],
  );
  await owner.query(
    `insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, category, performance_pay_base)
     select gen_random_uuid(), 1, now(), now(), 'BW' || lpad(g::text, 5, '0'), 'Bench cook ' || g, l.department_id, l.position_id, l.id, date '2020-01-01', 'REGULAR', 'cafeteria', 800
     from generate_series(1, $1::int) g join (select id, department_id, position_id, employee_number from employee where employee_number like 'BL%') l
       on l.employee_number = 'BL' || lpad(((g % $2::int) + 1)::text, 3, '0')`,
    [extra - leaders, leaders],
  );
  await owner.query('analyze');
}

/** Polls a job's status row with SQL every 100 ms until it is DONE or FAILED. */
export async function waitForJob(s: BenchCycleServer, statusQuery: string, id: string): Promise<{ status: string; progress: Record<string, unknown> }> {
  for (;;) {
    const row = (await s.owner.query<{ status: string | null; progress: Record<string, unknown> | null }>(statusQuery, [id])).rows[0];
    if (row?.status === 'DONE' || row?.status === 'FAILED') return { status: row.status, progress: row.progress ?? {} };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Creates the cafeteria's September 2025 cycle over the whole cafeteria and launches it; resolves with the seconds from launchCycle to DONE. */
export async function launchCafeteria(s: BenchCycleServer): Promise<{ cycleId: string; seconds: number; progress: Record<string, unknown> }> {
  const schemes = await call<{ schemes: { nodes: Array<{ code: string; latestVersion: { id: string } | null }> } }>(s.url, s.hr, '{ schemes(first: 50) { nodes { code latestVersion { id } } } }');
  const versionId = schemes.schemes.nodes.find((n) => n.code === 'cafeteria')?.latestVersion?.id;
  const departments = await call<{ departments: { nodes: Array<{ id: string; code: string }> } }>(s.url, s.hr, '{ departments(first: 100) { nodes { id code } } }');
  const canteen = departments.departments.nodes.find((d) => d.code === 'CAFETERIA')?.id;
  const created = await call<{ createCycle: { id: string; version: number } }>(s.url, s.hr, 'mutation($i: CreateCycleInput!) { createCycle(input: $i) { id version } }', {
    i: { schemeVersionId: versionId, name: 'Cafeteria September 2025 (bench)', period: { kind: 'MONTH', key: '2025-09' }, targetDepartmentIds: [canteen] },
  });
  const started = performance.now();
  await call(s.url, s.hr, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { id } }', { id: created.createCycle.id, v: created.createCycle.version });
  const launch = await waitForJob(s, 'select launch_status as status, launch_progress as progress from cycle where id = $1', created.createCycle.id);
  if (launch.status === 'FAILED') throw new Error(`launch failed: ${JSON.stringify(launch.progress)}`);
  return { cycleId: created.createCycle.id, seconds: (performance.now() - started) / 1000, progress: launch.progress };
}
