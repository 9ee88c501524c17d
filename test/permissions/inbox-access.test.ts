import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverInbox } from '../../api/src/modules/notifications/inbox.service.js';
import { ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Every role's inbox is its own: HR and the committee included. Accounts without an employee record (admin, the
// demo committee) have an empty inbox; anonymous callers are refused.
let server: TestServer;
type Role = keyof typeof demo;
const tokens = {} as Record<Role, string>;
const employees = {} as Record<Role, string | null>;
const LIST = '{ myInbox(first: 100) { totalCount nodes { id title { en } } } }';

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(demo) as Role[]) {
    tokens[role] = await login(server.url, demo[role]);
    employees[role] = ok(await gql<{ me: { employee: { id: string } | null } }>(server.url, '{ me { employee { id } } }', {}, tokens[role])).me.employee?.id ?? null;
  }
  const items = (Object.keys(demo) as Role[])
    .filter((role) => employees[role])
    .map((role) => ({ key: `matrix:${role}`, recipientId: employees[role] as string, kind: 'notice' as const, title: { en: `For ${role}`, zh: role }, link: { type: 'Notice' as const, id: '00000000-0000-4000-8000-000000000001' }, createdAt: new Date().toISOString() }));
  await server.orm.em.fork().transactional((em) => deliverInbox(em, items));
});
afterAll(() => server?.stop());

describe('inbox matrix', () => {
  it('shows each role only its own items', async () => {
    for (const role of Object.keys(demo) as Role[]) {
      const titles = ok(await gql<{ myInbox: { nodes: Array<{ title: { en: string } }> } }>(server.url, LIST, {}, tokens[role])).myInbox.nodes.map((n) => n.title.en).filter((t) => t.startsWith('For '));
      expect(titles, role).toEqual(employees[role] ? [`For ${role}`] : []);
    }
  });

  it('lets nobody mark another person\'s item read', async () => {
    const supervisorItem = ok(await gql<{ myInbox: { nodes: Array<{ id: string; title: { en: string } }> } }>(server.url, LIST, {}, tokens.supervisor)).myInbox.nodes.find((n) => n.title.en === 'For supervisor');
    for (const role of ['hr', 'admin', 'committee', 'employee'] as const) {
      const marked = ok(await gql<{ markRead: number }>(server.url, 'mutation($ids: [ID!]!) { markRead(itemIds: $ids) }', { ids: [supervisorItem?.id] }, tokens[role]));
      expect(marked.markRead, role).toBe(0);
    }
    expect(ok(await gql<{ inboxCounts: { unread: number } }>(server.url, '{ inboxCounts { unread } }', {}, tokens.supervisor)).inboxCounts.unread).toBeGreaterThan(0);
  });

  it('refuses anonymous callers', async () => {
    expect(codes(await gql(server.url, LIST))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(server.url, '{ inboxCounts { unread } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(server.url, 'mutation { markAllRead }'))).toEqual(['UNAUTHENTICATED']);
  });
});
