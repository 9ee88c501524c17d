import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeIdOf, loginAs } from '../support/cycles.js';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Role x field matrix of Appeal and StatementRequest (domain `appealAccess`, `statementRequestAccess`). One appeal of
 * the demo employee (a nurse) with a supervisor and a committee member HR assigned, and a statement asked of a rater.
 * The targets do not matter for field access, so the rows are written directly (as the application role can).
 */
type Reader = 'hr' | 'admin' | 'lineSupervisor' | 'assignedSupervisor' | 'employeeSelf' | 'employeeOther' | 'committee' | 'assignedCommittee' | 'rater';
type Group = 'status' | 'contents' | 'decision' | 'handling' | 'withdrawal';
const FIELDS: Record<Group, string[]> = {
  status: ['id', 'target { kind }', 'state', 'filedOn', 'windowCloses', 'dueOn', 'flags { overdue nearDue workingDaysLeft }', 'decidedAt', 'closedAt', 'version', 'createdAt', 'updatedAt'],
  contents: ['grounds', 'attachments { name }', 'appellant'],
  decision: ['outcome', 'reason', 'correction', 'previousResult { number }', 'newResult { number }'],
  handling: ['notes { text }', 'statements { question }', 'handlers { name role }'],
  withdrawal: ['withdrawnAt', 'withdrawalReason'],
};
// null: the appeal is outside the reader's scope (NOT_FOUND); otherwise the groups they read.
const MATRIX: Record<Reader, Group[] | null> = {
  hr: ['status', 'contents', 'decision', 'handling', 'withdrawal'],
  admin: null,
  lineSupervisor: null,
  assignedSupervisor: ['status', 'contents', 'decision', 'handling', 'withdrawal'],
  employeeSelf: ['status', 'contents', 'decision', 'withdrawal'],
  employeeOther: null,
  committee: null,
  assignedCommittee: ['status', 'contents', 'decision', 'handling', 'withdrawal'],
  rater: null,
};

let server: TestServer;
const tokens = {} as Record<Reader, string>;
let appealId = '';
let requestId = '';

beforeAll(async () => {
  server = await startTestServer();
  tokens.hr = await login(server.url, demo.hr);
  tokens.admin = await login(server.url, demo.admin);
  tokens.lineSupervisor = await login(server.url, demo.supervisor);
  tokens.employeeSelf = await login(server.url, demo.employee);
  tokens.committee = await login(server.url, demo.committee);
  tokens.employeeOther = await loginAs(server, 'NUMED002');
  tokens.assignedSupervisor = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  tokens.assignedCommittee = await loginAs(server, 'NUMED010', ['COMMITTEE']);
  tokens.rater = await loginAs(server, 'NUMED00', ['EMPLOYEE', 'SUPERVISOR']);
  const c = server.orm.em.fork().getConnection();
  const self = await employeeIdOf(server, 'NUMED001');
  const made = await c.execute<Array<{ id: string }>>(
    `insert into appeal (id, version, created_at, updated_at, appellant_employee_id, department_id, target_kind, grounds, attachments, filed_on, window_closes, due_on, state)
     select gen_random_uuid(), 1, now(), now(), e.id, e.department_id, 'ledgerEntry', 'the deduction was not mine', '[{"name":"roster.pdf","contentType":"application/pdf","size":10,"sha256":"${'b'.repeat(64)}"}]', current_date, current_date, current_date + 10, 'under_review'
       from employee e where e.id = ? returning id`,
    [self],
  );
  appealId = made[0]?.id as string;
  for (const [n, role] of [['CF002', 'handler'], ['NUMED010', 'committee']] as const)
    await c.execute(`insert into appeal_handler (id, created_at, updated_at, appeal_id, employee_id, role) values (gen_random_uuid(), now(), now(), ?, ?, ?)`, [appealId, await employeeIdOf(server, n), role]);
  await c.execute(`insert into appeal_note (id, created_at, updated_at, appeal_id, text) values (gen_random_uuid(), now(), now(), ?, 'checked the roster')`, [appealId]);
  const asked = await c.execute<Array<{ id: string }>>(
    `insert into statement_request (id, version, created_at, updated_at, appeal_id, rater_employee_id, question, shared_excerpt, due_on) values (gen_random_uuid(), 1, now(), now(), ?, ?, 'was it her shift', 'deduction of 3 October', current_date + 2) returning id`,
    [appealId, await employeeIdOf(server, 'NUMED00')],
  );
  requestId = asked[0]?.id as string;
}, 120_000);
afterAll(() => server?.stop());

