import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { createRequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { announceHonors, deliverDueNotices } from '../../api/src/modules/notices/notice.service.js';
import { departmentId, loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Demo: employee = a nurse in NURSING-MED (under NURSING); a cook of the cafeteria is outside a nursing audience.
let server: TestServer;
let hr: string;
let employee: string;
let cook: string;
let nursing = '';
let noticeId = '';
const clock = fixedClock('2026-06-05');
const jobContext = () => createRequestContext({ requestId: 'test-job', actor: null, em: server.orm.em.fork(), db: createReadDb(server.orm), log: createLogger('warn'), clock });

const NOTICE = 'id version status title { en zh } pinned requiresAcknowledgement visibleFrom publishAt template myReceipt { readAt acknowledgedAt }';
const RECEIPT = 'id requiresAcknowledgement myReceipt { readAt acknowledgedAt }';
const SAVE = `mutation($i: NoticeInput!, $id: ID, $v: Int) { saveNotice(input: $i, id: $id, version: $v) { ${NOTICE} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { ${NOTICE} } }`;
const rules = (r: GqlResult<unknown>) => (r.errors?.[0]?.extensions?.details ?? []).map((d) => d.rule);
type Notice = { id: string; version: number; status: string; template: string | null; pinned: boolean; myReceipt: { readAt: string | null; acknowledgedAt: string | null } | null };
const input = (over: Record<string, unknown> = {}) => ({
  title: { en: 'Ward handover drill', zh: '病区交接演练' },
  body: { en: 'The drill is on **Friday**.', zh: '演练于**周五**进行。' },
  audience: { kind: 'SOME', departmentIds: [nursing] },
  requiresAcknowledgement: true,
  ...over,
});
const inbox = async (token: string) =>
  ok(await gql<{ inboxCounts: { unread: number; unreadNotices: number; openTasks: number }; myInbox: { nodes: Array<{ id: string; kind: string; taskKind: string | null; link: { type: string; id: string }; readAt: string | null; doneAt: string | null }> } }>(
    server.url,
    '{ inboxCounts { unread unreadNotices openTasks } myInbox(first: 100) { nodes { id kind taskKind link { type id } readAt doneAt } } }',
    {},
    token,
  ));
const seen = async (token: string) => ok(await gql<{ notices: { totalCount: number; nodes: Array<{ id: string }> } }>(server.url, '{ notices(first: 100) { totalCount nodes { id } } }', {}, token)).notices;

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
  const someone = await server.orm.em.fork().getConnection().execute<Array<{ n: string }>>(
    `select e.employee_number as n from employee e join department d on d.id = e.department_id where d.code = 'CAFETERIA' and e.active order by e.employee_number desc limit 1`,
  );
  cook = await loginAs(server, someone[0]?.n as string, ['EMPLOYEE']);
  nursing = await departmentId(server.url, hr, 'NURSING');
});
afterAll(() => server?.stop());

