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
const send = (token: string) => gql<{ sendReminders: { notifications: number; items: number; pending: number } }>(server.url, 'mutation($id: ID!) { sendReminders(cycleId: $id) { notifications items pending } }', { id: cycleId }, token);
type Note = { id: string; version: number; kind: string; readAt: string | null; items: Array<{ kind: string; reason: string; due: string; workingDaysLeft: number; subjectName: string | null; cycleName: string | null }> };
const mine = async (token: string, filter: Record<string, unknown> = {}) =>
  ok(await gql<{ myNotifications: { totalCount: number; nodes: Note[] } }>(server.url, 'query($f: NotificationFilter) { myNotifications(first: 20, filter: $f) { totalCount nodes { id version kind readAt items { kind reason due workingDaysLeft subjectName cycleName } } } }', { f: filter }, token)).myNotifications;

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

  it('HR sends today\'s reminders: one in-app message per rater listing their ratings; never twice on one day', async () => {
    expect(codes(await send(employee))).toEqual(['FORBIDDEN']);
    const first = ok(await send(hr)).sendReminders;
    ratings = first.items;
    raters = first.notifications;
    expect(ratings).toBeGreaterThanOrEqual(4);
    expect(raters).toBeGreaterThanOrEqual(1);
    expect(first).toEqual({ notifications: raters, items: ratings, pending: ratings });
    const recipients = await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>(`select count(distinct recipient_employee_id)::int as n from notification where kind = 'reminder'`);
    expect(recipients[0]?.n).toBe(raters);
    expect(ok(await send(hr)).sendReminders).toEqual({ notifications: 0, items: 0, pending: ratings });
    // The daily job the same day finds nothing new either.
    expect(await runReminders(jobContext(), { cycleId: null, operation: 'remindersDaily' })).toMatchObject({ notifications: 0, items: 0 });
  });

  it('the head cook lists and marks the message read; nobody else sees or marks it', async () => {
    const list = await mine(headCook);
    expect(list.totalCount).toBe(1);
    const note = list.nodes[0] as Note;
    expect(note.kind).toBe('reminder');
    expect(note.items.length).toBeGreaterThanOrEqual(4);
    expect(note.items.every((i) => i.kind === 'rating')).toBe(true);
    expect(note.items[0]).toMatchObject({ kind: 'rating', reason: 'opened', due: '2026-11-05', workingDaysLeft: 3, cycleName: 'Cafeteria October 2026' });
    expect((await mine(hr)).totalCount).toBe(0);
    const foreign = await gql(server.url, 'mutation($id: ID!, $v: Int!) { markNotificationRead(id: $id, version: $v) { readAt } }', { id: note.id, v: note.version }, hr);
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    const stale = await gql(server.url, 'mutation($id: ID!, $v: Int!) { markNotificationRead(id: $id, version: $v) { readAt } }', { id: note.id, v: note.version + 1 }, headCook);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const read = ok(await gql<{ markNotificationRead: { readAt: string | null } }>(server.url, 'mutation($id: ID!, $v: Int!) { markNotificationRead(id: $id, version: $v) { readAt } }', { id: note.id, v: note.version }, headCook));
    expect(read.markNotificationRead.readAt).not.toBeNull();
    expect((await mine(headCook, { unread: true })).totalCount).toBe(0);
    expect((await mine(headCook, { unread: false })).totalCount).toBe(1);
  });

  it('two working days before the due day, concurrent runs (two replicas) send one message', async () => {
    clock.set('2026-11-03');
    const runs = await Promise.all([runReminders(jobContext(), { cycleId: null, operation: 'remindersDaily' }), runReminders(jobContext(), { cycleId: null, operation: 'remindersDaily' })]);
    expect(runs.map((r) => r.notifications).sort((a, b) => a - b)).toEqual([0, raters]);
    const list = await mine(headCook, { unread: true });
    expect(list.totalCount).toBe(1);
    expect(list.nodes[0]?.items[0]).toMatchObject({ reason: 'dueSoon', workingDaysLeft: 2 });
    // Nothing on the day between (not opening, not 2 or 0 working days before).
    clock.set('2026-11-04');
    expect(await runReminders(jobContext(), { cycleId: null, operation: 'remindersDaily' })).toMatchObject({ notifications: 0 });
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
    expect(await runReminders(jobContext(), { cycleId, operation: 'remindersDaily' })).toMatchObject({ notifications: 0, pending: ratings - 1 });

    const supervisor = await login(server.url, demo.supervisor);
    expect(codes(await gql(server.url, query, { id: cycleId }, supervisor))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, query, { id: cycleId }, employee))).toEqual(['FORBIDDEN']);
  });
});
