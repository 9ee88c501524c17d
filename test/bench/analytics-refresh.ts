/**
 * How long writers of counted rows wait while `analytics_refresh()` runs (the analytics.refresh job). The counters'
 * triggers (Migration20261201000000) take the advisory lock `analytics.counters` shared; the refresh takes it alone
 * while it puts the rebuilt counters in place. Two writers run back to back during each refresh, each statement in
 * its own transaction: one approves a ledger entry (pay counters), one saves a rating (task counters). Prints per
 * refresh its wall time and its backend's CPU, and the writers' statement latencies during it (p50, max). Data: the demo group plus BENCH_EMPLOYEES (default 1,000) bulk
 * employees with 6 published monthly cycles and an open one (test/support/analytics-data.ts). A monitor connection
 * samples pg_stat_activity every few ms: "lock wait" is the time a writer waited on an advisory lock (the counters'),
 * in all and its longest stretch. BENCH_BEFORE=1 migrates down to Migration20261202000000 first (the refresh that
 * rebuilds under the counters lock) to compare on the same data.
 * Run: npx tsx --conditions=source test/bench/analytics-refresh.ts
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openOrm } from '../../api/src/db/orm.js';
import { startBenchDatabase } from './support/bench-database.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';
import { REFRESH_STATEMENT_TIMEOUT_MS } from '../../api/src/modules/analytics/analytics.jobs.js';
import { generateAnalyticsData } from '../support/analytics-data.js';

const EXTRA_EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 1000);
const CYCLES = 6;
const REFRESHES = 5;

/** CPU ms (user + system) of a PostgreSQL backend so far, from /proc. */
async function backendCpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const bench = await startBenchDatabase();
try {
  const url = bench.url;
  const orm = await openOrm({ url });
  await orm.getMigrator().up();
  if (process.env.BENCH_BEFORE) await orm.getMigrator().down({ to: 'Migration20261202000000' });
  await seedDemoData(orm.em, { cycles: false });
  await orm.close(true);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await generateAnalyticsData(client, { extraEmployees: EXTRA_EMPLOYEES, cycles: CYCLES });
  const counts = (await client.query(
    `select (select count(*)::int from appraisal) as appraisals, (select count(*)::int from rating) as ratings, (select count(*)::int from ledger_entry) as ledger,
            (select count(*)::int from analytics.pay_cohort) as pay_cohorts, (select count(*)::int from analytics.task_count) as task_counts`,
  )).rows[0];
  console.log(`Data: ${JSON.stringify(counts)}`);

  const people = (await client.query<{ id: string; department_id: string }>(`select id, department_id from employee where employee_number like 'BULK%' order by id limit 200`)).rows;
  const ratings = (await client.query<{ id: string }>(`select r.id from rating r join appraisal a on a.id = r.appraisal_id join cycle c on c.id = a.cycle_id where c.state = 'rating' and r.state <> 'submitted' order by r.id limit 200`)).rows;
  const mover = people[0] as { id: string; department_id: string };
  const [elsewhere] = (await client.query<{ id: string }>(`select id from department where id <> $1 order by code limit 1`, [mover.department_id])).rows;

  const writer = async (label: string, statement: (i: number) => [string, unknown[]]) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const pid = (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number;
    return { label, c, pid, statement };
  };
  const writers = [
    await writer('ledger approval', (i) => {
      const p = people[i % people.length] as { id: string; department_id: string };
      return [
        `insert into ledger_entry (id, created_at, updated_at, employee_id, department_id, kind, component, unit, quantity, amount, money, settlement, period_key, occurred_on, status, source_kind)
         values (gen_random_uuid(), now(), now(), $1, $2, 'reward', 'bonus', 'money', 1, 10, 10, 'payroll', '2026-05', date '2026-05-20', 'approved', 'manual')`,
        [p.id, p.department_id],
      ];
    }),
    await writer('rating save', (i) => [`update rating set items = jsonb_build_object('n', $2::int) where id = $1`, [(ratings[i % ratings.length] as { id: string }).id, i]]),
  ];

  console.log(`Refreshes of analytics_refresh() with two writers back to back (statement_timeout ${REFRESH_STATEMENT_TIMEOUT_MS} ms in the refresh's transaction):`);
  console.log(`${process.env.BENCH_BEFORE ? 'Before (rebuild under the counters lock)' : 'Staged rebuild, swap under the counters lock'}; ms:`);
  console.log('refresh            wall ms  CPU ms | writer           stmts   p50 ms   max ms  lock wait  longest  writer CPU ms');
  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  for (let round = 0; round < REFRESHES; round++) {
    // Every other refresh follows an org move (the task counters are rebuilt too).
    const moved = round % 2 === 1;
    if (moved) await client.query('update employee set department_id = $1 where id = $2', [round % 4 === 1 ? elsewhere?.id : mover.department_id, mover.id]);
    let running = true;
    let refreshing = false;
    const samples = writers.map(() => [] as number[]);
    const loops = writers.map(async (w, k) => {
      let i = round * 10_000;
      while (running) {
        const [text, params] = w.statement(i++);
        const t = performance.now();
        const during = refreshing;
        await w.c.query(text, params);
        // Statements that started or ended during the refresh (one it held up ends after it).
        if (during || refreshing) samples[k]?.push(performance.now() - t);
      }
    });
    const cpuBefore = await Promise.all(writers.map((w) => backendCpuMs(w.pid)));
    // Lock waits of the writers, sampled while the refresh runs.
    const waits = writers.map(() => ({ total: 0, longest: 0, since: null as number | null }));
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const now = performance.now();
        const rows = (await monitor.query<{ pid: number; waiting: boolean }>(`select pid, coalesce(wait_event = 'advisory', false) as waiting from pg_stat_activity where pid = any($1::int[])`, [writers.map((w) => w.pid)])).rows;
        writers.forEach((w, k) => {
          const state = waits[k] as { total: number; longest: number; since: number | null };
          const waiting = rows.some((r) => r.pid === w.pid && r.waiting) && refreshing;
          if (waiting && state.since === null) state.since = now;
          if (!waiting && state.since !== null) {
            state.total += now - state.since;
            state.longest = Math.max(state.longest, now - state.since);
            state.since = null;
          }
        });
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const r = new pg.Client({ connectionString: url });
    await r.connect();
    const rPid = (await r.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number;
    const rCpu = await backendCpuMs(rPid);
    refreshing = true;
    const t = performance.now();
    // As the job runs it (analytics.jobs.ts refreshAnalyticsViews): a transaction of its own with a longer timeout.
    await r.query('begin');
    await r.query(`set local statement_timeout = ${REFRESH_STATEMENT_TIMEOUT_MS}`);
    await r.query('select analytics_refresh()');
    await r.query('commit');
    const wall = performance.now() - t;
    refreshing = false;
    const cpu = (await backendCpuMs(rPid)) - rCpu;
    await r.end();
    running = false;
    await Promise.all(loops);
    sampling = false;
    await sampler;
    const cpuAfter = await Promise.all(writers.map((w) => backendCpuMs(w.pid)));
    writers.forEach((w, k) => {
      const s = samples[k] ?? [];
      const p50 = percentile(s, 50);
      const wait = waits[k] as { total: number; longest: number };
      const head = k === 0 ? `${(moved ? 'after org move' : 'no org change').padEnd(16)} ${wall.toFixed(0).padStart(8)} ${cpu.toFixed(0).padStart(7)}` : ''.padEnd(33);
      console.log(
        `${head} | ${w.label.padEnd(16)} ${String(s.length).padStart(5)} ${p50.toFixed(1).padStart(8)} ${Math.max(0, ...s).toFixed(1).padStart(8)} ${wait.total.toFixed(0).padStart(10)} ${wait.longest.toFixed(0).padStart(8)} ${((cpuAfter[k] ?? 0) - (cpuBefore[k] ?? 0)).toFixed(0).padStart(14)}`,
      );
    });
  }
  for (const w of writers) await w.c.end();
  await monitor.end();
  if (!process.env.BENCH_BEFORE) {
    // The parts of the staged refresh alone (no writers), after an org move, rolled back.
    await client.query('update employee set department_id = $1 where id = $2', [elsewhere?.id, mover.id]);
    await client.query('begin');
    const parts: string[] = [];
    for (const part of ['stage_pay', 'stage_tasks', 'swap_pay', 'swap_tasks']) {
      const t = performance.now();
      await client.query(`select analytics.${part}()`);
      parts.push(`${part} ${(performance.now() - t).toFixed(0)}`);
    }
    await client.query('rollback');
    await client.query('update employee set department_id = $1 where id = $2', [mover.department_id, mover.id]);
    console.log(`Parts after an org move, ms: ${parts.join(', ')}`);
  }
  // The counters the writers kept equal a rebuild (same check as the tests: nothing lost in the swap).
  const kept = async () =>
    (await client.query<{ rows: string }>(`select string_agg(row(department_id, supervisor_path, period_key, pay_cycles, ledger_days, n, round(pay, 2), round(rewards, 2), round(penalties, 2))::text, ';' order by row(department_id, supervisor_path, period_key, pay_cycles, ledger_days)::text) as rows from analytics.pay_cohort`)).rows[0]?.rows;
  const before = await kept();
  await client.query('begin');
  await client.query('select analytics.rebuild_pay()');
  const rebuilt = await kept();
  await client.query('rollback');
  console.log(before === rebuilt ? 'Pay counters after the runs equal a rebuild.' : 'Pay counters after the runs DIFFER from a rebuild.');
  if (before !== rebuilt) process.exitCode = 1;
  await client.end();
} finally {
  await bench.stop();
}
