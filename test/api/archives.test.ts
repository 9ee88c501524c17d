import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeIdOf, loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Per-person archives on the demo data (the nurse NUMED001 — employee@ — has the ward's September 2026 closed and
 * October 2026 published), plus an old history written directly for NUMED002 (a 2015 ledger entry and the appeal
 * against it), for retention: export first, then purge through the database's controlled path.
 */
let server: TestServer;
let hr: string;
let employee: string;
let supervisor: string;
let nurse2: string;
let self = '';
let other = '';
let oldEntry = '';
let oldAppeal = '';
const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
const ARCHIVE = 'query($e: ID!, $l: ArchiveLanguage) { employeeArchive(employeeId: $e, lang: $l) { events { kind date id title { en zh } periodKey schemeVersion resultNumber total grade money amount unit outcome relatedId explanation inputs } } }';
type Event = { kind: string; date: string; id: string; periodKey: string | null; schemeVersion: number | null; resultNumber: number | null; total: string | null; explanation: string[]; inputs: unknown; outcome: string | null };

beforeAll(async () => {
  server = await startTestServer({ demoCycles: true });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
  supervisor = await login(server.url, demo.supervisor);
  nurse2 = await loginAs(server, 'NUMED002');
  self = await employeeIdOf(server, 'NUMED001');
  other = await employeeIdOf(server, 'NUMED002');
  const entry = await sqlRows<{ id: string }>(
    `insert into ledger_entry (id, version, created_at, updated_at, employee_id, department_id, rule_code, kind, component, unit, quantity, count, amount, money, settlement, period_key, occurred_on, status, source_kind, approved_at)
     select gen_random_uuid(), 1, now(), now(), e.id, e.department_id, 'LATE', 'punishment', 'deduction', 'money', 50, 1, -50, -50, 'payroll', '2015-03', '2015-03-02', 'approved', 'manual', '2015-03-03'
       from employee e where e.id = ? returning id`,
    [other],
  );
  oldEntry = entry[0]?.id as string;
  const appeal = await sqlRows<{ id: string }>(
    `insert into appeal (id, version, created_at, updated_at, appellant_employee_id, department_id, target_kind, ledger_entry_id, grounds, attachments, filed_on, due_on, state, outcome, reason, decided_at, closed_at)
     select gen_random_uuid(), 1, now(), now(), e.id, e.department_id, 'ledgerEntry', ?, 'I was on leave', '[]', '2015-03-04', '2015-03-13', 'closed', 'rejected', 'not on leave', '2015-03-10', '2015-03-11'
       from employee e where e.id = ? returning id`,
    [oldEntry, other],
  );
  oldAppeal = appeal[0]?.id as string;
}, 120_000);
afterAll(() => server?.stop());

