import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { ok } from '../support/cycles.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: string;
let hr: string;
let ownerId: string;

const CREATE = `mutation($input: ServiceAccountInput!) { createServiceAccount(input: $input) { token account { id version name status scopes { type fields pay } limits { requestsPerMinute } lastUsedAt } } }`;
const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

type Created = { createServiceAccount: { token: string; account: { id: string; version: number; status: string; lastUsedAt: string | null } } };

async function create(scopes: unknown[], extra: Record<string, unknown> = {}): Promise<Created['createServiceAccount']> {
  return ok(await gql<Created>(server.url, CREATE, { input: { name: 'BI dashboard', ownerEmployeeId: ownerId, scopes, expiresAt: inAMonth(), ...extra } }, admin)).createServiceAccount;
}

const sqlExec = (text: string, params: unknown[] = []) => server.orm.em.getConnection().execute(text, params);

beforeAll(async () => {
  server = await startTestServer();
  admin = await login(server.url, demo.admin);
  hr = await login(server.url, demo.hr);
  const me = ok(await gql<{ employees: { nodes: Array<{ id: string }> } }>(server.url, '{ employees(first: 1) { nodes { id } } }', {}, hr));
  ownerId = me.employees.nodes[0]?.id as string;
});
afterAll(() => server?.stop());

const EMPLOYEES = '{ employees(first: 3) { totalCount nodes { id name employeeNumber } } }';
const PAY = '{ employees(first: 3) { nodes { name performancePayBase } } }';

describe('service accounts: created by ADMIN, token shown once and stored hashed', () => {
  it('creates an account and returns a token that is stored only as its hash', async () => {
    const created = await create([{ type: 'Employee', fields: ['id', 'name', 'employeeNumber'] }]);
    expect(created.token).toMatch(/^sat_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    expect(created.account.status).toBe('ACTIVE');
    const rows = (await sqlExec('select token_hash from service_account where id = ?', [created.account.id])) as Array<{ token_hash: string }>;
    const secret = created.token.slice(41);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret);
    // The token is not a field: the account read later never shows it.
    const read = await gql(server.url, 'query($id: ID!) { serviceAccount(id: $id) { name status } }', { id: created.account.id }, admin);
    expect(JSON.stringify(read)).not.toContain(secret);
  });

  it('refuses everyone but ADMIN, and scopes that are unknown, never grantable or pay without pay', async () => {
    const input = { name: 'x', ownerEmployeeId: ownerId, scopes: [{ type: 'Employee' }], expiresAt: inAMonth() };
    expect(codes(await gql(server.url, CREATE, { input }, hr))).toEqual(['FORBIDDEN']);
    const rules = async (scopes: unknown[], extra: Record<string, unknown> = {}) => {
      const r = await gql(server.url, CREATE, { input: { ...input, scopes, ...extra } }, admin);
      expect(codes(r)).toEqual(['VALIDATION_FAILED']);
      return (r.errors?.[0]?.extensions?.details ?? []).map((d) => d.rule);
    };
    expect(await rules([{ type: 'Employee', fields: ['performancePayBase'] }])).toEqual(['service_scope_pay_not_granted']);
    expect(await rules([{ type: 'Employee', fields: ['email'] }])).toEqual(['service_scope_forbidden']);
    expect(await rules([{ type: 'Nope' }])).toEqual(['service_scope_unknown_type']);
    expect(await rules([])).toEqual(['service_scope_empty']);
    expect(await rules([{ type: 'Employee' }], { expiresAt: '2020-01-01T00:00:00Z' })).toEqual(['service_expiry_invalid']);
  });
});

