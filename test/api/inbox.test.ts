import type { InboxItem } from '@appraisal/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { completeInboxTasks, deliverInbox } from '../../api/src/modules/notifications/inbox.service.js';
import { ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
type Role = keyof typeof demo;
const tokens = {} as Record<Role, string>;
const employees = {} as Record<Role, string | null>;
const clock = fixedClock('2026-06-05');

const LINK = '00000000-0000-4000-8000-00000000aaaa';
const item = (key: string, recipientId: string, extra: Partial<InboxItem> = {}): InboxItem => ({
  key,
  recipientId,
  kind: 'notice',
  title: { en: `Item ${key}`, zh: `条目 ${key}` },
  link: { type: 'Notice', id: LINK },
  createdAt: new Date().toISOString(),
  ...extra,
});

async function deliver(items: InboxItem[]): Promise<string[]> {
  return server.orm.em.fork().transactional((em) => deliverInbox(em, items));
}

const INBOX = `query($f: InboxFilter, $s: [InboxSort!]) { myInbox(filter: $f, sort: $s, first: 50) { totalCount nodes { id kind taskKind title { en zh } link { type id } due readAt doneAt } } }`;
type InboxPage = { myInbox: { totalCount: number; nodes: Array<{ id: string; kind: string; taskKind: string | null; title: { en: string }; link: { type: string; id: string }; due: string | null; readAt: string | null; doneAt: string | null }> } };
const COUNTS = '{ inboxCounts { unread unreadNotices openTasks overdueTasks } }';
type Counts = { inboxCounts: { unread: number; unreadNotices: number; openTasks: number; overdueTasks: number } };
let base: Counts['inboxCounts'];

beforeAll(async () => {
  server = await startTestServer({ clock });
  for (const role of Object.keys(demo) as Role[]) {
    tokens[role] = await login(server.url, demo[role]);
    const me = ok(await gql<{ me: { employee: { id: string } | null } }>(server.url, '{ me { employee { id } } }', {}, tokens[role]));
    employees[role] = me.me.employee?.id ?? null;
  }
  // The demo data already put notices and tasks in every inbox: counts below are relative to it.
  base = ok(await gql<Counts>(server.url, COUNTS, {}, tokens.employee)).inboxCounts;
});
afterAll(() => server?.stop());

describe('inbox delivery', () => {
  it('delivers each key once, with one in-app delivery record per item, however often a producer runs', async () => {
    const me = employees.employee as string;
    const items = [
      item('test:notice', me),
      item('test:task-overdue', me, { kind: 'task', taskKind: 'rating', due: '2026-06-01', link: { type: 'Rating', id: LINK } }),
      item('test:task-later', me, { kind: 'task', taskKind: 'policyAcknowledgement', due: '2026-06-20', link: { type: 'PolicyVersion', id: LINK } }),
      item('test:supervisor', employees.supervisor as string),
    ];
    expect((await deliver(items)).sort()).toEqual(['test:notice', 'test:supervisor', 'test:task-later', 'test:task-overdue']);
    expect(await deliver(items)).toEqual([]);
    const rows = await server.orm.em.fork().getConnection().execute<Array<{ channel: string; n: number }>>(
      `select d.channel, count(*)::int as n from inbox_delivery d join inbox_item i on i.id = d.inbox_item_id where i.key like 'test:%' group by d.channel`,
    );
    expect(rows).toEqual([{ channel: 'inApp', n: 4 }]);
  });
});

describe('my inbox', () => {
  it('lists only the caller\'s own items, open tasks first by due date, then notices; with counts for the app bar', async () => {
    const page = ok(await gql<InboxPage>(server.url, INBOX, {}, tokens.employee));
    const mine = page.myInbox.nodes.filter((n) => n.title.en.startsWith('Item test:'));
    expect(mine.map((n) => n.title.en)).toEqual(['Item test:task-overdue', 'Item test:task-later', 'Item test:notice']);
    expect(mine[0]).toMatchObject({ kind: 'TASK', taskKind: 'rating', due: '2026-06-01', link: { type: 'Rating', id: LINK }, readAt: null });
    const counts = ok(await gql<Counts>(server.url, COUNTS, {}, tokens.employee));
    expect(counts.inboxCounts).toEqual({ unread: page.myInbox.totalCount, unreadNotices: base.unreadNotices + 1, openTasks: base.openTasks + 2, overdueTasks: base.overdueTasks + 1 });
    const tasks = ok(await gql<InboxPage>(server.url, INBOX, { f: { kind: 'TASK' } }, tokens.employee));
    expect(tasks.myInbox.totalCount).toBe(base.openTasks + 2);
    const newest = ok(await gql<InboxPage>(server.url, INBOX, { s: [{ field: 'CREATED_AT', direction: 'DESC' }] }, tokens.employee));
    expect(newest.myInbox.totalCount).toBe(page.myInbox.totalCount);
  });

  it('marks read per person: other people\'s ids change nothing; marking twice keeps the first time', async () => {
    const mine = ok(await gql<InboxPage>(server.url, INBOX, {}, tokens.employee)).myInbox.nodes;
    const theirs = ok(await gql<InboxPage>(server.url, INBOX, {}, tokens.supervisor)).myInbox.nodes;
    const notice = mine.find((n) => n.title.en === 'Item test:notice');
    const other = theirs.find((n) => n.title.en === 'Item test:supervisor');
    expect(other).toBeDefined();
    const marked = ok(await gql<{ markRead: number }>(server.url, 'mutation($ids: [ID!]!) { markRead(itemIds: $ids) }', { ids: [notice?.id, other?.id] }, tokens.employee));
    expect(marked.markRead).toBe(1);
    const again = ok(await gql<{ markRead: number }>(server.url, 'mutation($ids: [ID!]!) { markRead(itemIds: $ids) }', { ids: [notice?.id] }, tokens.employee));
    expect(again.markRead).toBe(0);
    expect(ok(await gql<InboxPage>(server.url, INBOX, { f: { unread: true } }, tokens.supervisor)).myInbox.nodes.map((n) => n.id)).toContain(other?.id);
    const counts = ok(await gql<Counts>(server.url, COUNTS, {}, tokens.employee)).inboxCounts;
    expect(counts.unreadNotices).toBe(base.unreadNotices);
    expect(codes(await gql(server.url, 'mutation($ids: [ID!]!) { markRead(itemIds: $ids) }', { ids: ['not-a-uuid'] }, tokens.employee))).toEqual(['BAD_USER_INPUT']);
  });

  it('takes a task off the open list when its work is done; markAllRead empties the unread count', async () => {
    await server.orm.em.fork().transactional((em) => completeInboxTasks(em, 'Rating', LINK, employees.employee as string));
    const counts = ok(await gql<Counts>(server.url, COUNTS, {}, tokens.employee)).inboxCounts;
    expect(counts).toMatchObject({ openTasks: base.openTasks + 1, overdueTasks: base.overdueTasks });
    const open = ok(await gql<InboxPage>(server.url, INBOX, { f: { openOnly: true } }, tokens.employee)).myInbox.nodes;
    expect(open.find((n) => n.title.en === 'Item test:task-overdue')).toBeUndefined();
    const all = ok(await gql<{ markAllRead: number }>(server.url, 'mutation { markAllRead }', {}, tokens.employee));
    expect(all.markAllRead).toBeGreaterThan(0);
    expect(ok(await gql<Counts>(server.url, COUNTS, {}, tokens.employee)).inboxCounts.unread).toBe(0);
  });
});