describe('archive', () => {
  it('the demo holds an appeal decided on time (upheld, re-scored, closed), one under review due in one working day, one withdrawn', async () => {
    const rows = await sqlRows<{ state: string; outcome: string | null; new_result_id: string | null; on_time: boolean }>(
      `select state, outcome, new_result_id, (decided_at at time zone 'Asia/Shanghai')::date <= due_on as on_time from appeal where grounds not like 'I was on leave%' order by state`,
    );
    expect(rows.map((r) => [r.state, r.outcome])).toEqual([['closed', 'upheld'], ['under_review', null], ['withdrawn', null]]);
    expect(rows[0]?.new_result_id).not.toBeNull();
    expect(rows[0]?.on_time).toBe(true);
  });

  it('HR reads a person\'s history in time order: each published result with its scheme version, inputs and explanation', async () => {
    const events = ok(await gql<{ employeeArchive: { events: Event[] } }>(server.url, ARCHIVE, { e: self, l: 'ZH' }, hr)).employeeArchive.events;
    const results = events.filter((e) => e.kind === 'APPRAISAL');
    expect(results.map((e) => e.periodKey)).toEqual(expect.arrayContaining(['2026-09', '2026-10']));
    for (const r of results) {
      expect(r).toMatchObject({ schemeVersion: expect.any(Number), resultNumber: 1, total: expect.any(String) });
      expect(r.explanation.length).toBeGreaterThan(0);
      expect(r.inputs).not.toBeNull();
    }
    expect(results[0]?.explanation.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('the person reads their own archive; nobody else but HR reads it (the archive holds pay); retention is HR\'s', async () => {
    const mine = ok(await gql<{ employeeArchive: { events: Event[] } }>(server.url, ARCHIVE, { e: self }, employee)).employeeArchive.events;
    expect(mine.length).toBeGreaterThan(0);
    expect(codes(await gql(server.url, ARCHIVE, { e: other }, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, ARCHIVE, { e: self }, supervisor))).toEqual(['FORBIDDEN']);
    const lastExport = await gql(server.url, 'query($e: ID!) { employeeArchive(employeeId: $e) { lastExport { upTo } } }', { e: self }, employee);
    expect(codes(lastExport)).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ archiveRetention { years } }', {}, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, 'mutation($e: ID!) { exportArchive(employeeId: $e) { fileName } }', { e: self }, employee))).toEqual(['FORBIDDEN']);
  });

  it('one set of statements whatever the history: a long archive costs what a short one does', async () => {
    // A cook with one published result against the nurse with several months, acknowledgements and ledger lines.
    const cook = await sqlRows<{ id: string }>(`select a.employee_id as id from appraisal a join cycle c on c.id = a.cycle_id where c.name = 'Cafeteria September 2026' order by a.employee_id limit 1`);
    const count = async (id: string) => {
      server.sql.length = 0;
      ok(await gql(server.url, ARCHIVE, { e: id }, hr));
      return server.sql.length;
    };
    const long = await count(self);
    const short = await count(cook[0]?.id as string);
    expect(long).toBe(short);
    expect(long).toBeLessThanOrEqual(4);
  });

  it('old ledger entries and appeals are in the archive, oldest first', async () => {
    const events = ok(await gql<{ employeeArchive: { events: Event[] } }>(server.url, ARCHIVE, { e: other }, nurse2)).employeeArchive.events;
    expect(events.slice(0, 2).map((e) => [e.kind, e.date, e.outcome])).toEqual([
      ['LEDGER_ENTRY', '2015-03-02', 'approved'],
      ['APPEAL', '2015-03-04', 'closed:rejected'],
    ]);
  });
});

describe('retention and purge', () => {
  it('HR sets the retention (1 to 100 years, per kind)', async () => {
    const r = ok(await gql<{ archiveRetention: { years: number; byKind: Record<string, number>; version: number } }>(server.url, '{ archiveRetention { years byKind version } }', {}, hr)).archiveRetention;
    expect(r).toMatchObject({ years: 10, byKind: { ledgerEntry: 30 } });
    const SAVE = 'mutation($i: ArchiveRetentionInput!, $v: Int!) { saveArchiveRetention(input: $i, version: $v) { years byKind version } }';
    const bad = await gql(server.url, SAVE, { i: { years: 0 }, v: r.version }, hr);
    expect(bad.errors?.[0]?.extensions?.details?.map((d) => [d.field, d.rule])).toEqual([['input.years', 'retention_years_invalid']]);
    expect(codes(await gql(server.url, SAVE, { i: { years: 10 }, v: r.version - 1 }, hr))).toEqual(['CONFLICT']);
    const saved = ok(await gql<{ saveArchiveRetention: { years: number; byKind: Record<string, number> } }>(server.url, SAVE, { i: { years: 10, byKind: { ledgerEntry: 10 } }, v: r.version }, hr)).saveArchiveRetention;
    expect(saved).toMatchObject({ years: 10, byKind: { ledgerEntry: 10 } });
  });

  it('nothing is purged before the person\'s archive is exported; export (xlsx, recorded), then purge through the database function (audited)', async () => {
    const PLAN = '{ archivePurgePlan { purge keep } }';
    const before = ok(await gql<{ archivePurgePlan: { purge: Record<string, number>; keep: Record<string, number> } }>(server.url, PLAN, {}, hr)).archivePurgePlan;
    expect(before.purge).toEqual({});
    expect(before.keep.notExported).toBeGreaterThanOrEqual(2);
    const file = ok(await gql<{ exportArchive: { fileName: string; contentBase64: string } }>(server.url, 'mutation($e: ID!) { exportArchive(employeeId: $e) { fileName contentBase64 } }', { e: other }, hr)).exportArchive;
    expect(file.fileName).toMatch(/^archive-NUMED002-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const last = ok(await gql<{ employeeArchive: { lastExport: { events: number } } }>(server.url, 'query($e: ID!) { employeeArchive(employeeId: $e) { lastExport { events } } }', { e: other }, hr));
    expect(last.employeeArchive.lastExport.events).toBeGreaterThanOrEqual(2);
    const planned = ok(await gql<{ archivePurgePlan: { purge: Record<string, number> } }>(server.url, PLAN, {}, hr)).archivePurgePlan;
    expect(planned.purge).toEqual({ appeal: 1, ledgerEntry: 1 });

    // The application role cannot delete archive rows itself, nor call the purge with records not due.
    await expect(sqlRows('delete from ledger_entry where id = ?', [oldEntry])).rejects.toThrow(/never deleted/);
    const recent = await sqlRows<{ id: string }>(`select id from ledger_entry where occurred_on > '2026-01-01' and status = 'approved' limit 1`);
    if (recent[0]) await expect(sqlRows(`select archive_purge('{}'::uuid[], '{}'::uuid[], ?::uuid[], null, 'test')`, [`{${recent[0].id}}`])).rejects.toThrow(/may not be purged/);

    const purged = ok(await gql<{ purgeArchives: { purge: Record<string, number> } }>(server.url, 'mutation { purgeArchives { purge keep } }', {}, hr)).purgeArchives;
    expect(purged.purge).toMatchObject({ appeal: 1, ledgerEntry: 1, appraisal: 0 });
    expect(await sqlRows('select id from ledger_entry where id = ?', [oldEntry])).toEqual([]);
    expect(await sqlRows('select id from appeal where id = ?', [oldAppeal])).toEqual([]);
    const audit = await sqlRows<{ after: { counts: Record<string, number> } }>(`select after from audit_entry where operation = 'purgeArchives' order by id desc limit 1`);
    expect(audit[0]?.after.counts).toMatchObject({ appeal: 1, ledgerEntry: 1 });
    const runs = await sqlRows<{ n: number }>('select count(*)::int as n from archive_purge');
    expect(runs[0]?.n).toBe(1);
    expect(codes(await gql(server.url, 'mutation { purgeArchives { purge } }', {}, hr))).toEqual(['VALIDATION_FAILED']);
  });
});
