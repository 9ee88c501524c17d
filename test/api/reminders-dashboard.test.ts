import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { createRequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { runReminders } from '../../api/src/modules/notifications/reminders.service.js';
import { departmentId, loginAs, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let employee: string;
let headCook: string;
let cycleId = '';
let ratings = 0;
let raters = 0;
const clock = fixedClock('2026-11-02');

const jobContext = () => createRequestContext({ requestId: 'test-job', actor: null, em: server.orm.em.fork(), db: createReadDb(server.orm), log: createLogger('warn'), clock });
const send = (token: string) => gql<{ sendReminders: { recipients: number; items: number; pending: number } }>(server.url, 'mutation($id: ID!) { sendReminders(cycleId: $id) { recipients items pending } }', { id: cycleId }, token);
type Item = { id: string; kind: string; taskKind: string | null; title: { en: string; zh: string }; link: { type: string }; due: string | null; readAt: string | null; doneAt: string | null };
const mine = async (token: string, filter: Record<string, unknown> = {}) =>
  ok(await gql<{ myInbox: { totalCount: number; nodes: Item[] } }>(server.url, 'query($f: InboxFilter) { myInbox(first: 50, filter: $f) { totalCount nodes { id kind taskKind title { en zh } link { type } due readAt doneAt } } }', { f: filter }, token)).myInbox;

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
  headCook = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  const { versionId } = await schemeVersionOf(server.url, hr, 'cafeteria');
  const canteen = await departmentId(server.url, hr, 'CAFETERIA');
  const created = ok(await gql<{ createCycle: { id: string; version: number; phases: Array<{ phase: string; opens: string; closes: string }> } }>(
    server.url,
    'mutation($input: CreateCycleInput!) { createCycle(input: $input) { id version phases { phase opens closes } } }',
    { input: { schemeVersionId: versionId, name: 'Cafeteria October 2026', period: { kind: 'MONTH', key: '2026-10' }, targetDepartmentIds: [canteen] } },
    hr,
  )).createCycle;
  expect(created.phases.find((p) => p.phase === 'RATING')).toEqual({ phase: 'RATING', opens: '2026-11-01', closes: '2026-11-05' });
  cycleId = created.id;
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { id } }', { id: cycleId, v: created.version }, hr));
  const launched = await waitForLaunch(server.url, hr, cycleId);
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cycleId, v: launched.version }, hr));
});
afterAll(async () => {
  await server?.stop();
});