describe('a service token reads through the same guards, limited to its scopes', () => {
  let identity: string;
  let withPay: string;

  beforeAll(async () => {
    identity = (await create([{ type: 'Employee', fields: ['id', 'name', 'employeeNumber'] }])).token;
    withPay = (await create([{ type: 'Employee', fields: ['id', 'name', 'employeeNumber', 'performancePayBase'], pay: true }])).token;
  });

  it('reads granted fields of every row of a granted type', async () => {
    const r = ok(await gql<{ employees: { totalCount: number; nodes: unknown[] } }>(server.url, EMPLOYEES, {}, identity));
    const asHr = ok(await gql<{ employees: { totalCount: number } }>(server.url, EMPLOYEES, {}, hr));
    expect(r.employees.totalCount).toBe(asHr.employees.totalCount);
    expect(r.employees.nodes).toHaveLength(3);
  });

  it('gets FORBIDDEN on fields not granted (pay without pay), on types not granted, and filters on hidden fields', async () => {
    const pay = await gql(server.url, PAY, {}, identity);
    expect(new Set(codes(pay))).toEqual(new Set(['FORBIDDEN']));
    expect(pay.errors?.[0]?.path).toEqual(['employees', 'nodes', 0, 'performancePayBase']);
    expect(codes(await gql(server.url, '{ cycles(first: 1) { nodes { id } } }', {}, identity))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ departments(first: 1) { nodes { id } } }', {}, identity))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ serviceAccounts { nodes { id } } }', {}, identity))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ employees(first: 1, sort: [{ field: HIRE_DATE }]) { nodes { id } } }', {}, identity))).toEqual(['FORBIDDEN']);
  });

  it('reads pay only when pay is granted, and the read is audited under the service account', async () => {
    const r = await gql<{ employees: { nodes: Array<{ performancePayBase: string | null }> } }>(server.url, PAY, {}, withPay);
    expect(r.errors).toBeUndefined();
    expect(r.data?.employees.nodes.some((n) => n.performancePayBase !== null)).toBe(true);
    const audits = (await sqlExec(`select after from audit_entry where operation = 'readSensitiveFields' and after ->> 'serviceAccountId' = ?`, [withPay.slice(4, 40)])) as unknown[];
    expect(audits.length).toBeGreaterThan(0);
  });

  it('refuses every mutation, whatever the scopes', async () => {
    const r = await gql(server.url, 'mutation { logout }', {}, withPay);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    const revoke = await gql(server.url, 'mutation($id: ID!) { revokeServiceAccount(id: $id, version: 1) { id } }', { id: ownerId }, withPay);
    expect(codes(revoke)).toEqual(['FORBIDDEN']);
  });

  it('records when the token was last used', async () => {
    const created = await create([{ type: 'Employee', fields: ['id', 'name'] }]);
    expect(created.account.lastUsedAt).toBeNull();
    ok(await gql(server.url, EMPLOYEES.replace(' employeeNumber', ''), {}, created.token));
    const read = ok(await gql<{ serviceAccount: { lastUsedAt: string | null } }>(server.url, 'query($id: ID!) { serviceAccount(id: $id) { lastUsedAt } }', { id: created.account.id }, admin));
    expect(read.serviceAccount.lastUsedAt).not.toBeNull();
  });
});

