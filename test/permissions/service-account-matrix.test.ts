import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Role x field matrix for ServiceAccount: ADMIN reads every field of every account; the owner (an employee) reads
 * the summary of their tool's account and never the admin fields; anyone else, and any service token, sees none.
 */
const SUMMARY = ['id', 'name', 'owner', 'scopes { type fields pay }', 'limits { requestsPerMinute maxPageSize }', 'expiresAt', 'revokedAt', 'status', 'lastUsedAt'];
const ADMIN_ONLY = ['createdBy', 'revokedBy', 'version', 'createdAt', 'updatedAt'];

let server: TestServer;
const tokens = {} as Record<keyof typeof demo, string>;
let accountId: string;
let serviceToken: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  const me = ok(await gql<{ me: { employee: { id: string } } }>(server.url, '{ me { employee { id } } }', {}, tokens.employee));
  const created = ok(
    await gql<{ createServiceAccount: { token: string; account: { id: string } } }>(
      server.url,
      'mutation($input: ServiceAccountInput!) { createServiceAccount(input: $input) { token account { id } } }',
      { input: { name: 'Ward board', ownerEmployeeId: me.me.employee.id, scopes: [{ type: 'Employee', fields: ['id', 'name'] }], expiresAt: new Date(Date.now() + 86_400_000 * 30).toISOString() } },
      tokens.admin,
    ),
  );
  accountId = created.createServiceAccount.account.id;
  serviceToken = created.createServiceAccount.token;
});
afterAll(() => server?.stop());

const read = (field: string, token: string) => gql(server.url, `query($id: ID!) { serviceAccount(id: $id) { ${field} } }`, { id: accountId }, token);

describe('ServiceAccount fields per role', () => {
  it('ADMIN reads every field', async () => {
    for (const field of [...SUMMARY, ...ADMIN_ONLY]) expect((await read(field, tokens.admin)).errors, field).toBeUndefined();
  });

  it('the owner reads the summary, never the admin fields', async () => {
    for (const field of SUMMARY) expect((await read(field, tokens.employee)).errors, field).toBeUndefined();
    for (const field of ADMIN_ONLY) expect(codes(await read(field, tokens.employee)), field).toEqual(['FORBIDDEN']);
  });

  it('HR, a supervisor and the committee who do not own it do not see it at all', async () => {
    for (const role of ['hr', 'supervisor', 'committee'] as const) {
      expect(codes(await read('name', tokens[role])), role).toEqual(['NOT_FOUND']);
      const list = ok(await gql<{ serviceAccounts: { totalCount: number } }>(server.url, '{ serviceAccounts { totalCount } }', {}, tokens[role]));
      expect(list.serviceAccounts.totalCount, role).toBe(0);
    }
  });

  it('a service token reads no service account, not even its own', async () => {
    expect(codes(await read('name', serviceToken))).toEqual(['FORBIDDEN']);
  });

  it('only ADMIN creates, rotates and revokes', async () => {
    for (const role of ['hr', 'supervisor', 'employee', 'committee'] as const)
      expect(codes(await gql(server.url, 'mutation($id: ID!) { revokeServiceAccount(id: $id, version: 1) { id } }', { id: accountId }, tokens[role])), role).toEqual(['FORBIDDEN']);
  });
});
