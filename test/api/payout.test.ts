import { batchTotals } from '@appraisal/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { reissueResultEntries } from '../../api/src/modules/ledger/generated.service.js';
import { loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { cycleVersion, ratedWardCycle, step, type WardCycle } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Entries generated from a published ward cycle (floating pay and a bonus pool, Part 5), re-issued after a
// correction, collected into payout batches, approved under the two-person rule and exported for payroll.
let server: TestServer;
let hr: string;
let hrApprover: string;
let approver: string;
let employee: string;
let ward: WardCycle;

const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
const details = (r: GqlResult<unknown>) => (r.errors?.[0]?.extensions?.details ?? []).map((d) => d.rule);
const cents = (s: string) => BigInt(s.replace('.', ''));

type Batch = { id: string; version: number; number: string; status: string; total: string; entryCount: number; peopleCount: number; checksum: string | null; totalsByDepartment: Array<{ departmentCode: string; total: string; entries: number }>; totalsByComponent: Array<{ component: string; total: string; entries: number }> };
const BATCH = 'id version number status total entryCount peopleCount checksum periodStart periodEnd totalsByDepartment { departmentCode total entries } totalsByComponent { component total entries }';
const CREATE = `mutation($i: CreatePayoutBatchInput!) { createPayoutBatch(input: $i) { ${BATCH} } }`;
const MOVE = `mutation($id: ID!, $v: Int!, $a: PayoutBatchAction!, $r: String) { transitionPayoutBatch(id: $id, version: $v, action: $a, reason: $r) { ${BATCH} } }`;
const EXPORT = 'query($id: ID!) { exportPayoutBatch(id: $id) { fileName checksum lineCount total contentBase64 } }';

const create = async (token: string, input: Record<string, unknown>) => ok(await gql<{ createPayoutBatch: Batch }>(server.url, CREATE, { i: input }, token)).createPayoutBatch;
const move = (token: string, b: Pick<Batch, 'id' | 'version'>, a: string, r?: string) => gql<{ transitionPayoutBatch: Batch }>(server.url, MOVE, { id: b.id, v: b.version, a, r }, token);

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2025-10-02') });
  hr = await login(server.url, demo.hr);
  hrApprover = await loginAs(server, 'HQ010', ['HR', 'APPROVER', 'EMPLOYEE']);
  approver = await login(server.url, 'approver@demo.local');
  employee = await login(server.url, demo.employee);
  ward = await ratedWardCycle(server, hr, { code: 'wardPayout', period: '2025-09' });
  await sqlRows(`insert into cycle_group_amount (cycle_id, group_key, pool, created_at, updated_at) values (?, 'cycle', 10000, now(), now())`, [ward.cycleId]);
  await step(server, hr, ward.cycleId, 'START_CALIBRATION');
  const { version } = await cycleVersion(server, hr, ward.cycleId);
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v, override: { reason: "payout test" }) { state } }', { id: ward.cycleId, v: version }, hr));
}, 180_000);
afterAll(() => server?.stop());