describe('revoked and expired tokens', () => {
  it('a revoked token is refused with its reason, at the next request', async () => {
    const created = await create([{ type: 'Employee', fields: ['id', 'name'] }]);
    ok(await gql(server.url, '{ employees(first: 1) { nodes { name } } }', {}, created.token));
    const revoked = ok(await gql<{ revokeServiceAccount: { status: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { revokeServiceAccount(id: $id, version: $v, reason: "tool retired") { status } }', { id: created.account.id, v: created.account.version }, admin));
    expect(revoked.revokeServiceAccount.status).toBe('REVOKED');
    const r = await gql(server.url, '{ employees(first: 1) { nodes { name } } }', {}, created.token);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors?.[0]?.extensions?.params).toEqual({ reason: 'token_revoked' });
    // A stale version is a CONFLICT.
    expect(codes(await gql(server.url, 'mutation($id: ID!) { revokeServiceAccount(id: $id, version: 1) { id } }', { id: created.account.id }, admin))).toEqual(['CONFLICT']);
  });

  it('an expired token is refused with its reason; a wrong secret is invalid', async () => {
    const created = await create([{ type: 'Employee', fields: ['id', 'name'] }]);
    await sqlExec(`update service_account set expires_at = now() - interval '1 minute' where id = ?`, [created.account.id]);
    const r = await gql(server.url, '{ employees(first: 1) { nodes { name } } }', {}, created.token);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors?.[0]?.extensions?.params).toEqual({ reason: 'token_expired' });
    const forged = `${created.token.slice(0, 41)}${'A'.repeat(43)}`;
    expect((await gql(server.url, '{ employees(first: 1) { nodes { name } } }', {}, forged)).errors?.[0]?.extensions?.params).toEqual({ reason: 'token_invalid' });
    const listed = ok(await gql<{ serviceAccounts: { nodes: Array<{ id: string }> } }>(server.url, '{ serviceAccounts(first: 100, filter: { status: EXPIRED }) { nodes { id } } }', {}, admin));
    expect(listed.serviceAccounts.nodes.map((n) => n.id)).toContain(created.account.id);
  });

  it('rotating replaces the token: the old one stops working', async () => {
    const created = await create([{ type: 'Employee', fields: ['id', 'name'] }]);
    const rotated = ok(await gql<{ rotateServiceToken: { token: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { rotateServiceToken(id: $id, version: $v) { token } }', { id: created.account.id, v: created.account.version }, admin));
    expect(codes(await gql(server.url, '{ employees(first: 1) { nodes { name } } }', {}, created.token))).toEqual(['UNAUTHENTICATED']);
    ok(await gql(server.url, '{ employees(first: 1) { nodes { name } } }', {}, rotated.rotateServiceToken.token));
  });
});

describe('limits, persisted queries and keyset paging', () => {
  it('refuses requests over the token rate with RATE_LIMITED and retryAfterMs', async () => {
    const created = await create([{ type: 'Employee', fields: ['id', 'name'] }], { limits: { requestsPerMinute: 1, burst: 1 } });
    ok(await gql(server.url, '{ employees(first: 1) { nodes { name } } }', {}, created.token));
    const r = await gql(server.url, '{ employees(first: 1) { nodes { name } } }', {}, created.token);
    expect(codes(r)).toEqual(['RATE_LIMITED']);
    expect(r.errors?.[0]?.extensions?.params).toMatchObject({ reason: 'rate' });
    expect(Number(r.errors?.[0]?.extensions?.params?.retryAfterMs)).toBeGreaterThan(0);
  });

  it('refuses a query above the token cost budget before it runs', async () => {
    const created = await create([{ type: 'Employee', fields: ['id', 'name'] }], { limits: { maxQueryCost: 100, costPerMinute: 1000 } });
    const r = await gql(server.url, '{ employees(first: 200) { nodes { id name } } }', {}, created.token);
    expect(codes(r)).toEqual(['RATE_LIMITED']);
    expect(r.errors?.[0]?.extensions?.params).toMatchObject({ reason: 'tooExpensive' });
  });

  it('accepts automatic persisted queries (hash first, text once)', async () => {
    const { token } = await create([{ type: 'Employee', fields: ['id', 'name'] }]);
    const query = '{ employees(first: 2) { nodes { name } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const post = async (body: unknown) =>
      (await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })).json()) as GqlResult;
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect(codes(await post({ extensions }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await post({ query, extensions })).errors).toBeUndefined();
    const again = await post({ extensions });
    expect(again.errors).toBeUndefined();
    expect((again.data as { employees: { nodes: unknown[] } }).employees.nodes).toHaveLength(2);
  });

  it('pages through every row with `after` while rows are inserted: no duplicates, no gaps', async () => {
    const { token } = await create([{ type: 'Employee', fields: ['id', 'name'] }], { limits: { requestsPerMinute: 600, burst: 100 } });
    const before = (await sqlExec('select id from employee')) as Array<{ id: string }>;
    const seen: string[] = [];
    let after: string | null = null;
    let round = 0;
    for (;;) {
      const page: { employees: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } = ok(
        await gql(server.url, 'query($after: String) { employees(first: 7, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }', { after }, token),
      );
      seen.push(...page.employees.nodes.map((n) => n.id));
      // Between pages, people are hired with names that sort everywhere in the list (copies of existing rows).
      round += 1;
      await sqlExec(
        `insert into employee select (jsonb_populate_record(null::employee, to_jsonb(e) || jsonb_build_object('id', gen_random_uuid(), 'employee_number', 'K' || ? || '-' || e.employee_number, 'email', null, 'version', 1))).* from employee e where e.employee_number not like 'K%' order by e.id limit 2 offset ?`,
        [round, round * 3],
      );
      if (!page.employees.pageInfo.hasNextPage) break;
      after = page.employees.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const seenSet = new Set(seen);
    expect(before.filter((r) => !seenSet.has(r.id))).toEqual([]);
    expect(round).toBeGreaterThan(3);
  });
});