const cases = (Object.keys(MATRIX) as Reader[]).flatMap((reader) => (Object.keys(FIELDS) as Group[]).flatMap((group) => FIELDS[group].map((field) => ({ reader, group, field }))));

describe('Appeal fields per role', () => {
  it.each(cases)('$reader reading $field', async ({ reader, group, field }) => {
    const result = await gql<{ appeal: Record<string, unknown> | null }>(server.url, `query($id: ID!) { appeal(id: $id) { ${field} } }`, { id: appealId }, tokens[reader]);
    const grants = MATRIX[reader];
    const code = result.errors?.[0]?.extensions?.code;
    if (grants === null) expect(code, `${reader} does not see the appeal`).toBe('NOT_FOUND');
    else if (grants.includes(group)) {
      expect(result.errors, `${reader} may read ${field}`).toBeUndefined();
      expect(result.data?.appeal).not.toBeNull();
    } else {
      expect(code, `${reader} may not read ${field}`).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.path?.slice(0, 2)).toEqual(['appeal', field.split(' ')[0]]);
    }
  });

  it('lists: each reader lists exactly the appeals of their scope; filtering on what a reader cannot read on every row is refused', async () => {
    const count = async (r: Reader) => (await gql<{ appeals: { totalCount: number } }>(server.url, '{ appeals { totalCount } }', {}, tokens[r])).data?.appeals.totalCount;
    expect(await count('hr')).toBe(1);
    expect(await count('employeeSelf')).toBe(1);
    expect(await count('assignedCommittee')).toBe(1);
    expect(await count('assignedSupervisor')).toBe(1);
    for (const r of ['lineSupervisor', 'employeeOther', 'committee', 'rater'] as const) expect(await count(r)).toBe(0);
    expect((await gql(server.url, '{ appeals { totalCount } }', {}, tokens.admin)).data?.appeals).toMatchObject({ totalCount: 0 });
  });
});

describe('StatementRequest fields', () => {
  const ALL = 'id question sharedExcerpt dueOn statement answeredAt rater createdAt';
  it('the rater reads their request (question and excerpt) and nobody else lists it as theirs; HR and handlers read it through the appeal', async () => {
    const mine = await gql<{ myStatementRequests: Array<Record<string, unknown>> }>(server.url, `{ myStatementRequests { ${ALL} } }`, {}, tokens.rater);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.myStatementRequests).toHaveLength(1);
    expect(mine.data?.myStatementRequests[0]).toMatchObject({ id: requestId, question: 'was it her shift', sharedExcerpt: 'deduction of 3 October', statement: null });
    for (const r of ['employeeSelf', 'employeeOther', 'lineSupervisor', 'committee'] as const)
      expect((await gql<{ myStatementRequests: unknown[] }>(server.url, `{ myStatementRequests { ${ALL} } }`, {}, tokens[r])).data?.myStatementRequests).toEqual([]);
    for (const r of ['hr', 'assignedSupervisor', 'assignedCommittee'] as const) {
      const seen = await gql<{ appeal: { statements: Array<Record<string, unknown>> } }>(server.url, `query($id: ID!) { appeal(id: $id) { statements { ${ALL} } } }`, { id: appealId }, tokens[r]);
      expect(seen.errors, r).toBeUndefined();
      expect(seen.data?.appeal.statements[0]).toMatchObject({ question: 'was it her shift' });
    }
  });
});
