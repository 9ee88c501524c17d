import { type Actor, readableOnEveryRow, type RoleName } from '@appraisal/domain';
import {
  getNamedType,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The schema module first: it loads reflect-metadata before any decorated class.
import { buildBareSchema } from '../../api/src/schema.js';
import { listingRegistry } from '../../api/src/core/listing.js';
import { createTokenService } from '../../api/src/core/tokens.js';
import { codes, demo, DEMO_PASSWORD, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The list arguments obey the field rules: for every connection, every filter field and every sort key,
 * and every role, the argument is refused with FORBIDDEN exactly when the role may not read the field it
 * reveals on every row it can list. Walks the schema, so lists added later are covered automatically.
 */
let server: TestServer;
let schema: GraphQLSchema;
type Role = keyof typeof demo;
const tokens = {} as Record<Role, string>;
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
  schema = await buildBareSchema(createTokenService(new Uint8Array(32), 60));
  server = await startTestServer();
  for (const role of Object.keys(demo) as Role[]) {
    tokens[role] = await login(server.url, demo[role]);
    const me = await gql<{ me: { id: string; roles: RoleName[]; employee: { id: string } | null } }>(server.url, '{ me { id roles employee { id } } }', {}, tokens[role]);
    const user = me.data?.me;
    if (!user) throw new Error(`no account for ${role}`);
    actors[role] = { userId: user.id, employeeId: user.employee?.id ?? null, roles: user.roles };
  }
});
afterAll(() => server?.stop());

const UUID = '00000000-0000-4000-8000-000000000000';

