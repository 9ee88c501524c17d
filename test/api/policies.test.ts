import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { departmentId, loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Demo: employee = a nurse in NURSING-MED (under NURSING), supervisor = Director of Nursing; committee has no employee.
let server: TestServer;
let hr: string;
let hr2: string;
let employee: string;
let committee: string;
let cook: string;
let nursing = '';
let policyId = '';
let v1 = '';
const clock = fixedClock('2026-06-05');

const VERSION = 'id version number state effectiveFrom title { en zh } body { en zh } scope { kind ids } requiresAcknowledgement publishedAt myAcknowledgement';
const rules = (r: GqlResult<unknown>) => (r.errors?.[0]?.extensions?.details ?? []).map((d) => d.rule);
const draft = (over: Record<string, unknown> = {}) => ({
  title: { en: 'Night shift rules', zh: '夜班规定' },
  body: { en: '# Night shifts\n\n- Hand over **in person**.', zh: '# 夜班\n\n- 当面交接。' },
  effectiveFrom: '2026-07-01',
  scope: { kind: 'DEPARTMENTS', ids: [nursing] },
  requiresAcknowledgement: true,
  acknowledgementWorkingDays: 3,
  ...over,
});
const CREATE = `mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { id code versions { ${VERSION} } } }`;
const TRANSITION = `mutation($id: ID!, $v: Int!, $a: PolicyVersionAction!) { transitionPolicyVersion(id: $id, version: $v, action: $a) { ${VERSION} } }`;
const SAVE = `mutation($p: ID!, $i: PolicyVersionInput!, $vid: ID, $v: Int) { savePolicyVersion(policyId: $p, input: $i, versionId: $vid, version: $v) { ${VERSION} } }`;
const LIST = '{ policies(first: 100) { totalCount nodes { id code currentVersion { number } } } }';
type Version = { id: string; version: number; number: number; state: string; myAcknowledgement: string | null; publishedAt: string | null };

async function versionOf(token: string, id: string): Promise<Version> {
  return ok(await gql<{ policyVersion: Version }>(server.url, `query($id: ID!) { policyVersion(id: $id) { ${VERSION} } }`, { id }, token)).policyVersion;
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
  committee = await login(server.url, demo.committee);
  const someone = await server.orm.em.fork().getConnection().execute<Array<{ n: string }>>(
    `select e.employee_number as n from employee e join department d on d.id = e.department_id where d.code = 'CAFETERIA' and e.active order by e.employee_number limit 2`,
  );
  hr2 = await loginAs(server, someone[0]?.n as string, ['HR', 'EMPLOYEE']);
  cook = await loginAs(server, someone[1]?.n as string, ['EMPLOYEE']);
  nursing = await departmentId(server.url, hr, 'NURSING');
});
afterAll(() => server?.stop());

