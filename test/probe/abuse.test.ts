import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, login, type GqlResult } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Abusive documents are refused before any SQL runs: not even the sign-in lookup of the token.
 * Every case is sent with a valid HR token, so "0 statements" also proves authentication waits.
 */
let server: TestServer;
let hr: string;

beforeAll(async () => {
  server = await startTestServer();
  hr = await login(server.url, demo.hr);
});
afterAll(() => server?.stop());

async function post(body: unknown, token: string | null = hr): Promise<{ status: number; json: GqlResult }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as GqlResult };
}

const statements = () => server.sql.filter((line) => /\b(select|insert|update|delete|begin)\b/i.test(line));

async function refusedWithoutSql(body: unknown, token: string | null = hr): Promise<{ status: number; json: GqlResult }> {
  server.sql.length = 0;
  const result = await post(body, token);
  expect(result.json.errors?.length ?? 0).toBeGreaterThan(0);
  expect(result.json.data ?? null).toBeNull();
  expect(result.status).toBeGreaterThanOrEqual(400);
  expect(result.status).toBeLessThan(500);
  expect(statements()).toEqual([]);
  return result;
}

const employeeFields = 'id name employeeNumber department { name } position { name }';

describe('abusive documents are refused before any SQL', () => {
  it('alias floods', async () => {
    await refusedWithoutSql({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
  });

  it('__typename alias floods count as aliases', async () => {
    const result = await refusedWithoutSql({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `t${i}: __typename`).join(' ')} }` });
    expect(result.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('deep nesting', async () => {
    let selection = 'name';
    for (let i = 0; i < 14; i++) selection = `supervisor { ${selection} }`;
    await refusedWithoutSql({ query: `{ employees { nodes { ${selection} } } }` });
  });

  it('cost through variables: 20 aliases x 500 rows x nested lists', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: employees(first: $n) { nodes { ${employeeFields} directReports { name directReports { name } } } }`).join(' ');
    const result = await refusedWithoutSql({ query: `query($n: Int) { ${aliases} }`, variables: { n: 500 } });
    expect(result.json.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ rule: 'cost' }] });
  });

  it('cost when `first` is a variable nobody sent (assumed the largest page)', async () => {
    await refusedWithoutSql({ query: `query($n: Int) { a: employees(first: $n) { nodes { ${employeeFields} directReports { ${employeeFields} } } } }` });
  });

  it('the same query with a small page passes (the estimate follows the value)', async () => {
    const ok = await post({ query: `query($n: Int) { a: employees(first: $n) { nodes { ${employeeFields} directReports { name } } } }`, variables: { n: 5 } });
    expect(ok.json.errors).toBeUndefined();
  });

  it('fragment expansion (each spread counted where it is used)', async () => {
    const fragments = ['fragment F0 on Employee { name }', ...Array.from({ length: 12 }, (_, i) => `fragment F${i + 1} on Employee { ...F${i} ...F${i} }`)];
    await refusedWithoutSql({ query: `{ employees(first: 50) { nodes { ...F12 } } } ${fragments.join(' ')}` });
  });

  it('directive floods', async () => {
    await refusedWithoutSql({ query: `{ me { id ${Array.from({ length: 30 }, () => '@include(if: true)').join(' ')} } }` });
  });

  it('documents over the token limit answer 400, not 500', async () => {
    const result = await refusedWithoutSql({ query: `{ me { ${Array.from({ length: 5000 }, () => 'id').join(' ')} } }` });
    expect(result.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('batched requests', async () => {
    server.sql.length = 0;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${hr}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
    expect(statements()).toEqual([]);
  });

  it('a 1 MB search term, as a variable and as a literal, names the argument and its limit', async () => {
    const q = 'x'.repeat(1024 * 1024);
    const byVariable = await refusedWithoutSql({ query: 'query($q: String) { employees(filter: { q: $q }) { totalCount } }', variables: { q } });
    expect(byVariable.json.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', details: [{ field: 'filter.q', rule: 'max_length' }], params: { argument: 'filter.q', max: 200, purpose: 'searchTerm' } },
    });
    expect(byVariable.json.errors?.[0]?.message).toMatch(/employees\(filter\.q\).*at most 200/);
    const byLiteral = await refusedWithoutSql({ query: `{ employees(filter: { q: "${'y'.repeat(201)}" }) { totalCount } }` });
    expect(byLiteral.json.errors?.[0]?.extensions?.params).toMatchObject({ argument: 'filter.q', max: 200 });
    const nested = await refusedWithoutSql({ query: 'query($f: EmployeeFilter) { employees(filter: $f) { totalCount } }', variables: { f: { q } } });
    expect(nested.json.errors?.[0]?.extensions?.params).toMatchObject({ argument: 'filter.q' });
  });

  it('limits follow the purpose: a name, a code, an unannotated string, an id list', async () => {
    const name = await refusedWithoutSql({
      query: 'mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { id } }',
      variables: { i: { code: 'OK', name: 'n'.repeat(101) } },
    });
    // Names of org units are held in 100-character columns.
    expect(name.json.errors?.[0]?.extensions?.params).toMatchObject({ argument: 'input.name', max: 100, purpose: 'orgName' });
    const code = await refusedWithoutSql({ query: `mutation { createSchemeFromTemplate(template: "nursing", code: "${'C'.repeat(65)}") { id } }` });
    expect(code.json.errors?.[0]?.extensions?.params).toMatchObject({ argument: 'code', max: 64, purpose: 'code' });
    const cursor = await refusedWithoutSql({ query: 'query($a: String) { employees(after: $a) { totalCount } }', variables: { a: 'c'.repeat(1001) } });
    expect(cursor.json.errors?.[0]?.extensions?.params).toMatchObject({ argument: 'after', max: 1000, purpose: 'default' });
    const ids = await refusedWithoutSql({ query: 'query($ids: [ID!]) { employees(filter: { ids: $ids }) { totalCount } }', variables: { ids: Array.from({ length: 1001 }, (_, i) => String(i)) } });
    expect(ids.json.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('max_items');
  });

  it('NUL bytes anywhere in strings, ids and JSON documents, including login(email:)', async () => {
    const cases: unknown[] = [
      { query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: 'hr@demo.local\u0000', p: 'x' } },
      { query: 'mutation { login(email: "a\\u0000b", password: "x") { token } }' },
      { query: 'query($id: ID!) { employee(id: $id) { id } }', variables: { id: '\u0000' } },
      { query: 'query($d: JSON!) { validateScheme(document: $d) { valid } }', variables: { d: { sections: [{ name: 'a\u0000' }] } } },
      { query: 'query($d: JSON!) { validateScheme(document: $d) { valid } }', variables: { d: { 'key\u0000': 1 } } },
      { query: 'query($q: String) { employees(filter: { q: $q }) { totalCount } }', variables: { q: 'a\u0000' } },
      { query: 'query($ids: [ID!]) { employees(filter: { ids: $ids }) { totalCount } }', variables: { ids: ['6f1c2a1e-8a47-4c55-9d3e-0a4f8f0c1b11', '\u0000'] } },
    ];
    for (const body of cases) {
      const result = await refusedWithoutSql(body, null);
      expect(result.json.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ rule: 'no_nul' }] });
    }
  });
});

describe('a request that passes the checks', () => {
  it('spends exactly one statement on authentication (session and account together)', async () => {
    server.sql.length = 0;
    const result = await post({ query: '{ me { email } }' });
    expect(result.json.errors).toBeUndefined();
    const auth = statements().filter((line) => /auth_session/.test(line));
    expect(auth).toHaveLength(1);
    expect(statements()[0]).toMatch(/from auth_session s join app_user u/);
  });
});