describe('composing and publishing', () => {
  it('refuses raw HTML, an empty audience and an expiry before publication, naming each rule; only HR writes', async () => {
    const past = new Date(Date.now() + 3_600_000).toISOString();
    const bad = await gql(server.url, SAVE, { i: input({ body: { en: 'Hi <img src=x onerror=alert(1)>', zh: '好' }, audience: { kind: 'SOME' }, publishAt: past, expiresAt: new Date(Date.now() + 60_000).toISOString() }) }, hr);
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(rules(bad).sort()).toEqual(['markdown_raw_html', 'notice_audience_empty', 'notice_expires_before_publish']);
    expect(codes(await gql(server.url, SAVE, { i: input() }, employee))).toEqual(['FORBIDDEN']);
  });

  it('a draft is HR\'s; published, it reaches the audience\'s inbox (an acknowledgement task) and nobody else', async () => {
    const draft = ok(await gql<{ saveNotice: Notice }>(server.url, SAVE, { i: input() }, hr)).saveNotice;
    noticeId = draft.id;
    expect(draft.status).toBe('DRAFT');
    expect((await seen(employee)).nodes.map((n) => n.id)).not.toContain(noticeId);
    const before = (await inbox(employee)).inboxCounts;
    const stale = await gql(server.url, PUBLISH, { id: noticeId, v: draft.version + 1 }, hr);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const published = ok(await gql<{ publishNotice: Notice }>(server.url, PUBLISH, { id: noticeId, v: draft.version }, hr)).publishNotice;
    expect(published.status).toBe('LIVE');
    const after = await inbox(employee);
    expect(after.inboxCounts.unread).toBe(before.unread + 1);
    expect(after.inboxCounts.openTasks).toBe(before.openTasks + 1);
    expect(after.myInbox.nodes.find((n) => n.link.id === noticeId)).toMatchObject({ kind: 'TASK', taskKind: 'noticeAcknowledgement', link: { type: 'Notice' } });
    expect((await seen(employee)).nodes.map((n) => n.id)).toContain(noticeId);
    expect((await seen(cook)).nodes.map((n) => n.id)).not.toContain(noticeId);
    expect(codes(await gql(server.url, 'query($id: ID!) { notice(id: $id) { id } }', { id: noticeId }, cook))).toEqual(['NOT_FOUND']);
    // What people received is never edited: the service refuses, and so does the database.
    const edit = await gql(server.url, SAVE, { i: input({ title: { en: 'Changed', zh: '改' } }), id: noticeId, v: published.version }, hr);
    expect(rules(edit)).toEqual(['notice_published']);
    await expect(server.orm.em.fork().getConnection().execute(`update notice set title = '{"en":"x","zh":"x"}' where id = ?`, [noticeId])).rejects.toThrow(/only its withdrawal and expiry change/);
  });

  it('the recipient reads and acknowledges it; HR sees reach per department, people do not', async () => {
    const read = ok(await gql<{ readNotice: Notice }>(server.url, `mutation($id: ID!) { readNotice(id: $id) { ${RECEIPT} } }`, { id: noticeId }, employee)).readNotice;
    expect(read.myReceipt?.readAt).not.toBeNull();
    expect(read.myReceipt?.acknowledgedAt).toBeNull();
    expect(codes(await gql(server.url, 'mutation($id: ID!) { readNotice(id: $id) { id } }', { id: noticeId }, cook))).toEqual(['NOT_FOUND']);
    const acked = ok(await gql<{ acknowledgeNotice: Notice }>(server.url, `mutation($id: ID!) { acknowledgeNotice(id: $id) { ${RECEIPT} } }`, { id: noticeId }, employee)).acknowledgeNotice;
    expect(acked.myReceipt?.acknowledgedAt).not.toBeNull();
    expect((await inbox(employee)).myInbox.nodes.find((n) => n.link.id === noticeId)).toMatchObject({ doneAt: expect.any(String), readAt: expect.any(String) });

    type Reach = { departmentId: string | null; departmentName: string | null; recipients: number; delivered: number; read: number; acknowledged: number; readPercent: string };
    const reach = ok(await gql<{ notice: { reach: Reach[] } }>(server.url, 'query($id: ID!) { notice(id: $id) { reach { departmentId departmentName recipients delivered read acknowledged readPercent } } }', { id: noticeId }, hr)).notice.reach;
    const [total, ...departments] = reach;
    expect(total).toMatchObject({ departmentId: null, read: 1, acknowledged: 1 });
    expect(total?.recipients).toBeGreaterThan(1);
    expect(total?.delivered).toBe(total?.recipients);
    expect(departments.reduce((n, d) => n + d.recipients, 0)).toBe(total?.recipients);
    expect(departments.filter((d) => d.read === 1)).toHaveLength(1);
    expect(codes(await gql(server.url, 'query($id: ID!) { notice(id: $id) { reach { recipients } } }', { id: noticeId }, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ notices(first: 5, filter: { status: LIVE }) { totalCount } }', {}, employee))).toEqual(['FORBIDDEN']);
    const live = ok(await gql<{ notices: { nodes: Array<{ id: string }> } }>(server.url, '{ notices(first: 100, filter: { status: LIVE }) { nodes { id } } }', {}, hr)).notices.nodes;
    expect(live.map((n) => n.id)).toContain(noticeId);
  });

  it('a scheduled notice is delivered by the job at its time; a withdrawn one disappears', async () => {
    const at = new Date(Date.now() + 1500).toISOString();
    const draft = ok(await gql<{ saveNotice: Notice }>(server.url, SAVE, { i: input({ requiresAcknowledgement: false, publishAt: at, title: { en: 'Canteen closed Monday', zh: '周一食堂停业' }, audience: { kind: 'ALL' } }) }, hr)).saveNotice;
    const scheduled = ok(await gql<{ publishNotice: Notice }>(server.url, PUBLISH, { id: draft.id, v: draft.version }, hr)).publishNotice;
    expect(scheduled.status).toBe('SCHEDULED');
    expect((await inbox(cook)).myInbox.nodes.some((n) => n.link.id === draft.id)).toBe(false);
    expect(await deliverDueNotices(jobContext())).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const reached = await deliverDueNotices(jobContext());
    expect(reached).toBeGreaterThan(10);
    expect(await deliverDueNotices(jobContext())).toBe(0);
    expect((await inbox(cook)).myInbox.nodes.find((n) => n.link.id === draft.id)).toMatchObject({ kind: 'NOTICE', readAt: null });
    expect((await seen(cook)).nodes.map((n) => n.id)).toContain(draft.id);

    const current = ok(await gql<{ notice: Notice }>(server.url, `query($id: ID!) { notice(id: $id) { ${NOTICE} } }`, { id: draft.id }, hr)).notice;
    expect(current.status).toBe('LIVE');
    const withdrawn = ok(await gql<{ withdrawNotice: Notice }>(server.url, `mutation($id: ID!, $v: Int!) { withdrawNotice(id: $id, version: $v) { ${NOTICE} } }`, { id: draft.id, v: current.version }, hr)).withdrawNotice;
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect((await seen(cook)).nodes.map((n) => n.id)).not.toContain(draft.id);
    expect((await inbox(cook)).myInbox.nodes.some((n) => n.link.id === draft.id)).toBe(false);
  });

  it('honours announced: one pinned notice to everyone, generated once', async () => {
    const honors = { programId: '00000000-0000-4000-8000-0000000000aa', programName: { en: 'Star cooks 2026', zh: '2026年度明星厨师' }, awards: 2, recipients: { en: 'Li Na, Wang Wei', zh: '李娜、王伟' } };
    const ctx = jobContext();
    const first = await ctx.em.transactional((em) => announceHonors(em, ctx, honors));
    expect(first).not.toBeNull();
    expect(await ctx.em.fork().transactional((em) => announceHonors(em, ctx, honors))).toBeNull();
    const list = ok(await gql<{ notices: { nodes: Array<{ id: string; pinned: boolean; template: string; title: { zh: string } }> } }>(server.url, '{ notices(first: 3) { nodes { id pinned template title { zh } } } }', {}, cook)).notices.nodes;
    expect(list[0]).toMatchObject({ id: first, pinned: true, template: 'honorsAnnounced', title: { zh: '2026年度明星厨师评选结果公布' } });
  });
});

describe('schemes and ledger rules name their governing policy', () => {
  it('the demo schemes show their regulation; HR relinks, people cannot', async () => {
    type SchemeRow = { id: string; code: string; policy: { id: string; code: string; currentVersion: { title: { en: string } } } | null };
    const schemes = async (token: string) =>
      ok(await gql<{ schemes: { nodes: SchemeRow[] } }>(server.url, '{ schemes(first: 20) { nodes { id code policy { id code currentVersion { title { en } } } } } }', {}, token)).schemes.nodes;
    const cafeteria = (await schemes(hr)).find((s) => s.code === 'cafeteria') as SchemeRow;
    expect(cafeteria.policy).toMatchObject({ code: 'POL-CAFETERIA', currentVersion: { title: { en: expect.stringContaining('cafeteria') } } });
    const LINK = 'mutation($k: GovernedKind!, $id: ID!, $p: ID) { setGoverningPolicy(kind: $k, id: $id, policyId: $p) { kind code policyId } }';
    expect(codes(await gql(server.url, LINK, { k: 'SCHEME', id: cafeteria.id, p: null }, employee))).toEqual(['FORBIDDEN']);
    expect(ok(await gql<{ setGoverningPolicy: { policyId: string | null } }>(server.url, LINK, { k: 'SCHEME', id: cafeteria.id, p: null }, hr)).setGoverningPolicy.policyId).toBeNull();
    expect((await schemes(hr)).find((s) => s.code === 'cafeteria')?.policy).toBeNull();
    const back = ok(await gql<{ setGoverningPolicy: { kind: string; code: string; policyId: string } }>(server.url, LINK, { k: 'SCHEME', id: cafeteria.id, p: cafeteria.policy?.id }, hr)).setGoverningPolicy;
    expect(back).toEqual({ kind: 'SCHEME', code: 'cafeteria', policyId: cafeteria.policy?.id });
    const version = ok(await gql<{ policy: { currentVersion: { linkedSchemes: Array<{ code: string }>; linkedLedgerRules: Array<{ code: string }> } } }>(
      server.url,
      'query($id: ID!) { policy(id: $id) { currentVersion { linkedSchemes { code } linkedLedgerRules { code } } } }',
      { id: cafeteria.policy?.id },
      hr,
    )).policy.currentVersion;
    expect(version.linkedSchemes.map((s) => s.code)).toEqual(['cafeteria']);
    expect(version.linkedLedgerRules.length).toBeGreaterThan(0);
    const rules = ok(await gql<{ ledgerRules: { nodes: Array<{ code: string; policy: { code: string } | null }> } }>(server.url, '{ ledgerRules(first: 100) { nodes { code policy { code } } } }', {}, hr)).ledgerRules.nodes;
    expect(rules.filter((r) => r.policy?.code === 'POL-CAFETERIA').map((r) => r.code).sort()).toEqual(version.linkedLedgerRules.map((r) => r.code).sort());
  });

  it('HR reminds the people who have not acknowledged a policy, never twice a day', async () => {
    const policies = ok(await gql<{ policies: { nodes: Array<{ code: string; currentVersion: { id: string; acknowledgementStatus: { pending: number } } }> } }>(
      server.url,
      '{ policies(first: 20) { nodes { code currentVersion { id acknowledgementStatus { pending } } } } }',
      {},
      hr,
    )).policies.nodes;
    const cafeteria = policies.find((p) => p.code === 'POL-CAFETERIA');
    const REMIND = 'mutation($id: ID!) { remindPolicyAcknowledgement(versionId: $id) }';
    expect(codes(await gql(server.url, REMIND, { id: cafeteria?.currentVersion.id }, employee))).toEqual(['FORBIDDEN']);
    const reminded = ok(await gql<{ remindPolicyAcknowledgement: number }>(server.url, REMIND, { id: cafeteria?.currentVersion.id }, hr)).remindPolicyAcknowledgement;
    expect(reminded).toBe(cafeteria?.currentVersion.acknowledgementStatus.pending);
    expect(reminded).toBeGreaterThan(0);
    expect(ok(await gql<{ remindPolicyAcknowledgement: number }>(server.url, REMIND, { id: cafeteria?.currentVersion.id }, hr)).remindPolicyAcknowledgement).toBe(0);
    const tasks = (await inbox(cook)).myInbox.nodes.filter((n) => n.link.id === cafeteria?.currentVersion.id && n.doneAt === null);
    expect(tasks).toHaveLength(1);
  });
});
