import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { departmentId, loginAs, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { ratedWardCycle } from '../support/results.js';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Role x field matrices of the cycle's extras: measured inputs (pay facts of the ward's nurses), plus/minus entries on an appraisal (Appraisal.adjustments and the
 * AppraisalAdjustment fields), probation reviews, reminders (delivered to the inbox) and the cycle dashboard.
 * Readers: HR, ADMIN, COMMITTEE, the supervisor of the line, a supervisor outside it, the employee (self / other).
 */
type Reader = 'hr' | 'admin' | 'committee' | 'nursingDirector' | 'headCook' | 'nurse' | 'cook';
const READERS: Reader[] = ['hr', 'admin', 'committee', 'nursingDirector', 'headCook', 'nurse', 'cook'];

let server: TestServer;
const tokens = {} as Record<Reader, string>;
const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
const clock = fixedClock('2025-10-02');
let nursingCycle = '';
let nurseAppraisal = '';
let probationId = '';

beforeAll(async () => {
  server = await startTestServer({ clock });
  tokens.hr = await login(server.url, demo.hr);
  tokens.admin = await login(server.url, demo.admin);
  tokens.committee = await login(server.url, demo.committee);
  tokens.nursingDirector = await login(server.url, demo.supervisor);
  tokens.nurse = await login(server.url, demo.employee);
  tokens.headCook = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  tokens.cook = await loginAs(server, 'CFC009', ['EMPLOYEE']);
  // The ward's September, rated (in its rating phase); pay facts measured for two nurses; one plus/minus entry.
  const ward = await ratedWardCycle(server, tokens.hr, { code: 'wardExtras', period: '2025-09' });
  nursingCycle = ward.cycleId;
  nurseAppraisal = ward.appraisalOf.get('NUMED001') as string;
  for (const n of ['NUMED001', 'NUMED002']) {
    const id = (await sqlRows<{ id: string }>('select id from employee where employee_number = ?', [n]))[0]?.id;
    ok(await gql(server.url, 'mutation($i: SaveMeasuredInputsInput!) { saveMeasuredInputs(input: $i) { result } }', { i: { cycleId: nursingCycle, employeeId: id, entries: [{ kind: 'PAY_FACT', values: [{ name: 'base', value: '2300.00' }] }] } }, tokens.hr));
  }
  const a = ok(await gql<{ appraisal: { version: number } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { version } }', { id: nurseAppraisal }, tokens.hr)).appraisal;
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: AdjustmentInput!) { addAdjustment(appraisalId: $id, version: $v, input: $i) { id } }', { id: nurseAppraisal, v: a.version, i: { rule: 'praise', occurrences: 1, reason: 'a letter from a patient' } }, tokens.hr));
  // The cafeteria's September launched and not rated: the head cook has ratings due, and is reminded.
  const { versionId } = await schemeVersionOf(server.url, tokens.hr, 'cafeteria');
  const canteen = await departmentId(server.url, tokens.hr, 'CAFETERIA');
  const cafeteria = ok(await gql<{ createCycle: { id: string; version: number } }>(server.url, 'mutation($i: CreateCycleInput!) { createCycle(input: $i) { id version } }', { i: { schemeVersionId: versionId, name: 'Cafeteria September 2025', period: { kind: 'MONTH', key: '2025-09' }, targetDepartmentIds: [canteen] } }, tokens.hr)).createCycle;
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { id } }', { id: cafeteria.id, v: cafeteria.version }, tokens.hr));
  const launched = await waitForLaunch(server.url, tokens.hr, cafeteria.id);
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cafeteria.id, v: launched.version }, tokens.hr));
  clock.set('2025-10-09'); // the last day of the cafeteria's rating window
  ok(await gql(server.url, 'mutation($c: ID!) { sendReminders(cycleId: $c) { items recipients pending } }', { c: cafeteria.id }, tokens.hr));
  // A cook's probation (ends 2026-12-01), reviewed on the cafeteria's form, not decided yet.
  clock.set('2026-11-18');
  const cookId = (await sqlRows<{ id: string }>("select id from employee where employee_number = 'CFC009'"))[0]?.id;
  probationId = ok(await gql<{ startProbationReview: { id: string } }>(server.url, 'mutation($i: StartProbationReviewInput!) { startProbationReview(input: $i) { id } }', { i: { employeeId: cookId, schemeVersionId: versionId } }, tokens.hr)).startProbationReview.id;
}, 240_000);
afterAll(() => server?.stop());

const code = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;

