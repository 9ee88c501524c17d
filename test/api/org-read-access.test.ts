import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const tokens: Record<keyof typeof demo, string> = { hr: '', admin: '', committee: '', supervisor: '', employee: '' };

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
});
afterAll(() => server?.stop());

const LIST = `query($first: Int) { employees(first: $first) { totalCount nodes { id name } } }`;
type ListResult = { employees: { totalCount: number; nodes: Array<{ id: string; name: string }> } };

describe('reading employees: deny first', () => {
  it('refuses anonymous callers on every query', async () => {
    for (const query of [LIST, '{ me { id } }', '{ departments { totalCount } }', '{ positions { totalCount } }'])
      expect(codes(await gql(server.url, query))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a forged or expired token as anonymous', async () => {
    expect(codes(await gql(server.url, LIST, {}, 'not-a-token'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(server.url, LIST, {}, `${tokens.hr.slice(0, -4)}AAAA`))).toEqual(['UNAUTHENTICATED']);
  });

  it('rejects a wrong password without saying whether the account exists', async () => {
    const wrong = await gql(server.url, 'mutation { login(email: "hr@demo.local", password: "nope") { token } }');
    const unknown = await gql(server.url, 'mutation { login(email: "ghost@demo.local", password: "nope") { token } }');
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });
});

describe('reading employees: grants by role', () => {
  it('shows an EMPLOYEE only their own record, pay included', async () => {
    const list = await gql<ListResult>(server.url, LIST, { first: 500 }, tokens.employee);
    expect(list.errors).toBeUndefined();
    expect(list.data?.employees.totalCount).toBe(1);
    const me = await gql<{ me: { employee: { performancePayBase: string; employeeNumber: string } } }>(
      server.url,
      '{ me { employee { employeeNumber performancePayBase } } }',
      {},
      tokens.employee,
    );
    expect(me.data?.me.employee).toEqual({ employeeNumber: 'NUMED001', performancePayBase: '2200.00' });
  });

  it('hides other employees from an EMPLOYEE as if they did not exist', async () => {
    const hrList = await gql<ListResult>(server.url, `{ employees(filter: { q: "HQ001" }) { totalCount nodes { id name } } }`, {}, tokens.hr);
    const gm = hrList.data?.employees.nodes[0];
    expect(gm).toBeDefined();
    const probe = await gql(server.url, 'query($id: ID!) { employee(id: $id) { name } }', { id: gm?.id }, tokens.employee);
    expect(codes(probe)).toEqual(['NOT_FOUND']);
    expect(await gql(server.url, 'query($id: ID!) { node(id: $id) { id } }', { id: gm?.id }, tokens.employee)).toEqual({ data: { node: null } });
  });

  it('lets an EMPLOYEE see who their supervisor is, but not the supervisor\'s details or pay', async () => {
    const ok = await gql<{ me: { employee: { reportingLine: Array<{ name: string }> } } }>(
      server.url,
      '{ me { employee { reportingLine { name } } } }',
      {},
      tokens.employee,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.me.employee.reportingLine.length).toBe(3); // head nurse, director of nursing, general manager
    const pay = await gql(server.url, '{ me { employee { supervisor { performancePayBase } } } }', {}, tokens.employee);
    expect(codes(pay)).toEqual(['FORBIDDEN']);
    const details = await gql(server.url, '{ me { employee { supervisor { hireDate } } } }', {}, tokens.employee);
    expect(codes(details)).toEqual(['FORBIDDEN']);
  });

  it('shows a SUPERVISOR their direct and indirect reports, never their pay', async () => {
    const list = await gql<ListResult>(server.url, LIST, { first: 500 }, tokens.supervisor);
    expect(list.errors).toBeUndefined();
    // Director of nursing: three head nurses and 42 nurses, plus herself.
    expect(list.data?.employees.totalCount).toBe(46);
    const details = await gql(server.url, '{ employees(first: 50) { nodes { hireDate employmentStatus reportingLine { name } } } }', {}, tokens.supervisor);
    expect(details.errors).toBeUndefined();
    const pay = await gql(server.url, '{ employees(first: 50, offset: 1) { nodes { performancePayBase } } }', {}, tokens.supervisor);
    expect(codes(pay).length).toBeGreaterThan(0);
    expect(new Set(codes(pay))).toEqual(new Set(['FORBIDDEN']));
  });

  it('gives the COMMITTEE names, departments and positions only', async () => {
    const names = await gql<{ employees: { totalCount: number } }>(
      server.url,
      '{ employees(first: 200) { totalCount nodes { name department { name } position { name } } } }',
      {},
      tokens.committee,
    );
    expect(names.errors).toBeUndefined();
    expect(names.data?.employees.totalCount).toBeGreaterThanOrEqual(150);
    for (const field of ['hireDate', 'email', 'employmentStatus', 'performancePayBase', 'disciplinaryFlag', 'supervisor { name }']) {
      const denied = await gql(server.url, `{ employees(first: 3) { nodes { ${field} } } }`, {}, tokens.committee);
      expect(new Set(codes(denied)), field).toEqual(new Set(['FORBIDDEN']));
    }
  });

  it('gives HR everything, pay included, and ADMIN everything but pay', async () => {
    const hr = await gql<{ employees: { totalCount: number; nodes: Array<{ performancePayBase: string | null }> } }>(
      server.url,
      '{ employees(first: 500) { totalCount nodes { performancePayBase floatingPayBase hireDate disciplinaryReference } } }',
      {},
      tokens.hr,
    );
    expect(hr.errors).toBeUndefined();
    expect(hr.data?.employees.nodes.length).toBe(hr.data?.employees.totalCount);
    const admin = await gql(server.url, '{ employees(first: 5) { nodes { hireDate performancePayBase } } }', {}, tokens.admin);
    expect(new Set(codes(admin))).toEqual(new Set(['FORBIDDEN']));
  });

  it('reports a denied field as an error with a code, never as a quiet null', async () => {
    const result = await gql<{ employees: unknown }>(server.url, '{ employees(first: 1, offset: 5) { nodes { name performancePayBase } } }', {}, tokens.supervisor);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.path).toEqual(['employees', 'nodes', 0, 'performancePayBase']);
  });

  it('lets only HR export the employee sheet', async () => {
    for (const role of ['employee', 'supervisor', 'committee', 'admin'] as const)
      expect(codes(await gql(server.url, '{ exportEmployees { fileName } }', {}, tokens[role])), role).toEqual(['FORBIDDEN']);
    const hr = await gql<{ exportEmployees: { fileName: string; contentBase64: string } }>(server.url, '{ exportEmployees { fileName contentBase64 } }', {}, tokens.hr);
    expect(hr.data?.exportEmployees.fileName).toMatch(/^employees-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });
});

describe('pagination and sorting', () => {
  const PAGE = `query($first: Int, $after: String, $offset: Int) {
    employees(first: $first, after: $after, offset: $offset, sort: [{ field: EMPLOYEE_NUMBER, direction: ASC }]) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { employeeNumber }
    }
  }`;
  type Page = { employees: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string }; nodes: Array<{ employeeNumber: string }> } };

  it('walks the list by cursors and by offsets to the same items', async () => {
    const first = await gql<Page>(server.url, PAGE, { first: 10 }, tokens.hr);
    const second = await gql<Page>(server.url, PAGE, { first: 10, after: first.data?.employees.pageInfo.endCursor }, tokens.hr);
    const byOffset = await gql<Page>(server.url, PAGE, { first: 10, offset: 10 }, tokens.hr);
    expect(second.data?.employees.nodes).toEqual(byOffset.data?.employees.nodes);
    expect(second.data?.employees.pageInfo.hasPreviousPage).toBe(true);
    const numbers = [...(first.data?.employees.nodes ?? []), ...(second.data?.employees.nodes ?? [])].map((n) => n.employeeNumber);
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers).size).toBe(20);
  });

  it('reports the last page and the total', async () => {
    const all = await gql<Page>(server.url, PAGE, { first: 500 }, tokens.hr);
    const total = all.data?.employees.totalCount ?? 0;
    const last = await gql<Page>(server.url, PAGE, { first: 10, offset: total - 3 }, tokens.hr);
    expect(last.data?.employees.nodes.length).toBe(3);
    expect(last.data?.employees.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects page sizes and cursors it cannot honour, naming the argument', async () => {
    const tooBig = await gql(server.url, PAGE, { first: 501 }, tokens.hr);
    expect(codes(tooBig)).toEqual(['BAD_USER_INPUT']);
    expect(tooBig.errors?.[0]?.extensions?.details?.[0]?.field).toBe('first');
    const badCursor = await gql(server.url, PAGE, { first: 5, after: 'garbage' }, tokens.hr);
    expect(badCursor.errors?.[0]?.extensions?.details?.[0]).toMatchObject({ field: 'after', rule: 'cursor' });
  });

  it('filters by search text, department and status', async () => {
    const departments = await gql<{ departments: { nodes: Array<{ id: string; code: string; employeeCount: number }> } }>(
      server.url,
      '{ departments(filter: { q: "CAFETERIA" }) { nodes { id code employeeCount } } }',
      {},
      tokens.hr,
    );
    expect(departments.errors).toBeUndefined();
    const cafeteria = departments.data?.departments.nodes.find((d) => d.code === 'CAFETERIA');
    expect(cafeteria?.employeeCount).toBe(20);
    const inCafeteria = await gql<ListResult>(server.url, 'query($d: ID!) { employees(filter: { departmentId: $d }, first: 100) { totalCount nodes { id name } } }', { d: cafeteria?.id }, tokens.hr);
    expect(inCafeteria.errors).toBeUndefined();
    expect(inCafeteria.data?.employees.totalCount).toBe(20);
    const onProbation = await gql<ListResult>(server.url, '{ employees(filter: { employmentStatus: PROBATION }, first: 100) { totalCount nodes { id name } } }', {}, tokens.hr);
    expect(onProbation.data?.employees.totalCount).toBeGreaterThan(0);
  });
});
