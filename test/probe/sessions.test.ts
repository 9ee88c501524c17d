import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codes, DEMO_PASSWORD, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.js';

let server: TestServer;

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const me = (token: string) => gql<{ me: { id: string } }>(server.url, '{ me { id } }', {}, token);
const sql = <T>(query: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(query, params);

async function attempt(email: string, password: string): Promise<{ status: number; retryAfter: string | null; json: GqlResult<{ login: { token: string } }> }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: (await response.json()) as GqlResult<{ login: { token: string } }> };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());
// Every test starts with a clean slate for this machine's address (all tests sign in from 127.0.0.1).
beforeEach(async () => {
  await sql(`delete from sign_in_throttle`);
});

describe('sessions', () => {
  it('logout revokes the token at once (and is audited)', async () => {
    const token = await login(server.url, demo.employee);
    expect(codes(await me(token))).toEqual([]);
    const out = await gql<{ logout: boolean }>(server.url, 'mutation { logout }', {}, token);
    expect(out.data?.logout).toBe(true);
    expect(codes(await me(token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(server.url, 'mutation { logout }', {}, token))).toEqual(['UNAUTHENTICATED']);
    const [row] = await sql<{ n: string }>(`select count(*) as n from audit_entry where operation = 'logout'`);
    expect(Number(row?.n)).toBe(1);
  });

  it('changing the password ends every session of the account and signs in anew', async () => {
    const first = await login(server.url, demo.committee);
    const second = await login(server.url, demo.committee);
    const wrong = await gql(server.url, 'mutation { changePassword(currentPassword: "nope", newPassword: "long-enough-1") { token } }', {}, first);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    const short = await gql(server.url, `mutation { changePassword(currentPassword: "${DEMO_PASSWORD}", newPassword: "short") { token } }`, {}, first);
    expect(codes(short)).toEqual(['VALIDATION_FAILED']);
    const changed = await gql<{ changePassword: { token: string } }>(
      server.url,
      `mutation { changePassword(currentPassword: "${DEMO_PASSWORD}", newPassword: "a-new-password-9") { token } }`,
      {},
      first,
    );
    expect(changed.errors).toBeUndefined();
    expect(codes(await me(first))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await me(second))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await me(changed.data?.changePassword.token ?? ''))).toEqual([]);
    expect(codes((await attempt(demo.committee, DEMO_PASSWORD)).json)).toEqual(['UNAUTHENTICATED']);
    await login(server.url, demo.committee, 'a-new-password-9');
  });

  it('deactivating an account (HR) ends its sessions at once; nobody else may', async () => {
    const hr = await login(server.url, demo.hr);
    const victim = await login(server.url, demo.supervisor);
    const [user] = await sql<{ id: string; version: number }>(`select id, version from app_user where email = ?`, [demo.supervisor]);
    const employee = await login(server.url, demo.employee);
    const denied = await gql(server.url, 'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { id } }', { id: user?.id, v: user?.version }, employee);
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const done = await gql(server.url, 'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { id } }', { id: user?.id, v: user?.version }, hr);
    expect(done.errors).toBeUndefined();
    expect(codes(await me(victim))).toEqual(['UNAUTHENTICATED']);
    const [open] = await sql<{ n: string }>(`select count(*) as n from auth_session where user_id = ? and revoked_at is null`, [user?.id]);
    expect(Number(open?.n)).toBe(0);
  });
});

describe('tokens', () => {
  const key = new TextEncoder().encode(TEST_JWT_SECRET);
  const now = () => Math.floor(Date.now() / 1000);
  const base = (sub: string) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setJti('a2b4c6d8-1234-4abc-8def-0123456789ab').setIssuer('appraisal-platform').setAudience('appraisal-api');

  it('a correctly signed token whose sub is not a UUID is UNAUTHENTICATED, not a 500', async () => {
    const token = await base('not-a-uuid').setIssuedAt().setExpirationTime(now() + 60).sign(key);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBeLessThan(500);
    expect(codes((await response.json()) as GqlResult)).toEqual(['UNAUTHENTICATED']);
  });

  it('a correctly signed token without exp, or for no session, is refused', async () => {
    const [user] = await sql<{ id: string }>(`select id from app_user where email = ?`, [demo.hr]);
    expect(codes(await me(await base(user?.id ?? '').setIssuedAt().sign(key)))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await me(await base(user?.id ?? '').setIssuedAt().setExpirationTime(now() + 60).sign(key)))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('sign-in throttling', () => {
  it('locks an account after repeated failures, even for the right password, and answers unknown e-mails the same way', async () => {
    const run = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await attempt(email, 'wrong-password');
        seen.push(`${r.status}:${codes(r.json).join()}`);
      }
      const right = await attempt(email, DEMO_PASSWORD);
      seen.push(`${right.status}:${codes(right.json).join()}`);
      return { seen, right };
    };
    const known = await run(demo.supervisor);
    await sql(`delete from sign_in_throttle where key like 'address:%'`);
    const unknown = await run('nobody@demo.local');
    expect(known.seen).toEqual([...Array(5).fill('200:UNAUTHENTICATED'), '429:TOO_MANY_REQUESTS', '429:TOO_MANY_REQUESTS']);
    expect(unknown.seen).toEqual(known.seen);
    expect(known.right.retryAfter).toMatch(/^\d+$/);
    expect(known.right.json.errors?.[0]?.extensions?.params?.retryAfterSeconds).toBeGreaterThan(0);
    expect(known.right.json.errors?.[0]?.message).toBe(unknown.right.json.errors?.[0]?.message.replace(/\d+/, String(known.right.json.errors?.[0]?.extensions?.params?.retryAfterSeconds)));
  });

  it('counts parallel attempts in the database: 20 at once, only the free ones are checked', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(demo.employee, 'wrong-password')));
    const byCode = results.map((r) => codes(r.json).join());
    expect(byCode.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(byCode.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(15);
    expect(codes((await attempt(demo.employee, DEMO_PASSWORD)).json)).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('HR or ADMIN lifts a lock (audited); others may not', async () => {
    for (let i = 0; i < 5; i++) await attempt(demo.admin, 'wrong-password');
    expect(codes((await attempt(demo.admin, DEMO_PASSWORD)).json)).toEqual(['TOO_MANY_REQUESTS']);
    const employee = await login(server.url, demo.employee);
    expect(codes(await gql(server.url, `mutation { unlockSignIn(email: "${demo.admin}") }`, {}, employee))).toEqual(['FORBIDDEN']);
    const hr = await login(server.url, demo.hr);
    const lifted = await gql<{ unlockSignIn: boolean }>(server.url, `mutation { unlockSignIn(email: "${demo.admin}") }`, {}, hr);
    expect(lifted.data?.unlockSignIn).toBe(true);
    await login(server.url, demo.admin);
    const [row] = await sql<{ n: string }>(`select count(*) as n from audit_entry where operation = 'unlockSignIn'`);
    expect(Number(row?.n)).toBe(1);
  });

  it('limits attempts per client address across e-mails', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 31; i++) seen.push(codes((await attempt(`someone-${i}@example.com`, 'x')).json).join());
    expect(seen.slice(0, 30).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(seen[30]).toBe('TOO_MANY_REQUESTS');
  });
});