/** A well-formed value of an input type, so only the permission decides the outcome. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return UUID;
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'LocalDate':
        return '2020-01-01';
      case 'Money':
        return '1.00';
      default:
        return 'x';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

function connections() {
  const query = schema.getQueryType();
  return Object.values(query?.getFields() ?? {}).filter((f) => String(f.type).endsWith('Connection!'));
}

describe('list arguments and field rules', () => {
  it('declares a listing for every connection, covering every filter field and sort key', () => {
    const gaps: string[] = [];
    for (const field of connections()) {
      const spec = listingRegistry.get(field.name);
      if (!spec) {
        gaps.push(`${field.name}: no listing`);
        continue;
      }
      const filterType = getNamedType(field.args.find((a) => a.name === 'filter')?.type);
      if (isInputObjectType(filterType))
        for (const name of Object.keys(filterType.getFields())) if (name !== 'q' && !spec.filters[name]) gaps.push(`${field.name}.filter.${name}`);
      const sortType = getNamedType(field.args.find((a) => a.name === 'sort')?.type);
      const sortField = isInputObjectType(sortType) ? getNamedType(sortType.getFields().field?.type) : undefined;
      if (isEnumType(sortField)) for (const value of sortField.getValues()) if (!spec.sorts[value.value as string]) gaps.push(`${field.name}.sort.${value.value as string}`);
      for (const declared of [...Object.values(spec.filters), ...Object.values(spec.sorts).map((s) => s.field), ...spec.search.map((s) => s.field)])
        if (!spec.access.fields[declared]) gaps.push(`${field.name}: ${declared} has no field policy`);
    }
    expect(gaps).toEqual([]);
  });

  it('refuses exactly the filters and sorts over fields a role cannot read on every row, for every role', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const field of connections()) {
      const spec = listingRegistry.get(field.name);
      if (!spec) continue;
      const filterArg = field.args.find((a) => a.name === 'filter');
      const filterType = getNamedType(filterArg?.type);
      const sortType = getNamedType(field.args.find((a) => a.name === 'sort')?.type);
      const sortEnum = isInputObjectType(sortType) ? getNamedType(sortType.getFields().field?.type) : undefined;
      const filterTypeName = getNamedType(filterArg?.type)?.name;
      const sortTypeName = sortType?.name;
      const doc = `query($filter: ${filterTypeName}, $sort: [${sortTypeName}!]) { ${field.name}(first: 1, filter: $filter, sort: $sort) { totalCount } }`;
      for (const role of Object.keys(demo) as Role[]) {
        const plain = await gql(server.url, doc, {}, tokens[role]);
        // A role the root field refuses learns nothing from any argument; nothing more to check.
        if (codes(plain).includes('FORBIDDEN')) continue;
        expect(plain.errors, `${role} lists ${field.name}`).toBeUndefined();
        const cases: Array<{ label: string; variables: Record<string, unknown>; revealed: string }> = [];
        if (isInputObjectType(filterType))
          for (const [name, input] of Object.entries(filterType.getFields()))
            if (name !== 'q') cases.push({ label: `filter.${name}`, variables: { filter: { [name]: sample(input.type) } }, revealed: spec.filters[name] ?? name });
        if (isEnumType(sortEnum))
          for (const value of sortEnum.getValues())
            cases.push({ label: `sort ${value.name}`, variables: { sort: [{ field: value.value, direction: 'ASC' }] }, revealed: spec.sorts[value.value as string]?.field ?? value.name });
        for (const c of cases) {
          const result = await gql(server.url, doc, c.variables, tokens[role]);
          const allowed = readableOnEveryRow(spec.access, actors[role], c.revealed);
          const refused = codes(result).includes('FORBIDDEN');
          checked++;
          if (allowed === refused) mismatches.push(`${role} ${field.name} ${c.label}: expected ${allowed ? 'allowed' : 'FORBIDDEN'}, got ${JSON.stringify(result.errors ?? 'data')}`);
        }
      }
    }
    console.log(`list arguments checked against field policies: ${checked}`);
    expect(checked).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
    // One request per connection, role and argument: the walk grows with every list (and a shared machine is slow).
  }, 180_000);

  it('searches only the columns the caller may read: the committee cannot find people by e-mail', async () => {
    const byMail = '{ employees(filter: { q: "@harbor.example" }) { totalCount } }';
    const hr = await gql<{ employees: { totalCount: number } }>(server.url, byMail, {}, tokens.hr);
    const committee = await gql<{ employees: { totalCount: number } }>(server.url, byMail, {}, tokens.committee);
    expect(hr.data?.employees.totalCount).toBeGreaterThan(100);
    expect(committee.errors).toBeUndefined();
    expect(committee.data?.employees.totalCount).toBe(0);
    // Names stay searchable for the committee.
    const byName = await gql<{ employees: { totalCount: number } }>(server.url, '{ employees(filter: { q: "Wang" }) { totalCount } }', {}, tokens.committee);
    expect(byName.data?.employees.totalCount).toBeGreaterThan(0);
  });

  it('cannot rebuild the reporting chart, the status list or the hire-date order as the committee', async () => {
    for (const args of ['filter: { supervisorId: "' + UUID + '" }', 'filter: { employmentStatus: REGULAR }', 'sort: [{ field: HIRE_DATE }]']) {
      const result = await gql(server.url, `{ employees(${args}) { totalCount } }`, {}, tokens.committee);
      expect(codes(result), args).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('field_not_readable');
    }
  });
});

describe('paging arguments', () => {
  it('treats explicit nulls as absent on every connection', async () => {
    for (const field of connections()) {
      const result = await gql(server.url, `{ ${field.name}(first: null, after: null, offset: null, filter: null, sort: null) { totalCount } }`, {}, tokens.hr);
      expect(result.errors, field.name).toBeUndefined();
    }
  });

  it('refuses forged and oversized cursors and offsets as BAD_USER_INPUT', async () => {
    const forged = [
      Buffer.from('pos:1e20').toString('base64url'),
      Buffer.from('[1e400,"x"]').toString('base64url'),
      Buffer.from('["a","b","c"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
      'not a cursor!',
      'A'.repeat(5000),
    ];
    for (const after of forged) {
      const result = await gql(server.url, 'query($after: String) { employees(first: 5, after: $after) { totalCount } }', { after }, tokens.hr);
      expect(codes(result), after.slice(0, 20)).toEqual(['BAD_USER_INPUT']);
    }
    for (const offset of [-1, 2_000_000_000]) {
      const result = await gql(server.url, 'query($offset: Int) { employees(first: 5, offset: $offset) { totalCount } }', { offset }, tokens.hr);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('pages through everything by keyset cursor with no duplicate and no gap, in any sort order', async () => {
    for (const sort of ['[{ field: NAME, direction: DESC }]', '[{ field: HIRE_DATE }, { field: NAME, direction: DESC }]', 'null']) {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let guard = 0; guard < 100; guard++) {
        const page: { data?: { employees: { totalCount: number; nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await gql(
          server.url,
          `query($after: String) { employees(first: 17, after: $after, sort: ${sort}) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { after },
          tokens.hr,
        );
        const employees = page.data?.employees;
        if (!employees) throw new Error('no page');
        total = employees.totalCount;
        seen.push(...employees.nodes.map((n) => n.id));
        if (!employees.pageInfo.hasNextPage) break;
        after = employees.pageInfo.endCursor;
      }
      expect(seen.length, sort).toBe(total);
      expect(new Set(seen).size, sort).toBe(total);
    }
  });
});

describe('signing in', () => {
  it('answers the login payload as the account that just signed in, own employee record included', async () => {
    const result = await gql<{ login: { user: { employee: { id: string; name: string } | null } } }>(
      server.url,
      'mutation { login(email: "employee@demo.local", password: "demo1234") { token user { roles employee { id name } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.login.user.employee?.id).toBe(actors.employee.employeeId);
  });
});

describe('reads of pay bases', () => {
  it('are audited when someone other than the person reads them, and not when they read their own', async () => {
    const count = async () =>
      Number((await server.orm.em.getConnection().execute<Array<{ n: string }>>(`select count(*) as n from audit_entry where operation = 'readSensitiveFields'`))[0]?.n);
    const before = await count();
    const hrRead = await gql<{ employees: { nodes: Array<{ id: string }> } }>(server.url, '{ employees(first: 3) { nodes { id performancePayBase } } }', {}, tokens.hr);
    expect(hrRead.errors).toBeUndefined();
    expect(await count()).toBe(before + 1);
    const rows = await server.orm.em
      .getConnection()
      .execute<Array<{ actor_user_id: string; after: { fields: Record<string, string[]> } }>>(`select actor_user_id, after from audit_entry where operation = 'readSensitiveFields' order by id desc limit 1`);
    expect(rows[0]?.actor_user_id).toBe(actors.hr.userId);
    expect(Object.keys(rows[0]?.after.fields ?? {}).sort()).toEqual(hrRead.data?.employees.nodes.map((n) => n.id).sort());
    const own = await gql(server.url, 'query($id: ID!) { employee(id: $id) { performancePayBase floatingPayBase } }', { id: actors.employee.employeeId }, tokens.employee);
    expect(own.errors).toBeUndefined();
    expect(await count()).toBe(before + 1);
    const noPay = await gql(server.url, '{ employees(first: 3) { nodes { name } } }', {}, tokens.hr);
    expect(noPay.errors).toBeUndefined();
    expect(await count()).toBe(before + 1);
  });

  it('are audited as their reader even when a login later in the same mutation changes who is signed in', async () => {
    const audits = async () =>
      server.orm.em.getConnection().execute<Array<{ actor_user_id: string; after: { fields: Record<string, string[]> } }>>(`select actor_user_id, after from audit_entry where operation = 'readSensitiveFields' order by id`);
    const before = (await audits()).length;
    const list = await gql<{ employees: { nodes: Array<{ id: string; version: number }> } }>(server.url, '{ employees(first: 5) { nodes { id version } } }', {}, tokens.hr);
    const other = list.data?.employees.nodes.find((n) => n.id !== actors.hr.employeeId && n.id !== actors.employee.employeeId);
    if (!other) throw new Error('no other employee');
    // Serial root fields: the pay is read as HR, then the login makes the rest of the request the employee's.
    const result = await gql<{ updateEmployee: { performancePayBase: string } }>(
      server.url,
      `mutation($id: ID!, $v: Int!) { updateEmployee(id: $id, input: { version: $v }) { performancePayBase } login(email: "${demo.employee}", password: "${DEMO_PASSWORD}") { token } }`,
      { id: other.id, v: other.version },
      tokens.hr,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateEmployee.performancePayBase).toBeTruthy();
    const rows = (await audits()).slice(before);
    expect(rows.map((r) => [r.actor_user_id, Object.keys(r.after.fields)])).toEqual([[actors.hr.userId, [other.id]]]);
  });
});