describe('MeasuredInput: HR all, the line its people, nobody else', () => {
  const FIELDS = ['id', 'version', 'createdAt', 'updatedAt', 'cycle { id }', 'employee { id }', 'kind', 'item', 'values { name value }', 'rule', 'date', 'count', 'ticket', 'hours', 'level', 'note', 'importBatchId'];
  const expectedRows = async (reader: Reader): Promise<number> => {
    if (reader === 'hr') return (await sqlRows<{ n: number }>('select count(*)::int as n from measured_input'))[0]?.n ?? 0;
    const me = { nursingDirector: 'supervisor@demo.local', headCook: 'cf002@test.local' }[reader as 'nursingDirector' | 'headCook'];
    if (!me) return 0;
    return (await sqlRows<{ n: number }>('select count(*)::int as n from measured_input m join employee e on e.id = m.employee_id join app_user u on e.supervisor_path @> array[u.employee_id]::uuid[] where u.email = ?', [me]))[0]?.n ?? 0;
  };
  it('the demo holds measured inputs in the nursing line', async () => {
    expect(await expectedRows('nursingDirector')).toBeGreaterThan(0);
  });
  it.each(READERS.flatMap((reader) => FIELDS.map((field) => ({ reader, field }))))('$reader reading $field', async ({ reader, field }) => {
    const r = await gql<{ measuredInputs: { totalCount: number; nodes: unknown[] } }>(server.url, `{ measuredInputs(first: 500) { totalCount nodes { ${field} } } }`, {}, tokens[reader]);
    expect(r.errors, `${reader} lists measured inputs`).toBeUndefined();
    expect(r.data?.measuredInputs.totalCount).toBe(await expectedRows(reader));
  });
  it('sheets and saving are HR\'s (saving also the line\'s); others are refused', async () => {
    for (const reader of READERS) {
      const template = await gql(server.url, 'query($c: ID!) { measuredInputTemplate(cycleId: $c) { fileName } }', { c: nursingCycle }, tokens[reader]);
      expect(code(template), reader).toBe(reader === 'hr' ? undefined : 'FORBIDDEN');
      const imported = await gql(server.url, 'mutation($i: ImportMeasuredInputsInput!) { importMeasuredInputs(input: $i) { dryRun } }', { i: { cycleId: nursingCycle, fileName: 'x.csv', contentBase64: Buffer.from('Employee number\nNUMED001').toString('base64'), dryRun: true } }, tokens[reader]);
      expect(code(imported), reader).toBe(reader === 'hr' ? undefined : 'FORBIDDEN');
    }
    const nurseId = (await sqlRows<{ id: string }>("select id from employee where employee_number = 'NUMED001'"))[0]?.id;
    for (const reader of ['headCook', 'nurse', 'cook', 'committee', 'admin'] as Reader[]) {
      const saved = await gql(server.url, 'mutation($i: SaveMeasuredInputsInput!) { saveMeasuredInputs(input: $i) { result } }', { i: { cycleId: nursingCycle, employeeId: nurseId, kinds: [], entries: [] } }, tokens[reader]);
      expect(code(saved), reader).toBe('FORBIDDEN');
    }
  });
});

describe('Appraisal.adjustments and AppraisalAdjustment: HR and the line', () => {
  const FIELDS = ['id', 'rule', 'occurrences', 'amount', 'reason', 'enteredAt', 'removedAt', 'removedReason'];
  // nurse: her own appraisal before publication; headCook: outside the line (not in scope); committee/admin: not in scope before publication.
  const MATRIX: Record<Reader, 'read' | 'FORBIDDEN' | 'NOT_FOUND'> = { hr: 'read', nursingDirector: 'read', nurse: 'FORBIDDEN', admin: 'NOT_FOUND', committee: 'NOT_FOUND', headCook: 'NOT_FOUND', cook: 'NOT_FOUND' };
  it.each(READERS.flatMap((reader) => FIELDS.map((field) => ({ reader, field }))))('$reader reading adjustments { $field }', async ({ reader, field }) => {
    const r = await gql<{ appraisal: { adjustments: unknown[] } }>(server.url, `query($id: ID!) { appraisal(id: $id) { id adjustments { ${field} } } }`, { id: nurseAppraisal }, tokens[reader]);
    if (MATRIX[reader] === 'read') {
      expect(r.errors).toBeUndefined();
      expect(r.data?.appraisal.adjustments).toHaveLength(1);
    } else expect(code(r)).toBe(MATRIX[reader]);
  });
  it('only HR adds and removes entries on a scheme that keeps them to HR', async () => {
    for (const reader of ['nursingDirector', 'nurse', 'headCook', 'committee', 'admin'] as Reader[]) {
      const r = await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: AdjustmentInput!) { addAdjustment(appraisalId: $id, version: $v, input: $i) { id } }', { id: nurseAppraisal, v: 1, i: { rule: 'praise', occurrences: 1, reason: 'x' } }, tokens[reader]);
      expect(['FORBIDDEN', 'NOT_FOUND'], reader).toContain(code(r));
    }
  });
});

