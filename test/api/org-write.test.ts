import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let ids: { cafeteria: string; cook: string; nursing: string; headCook: string; cafeteriaManager: string };

const CREATE = `mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { id version employeeNumber performancePayBase supervisor { name } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id version name } }`;

async function auditRows(entityId: string): Promise<Array<{ operation: string; actor_user_id: string | null; before: unknown; after: Record<string, unknown> | null; request_id: string | null }>> {
  // Changes only: reads of pay bases are audited too (operation readSensitiveFields), tested in list-guards.
  return server.orm.em
    .getConnection()
    .execute(`select operation, actor_user_id, before, after, request_id from audit_entry where entity_id = ? and operation <> 'readSensitiveFields' order by id`, [entityId]);
}

async function employeeCount(): Promise<number> {
  const [row] = await server.orm.em.getConnection().execute<Array<{ n: string }>>('select count(*) as n from employee');
  return Number(row?.n);
}

beforeAll(async () => {
  server = await startTestServer();
  hr = await login(server.url, demo.hr);
  const lookup = await gql<{ departments: { nodes: Array<{ id: string; code: string }> }; positions: { nodes: Array<{ id: string; code: string }> }; employees: { nodes: Array<{ id: string; employeeNumber: string }> } }>(
    server.url,
    `{ departments(first: 100) { nodes { id code } } positions(first: 100) { nodes { id code } }
       employees(filter: { departmentId: null, q: "CF00" }, first: 10) { nodes { id employeeNumber } } }`,
    {},
    hr,
  );
  const dep = (code: string) => lookup.data?.departments.nodes.find((d) => d.code === code)?.id as string;
  const pos = (code: string) => lookup.data?.positions.nodes.find((p) => p.code === code)?.id as string;
  const emp = (n: string) => lookup.data?.employees.nodes.find((e) => e.employeeNumber === n)?.id as string;
  ids = { cafeteria: dep('CAFETERIA'), nursing: dep('NURSING'), cook: pos('CAF-COOK'), headCook: emp('CF002'), cafeteriaManager: emp('CF001') };
  expect(Object.values(ids).every(Boolean)).toBe(true);
});
afterAll(() => server?.stop());

const newCook = (overrides: Record<string, unknown> = {}) => ({
  employeeNumber: 'CFC900',
  name: 'Qian Duoduo',
  departmentId: ids.cafeteria,
  positionId: ids.cook,
  supervisorId: ids.headCook,
  hireDate: '2026-11-02',
  probationEndDate: '2027-02-01',
  employmentStatus: 'PROBATION',
  performancePayBase: '900',
  ...overrides,
});

describe('writing employees: deny first', () => {
  it('refuses every write to anyone but HR, and writes nothing', async () => {
    const before = await employeeCount();
    for (const role of ['employee', 'supervisor', 'committee', 'admin'] as const) {
      const token = await login(server.url, demo[role]);
      expect(codes(await gql(server.url, CREATE, { input: newCook() }, token)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, UPDATE, { id: ids.headCook, input: { version: 1, name: 'X' } }, token)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'mutation($id: ID!) { deactivateEmployee(id: $id, version: 1) { id } }', { id: ids.headCook }, token)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'mutation { createDepartment(input: { code: "X", name: "X" }) { id } }', {}, token)), role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await gql(server.url, CREATE, { input: newCook() }))).toEqual(['UNAUTHENTICATED']);
    expect(await employeeCount()).toBe(before);
  });
});

