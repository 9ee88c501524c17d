/**
 * Shared setup of the cycle benches: an embedded PostgreSQL in a scratch directory, the real API in this process
 * (migrations, least-privilege role, pg-boss jobs) over the demo group grown by `extra` cafeteria staff (100 team
 * leaders under the head cook, the rest in their teams), so the cafeteria scheme's cycle covers ~`extra` people.
 * The org is generated with SQL (it is the bench's fixture, not what is measured).
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../api/src/config.js';
import { fixedClock } from '../../api/src/core/clock.js';
import { createLogger } from '../../api/src/core/logger.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { startServer } from '../../api/src/server.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';
import { freePort } from '../support/ports.js';

export interface BenchCycleServer {
  url: string;
  /** The cluster's superuser connection to the bench database (fixtures, COPY baselines). */
  owner: pg.Pool;
  /** SQL statements the API ran since the last reset. */
  statements: string[];
  hr: string;
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
  const dir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-bench-cycles-'));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const url = database.url.replace(/\/postgres$/, '/bench');
  const statements: string[] = [];
  const server = await startServer(
    { ...loadConfig({ NODE_ENV: 'test' }), port: 0, host: '127.0.0.1', databaseUrl: url, migrationDatabaseUrl: url, seedDemo: false, jwtSecret: 'bench-secret-bench-secret-bench-secret-123', logLevel: 'warn' },
    { log: createLogger('warn'), clock: fixedClock('2025-10-02'), jobPollingIntervalSeconds: 0.5, sqlObserver: (s) => statements.push(s) },
  );
  await seedDemoData(server.orm.em, { cycles: false });
  const owner = new pg.Pool({ connectionString: url, max: 4 });
  // 100 team leaders under the head cook (CF002), then their teams: regular cafeteria cooks hired in 2020.
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
     from generate_series(1, $1::int) g join lateral (select id, department_id, position_id from employee where employee_number = 'BL' || lpad(((g % $2::int) + 1)::text, 3, '0')) l on true`,
    [extra - leaders, leaders],
  );
  await owner.query('analyze');
  const hr = (await call<{ login: { token: string } }>(server.url, null, 'mutation { login(email: "hr@demo.local", password: "demo1234") { token } }')).login.token;
  return {
    url: server.url,
    owner,
    statements,
    hr,
    async stop() {
      await owner.end();
      await server.stop();
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
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
  for (;;) {
    const c = await call<{ cycle: { launch: { status: string; progress: Record<string, unknown> } } }>(s.url, s.hr, 'query($id: ID!) { cycle(id: $id) { launch { status progress } } }', { id: created.createCycle.id });
    if (c.cycle.launch.status === 'DONE' || c.cycle.launch.status === 'FAILED') {
      if (c.cycle.launch.status === 'FAILED') throw new Error(`launch failed: ${JSON.stringify(c.cycle.launch.progress)}`);
      return { cycleId: created.createCycle.id, seconds: (performance.now() - started) / 1000, progress: c.cycle.launch.progress };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