describe('writing a policy', () => {
  it('refuses raw HTML, script links, a missing language and an empty scope, naming each rule', async () => {
    const bad = await gql(server.url, CREATE, { i: { code: 'POL-NIGHT', draft: draft({ body: { en: 'Hi <script>alert(1)</script>', zh: '[x](javascript:alert(1))' }, title: { en: 'Night', zh: ' ' }, scope: { kind: 'DEPARTMENTS', ids: [] } }) } }, hr);
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(rules(bad).sort()).toEqual(['markdown_raw_html', 'markdown_script_link', 'policy_scope_empty', 'text_required']);
    expect(codes(await gql(server.url, CREATE, { i: { code: 'POL-NIGHT', draft: draft() } }, employee))).toEqual(['FORBIDDEN']);
  });

  it('HR creates a draft, which nobody else sees', async () => {
    const created = ok(await gql<{ createPolicy: { id: string; code: string; versions: Version[] } }>(server.url, CREATE, { i: { code: 'POL-NIGHT', draft: draft() } }, hr));
    policyId = created.createPolicy.id;
    v1 = created.createPolicy.versions[0]?.id as string;
    expect(created.createPolicy.versions[0]).toMatchObject({ number: 1, state: 'DRAFT', scope: { kind: 'DEPARTMENTS', ids: [nursing] } });
    expect(codes(await gql(server.url, CREATE, { i: { code: 'POL-NIGHT', draft: draft() } }, hr))).toEqual(['VALIDATION_FAILED']);
    for (const token of [employee, committee, cook]) {
      const listed = ok(await gql<{ policies: { nodes: Array<{ code: string }> } }>(server.url, LIST, {}, token));
      expect(listed.policies.nodes.map((p) => p.code)).not.toContain('POL-NIGHT');
      expect(codes(await gql(server.url, 'query($id: ID!) { policyVersion(id: $id) { id } }', { id: v1 }, token))).toEqual(['NOT_FOUND']);
    }
  });

  it('edits a draft with its version (stale: CONFLICT), then review; the author may not publish their own version', async () => {
    const current = await versionOf(hr, v1);
    expect(codes(await gql(server.url, SAVE, { p: policyId, i: draft(), vid: v1, v: current.version + 5 }, hr))).toEqual(['CONFLICT']);
    const saved = ok(await gql<{ savePolicyVersion: Version }>(server.url, SAVE, { p: policyId, i: draft({ effectiveFrom: '2026-06-15' }), vid: v1, v: current.version }, hr));
    const review = ok(await gql<{ transitionPolicyVersion: Version }>(server.url, TRANSITION, { id: v1, v: saved.savePolicyVersion.version, a: 'SUBMIT_FOR_REVIEW' }, hr));
    expect(review.transitionPolicyVersion.state).toBe('REVIEW');
    const self = await gql(server.url, TRANSITION, { id: v1, v: review.transitionPolicyVersion.version, a: 'PUBLISH' }, hr);
    expect(rules(self)).toEqual(['policy_self_publish']);
  });

  it('a second HR person publishes: people in scope get an acknowledgement task due in 3 working days', async () => {
    const current = await versionOf(hr, v1);
    const published = ok(await gql<{ transitionPolicyVersion: Version }>(server.url, TRANSITION, { id: v1, v: current.version, a: 'PUBLISH' }, hr2));
    expect(published.transitionPolicyVersion.state).toBe('PUBLISHED');
    const inbox = ok(await gql<{ myInbox: { nodes: Array<{ taskKind: string | null; link: { id: string }; due: string | null; title: { zh: string } }> } }>(server.url, '{ myInbox(first: 50) { nodes { taskKind link { id } due title { zh } } } }', {}, employee));
    const task = inbox.myInbox.nodes.find((n) => n.link.id === v1);
    // Friday 5 June 2026 + 3 working days = Wednesday 10 June.
    expect(task).toMatchObject({ taskKind: 'policyAcknowledgement', due: '2026-06-10', title: { zh: '确认已阅《夜班规定》' } });
    const cookInbox = ok(await gql<{ myInbox: { nodes: Array<{ link: { id: string } }> } }>(server.url, '{ myInbox(first: 50) { nodes { link { id } } } }', {}, cook));
    expect(cookInbox.myInbox.nodes.map((n) => n.link.id)).not.toContain(v1);
  });
});

describe('reading and acknowledging', () => {
  it('shows the published version to the people it governs only', async () => {
    const mine = ok(await gql<{ policies: { nodes: Array<{ code: string; currentVersion: { number: number } }> } }>(server.url, LIST, {}, employee));
    expect(mine.policies.nodes.find((p) => p.code === 'POL-NIGHT')?.currentVersion.number).toBe(1);
    for (const token of [committee, cook]) expect(ok(await gql<{ policies: { nodes: Array<{ code: string }> } }>(server.url, LIST, {}, token)).policies.nodes.map((p) => p.code)).not.toContain('POL-NIGHT');
    expect(codes(await gql(server.url, 'query($id: ID!) { policyVersion(id: $id) { acknowledgementStatus { inScope } } }', { id: v1 }, employee))).toEqual(['FORBIDDEN']);
  });

  it('HR tracks who has and has not acknowledged; acknowledging is idempotent and closes the task', async () => {
    const STATUS = 'query($id: ID!) { policyVersion(id: $id) { acknowledgementStatus { inScope acknowledged pending percent } pending(first: 500) { employee { id } } acknowledged { employee { id } acknowledgedAt } } }';
    type Status = { policyVersion: { acknowledgementStatus: { inScope: number; acknowledged: number; pending: number; percent: string }; pending: Array<{ employee: { id: string } }>; acknowledged: Array<{ employee: { id: string } }> } };
    const before = ok(await gql<Status>(server.url, STATUS, { id: v1 }, hr)).policyVersion;
    expect(before.acknowledgementStatus.inScope).toBeGreaterThan(1);
    expect(before.acknowledgementStatus).toMatchObject({ acknowledged: 0, percent: '0.0' });
    const me = ok(await gql<{ me: { employee: { id: string } } }>(server.url, '{ me { employee { id } } }', {}, employee)).me.employee.id;
    expect(before.pending.map((p) => p.employee.id)).toContain(me);
    const acked = ok(await gql<{ acknowledgePolicy: Version }>(server.url, `mutation($id: ID!) { acknowledgePolicy(versionId: $id) { id number state myAcknowledgement } }`, { id: v1 }, employee));
    expect(acked.acknowledgePolicy.myAcknowledgement).not.toBeNull();
    // The optimistic-lock version and the tracking are HR's.
    expect(codes(await gql(server.url, 'query($id: ID!) { policyVersion(id: $id) { version } }', { id: v1 }, employee))).toEqual(['FORBIDDEN']);
    const again = ok(await gql<{ acknowledgePolicy: Version }>(server.url, `mutation($id: ID!) { acknowledgePolicy(versionId: $id) { myAcknowledgement } }`, { id: v1 }, employee));
    expect(again.acknowledgePolicy.myAcknowledgement).toBe(acked.acknowledgePolicy.myAcknowledgement);
    const after = ok(await gql<Status>(server.url, STATUS, { id: v1 }, hr)).policyVersion;
    expect(after.acknowledgementStatus.acknowledged).toBe(1);
    expect(after.acknowledged.map((p) => p.employee.id)).toEqual([me]);
    expect(after.pending.map((p) => p.employee.id)).not.toContain(me);
    const tasks = ok(await gql<{ myInbox: { nodes: Array<{ link: { id: string } }> } }>(server.url, '{ myInbox(first: 50, filter: { openOnly: true, kind: TASK }) { nodes { link { id } } } }', {}, employee));
    expect(tasks.myInbox.nodes.map((n) => n.link.id)).not.toContain(v1);
    for (const token of [cook, committee]) expect(codes(await gql(server.url, 'mutation($id: ID!) { acknowledgePolicy(versionId: $id) { id } }', { id: v1 }, token))).toEqual(['FORBIDDEN']);
  });
});

