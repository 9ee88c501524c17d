/**
 * The API against a hand-written server, over HTTP, interleaved in one run.
 *
 * Starts an embedded PostgreSQL with the demo group grown to 5,150 employees (1,500+ of them in the demo
 * supervisor's line), the real API as a child process, and a hand-written node:http + pg server that
 * answers the same employee list with one join query and a count, returning the same JSON. autocannon
 * (concurrency 10, loopback only, bounded in time) drives each target in turn, twice, and the bench prints
 * requests per second, p50 and p99, the ratio to the hand-written server, and the API's peak RSS.
 *
 * Run: pnpm bench (or: npx tsx --conditions=source test/bench/api-http.ts). Prints its figures.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { repoRoot } from '../../api/src/config.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { openOrm } from '../../api/src/db/orm.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';
import { freePort } from '../support/ports.js';

const EXTRA_EMPLOYEES = 5000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = 2;
const CONNECTIONS = 10;

const QUERY = `query($first: Int!) { employees(first: $first) {
  nodes { id name employeeNumber department { name } position { name } supervisor { name } } totalCount } }`;

interface Scenario {
  label: string;
  email: string;
  first: number;
  target: number;
}
const allScenarios: Scenario[] = [
  { label: 'HR, 50 rows', email: 'hr@demo.local', first: 50, target: 0.4 },
  { label: 'SUPERVISOR, 50 rows', email: 'supervisor@demo.local', first: 50, target: 0.3 },
  { label: 'HR, 500 rows', email: 'hr@demo.local', first: 500, target: 0.2 },
];
// BENCH_ONLY="HR, 500" runs the scenarios whose label contains it (for profiling one path).
const scenarios = allScenarios.filter((s) => !process.env.BENCH_ONLY || s.label.includes(process.env.BENCH_ONLY));

const dir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-bench-http-'));
await chmod(dir, 0o755);
const database = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
let api: ChildProcess | undefined;
let baseline: http.Server | undefined;
let pool: pg.Pool | undefined;
try {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const url = database.url.replace(/\/postgres$/, '/bench');
  const orm = await openOrm({ url });
  await orm.getMigrator().up();
  await seedDemoData(orm.em, { cycles: false });
  // Grow the group: a third of the newcomers report into the nursing line (the demo supervisor's), the rest elsewhere.
  await orm.em.getConnection().execute(`
    insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, performance_pay_base)
    select gen_random_uuid(), 1, now(), now(), 'BULK' || lpad(g::text, 5, '0'), 'Bulk ' || g, e.department_id, e.position_id, e.id, date '2020-01-01', 'REGULAR', 1000
    from generate_series(1, ${EXTRA_EMPLOYEES}) g
    join lateral (
      select id, department_id, position_id from employee
      where case when g % 10 < 3 then employee_number like 'NU%' else employee_number not like 'NU%' end
      order by employee_number offset (g % 40) limit 1) e on true`);
  await orm.em.getConnection().execute('analyze');
  const lineSize = (
    await orm.em.getConnection().execute<Array<{ n: string }>>(`
      with recursive line(id) as (select e.id from employee e join app_user u on u.employee_id = e.supervisor_id where u.email = 'supervisor@demo.local'
        union select e.id from employee e join line on e.supervisor_id = line.id) select count(*) as n from line`)
  )[0]?.n;
  const total = (await orm.em.getConnection().execute<Array<{ n: string }>>('select count(*) as n from employee'))[0]?.n;
  await orm.close(true);

  // ---- the API, as it runs in production: built, in its own process ----
  const built = spawnSync('pnpm', ['--filter', './domain', '--filter', './migrations', '--filter', './api', 'run', 'build'], { cwd: repoRoot, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('building the API failed (pnpm --filter ./api run build)');
  const apiPort = await freePort();
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  // The same Node flags as `pnpm start` (package.json): the heap bound is part of how it runs in production.
  api = spawn(process.execPath, [...profile, ...(process.env.BENCH_NODE_FLAGS ?? '--max-old-space-size=384').split(' ').filter(Boolean), path.join(repoRoot, 'api/dist/main.js')], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url, PORT: String(apiPort), HOST: '127.0.0.1', NODE_ENV: 'production', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-123', SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${apiUrl}/health/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 300) throw new Error('the API did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const token = async (email: string) => {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: email, p: 'demo1234' } }),
    });
    const body = (await response.json()) as { data?: { login: { token: string } } };
    if (!body.data) throw new Error(`login ${email} failed: ${JSON.stringify(body)}`);
    return body.data.login.token;
  };

  // ---- the hand-written server: one join query and a count, the same JSON ----
  pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  const employeeOf = new Map<string, string>();
  for (const row of (await pool.query<{ email: string; employee_id: string }>('select email, employee_id from app_user where employee_id is not null')).rows)
    employeeOf.set(row.email, row.employee_id);
  const handWrittenPool = pool;
  baseline = http.createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const first = Number(params.get('first') ?? 50);
    const supervisor = params.get('as') === 'supervisor' ? employeeOf.get('supervisor@demo.local') : undefined;
    // $1 is the supervisor in both statements; the page size goes inline (a validated number). The line is
    // found the same way the API finds it, through the supervisor path the database keeps on each row.
    const scope = '';
    const where = supervisor ? 'where (e.id = $1 or e.supervisor_path @> array[$1::uuid])' : '';
    const values = supervisor ? [supervisor] : [];
    const limit = Number.isInteger(first) && first > 0 && first <= 500 ? first : 50;
    req.resume();
    req.on('end', async () => {
      try {
        const [page, count] = await Promise.all([
          handWrittenPool.query(
            `${scope} select e.id, e.name, e.employee_number, d.name as department, p.name as position, s.name as supervisor
             from employee e join department d on d.id = e.department_id join position p on p.id = e.position_id
             left join employee s on s.id = e.supervisor_id ${where} order by e.employee_number, e.id limit ${limit}`,
            values,
          ),
          handWrittenPool.query(`${scope} select count(*)::int as n from employee e ${where}`, values),
        ]);
        const nodes = page.rows.map((r: Record<string, string | null>) => ({
          id: r.id,
          name: r.name,
          employeeNumber: r.employee_number,
          department: { name: r.department },
          position: { name: r.position },
          supervisor: r.supervisor === null ? null : { name: r.supervisor },
        }));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { employees: { nodes, totalCount: count.rows[0].n } } }));
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    });
  });
  const baselinePort = await freePort();
  await new Promise<void>((resolve) => baseline?.listen(baselinePort, '127.0.0.1', resolve));
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;

  const run = async (requestUrl: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }) => {
    const result = await autocannon({ url: requestUrl, connections: CONNECTIONS, duration: SECONDS, ...init });
    if (result.non2xx || result.errors) throw new Error(`${requestUrl}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
  };

  console.log(`API vs hand-written server: ${total} employees, ${lineSize} in the demo supervisor's line; autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} interleaved rounds`);
  console.log('scenario                 target          req/s     p50 ms   p99 ms   ratio   aim');
  let allMet = true;
  for (const scenario of scenarios) {
    const auth = await token(scenario.email);
    const body = JSON.stringify({ query: QUERY, variables: { first: scenario.first } });
    const apiRuns: Array<{ rps: number; p50: number; p99: number }> = [];
    const baseRuns: Array<{ rps: number; p50: number; p99: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      baseRuns.push(await run(`${baselineUrl}/?first=${scenario.first}${scenario.email.startsWith('supervisor') ? '&as=supervisor' : ''}`, { method: 'GET' }));
      apiRuns.push(
        await run(`${apiUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${auth}` },
          body,
        }),
      );
    }
    const mean = (runs: typeof apiRuns, key: 'rps' | 'p50' | 'p99') => runs.reduce((sum, r) => sum + r[key], 0) / runs.length;
    const ratio = mean(apiRuns, 'rps') / mean(baseRuns, 'rps');
    const met = ratio >= scenario.target;
    allMet &&= met;
    const line = (target: string, runs: typeof apiRuns, extra: string) =>
      `${scenario.label.padEnd(24)} ${target.padEnd(14)} ${mean(runs, 'rps').toFixed(1).padStart(7)}  ${mean(runs, 'p50').toFixed(1).padStart(8)} ${mean(runs, 'p99').toFixed(1).padStart(8)}   ${extra}`;
    console.log(line('hand-written', baseRuns, '1'));
    console.log(line('this API', apiRuns, `${ratio.toFixed(2).padStart(5)}   >= ${scenario.target} ${met ? 'met' : 'NOT MET'}`));
  }
  const status = await readFile(`/proc/${api.pid}/status`, 'utf8').catch(() => '');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  const rssMet = peakKb / 1024 <= 250;
  console.log(`API peak RSS under this load: ${(peakKb / 1024).toFixed(0)} MB (aim <= 250 MB: ${rssMet ? 'met' : 'NOT MET'})`);
  console.log(allMet && rssMet ? 'All API speed aims met.' : 'Some API speed aims are not met (see above).');
} finally {
  api?.kill('SIGTERM');
  baseline?.close();
  await pool?.end();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await database.stop();
  await rm(dir, { recursive: true, force: true });
}
