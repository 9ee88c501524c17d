/**
 * The API against a hand-written server, over HTTP, interleaved in one run.
 *
 * Starts an embedded PostgreSQL with the demo group grown to 5,150 employees (1,500+ of them in the demo
 * supervisor's line) and 5,000+ published appraisal results (support/api-http-data.ts), the real API as a child
 * process twice (graphql-jit's compiled execution, the default, and graphql-js's interpreter, GRAPHQL_EXECUTION=interpreted, for comparison),
 * and a hand-written node:http + pg server in a third process that answers the same lists with one join query and a
 * count, returning the same JSON. Two lists: the employee list of the API speed issue (HR 50 and 500 rows, a
 * supervisor 50) and the appraisal results list (500 rows with total, grade and the employee, as HR and as a
 * supervisor). autocannon (concurrency 10, loopback only, bounded in time) drives each target in turn, twice, and
 * the bench prints requests per second, p50 and p99, the ratio to the hand-written server, each process's CPU time
 * per request (read from /proc, so it holds up when other work shares the machine), the SQL statements the API
 * runs per request (counted in an in-process server on the same data) and the API's peak RSS.
 *
 * Run: pnpm bench (or: npx tsx --conditions=source test/bench/api-http.ts). Prints its figures.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig, repoRoot } from '../../api/src/config.js';
import { createLogger } from '../../api/src/core/logger.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { startServer } from '../../api/src/server.js';
import { freePort } from '../support/ports.js';
import { waitForJobsIdle } from '../support/server.js';
import { prepareBenchData } from './support/api-http-data.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = 2;
const CONNECTIONS = 10;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-123';

const EMPLOYEES = `query($first: Int!) { employees(first: $first) {
  nodes { id name employeeNumber department { name } position { name } supervisor { name } } totalCount } }`;
const RESULTS = `query($cycleId: ID!, $first: Int!) { appraisals(first: $first, filter: { cycleId: $cycleId }) {
  totalCount nodes { id total grade state employee { name employeeNumber } } } }`;

interface Scenario {
  label: string;
  email: string;
  list: 'employees' | 'results';
  first: number;
  /** The ratio to reach (the API speed issue's), or none for lists it names no figure for. */
  target?: number;
}
const allScenarios: Scenario[] = [
  { label: 'HR, 50 rows', email: 'hr@demo.local', list: 'employees', first: 50, target: 0.4 },
  { label: 'SUPERVISOR, 50 rows', email: 'supervisor@demo.local', list: 'employees', first: 50, target: 0.3 },
  { label: 'HR, 500 rows', email: 'hr@demo.local', list: 'employees', first: 500, target: 0.2 },
  { label: 'results HR, 500', email: 'hr@demo.local', list: 'results', first: 500 },
  { label: 'results SUPERVISOR, 500', email: 'supervisor@demo.local', list: 'results', first: 500 },
];
// BENCH_ONLY="HR, 500" runs the scenarios whose label contains it (for profiling one path).
const scenarios = allScenarios.filter((s) => !process.env.BENCH_ONLY || s.label.includes(process.env.BENCH_ONLY));

/** Signs in over HTTP; the bearer token. */
async function login(apiUrl: string, email: string): Promise<string> {
  const body = await post<{ login: { token: string } }>(apiUrl, null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: 'demo1234' });
  return body.login.token;
}