describe('entries generated from published results', () => {
  it('publication posts one approved entry per pay component, linked to the appraisal, summing to its pay exactly', async () => {
    const rows = await sqlRows<{ component: string; n: number; status: string; source_kind: string; total: string }>(
      `select component, count(*)::int as n, min(status) as status, min(source_kind) as source_kind, sum(money)::text as total from ledger_entry where cycle_id = ? group by component order by component`,
      [ward.cycleId],
    );
    expect(rows.map((r) => [r.component, r.n, r.status, r.source_kind])).toEqual([
      ['bonus', 15, 'approved', 'appraisal'],
      ['floatingPay', 15, 'approved', 'appraisal'],
    ]);
    expect(rows.find((r) => r.component === 'bonus')?.total).toBe('10000.00');
    const mismatch = await sqlRows(
      `select pr.appraisal_id from published_result pr where pr.cycle_id = ? and pr.pay_total <> (select sum(money) from ledger_entry le where le.appraisal_id = pr.appraisal_id)`,
      [ward.cycleId],
    );
    expect(mismatch).toEqual([]);
    // The nurse reads her own generated entries, with the pay basis as the explanation.
    const own = ok(await gql<{ ledgerEntries: { nodes: Array<{ component: string; source: { kind: string; appraisalId: string }; explanation: string | null }> } }>(server.url, '{ ledgerEntries(first: 10, filter: { sourceKind: APPRAISAL }) { nodes { component source { kind appraisalId } explanation } } }', {}, employee));
    expect(own.ledgerEntries.nodes.map((n) => n.component).sort()).toEqual(['bonus', 'floatingPay']);
    expect(own.ledgerEntries.nodes[0]?.source.appraisalId).toBe(ward.appraisalOf.get('NUMED001'));
  });

  it('a corrected result reverses and re-issues the changed component, keeps the unchanged one, never overwrites; a second call does nothing', async () => {
    const appraisalId = ward.appraisalOf.get('NUMED002') as string;
    const [before] = await sqlRows<{ id: string; amount: string }>(`select id, amount::text as amount from ledger_entry where appraisal_id = ? and component = 'floatingPay'`, [appraisalId]);
    // The correction as an appeal would publish it: a new result row and a new published result whose floating pay is 100.00 higher.
    const [pr] = await sqlRows<{ result_id: string; record: { pay: { lines: Array<{ component: string; amount: string }>; total: string } } }>(`select result_id, record from published_result where appraisal_id = ?`, [appraisalId]);
    const record = structuredClone(pr?.record) as { pay: { lines: Array<{ component: string; amount: string }>; total: string } };
    for (const l of record.pay.lines) if (l.component === 'floatingPay') l.amount = (Number(cents(l.amount) + 10000n) / 100).toFixed(2);
    const [copy] = await sqlRows<{ id: string }>(
      `insert into appraisal_result select (jsonb_populate_record(null::appraisal_result, to_jsonb(r) || jsonb_build_object('id', gen_random_uuid(), 'number', r.number + 1, 'created_at', now() + interval '1 second'))).* from appraisal_result r where r.id = ? returning id`,
      [pr?.result_id],
    );
    await sqlRows(
      `insert into published_result (id, created_at, updated_at, appraisal_id, cycle_id, result_id, total, grade, pay_total, record) select gen_random_uuid(), now() + interval '1 second', now(), appraisal_id, cycle_id, ?, total, grade, pay_total + 100, ?::jsonb from published_result where appraisal_id = ? and result_id = ?`,
      [copy?.id, JSON.stringify(record), appraisalId, pr?.result_id],
    );
    const summary = await server.orm.em.fork().transactional((em) => reissueResultEntries(em, appraisalId, null, 'appeal upheld'));
    expect(summary).toMatchObject({ resultNumber: 2 });
    expect([summary.reversed.length, summary.posted.length, summary.kept.length]).toEqual([1, 1, 1]);
    const again = await server.orm.em.fork().transactional((em) => reissueResultEntries(em, appraisalId, null));
    expect([again.reversed.length, again.posted.length, again.kept.length]).toEqual([0, 0, 2]);
    const lines = await sqlRows<{ id: string; source_kind: string; amount: string; reverses_id: string | null; result_number: number; status: string; reason: string | null }>(
      `select id, source_kind, amount::text as amount, reverses_id, result_number, status, reason from ledger_entry where appraisal_id = ? and component = 'floatingPay' order by created_at, source_kind`,
      [appraisalId],
    );
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.id === before?.id)).toMatchObject({ amount: before?.amount, status: 'approved', result_number: 1 });
    expect(lines.find((l) => l.source_kind === 'reversal')).toMatchObject({ reverses_id: before?.id, amount: `-${before?.amount}`, status: 'approved', reason: 'appeal upheld' });
    expect(lines.find((l) => l.source_kind === 'appraisal' && l.result_number === 2)?.amount).toBe((Number(cents(before?.amount ?? '0') + 10000n) / 100).toFixed(2));
    const net = await sqlRows<{ total: string }>(`select sum(money)::text as total from ledger_entry where appraisal_id = ?`, [appraisalId]);
    const [pay] = await sqlRows<{ total: string }>(`select pay_total::text as total from published_result where appraisal_id = ? order by created_at desc limit 1`, [appraisalId]);
    expect(net[0]?.total).toBe(pay?.total);
  });
});