describe('reminders', () => {

  it('HR sends today\'s reminders to the inbox: one task per rating to its rater; never twice on one day', async () => {
    expect(codes(await send(employee))).toEqual(['FORBIDDEN']);
    const first = ok(await send(hr)).sendReminders;
    ratings = first.items;
    raters = first.recipients;
    expect(ratings).toBeGreaterThanOrEqual(4);
    expect(raters).toBeGreaterThanOrEqual(1);
    expect(first).toEqual({ recipients: raters, items: ratings, pending: ratings });
    const counted = await server.orm.em.fork().getConnection().execute<Array<{ people: number; items: number }>>(
      `select count(distinct recipient_employee_id)::int as people, count(*)::int as items from inbox_item where task_kind = 'rating' and key like 'rating:%@2026-11-02'`,
    );
    expect(counted[0]).toEqual({ people: raters, items: ratings });
    // The old notification table is gone: the inbox is the one mechanism.
    const tables = await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from information_schema.tables where table_name = 'notification'`);
    expect(tables[0]?.n).toBe(0);
    expect(ok(await send(hr)).sendReminders).toEqual({ recipients: 0, items: 0, pending: ratings });
    // The daily job the same day finds nothing new either.
    expect(await runReminders(jobContext(), { cycleId: null, operation: 'remindersDaily' })).toMatchObject({ recipients: 0, items: 0 });
  });

  it('the head cook finds the rating tasks in the inbox and marks one read; nobody else sees or marks them', async () => {
    const list = await mine(headCook, { taskKind: 'rating' });
    expect(list.totalCount).toBeGreaterThanOrEqual(4);
    const task = list.nodes[0] as Item;
    expect(task).toMatchObject({ kind: 'TASK', taskKind: 'rating', due: '2026-11-05', link: { type: 'Rating' }, readAt: null, doneAt: null });
    expect(task.title.en).toMatch(/^Rate /);
    expect(task.title.zh).toMatch(/^为.+评分$/);
    expect((await mine(hr, { taskKind: 'rating' })).totalCount).toBe(0);
    const foreign = ok(await gql<{ markRead: number }>(server.url, 'mutation($ids: [ID!]!) { markRead(itemIds: $ids) }', { ids: [task.id] }, hr));
    expect(foreign.markRead).toBe(0);
    expect(ok(await gql<{ markRead: number }>(server.url, 'mutation($ids: [ID!]!) { markRead(itemIds: $ids) }', { ids: [task.id] }, headCook)).markRead).toBe(1);
    expect((await mine(headCook, { taskKind: 'rating', unread: true })).totalCount).toBe(list.totalCount - 1);
  });

  it('two working days before the due day, concurrent runs (two replicas) remind once; the newest reminder stands for the task', async () => {
    clock.set('2026-11-03');
    const runs = await Promise.all([runReminders(jobContext(), { cycleId: null, operation: 'remindersDaily' }), runReminders(jobContext(), { cycleId: null, operation: 'remindersDaily' })]);
    expect(runs.map((r) => r.recipients).sort((a, b) => a - b)).toEqual([0, raters]);
    const open = await mine(headCook, { taskKind: 'rating', openOnly: true });
    const all = await mine(headCook, { taskKind: 'rating' });
    expect(all.totalCount).toBe(open.totalCount * 2);
    expect(open.nodes.every((n) => n.title.en.endsWith('(due 2026-11-05)'))).toBe(true);
    // Nothing on the day between (not opening, not 2 or 0 working days before).
    clock.set('2026-11-04');
    expect(await runReminders(jobContext(), { cycleId: null, operation: 'remindersDaily' })).toMatchObject({ recipients: 0, items: 0 });
  });

  it('opening the rating phase told its participants with a generated notice (once)', async () => {
    const list = ok(await gql<{ notices: { nodes: Array<{ template: string | null; title: { en: string; zh: string } }> } }>(server.url, '{ notices(first: 20, filter: { template: "cyclePhaseOpened" }) { nodes { template title { en zh } } } }', {}, headCook)).notices.nodes;
    expect(list).toEqual([{ template: 'cyclePhaseOpened', title: { en: 'Cafeteria October 2026: rating is open', zh: 'Cafeteria October 2026：评分已开始' } }]);
  });

  it('the daily job is scheduled with pg-boss at 08:00 in the organisation\'s time zone', async () => {
    const rows = await server.orm.em.fork().getConnection().execute<Array<{ name: string; cron: string; timezone: string }>>(`select name, cron, timezone from pgboss.schedule order by name`);
    expect(rows).toContainEqual({ name: 'reminders.daily', cron: '0 8 * * *', timezone: 'Asia/Shanghai' });
  });
});

describe('cycle dashboard', () => {
  const query = `query($id: ID!) { cycleDashboard(cycleId: $id) {
    cycleId state today phases { phase opens closes status open overdue }
    total { departmentId appraisals scored ratingsDue ratingsDone selfReviewsDue selfReviewsDone acknowledgementsDue acknowledged }
    departments { departmentId departmentName appraisals ratingsDue ratingsDone }
    outstanding { kind open overdue recipients } overdueCount overdue { kind due daysOverdue subjectName recipient { employeeNumber } } } }`;
  type Dashboard = {
    state: string;
    phases: Array<{ phase: string; status: string; open: number; overdue: number }>;
    total: { appraisals: number; scored: number; ratingsDue: number; ratingsDone: number; selfReviewsDue: number };
    departments: Array<{ departmentName: string; appraisals: number; ratingsDue: number; ratingsDone: number }>;
    outstanding: Array<{ kind: string; open: number; overdue: number; recipients: number }>;
    overdueCount: number;
    overdue: Array<{ kind: string; due: string; daysOverdue: number; recipient: { employeeNumber: string } }>;
  };

  it('shows progress by phase and department and who is overdue (HR only)', async () => {
    clock.set('2026-11-05');
    const tasks = ok(await gql<{ myRatingTasks: { nodes: Array<{ id: string; version: number; appraisal: { employee: { employeeNumber: string } } }> } }>(server.url, '{ myRatingTasks(first: 100) { nodes { id version appraisal { employee { employeeNumber } } } } }', {}, headCook)).myRatingTasks.nodes;
    const t = tasks.find((x) => x.appraisal.employee.employeeNumber === 'CFC001');
    const items = { hygiene: { points: '22' }, foodQuality: { points: '23' }, service: { points: '18' }, discipline: { points: '12' }, safety: { points: '10' } };
    ok(await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t?.id, v: t?.version, i: { items } }, headCook));

    const open = ok(await gql<{ cycleDashboard: Dashboard }>(server.url, query, { id: cycleId }, hr)).cycleDashboard;
    expect(open.state).toBe('RATING');
    expect(open.phases[0]).toMatchObject({ phase: 'RATING', status: 'OPEN', open: ratings - 1, overdue: 0 });
    expect(open.total).toMatchObject({ appraisals: ratings, scored: 1, ratingsDue: ratings, ratingsDone: 1, selfReviewsDue: 0 });
    expect(open.departments.reduce((n, d) => n + d.ratingsDue, 0)).toBe(ratings);
    expect(open.outstanding).toContainEqual({ kind: 'rating', open: ratings - 1, overdue: 0, recipients: raters });
    expect(open.overdueCount).toBe(0);

    clock.set('2026-11-09');
    const late = ok(await gql<{ cycleDashboard: Dashboard }>(server.url, query, { id: cycleId }, hr)).cycleDashboard;
    expect(late.phases[0]).toMatchObject({ status: 'CLOSED', open: ratings - 1, overdue: ratings - 1 });
    expect(late.overdueCount).toBe(ratings - 1);
    expect(late.overdue[0]).toMatchObject({ kind: 'rating', due: '2026-11-05', daysOverdue: 4 });
    expect(late.overdue.some((o) => o.recipient.employeeNumber === 'CF002')).toBe(true);
    // Overdue ratings are not reminded (the window is closed; HR reopens it or closes the phase).
    expect(await runReminders(jobContext(), { cycleId, operation: 'remindersDaily' })).toMatchObject({ items: 0, pending: ratings - 1 });

    const supervisor = await login(server.url, demo.supervisor);
    expect(codes(await gql(server.url, query, { id: cycleId }, supervisor))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, query, { id: cycleId }, employee))).toEqual(['FORBIDDEN']);
  });
});