/** One GraphQL request; throws on errors. */
async function post<T>(apiUrl: string, token: string | null, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-bench-http-'));
await chmod(dir, 0o755);
const database = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
const children: ChildProcess[] = [];
try {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const url = database.url.replace(/\/postgres$/, '/bench');
  const data = await prepareBenchData(url);
  const variablesOf = (scenario: Scenario) => (scenario.list === 'results' ? { cycleId: data.cycleId, first: scenario.first } : { first: scenario.first });
  const queryOf = (scenario: Scenario) => (scenario.list === 'results' ? RESULTS : EMPLOYEES);

  // ---- SQL statements per request, counted by an in-process server on the same data ----
  const statementsPer = new Map<string, number>();
  {
    const statements: string[] = [];
    const counting = await startServer(
      { ...loadConfig({ NODE_ENV: 'test' }), port: 0, host: '127.0.0.1', databaseUrl: url, migrationDatabaseUrl: url, seedDemo: false, jwtSecret: JWT_SECRET, logLevel: 'warn' },
      { log: createLogger('warn'), sqlObserver: (text) => statements.push(text) },
    );
    try {
      // The refresh the server queues at start would otherwise be counted with a request (it showed as a third statement).
      await waitForJobsIdle(counting);
      for (const scenario of scenarios) {
        const auth = await login(counting.url, scenario.email);
        const ask = () => post(counting.url, auth, queryOf(scenario), variablesOf(scenario));
        await ask();
        statements.length = 0;
        await ask();
        statementsPer.set(scenario.label, statements.length);
      }
    } finally {
      await counting.stop();
    }
  }

  // ---- the API, as it runs in production: built, in its own process ----
  const built = spawnSync('pnpm', ['--filter', './domain', '--filter', './migrations', '--filter', './api', 'run', 'build'], { cwd: repoRoot, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('building the API failed (pnpm --filter ./api run build)');
  const startApi = async (execution: 'compiled' | 'interpreted') => {
    const apiPort = await freePort();
    const profile = process.env.BENCH_CPU_PROFILE && execution === 'compiled' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
    // The same Node flags as `pnpm start` (package.json): the heap bound is part of how it runs in production.
    const flags = (process.env.BENCH_NODE_FLAGS ?? '--max-old-space-size=384').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...profile, ...flags, path.join(repoRoot, 'api/dist/main.js')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        JWT_SECRET,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        GRAPHQL_EXECUTION: execution,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    for (let i = 0; ; i++) {
      const ok = await fetch(`${apiUrl}/health/ready`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 300) throw new Error('the API did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { url: apiUrl, pid: child.pid ?? 0 };
  };
  const api = await startApi('compiled');
  const interpreted = await startApi('interpreted');
  // ---- the hand-written server, in its own process: one join query and a count, the same JSON ----
  const lookup = new pg.Client({ connectionString: url });
  await lookup.connect();
  const supervisorId = (
    await lookup.query<{ employee_id: string }>(`select employee_id from app_user where email = 'supervisor@demo.local'`)
  ).rows[0]?.employee_id;
  await lookup.end();
  const baselinePort = await freePort();
  const baselineProcess = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/bench/support/hand-written-server.ts')], {
    cwd: path.join(repoRoot, 'test'),
    env: { ...process.env, DATABASE_URL: url, PORT: String(baselinePort), SUPERVISOR_ID: supervisorId ?? '', CYCLE_ID: data.cycleId },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(baselineProcess);
  await new Promise<void>((resolve, reject) => {
    baselineProcess.once('message', () => resolve());
    baselineProcess.once('exit', (code) => reject(new Error(`the hand-written server exited (${code})`)));
  });
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;

  /** User + system CPU time of a process so far, in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
  const cpuMs = async (pid: number) => {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };

  const run = async (pid: number, requestUrl: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }) => {
    const cpuBefore = await cpuMs(pid);
    const result = await autocannon({ url: requestUrl, connections: CONNECTIONS, duration: SECONDS, ...init });
    if (result.non2xx || result.errors) throw new Error(`${requestUrl}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const cpu = ((await cpuMs(pid)) - cpuBefore) / Math.max(1, result.requests.total);
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpu };
  };

  console.log(`API vs hand-written server: ${data.employees} employees, ${data.lineSize} in the demo supervisor's line, ${data.results} appraisal results in one cycle; autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} interleaved rounds`);
  console.log('CPU ms/req is the target process\'s user+system time per answered request; "cpu ratio" is the hand-written server\'s CPU per request over the target\'s; SQL is the API\'s statements per request (aim <= 4).');
  console.log('scenario                 target               req/s    p50 ms   p99 ms  CPU ms/req   ratio  cpu ratio  SQL  aim');
  let allMet = true;
  type Run = Awaited<ReturnType<typeof run>>;
  for (const scenario of scenarios) {
    const auth = await login(api.url, scenario.email);
    const body = JSON.stringify({ query: queryOf(scenario), variables: variablesOf(scenario) });
    const request = { method: 'POST' as const, headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${auth}` }, body };
    const runs: Record<'base' | 'api' | 'interpreted', Run[]> = { base: [], api: [], interpreted: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const as = scenario.email.startsWith('supervisor') ? '&as=supervisor' : '';
      runs.base.push(await run(baselineProcess.pid ?? 0, `${baselineUrl}/${scenario.list}?first=${scenario.first}${as}`, { method: 'GET' }));
      runs.api.push(await run(api.pid, `${api.url}/graphql`, request));
      runs.interpreted.push(await run(interpreted.pid, `${interpreted.url}/graphql`, request));
    }
    const mean = (list: Run[], key: keyof Run) => list.reduce((sum, r) => sum + r[key], 0) / list.length;
    const ratio = (list: Run[]) => mean(list, 'rps') / mean(runs.base, 'rps');
    const cpuRatio = (list: Run[]) => mean(runs.base, 'cpu') / mean(list, 'cpu');
    const statements = statementsPer.get(scenario.label) ?? NaN;
    const met = (scenario.target === undefined || ratio(runs.api) >= scenario.target) && statements <= 4;
    allMet &&= met;
    const aim = `${scenario.target === undefined ? '(no ratio named)' : `>= ${scenario.target}`}, <= 4 SQL: ${met ? 'met' : 'NOT MET'}`;
    const line = (target: string, list: Run[], extra: string) =>
      `${scenario.label.padEnd(24)} ${target.padEnd(19)} ${mean(list, 'rps').toFixed(1).padStart(7)}  ${mean(list, 'p50').toFixed(1).padStart(8)} ${mean(list, 'p99').toFixed(1).padStart(8)}  ${mean(list, 'cpu').toFixed(2).padStart(10)}   ${extra}`;
    console.log(line('hand-written', runs.base, '    1          1'));
    console.log(line('this API', runs.api, `${ratio(runs.api).toFixed(2).padStart(5)}  ${cpuRatio(runs.api).toFixed(2).padStart(9)}  ${String(statements).padStart(3)}  ${aim}`));
    console.log(line('API, graphql-js', runs.interpreted, `${ratio(runs.interpreted).toFixed(2).padStart(5)}  ${cpuRatio(runs.interpreted).toFixed(2).padStart(9)}  ${String(statements).padStart(3)}  (GRAPHQL_EXECUTION=interpreted, for comparison)`));
  }
  const status = await readFile(`/proc/${api.pid}/status`, 'utf8').catch(() => '');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  const rssMet = peakKb / 1024 <= 250;
  console.log(`API peak RSS under this load: ${(peakKb / 1024).toFixed(0)} MB (aim <= 250 MB: ${rssMet ? 'met' : 'NOT MET'})`);
  console.log(allMet && rssMet ? 'All API speed aims met.' : 'Some API speed aims are not met (see above).');
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await database.stop();
  await rm(dir, { recursive: true, force: true });
}