describe('payout batches', () => {
  let batch: Batch;

  it('HR builds a batch of the month in SQL: totals by department and component, exact; others may not', async () => {
    expect(codes(await gql(server.url, CREATE, { i: { periodKey: '2025-09' } }, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, CREATE, { i: { periodKey: '2025-09' } }, approver))).toEqual(['FORBIDDEN']);
    expect(details(await gql(server.url, CREATE, { i: { periodKey: '2025-09', accountingMonth: 'lunar' } }, hr))).toEqual(['calendar_accounting_month_unknown']);
    batch = await create(hr, { periodKey: '2025-09' });
    const [expected] = await sqlRows<{ total: string; n: number; people: number }>(
      `select sum(money)::text as total, count(*)::int as n, count(distinct employee_id)::int as people from ledger_entry where status = 'approved' and settlement = 'payroll' and period_key = '2025-09' and accounting_month = 'calendar'`,
    );
    expect(batch).toMatchObject({ number: 'PB-2025-09-001', status: 'DRAFT', total: expected?.total, entryCount: 32, peopleCount: 15 });
    expect(batch.totalsByComponent.map((c) => c.component)).toEqual(['bonus', 'floatingPay']);
    expect(batch.totalsByComponent.reduce((s, c) => s + cents(c.total), 0n)).toBe(cents(batch.total));
    expect(batch.totalsByDepartment.reduce((s, c) => s + cents(c.total), 0n)).toBe(cents(batch.total));
    const second = await create(hr, { periodKey: '2025-09' });
    expect(second.entryCount).toBe(0);
    expect(details(await move(hr, second, 'SUBMIT'))).toEqual(['batch_empty']);
    expect(details(await move(hr, second, 'CANCEL', ' '))).toEqual(['batch_cancel_reason']);
    expect(ok(await move(hr, second, 'CANCEL', 'built twice')).transitionPayoutBatch.status).toBe('CANCELLED');
  });

  it('submit, reject with a reason, submit again; the preparer never approves (even holding APPROVER); the approver does: entries paid, batch frozen', async () => {
    const own = await create(hrApprover, { periodKey: '2025-08' });
    const ownSubmitted = await gql<{ transitionPayoutBatch: Batch }>(server.url, MOVE, { id: own.id, v: own.version, a: 'SUBMIT' }, hrApprover);
    expect(details(ownSubmitted)).toEqual(['batch_empty']);
    let b = ok(await move(hr, batch, 'SUBMIT')).transitionPayoutBatch;
    expect(b.status).toBe('SUBMITTED');
    expect(codes(await move(hr, b, 'APPROVE'))).toEqual(['FORBIDDEN']);
    expect(codes(await move(employee, b, 'APPROVE'))).toEqual(['FORBIDDEN']);
    expect(details(await move(approver, b, 'REJECT', ''))).toEqual(['batch_return_reason']);
    b = ok(await move(approver, b, 'REJECT', 'check the pool split')).transitionPayoutBatch;
    expect(b.status).toBe('DRAFT');
    b = ok(await move(hr, b, 'SUBMIT')).transitionPayoutBatch;
    expect(codes(await move(approver, { ...b, version: b.version - 1 }, 'APPROVE'))).toEqual(['CONFLICT']);
    // Two-person rule: an HR manager holding APPROVER cannot approve a batch they prepared.
    const mine = await create(hrApprover, { periodKey: '2025-09', includeEarlier: true });
    expect(mine.entryCount).toBe(0);
    await sqlRows(`update payout_batch set prepared_by_user_id = (select id from app_user where email = 'hq010@test.local') where id = ?`, [b.id]);
    const [v] = await sqlRows<{ version: number }>(`select version from payout_batch where id = ?`, [b.id]);
    expect(details(await move(hrApprover, { id: b.id, version: v?.version ?? 0 }, 'APPROVE'))).toEqual(['batch_two_person_rule']);
    const approved = ok(await move(approver, { id: b.id, version: v?.version ?? 0 }, 'APPROVE')).transitionPayoutBatch;
    expect(approved).toMatchObject({ status: 'APPROVED', total: batch.total });
    expect(approved.checksum).toMatch(/^[0-9a-f]{64}$/);
    const paid = await sqlRows<{ status: string; n: number }>(`select le.status, count(*)::int as n from payout_batch_entry be join ledger_entry le on le.id = be.entry_id where be.batch_id = ? group by le.status`, [b.id]);
    expect(paid).toEqual([{ status: 'paid', n: 32 }]);
    await expect(sqlRows(`update payout_batch set total = 0 where id = ?`, [b.id])).rejects.toThrow(/frozen/);
    await expect(sqlRows(`update ledger_entry set amount = 0 where batch_id = ?`, [b.id])).rejects.toThrow(/final/);
    await expect(sqlRows(`delete from payout_batch_entry where batch_id = ?`, [b.id])).rejects.toThrow(/draft/);
    const audit = await sqlRows<{ operation: string }>(`select operation from audit_entry where entity_id = ? order by id`, [b.id]);
    expect(audit.map((a) => a.operation)).toEqual(['createPayoutBatch', 'submitPayoutBatch', 'rejectPayoutBatch', 'submitPayoutBatch', 'approvePayoutBatch']);
    batch = approved;
    // The nurse's paid entries link the appraisal they pay (with its cycle) and the batch they were paid in.
    const LINKS = '{ ledgerEntries(first: 10, filter: { sourceKind: APPRAISAL, status: PAID }) { nodes { appraisal { id cycleId cycleName periodKey } batch { id number status } } } }';
    const links = ok(await gql<{ ledgerEntries: { nodes: Array<{ appraisal: { id: string; cycleId: string; cycleName: string; periodKey: string }; batch: { id: string; number: string; status: string } }> } }>(server.url, LINKS, {}, employee)).ledgerEntries.nodes;
    expect(links.length).toBe(2);
    for (const link of links) {
      expect(link.appraisal).toMatchObject({ id: ward.appraisalOf.get('NUMED001'), cycleId: ward.cycleId, periodKey: '2025-09' });
      expect(link.appraisal.cycleName.length).toBeGreaterThan(0);
      expect(link.batch).toEqual({ id: b.id, number: 'PB-2025-09-001', status: 'APPROVED' });
    }
    // The approver reads the links of the entries put before them.
    const seen = ok(await gql<{ ledgerEntries: { totalCount: number; nodes: Array<{ batch: { id: string } }> } }>(server.url, `{ ledgerEntries(first: 50, filter: { batchId: "${b.id}" }) { totalCount nodes { batch { id } appraisal { id } } } }`, {}, approver)).ledgerEntries;
    expect(seen.totalCount).toBe(32);
    expect(new Set(seen.nodes.map((n) => n.batch.id))).toEqual(new Set([b.id]));
  });

  it('exports one row per person per component, exact cents, a totals row and the checksum; a re-export is identical', async () => {
    expect(codes(await gql(server.url, EXPORT, { id: batch.id }, employee))).toEqual(['FORBIDDEN']);
    const first = ok(await gql<{ exportPayoutBatch: { fileName: string; checksum: string; lineCount: number; total: string; contentBase64: string } }>(server.url, EXPORT, { id: batch.id }, approver)).exportPayoutBatch;
    expect(first).toMatchObject({ fileName: 'PB-2025-09-001.xlsx', checksum: batch.checksum, lineCount: 30, total: batch.total });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(first.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const values = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')));
    expect(values[0]).toEqual(['employeeNumber', 'name', 'departmentCode', 'departmentName', 'component', 'amount', 'entries']);
    const rows = values.slice(1, 31);
    expect(rows.every((r) => /^-?\d+\.\d{2}$/.test(r[4 + 1] ?? ''))).toBe(true);
    expect(rows.reduce((s, r) => s + cents(r[5] ?? '0'), 0n)).toBe(cents(batch.total));
    expect(values[31]?.slice(0, 1)).toEqual(['TOTAL']);
    expect(values[31]?.[5]).toBe(batch.total);
    expect(values[32]).toEqual(['CHECKSUM', `sha256:${batch.checksum}`]);
    expect(book.keywords).toBe(`sha256:${batch.checksum}`);
    const second = ok(await gql<{ exportPayoutBatch: { contentBase64: string; checksum: string } }>(server.url, EXPORT, { id: batch.id }, hr)).exportPayoutBatch;
    expect(second.checksum).toBe(first.checksum);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(Buffer.from(second.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect((again.worksheets[0] as ExcelJS.Worksheet).getSheetValues()).toEqual(sheet.getSheetValues());
    const exports = await sqlRows<{ n: number }>(`select count(*)::int as n from audit_entry where operation = 'exportPayoutBatch'`);
    expect(exports[0]?.n).toBe(2);
  });

  it('property: over random cents (signed), a batch total equals the exact sum and the domain reference, by department and component', async () => {
    const people = await sqlRows<{ id: string; department_id: string }>(`select id, department_id from employee order by employee_number limit 40`);
    let seed = 20251002;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 12; run++) {
      const periodKey = `2031-${String(run + 1).padStart(2, '0')}`;
      const n = 1 + rand(60);
      const entries = Array.from({ length: n }, () => {
        const p = people[rand(people.length)] as { id: string; department_id: string };
        const c = BigInt(rand(2_000_000)) - 500_000n;
        const money = `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;
        return { employeeId: p.id, departmentId: p.department_id, component: ['bonus', 'floatingPay', 'adjustmentHours'][rand(3)] as string, money };
      });
      await sqlRows(
        `insert into ledger_entry (id, version, created_at, updated_at, employee_id, department_id, kind, component, unit, quantity, amount, money, settlement, period_key, occurred_on, status, source_kind)
         select gen_random_uuid(), 1, now(), now(), t.e, t.d, 'reward', t.c, 'money', abs(t.m::numeric), t.m::numeric, t.m::numeric, 'payroll', ?, date '2031-01-15', 'approved', 'manual'
         from jsonb_to_recordset(?::jsonb) as t(e uuid, d uuid, c text, m text)`,
        [periodKey, JSON.stringify(entries.map((e) => ({ e: e.employeeId, d: e.departmentId, c: e.component, m: e.money })))],
      );
      const b = await create(hr, { periodKey });
      const reference = batchTotals(entries);
      expect(b.total, periodKey).toBe(reference.total);
      expect(b.entryCount).toBe(n);
      expect(b.peopleCount).toBe(reference.people);
      expect(b.totalsByComponent.map((c) => [c.component, c.total, c.entries])).toEqual(reference.byComponent.map((c) => [c.component, c.total, c.entries]));
      expect(b.totalsByDepartment.map((d) => d.total).sort()).toEqual(reference.byDepartment.map((d) => d.total).sort());
    }
  });
});