describe('ProbationReview: HR and the line read all; the person the review and, once decided, the decision', () => {
  const INVOLVED = ['id', 'employee { id }', 'probationStart', 'probationEndDate', 'state', 'dueInDays', 'version', 'createdAt', 'updatedAt', 'appraisal { id }'];
  const DECISION = ['outcome', 'newEndDate', 'effectiveOn', 'decisionReason', 'decidedAt'];
  const LINE = ['recommendation', 'recommendedOutcome'];
  // The cook's review is not decided yet: the decision and the recommendation are FORBIDDEN to her.
  const grants: Record<Reader, { involved: string | undefined; decision: string | undefined; line: string | undefined }> = {
    hr: { involved: undefined, decision: undefined, line: undefined },
    headCook: { involved: undefined, decision: undefined, line: undefined },
    cook: { involved: undefined, decision: 'FORBIDDEN', line: 'FORBIDDEN' },
    nursingDirector: { involved: 'NOT_FOUND', decision: 'NOT_FOUND', line: 'NOT_FOUND' },
    nurse: { involved: 'NOT_FOUND', decision: 'NOT_FOUND', line: 'NOT_FOUND' },
    committee: { involved: 'NOT_FOUND', decision: 'NOT_FOUND', line: 'NOT_FOUND' },
    admin: { involved: 'NOT_FOUND', decision: 'NOT_FOUND', line: 'NOT_FOUND' },
  };
  const cases = READERS.flatMap((reader) => [...INVOLVED.map((f) => ({ reader, field: f, group: 'involved' as const })), ...DECISION.map((f) => ({ reader, field: f, group: 'decision' as const })), ...LINE.map((f) => ({ reader, field: f, group: 'line' as const }))]);
  it.each(cases)('$reader reading $field', async ({ reader, field, group }) => {
    expect(probationId).not.toBe('');
    const r = await gql(server.url, `query($id: ID!) { probationReview(id: $id) { ${field} } }`, { id: probationId }, tokens[reader]);
    const expected = grants[reader][group];
    if (expected === 'NOT_FOUND') expect(['NOT_FOUND', 'FORBIDDEN']).toContain(code(r));
    else expect(code(r), `${reader} ${field}`).toBe(expected);
  });
});

describe('Reminders reach the inbox (whose per-role matrix is inbox-access.test.ts)', () => {
  it('the reminders reached the head cook (ratings to do), from their own inbox items only', async () => {
    const headCook = ok(await gql<{ myInbox: { totalCount: number } }>(server.url, '{ myInbox(first: 5) { totalCount } }', {}, tokens.headCook));
    expect(headCook.myInbox.totalCount).toBeGreaterThan(0);
    const own = (await sqlRows<{ n: number }>("select count(*)::int as n from inbox_item i join app_user u on u.employee_id = i.recipient_employee_id where u.email = 'cf002@test.local'", []))[0]?.n ?? 0;
    expect(headCook.myInbox.totalCount).toBeLessThanOrEqual(own);
  });
});

describe('CycleDashboard: HR only', () => {
  const FIELDS = ['cycleId', 'state', 'today', 'phases { phase opens closes status open overdue }', 'total { departmentId appraisals scored ratingsDue ratingsDone }', 'departments { departmentName selfReviewsDue selfReviewsDone acknowledgementsDue acknowledged }', 'outstanding { kind open overdue recipients }', 'overdueCount', 'overdue { kind appraisalId subjectName due daysOverdue recipient { id } }'];
  it.each(READERS.flatMap((reader) => FIELDS.map((field) => ({ reader, field }))))('$reader reading $field', async ({ reader, field }) => {
    const r = await gql(server.url, `query($c: ID!) { cycleDashboard(cycleId: $c) { ${field} } }`, { c: nursingCycle }, tokens[reader]);
    expect(code(r), `${reader} ${field}`).toBe(reader === 'hr' ? undefined : 'FORBIDDEN');
  });
});