describe('versions', () => {
  it('keeps a published version immutable, in the API and in the database', async () => {
    const current = await versionOf(hr, v1);
    expect(rules(await gql(server.url, SAVE, { p: policyId, i: draft(), vid: v1, v: current.version }, hr))).toEqual(['policy_version_not_draft']);
    await expect(server.orm.em.fork().getConnection().execute(`update policy_version set title = '{"en":"x","zh":"x"}' where id = ?`, [v1])).rejects.toThrow(/published/);
    await expect(server.orm.em.fork().getConnection().execute(`delete from policy_version where id = ?`, [v1])).rejects.toThrow(/cannot be deleted/);
  });

  it('publishing version 2 supersedes version 1 (not before it takes effect); people see both, newest first', async () => {
    const created = ok(await gql<{ savePolicyVersion: Version }>(server.url, SAVE, { p: policyId, i: draft({ effectiveFrom: '2026-06-01', title: { en: 'Night shift rules (2)', zh: '夜班规定（二）' } }) }, hr)).savePolicyVersion;
    expect(created).toMatchObject({ number: 2, state: 'DRAFT' });
    const review = ok(await gql<{ transitionPolicyVersion: Version }>(server.url, TRANSITION, { id: created.id, v: created.version, a: 'SUBMIT_FOR_REVIEW' }, hr)).transitionPolicyVersion;
    expect(rules(await gql(server.url, TRANSITION, { id: created.id, v: review.version, a: 'PUBLISH' }, hr2))).toEqual(['policy_effective_before_previous']);
    const back = ok(await gql<{ transitionPolicyVersion: Version }>(server.url, TRANSITION, { id: created.id, v: review.version, a: 'RETURN_TO_DRAFT' }, hr)).transitionPolicyVersion;
    const fixed = ok(await gql<{ savePolicyVersion: Version }>(server.url, SAVE, { p: policyId, i: draft({ effectiveFrom: '2026-09-01' }), vid: created.id, v: back.version }, hr)).savePolicyVersion;
    const again = ok(await gql<{ transitionPolicyVersion: Version }>(server.url, TRANSITION, { id: created.id, v: fixed.version, a: 'SUBMIT_FOR_REVIEW' }, hr)).transitionPolicyVersion;
    ok(await gql(server.url, TRANSITION, { id: created.id, v: again.version, a: 'PUBLISH' }, hr2));
    expect((await versionOf(hr, v1)).state).toBe('SUPERSEDED');
    const seen = ok(await gql<{ policy: { currentVersion: { number: number }; versions: Array<{ number: number; state: string }> } }>(server.url, 'query($id: ID!) { policy(id: $id) { currentVersion { number } versions { number state } } }', { id: policyId }, employee));
    expect(seen.policy).toEqual({ currentVersion: { number: 2 }, versions: [{ number: 2, state: 'PUBLISHED' }, { number: 1, state: 'SUPERSEDED' }] });
    const audit = await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from audit_entry where operation = 'supersedePolicyVersion' and entity_id = ?`, [v1]);
    expect(audit[0]?.n).toBe(1);
  });
});