describe('writing employees as HR', () => {
  let created: { id: string; version: number };

  it('creates an employee, normalises money, and audits the change in the same transaction', async () => {
    const result = await gql<{ createEmployee: { id: string; version: number; performancePayBase: string; supervisor: { name: string } } }>(server.url, CREATE, { input: newCook() }, hr);
    expect(result.errors).toBeUndefined();
    created = result.data?.createEmployee as { id: string; version: number };
    expect(result.data?.createEmployee.performancePayBase).toBe('900.00');
    expect(result.data?.createEmployee.version).toBe(1);
    const audit = await auditRows(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operation: 'createEmployee', before: null });
    expect(audit[0]?.actor_user_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(audit[0]?.request_id).toBeTruthy();
    expect(audit[0]?.after?.employeeNumber).toBe('CFC900');
  });

  it('updates with the version it read and refuses a stale version with CONFLICT', async () => {
    const first = await gql<{ updateEmployee: { version: number; name: string } }>(server.url, UPDATE, { id: created.id, input: { version: created.version, name: 'Qian Duo' } }, hr);
    expect(first.errors).toBeUndefined();
    expect(first.data?.updateEmployee.version).toBe(2);
    const stale = await gql(server.url, UPDATE, { id: created.id, input: { version: created.version, name: 'Lost update' } }, hr);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const audit = await auditRows(created.id);
    expect(audit.map((a) => a.operation)).toEqual(['createEmployee', 'updateEmployee']);
  });

  it('lets only one of two concurrent edits of the same version win', async () => {
    const read = await gql<{ employee: { version: number } }>(server.url, 'query($id: ID!) { employee(id: $id) { version } }', { id: created.id }, hr);
    const version = read.data?.employee.version;
    const results = await Promise.all(
      ['Concurrent A', 'Concurrent B'].map((name) => gql(server.url, UPDATE, { id: created.id, input: { version, name } }, hr)),
    );
    const outcomes = results.map((r) => (r.errors ? r.errors[0]?.extensions?.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
  });

  it('names every broken rule and writes nothing on bad input', async () => {
    const before = await employeeCount();
    const bad = await gql(
      server.url,
      CREATE,
      { input: newCook({ employeeNumber: 'CFC001', departmentId: '00000000-0000-4000-8000-000000000000', email: 'not-an-email', probationEndDate: null }) },
      hr,
    );
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    const rules = (bad.errors?.[0]?.extensions?.details ?? []).map((d) => `${d.field}:${d.rule}`).sort();
    expect(rules).toEqual(['departmentId:exists', 'email:format', 'employeeNumber:unique', 'probationEndDate:required_on_probation']);
    expect(bad.errors?.[0]?.message).toContain('employeeNumber');
    // A date that does not exist is stopped by the LocalDate scalar, which names the field.
    const impossible = await gql(server.url, CREATE, { input: newCook({ employeeNumber: 'CFC903', hireDate: '2026-02-30' }) }, hr);
    expect(codes(impossible)).toEqual(['BAD_USER_INPUT']);
    expect(impossible.errors?.[0]?.message).toContain('hireDate');
    expect(await employeeCount()).toBe(before);
  });

  it('refuses a supervisor cycle and a position from another department', async () => {
    // The cafeteria manager supervises the head cook: making the head cook the manager's supervisor closes a loop.
    const manager = await gql<{ employee: { version: number } }>(server.url, 'query($id: ID!) { employee(id: $id) { version } }', { id: ids.cafeteriaManager }, hr);
    const cycle = await gql(server.url, UPDATE, { id: ids.cafeteriaManager, input: { version: manager.data?.employee.version, supervisorId: ids.headCook } }, hr);
    expect(cycle.errors?.[0]?.extensions?.details).toEqual([expect.objectContaining({ field: 'supervisorId', rule: 'supervisor_cycle' })]);
    const wrongDepartment = await gql(server.url, CREATE, { input: newCook({ employeeNumber: 'CFC901', departmentId: ids.nursing }) }, hr);
    expect(wrongDepartment.errors?.[0]?.extensions?.details).toEqual([expect.objectContaining({ field: 'positionId', rule: 'position_in_department' })]);
  });

  it('rejects money that is not an exact amount before anything runs', async () => {
    for (const amount of ['-1', '12.345', 'abc']) {
      const result = await gql(server.url, CREATE, { input: newCook({ employeeNumber: 'CFC902', performancePayBase: amount }) }, hr);
      expect(codes(result), amount).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toContain('performancePayBase');
    }
  });

  it('refuses to deactivate someone who still supervises people, then deactivates a leaf', async () => {
    const head = await gql<{ employee: { version: number } }>(server.url, 'query($id: ID!) { employee(id: $id) { version } }', { id: ids.headCook }, hr);
    const refused = await gql(server.url, 'mutation($id: ID!, $v: Int!) { deactivateEmployee(id: $id, version: $v) { id } }', { id: ids.headCook, v: head.data?.employee.version }, hr);
    expect(refused.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('has_active_reports');
    const leaf = await gql<{ employee: { version: number } }>(server.url, 'query($id: ID!) { employee(id: $id) { version } }', { id: created.id }, hr);
    const done = await gql<{ deactivateEmployee: { id: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { deactivateEmployee(id: $id, version: $v) { id } }', { id: created.id, v: leaf.data?.employee.version }, hr);
    expect(done.errors).toBeUndefined();
  });
});

describe('departments and positions', () => {
  it('creates a department tree and refuses to move a department under its own child', async () => {
    const parent = await gql<{ createDepartment: { id: string; version: number } }>(server.url, 'mutation { createDepartment(input: { code: "QA", name: "Quality" }) { id version } }', {}, hr);
    const child = await gql<{ createDepartment: { id: string; parent: { code: string } } }>(
      server.url,
      'mutation($p: ID!) { createDepartment(input: { code: "QA-LAB", name: "Lab", nameZh: "实验室", parentId: $p }) { id parent { code } } }',
      { p: parent.data?.createDepartment.id },
      hr,
    );
    expect(child.data?.createDepartment.parent.code).toBe('QA');
    const loop = await gql(server.url, 'mutation($id: ID!, $p: ID!, $v: Int!) { updateDepartment(id: $id, input: { version: $v, parentId: $p }) { id } }', { id: parent.data?.createDepartment.id, p: child.data?.createDepartment.id, v: parent.data?.createDepartment.version }, hr);
    expect(loop.errors?.[0]?.extensions?.details?.[0]).toMatchObject({ field: 'parentId', rule: 'department_cycle' });
    const duplicate = await gql(server.url, 'mutation { createDepartment(input: { code: "QA", name: "Again" }) { id } }', {}, hr);
    expect(duplicate.errors?.[0]?.extensions?.details?.[0]).toMatchObject({ field: 'code', rule: 'unique' });
  });

  it('creates a position in a department and lists it by department', async () => {
    const created = await gql<{ createPosition: { id: string; department: { code: string }; level: string } }>(
      server.url,
      'mutation($d: ID!) { createPosition(input: { code: "CAF-BAKER", name: "Baker", departmentId: $d, level: EMPLOYEE }) { id level department { code } } }',
      { d: ids.cafeteria },
      hr,
    );
    expect(created.data?.createPosition).toMatchObject({ level: 'EMPLOYEE', department: { code: 'CAFETERIA' } });
    const listed = await gql<{ positions: { totalCount: number } }>(server.url, 'query($d: ID!) { positions(filter: { departmentId: $d }) { totalCount } }', { d: ids.cafeteria }, hr);
    expect(listed.data?.positions.totalCount).toBe(5);
  });

  it('refuses a name or Chinese name longer than its 100-character column, naming the argument in the request language (the fuzzer found an internal error)', async () => {
    const long = '名'.repeat(101);
    const department = await gql<{ createDepartment: { id: string; version: number; nameZh: string } }>(
      server.url,
      'mutation($zh: String) { createDepartment(input: { code: "QA-LONG", name: "Long names", nameZh: $zh }) { id version nameZh } }',
      { zh: long.slice(1) },
      hr,
    );
    expect(department.data?.createDepartment.nameZh).toHaveLength(100);
    const { id, version } = department.data?.createDepartment as { id: string; version: number };
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      ['mutation($zh: String) { createDepartment(input: { code: "QA-LONG2", name: "Long", nameZh: $zh }) { id } }', { zh: long }, 'input.nameZh'],
      ['mutation($id: ID!, $v: Int!, $zh: String) { updateDepartment(id: $id, input: { version: $v, nameZh: $zh }) { id } }', { id, v: version, zh: long }, 'input.nameZh'],
      ['mutation($id: ID!, $v: Int!, $zh: String) { updateDepartment(id: $id, input: { version: $v, name: $zh }) { id } }', { id, v: version, zh: long }, 'input.name'],
      ['mutation($d: ID!, $zh: String) { createPosition(input: { code: "QA-LONG", name: "Long", nameZh: $zh, departmentId: $d, level: EMPLOYEE }) { id } }', { d: id, zh: long }, 'input.nameZh'],
      ['mutation($id: ID!, $zh: String) { updatePosition(id: $id, input: { version: 1, nameZh: $zh }) { id } }', { id: ids.cook, zh: long }, 'input.nameZh'],
    ];
    for (const [query, variables, field] of attempts) {
      const refused = await gql(server.url, query, variables, hr);
      expect(codes(refused), query).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.extensions?.details).toEqual([{ field, rule: 'max_length', message: 'at most 100 characters' }]);
    }
    const zh = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'accept-language': 'zh-CN', authorization: `Bearer ${hr}` },
      body: JSON.stringify({ query: attempts[0]?.[0], variables: attempts[0]?.[1] }),
    });
    expect(((await zh.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toBe('createDepartment(input.nameZh)：内容过长，最多 100 个字符，实际 101 个。');
  });
});

describe('audit trail', () => {
  it('cannot be changed or deleted, even by the database owner', async () => {
    const conn = server.orm.em.getConnection();
    await expect(conn.execute(`update audit_entry set operation = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(conn.execute(`delete from audit_entry`)).rejects.toThrow(/append-only/);
    // The application role has no TRUNCATE right at all (and the owner's trigger refuses it too).
    await expect(conn.execute(`truncate audit_entry`)).rejects.toThrow(/append-only|permission denied/);
  });

  it('records sign-ins, failed ones included', async () => {
    await gql(server.url, 'mutation { login(email: "hr@demo.local", password: "wrong") { token } }');
    const rows = await server.orm.em.getConnection().execute<Array<{ operation: string }>>(`select operation from audit_entry where operation like 'login%'`);
    expect(rows.map((r) => r.operation)).toContain('loginFailed');
    expect(rows.map((r) => r.operation)).toContain('login');
  });
});
