/**
 * A payout batch over 10,000 approved payroll entries (2,000 people x 5 components), through the services: build
 * (one INSERT … SELECT + one GROUPING SETS total), submit (totals recomputed), approve by the approver (lines frozen
 * by one INSERT … SELECT, checksum, entries paid by one UPDATE … FROM) and export (.xlsx of 10,000 lines, verified
 * against the checksum). Aim: build + export <= 5 s (the issue), approval reported too.
 * Run: npx tsx --conditions=source test/bench/payout.ts. Prints its figures.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { fixedClock } from '../../api/src/core/clock.js';
import { createRequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { openOrm } from '../../api/src/db/orm.js';
import { startBenchDatabase } from './support/bench-database.js';
import { loadActor } from '../../api/src/modules/auth/auth.service.js';
import { User } from '../../api/src/modules/auth/user.entity.js';
import { createPayoutBatch, exportPayoutBatch, transitionPayoutBatch } from '../../api/src/modules/ledger/payout.service.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';

const PEOPLE = 2_000;
const COMPONENTS = ['performancePay', 'floatingPay', 'bonus', 'adjustmentHours', 'adjustmentMoney'];

const bench = await startBenchDatabase('payout-bench-');
try {
  const url = bench.url;
  const orm = await openOrm({ url });
  await orm.getMigrator().up();
  await seedDemoData(orm.em);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, performance_pay_base)
    select gen_random_uuid(), 1, now(), now(), 'PAY' || lpad(g::text, 5, '0'), 'Payee ' || g, e.department_id, e.position_id, e.supervisor_id, date '2020-01-01', 'REGULAR', 1000
    from generate_series(1, ${PEOPLE}) g
    join lateral (select department_id, position_id, supervisor_id from employee where supervisor_id is not null order by employee_number offset (g % 100) limit 1) e on true`);
  await client.query(
    `insert into ledger_entry (id, version, created_at, updated_at, employee_id, department_id, kind, component, unit, quantity, amount, money, settlement, period_key, occurred_on, status, source_kind, approved_at)
     select gen_random_uuid(), 1, now(), now(), e.id, e.department_id, 'reward', c, 'money', m, m, m, 'payroll', '2026-05', date '2026-05-20', 'approved', 'appraisal', now()
     from employee e cross join unnest($1::text[]) c cross join lateral (select ((abs(hashtext(e.id::text || c)) % 500000) - 50000) / 100.0 as m) x
     where e.employee_number like 'PAY%'`,
    [COMPONENTS],
  );
  await client.query('analyze');
  const [{ n }] = (await client.query<{ n: number }>(`select count(*)::int as n from ledger_entry where status = 'approved'`)).rows as [{ n: number }];
  await client.end();

  const readDb = createReadDb(orm);
  const log = createLogger('warn');
  const clock = fixedClock('2026-06-02');
  const ctxOf = async (email: string) => {
    const em = orm.em.fork();
    const user = await em.findOneOrFail(User, { email });
    const actor = await loadActor(readDb, user.id);
    return createRequestContext({ requestId: 'bench', actor, em: em as Parameters<typeof createRequestContext>[0]['em'], db: readDb, log, clock });
  };
  const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const out = await work();
    return [out, performance.now() - t];
  };

  const [built, buildMs] = await time(async () => createPayoutBatch(await ctxOf('hr@demo.local'), { periodKey: '2026-05' }));
  const [submitted, submitMs] = await time(async () => transitionPayoutBatch(await ctxOf('hr@demo.local'), built.id, built.version, 'submit'));
  const [approved, approveMs] = await time(async () => transitionPayoutBatch(await ctxOf('approver@demo.local'), submitted.id, submitted.version, 'approve'));
  const [exported, exportMs] = await time(async () => exportPayoutBatch(await ctxOf('hr@demo.local'), approved.id));
  const [again, reexportMs] = await time(async () => exportPayoutBatch(await ctxOf('approver@demo.local'), approved.id));
  console.log(`Payout batch over ${built.entryCount} entries (${n} approved in the database), ${built.peopleCount} people, total ${built.total}:`);
  console.log(`  build (INSERT … SELECT + GROUPING SETS)        ${buildMs.toFixed(0).padStart(6)} ms`);
  console.log(`  submit (totals recomputed)                     ${submitMs.toFixed(0).padStart(6)} ms`);
  console.log(`  approve (lines, checksum, entries paid)        ${approveMs.toFixed(0).padStart(6)} ms`);
  console.log(`  export (.xlsx, ${exported.lineCount} lines, ${(exported.contentBase64.length * 0.75 / 1024).toFixed(0)} KiB)        ${exportMs.toFixed(0).padStart(6)} ms`);
  console.log(`  re-export (same checksum: ${again.checksum === exported.checksum && again.checksum === approved.checksum})          ${reexportMs.toFixed(0).padStart(6)} ms`);
  const total = buildMs + exportMs;
  const all = buildMs + submitMs + approveMs + exportMs;
  console.log(`build + export ${total.toFixed(0)} ms (aim <= 5000: ${total <= 5000 ? 'met' : 'NOT MET'}); build + submit + approve + export ${all.toFixed(0)} ms`);
  await orm.close(true);
} finally {
  await bench.stop();
}
