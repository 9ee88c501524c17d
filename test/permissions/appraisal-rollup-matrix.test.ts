import { seedPrograms } from '@appraisal/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { createRequestContext, type RequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { readSheet } from '../../api/src/core/spreadsheet.js';
import { lapseOverdueAcknowledgements } from '../../api/src/modules/cycles/acknowledgement-lapse.service.js';
import { RESULT_COLUMNS } from '../../api/src/modules/cycles/results-export.service.js';
import { runRollupJob } from '../../api/src/modules/cycles/rollup.service.js';
import { loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { calibrateAndPublish, ratedWardCycle, wardRollupScheme, type WardCycle } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Appraisal.rollup (the quarter's roll-up on the quarter's appraisal) per role, the `rollup.compute` job queued by the
 * publication, the results workbook export and the `acknowledgement.lapse` job, on one published ward quarter whose
 * roll-up is the quarter's own appraisal (no months needed).
 */
type Reader = 'hr' | 'admin' | 'committee' | 'approver' | 'lineSupervisor' | 'outsideSupervisor' | 'employeeSelf' | 'employeeOther';
// What reading `appraisal(id) { rollup { value } }` of NUMED001's quarter gives each reader.
const MATRIX: Record<Reader, 'reads' | 'FORBIDDEN' | 'absent'> = {
  hr: 'reads',
  admin: 'absent',
  committee: 'FORBIDDEN', // published appraisals for honours, but roll-ups follow rollupAccess
  approver: 'absent',
  lineSupervisor: 'reads',
  outsideSupervisor: 'absent',
  employeeSelf: 'reads',
  employeeOther: 'absent',
};

let server: TestServer;
let q3: WardCycle;
const tokens = {} as Record<Reader, string>;
const clock = fixedClock('2025-09-29');
const jobContext = (): RequestContext => createRequestContext({ requestId: 'test-job', actor: null, em: server.orm.em.fork() as RequestContext['em'], db: createReadDb(server.orm), log: createLogger('warn'), clock });
const count = async (query: string, params: unknown[] = []): Promise<number> =>
  (await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>(query, params))[0]?.n ?? 0;

beforeAll(async () => {
  server = await startTestServer({ clock });
  tokens.hr = await login(server.url, demo.hr);
  tokens.admin = await login(server.url, demo.admin);
  tokens.committee = await login(server.url, demo.committee);
  tokens.approver = await login(server.url, 'approver@demo.local');
  tokens.lineSupervisor = await login(server.url, demo.supervisor);
  tokens.employeeSelf = await login(server.url, demo.employee);
  tokens.outsideSupervisor = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  tokens.employeeOther = await loginAs(server, 'NUMED002');
  const quarterly = structuredClone(seedPrograms.headquarters.rollups?.find((r) => r.id === 'quarterly'));
  if (!quarterly) throw new Error('the headquarters seed has no quarterly roll-up');
  const base = wardRollupScheme('wardQuarterOwn');
  const document = {
    ...base,
    rollups: [{ ...quarterly, inputs: quarterly.inputs.filter((i) => i.name === 'quarter'), formula: 'quarter * 100%' }],
    ...(base.schedule ? { schedule: { ...base.schedule, periods: base.schedule.periods.filter((p) => p.period === 'month' || p.period === 'quarter') } } : {}),
  };
  q3 = await ratedWardCycle(server, tokens.hr, { code: 'wardQuarterOwn', document, period: '2025-Q3', kind: 'QUARTER', score: (n) => (n === 'NUMED001' ? 88 : 80) });
  await calibrateAndPublish(server, tokens.hr, q3.cycleId);
}, 240_000);
afterAll(() => server?.stop());

describe('rollup.compute after publication', () => {
  it('the publication queued the job: every nurse of the quarter has the roll-up; running it again writes nothing', async () => {
    const deadline = Date.now() + 20_000;
    while ((await count("select count(*)::int as n from rollup_result where period_key = '2025-Q3'")) < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await count("select count(*)::int as n from rollup_result where period_key = '2025-Q3'")).toBe(15);
    const again = await runRollupJob(jobContext(), q3.cycleId);
    expect(again).toEqual({ kind: 'computed', computation: { rollupId: 'quarterly', periodKey: '2025-Q3', computed: 0, unchanged: 15 } });
    expect(await count("select count(*)::int as n from rollup_result where period_key = '2025-Q3'")).toBe(15);
  });
});

describe('Appraisal.rollup per role', () => {
  const query = '{ appraisal(id: "ID") { id rollup { rollupId periodKey value grade } } }';
  it.each(Object.keys(MATRIX) as Reader[])('%s', async (reader) => {
    const id = q3.appraisalOf.get('NUMED001') as string;
    const result = await gql<{ appraisal: { rollup: Array<{ rollupId: string; periodKey: string; value: string }> } | null }>(server.url, query.replace('ID', id), {}, tokens[reader]);
    const expected = MATRIX[reader];
    if (expected === 'reads') {
      expect(result.errors).toBeUndefined();
      expect(result.data?.appraisal?.rollup).toEqual([{ rollupId: 'quarterly', periodKey: '2025-Q3', value: '88', grade: expect.any(String) }]);
    } else if (expected === 'FORBIDDEN') expect(codes(result)).toEqual(['FORBIDDEN']);
    else expect(codes(result)).toEqual(['NOT_FOUND']); // outside the reader's scope: no such appraisal for them
  });

  it('a page of appraisals reads every roll-up in one statement', async () => {
    const before = server.sql.length;
    const page = ok(await gql<{ appraisals: { nodes: Array<{ rollup: Array<{ value: string }> }> } }>(server.url, 'query($c: ID!) { appraisals(first: 50, filter: { cycleId: $c }) { nodes { rollup { value } } } }', { c: q3.cycleId }, tokens.hr));
    expect(page.appraisals.nodes.filter((n) => n.rollup.length === 1)).toHaveLength(15);
    expect(server.sql.slice(before).filter((s) => s.includes('rollup_result'))).toHaveLength(1);
  });
});

describe('results workbook and lapsed acknowledgements', () => {
  it('NUMED001 acknowledges; after the due day the job records the 14 others as lapsed, once', async () => {
    const id = q3.appraisalOf.get('NUMED001') as string;
    const mine = ok(await gql<{ appraisal: { version: number; acknowledgement: { due: string } } }>(server.url, `{ appraisal(id: "${id}") { version acknowledgement { due } } }`, {}, tokens.employeeSelf)).appraisal;
    ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { acknowledgeResult(appraisalId: $id, version: $v) { id } }', { id, v: mine.version }, tokens.employeeSelf));
    expect(await lapseOverdueAcknowledgements(jobContext())).toEqual({ lapsed: 0 }); // still inside the window
    clock.set('2025-12-01');
    expect(await lapseOverdueAcknowledgements(jobContext())).toEqual({ lapsed: 14 });
    expect(await lapseOverdueAcknowledgements(jobContext())).toEqual({ lapsed: 0 });
    expect(await count(`select count(*)::int as n from audit_entry where operation = 'lapseAcknowledgement'`)).toBe(14);
    const other = q3.appraisalOf.get('NUMED002') as string;
    const lapsed = ok(await gql<{ appraisal: { state: string; acknowledgement: { lapsedAt: string | null; acknowledgedAt: string | null } } }>(server.url, `{ appraisal(id: "${other}") { state acknowledgement { lapsedAt acknowledgedAt } } }`, {}, tokens.employeeOther)).appraisal;
    expect(lapsed.state).toBe('LAPSED');
    expect(lapsed.acknowledgement.lapsedAt).not.toBeNull();
    expect(lapsed.acknowledgement.acknowledgedAt).toBeNull();
    const refused = await gql(server.url, 'mutation($id: ID!, $v: Int!) { acknowledgeResult(appraisalId: $id, version: $v) { id } }', { id: other, v: 99 }, tokens.employeeOther);
    expect(codes(refused)).not.toEqual([]);
  });

  it('HR downloads the results as .xlsx (Chinese headers on request), audited; nobody else may', async () => {
    const file = ok(await gql<{ exportCycleResults: { fileName: string; contentType: string; contentBase64: string } }>(server.url, 'query($c: ID!) { exportCycleResults(cycleId: $c, lang: "zh") { fileName contentType contentBase64 } }', { c: q3.cycleId }, tokens.hr)).exportCycleResults;
    expect(file.fileName).toBe('results-wardQuarterOwn-2025-Q3.xlsx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await readSheet(file.fileName, Buffer.from(file.contentBase64, 'base64'), RESULT_COLUMNS, 'employeeNumber');
    expect(sheet.headers.employeeNumber).toBe('工号');
    expect(sheet.rows).toHaveLength(15);
    const row = (n: string) => sheet.rows.find((r) => r.values.employeeNumber === n)?.values;
    expect(row('NUMED001')).toMatchObject({ total: '88', state: '已确认', answer: '已确认' });
    expect(row('NUMED002')).toMatchObject({ total: '80', state: '逾期未确认', answer: '逾期未确认' });
    expect(await count(`select count(*)::int as n from audit_entry where operation = 'exportCycleResults' and entity_id = ?`, [q3.cycleId])).toBe(1);
    for (const reader of ['admin', 'committee', 'lineSupervisor', 'employeeSelf'] as const)
      expect(codes(await gql(server.url, 'query($c: ID!) { exportCycleResults(cycleId: $c) { fileName } }', { c: q3.cycleId }, tokens[reader])), reader).toEqual(['FORBIDDEN']);
  });
});
