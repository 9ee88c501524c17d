/**
 * Results for 10,000 (issue 9: "compute and persist results for 10,000 (report the ratio to a plain COPY of the
 * same rows), results list of 500 with grade and total (SQL count constant)").
 * A scratch embedded PostgreSQL, the demo group grown to ~10,000 cafeteria staff, the real API in-process: HR
 * launches the cafeteria's month, every rating is filled in (SQL fixture), HR closes the rating phase and the
 * `cycle.closeRatingPhase` job computes every result with the engine and persists it (appraisal_result with the
 * trace, appraisal.result_id, audit entry per appraisal; batches of 1,000, one transaction per batch). Baseline: COPY of the same
 * appraisal_result rows (written to a file, then COPY FROM into an empty table of the same shape).
 * Then `appraisals(first: N)` with total, grade and employee: statements per request for N = 10, 100, 500.
 * Run: pnpm bench (or: npx tsx --conditions=source test/bench/results.ts). BENCH_EMPLOYEES changes the size.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { call, cpuReport, launchCafeteria, startBenchServer, waitForJob } from './cycle-setup.js';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 10_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const server = await startBenchServer(EMPLOYEES);
const scratch = await mkdtemp(path.join(os.tmpdir(), 'appraisal-bench-copy-'));
await chmod(scratch, 0o777);
try {
  const { cycleId, seconds: launchSeconds } = await launchCafeteria(server);
  const version = async () => (await call<{ cycle: { version: number } }>(server.url, server.hr, 'query($id: ID!) { cycle(id: $id) { version } }', { id: cycleId })).cycle.version;
  await call(server.url, server.hr, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cycleId, v: await version() });
  // Every head of a team rated their cooks (fixture: the rating service is not what is measured here).
  await server.owner.query(
    `update rating r set state = 'submitted', submitted_at = now(), version = r.version + 1,
       items = jsonb_build_object('hygiene', jsonb_build_object('points', (15 + n % 11)::text), 'foodQuality', jsonb_build_object('points', (14 + n % 12)::text),
         'service', jsonb_build_object('points', (10 + n % 11)::text), 'discipline', jsonb_build_object('points', (8 + n % 8)::text), 'safety', jsonb_build_object('points', (7 + n % 9)::text))
     from (select r2.id, row_number() over (order by r2.id) as n from rating r2 join appraisal a on a.id = r2.appraisal_id where a.cycle_id = $1) x
     where x.id = r.id`,
    [cycleId],
  );
  const started = performance.now();
  const cpuStarted = await server.cpu();
  const loadStarted = os.loadavg()[0] ?? 0;
  await call(server.url, server.hr, 'mutation($id: ID!, $v: Int!) { closeRatingPhase(cycleId: $id, version: $v) { id } }', { id: cycleId, v: await version() });
  const closed = await waitForJob(server, 'select status, progress from cycle_rating_close where cycle_id = $1', cycleId);
  if (closed.status === 'FAILED') throw new Error(`close job failed: ${JSON.stringify(closed.progress)}`);
  const progress = closed.progress;
  const computeSeconds = (performance.now() - started) / 1000;
  const cpu = cpuReport(cpuStarted, await server.cpu(), loadStarted);
  const rows = (await server.owner.query<{ n: number }>('select count(*)::int as n from appraisal_result r join appraisal a on a.id = r.appraisal_id where a.cycle_id = $1', [cycleId])).rows[0]?.n ?? 0;

  // Baseline: the same rows written by COPY into an empty table of the same shape (no triggers, no constraints but its columns).
  const file = path.join(scratch, 'results.copy');
  await server.owner.query(`copy (select r.* from appraisal_result r join appraisal a on a.id = r.appraisal_id where a.cycle_id = '${cycleId}') to '${file}'`);
  await server.owner.query('create table bench_copy_baseline (like appraisal_result including defaults)');
  // Median of three COPYs into the emptied table (one COPY is a single short statement: noisy under load).
  const copies: number[] = [];
  for (let i = 0; i < 3; i++) {
    await server.owner.query('truncate bench_copy_baseline');
    const copyStarted = performance.now();
    await server.owner.query(`copy bench_copy_baseline from '${file}'`);
    copies.push((performance.now() - copyStarted) / 1000);
  }
  const copySeconds = median(copies);

  console.log(`setup (fixture, not measured): ${server.setupSeconds.toFixed(0)} s; launch of the cycle ${launchSeconds.toFixed(1)} s`);
  console.log(
    `results: ${rows} computed and persisted in ${computeSeconds.toFixed(1)} s wall (${Math.round(rows / computeSeconds)}/s; ${cpu}; job progress ${JSON.stringify({ computed: progress.computed, blocked: progress.blocked })})`,
  );
  console.log(`results: COPY of the same ${rows} rows ${(copySeconds * 1000).toFixed(0)} ms (median of 3: ${copies.map((c) => (c * 1000).toFixed(0)).join(', ')} ms); ratio ${(computeSeconds / copySeconds).toFixed(0)}x`);

  // The results list: total, grade and the employee per row; the statement count must not grow with the page.
  const LIST = 'query($c: ID!, $n: Int!) { appraisals(first: $n, filter: { cycleId: $c }, sort: [{ field: TOTAL, direction: DESC }]) { totalCount nodes { id total grade state employee { name employeeNumber } } } }';
  const counts: string[] = [];
  for (const n of [10, 100, 500]) {
    const times: number[] = [];
    let statements = 0;
    for (let i = 0; i < 5; i++) {
      server.statements.length = 0;
      const t = performance.now();
      const data = await call<{ appraisals: { nodes: Array<{ total: string | null; grade: string | null }> } }>(server.url, server.hr, LIST, { c: cycleId, n });
      times.push(performance.now() - t);
      if (data.appraisals.nodes.length !== n || data.appraisals.nodes.some((x) => x.total === null || x.grade === null)) throw new Error(`list of ${n}: rows without total or grade`);
      statements = server.statements.length;
    }
    counts.push(`${n}: ${statements} statements, ${median(times).toFixed(0)} ms`);
  }
  console.log(`results list (HR, total + grade + employee): ${counts.join('; ')}`);
} finally {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}
