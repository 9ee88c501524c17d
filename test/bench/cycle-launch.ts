/**
 * Launching a cycle of 10,000 employees (issue 9: "10,000 employees launched in <= 30 s on one machine").
 * A scratch embedded PostgreSQL, the demo group grown to ~10,000 cafeteria staff, the real API in-process; HR
 * creates the cafeteria's month over the whole cafeteria and launches it (the pg-boss job plans the population and
 * raters and inserts appraisals and ratings in batches); the bench times launchCycle -> DONE.
 * Run: pnpm bench (or: npx tsx --conditions=source test/bench/cycle-launch.ts). BENCH_EMPLOYEES changes the size.
 */
import os from 'node:os';
import { cpuReport, launchCafeteria, startBenchServer } from './cycle-setup.js';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 10_000);
const TARGET_SECONDS = 30;

const server = await startBenchServer(EMPLOYEES);
try {
  const loadStarted = os.loadavg()[0] ?? 0;
  const cpuStarted = await server.cpu();
  const launched = await launchCafeteria(server);
  const cpu = cpuReport(cpuStarted, await server.cpu(), loadStarted);
  const counts = (await server.owner.query<{ appraisals: number; ratings: number }>(
    'select (select count(*)::int from appraisal where cycle_id = $1) as appraisals, (select count(*)::int from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = $1) as ratings',
    [launched.cycleId],
  )).rows[0];
  console.log(`setup (fixture, not measured): ${server.setupSeconds.toFixed(0)} s`);
  console.log(
    `cycle launch: ${counts?.appraisals} appraisals, ${counts?.ratings} ratings in ${launched.seconds.toFixed(1)} s wall ` +
      `(${cpu}; target <= ${TARGET_SECONDS} s) ${launched.seconds <= TARGET_SECONDS ? 'OK' : 'MISSED'}`,
  );
  if (launched.seconds > TARGET_SECONDS) process.exitCode = 1;
} finally {
  await server.stop();
}
