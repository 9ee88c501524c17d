import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentId, loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// A version published for NURSING: the supervisor (Director of Nursing) and the employee (a nurse) are in scope; a
// cook is not; the committee and admin accounts have no employee record. Every field per role.
let server: TestServer;
type Role = keyof typeof demo | 'outside';
const tokens = {} as Record<Role, string>;
let published = '';
let draft = '';

const TEXT = 'id number title { en zh } body { en zh } effectiveFrom scope { kind ids } state publishedAt requiresAcknowledgement myAcknowledgement policy { id code currentVersion { id } versions { id } }';
const TRACKING = ['acknowledgementStatus { inScope }', 'acknowledged { acknowledgedAt employee { id } }', 'pending { acknowledgedAt }', 'author', 'reviewer', 'version', 'createdAt', 'updatedAt'];

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  const numbers = await server.orm.em.fork().getConnection().execute<Array<{ n: string }>>(
    `select e.employee_number as n from employee e join department d on d.id = e.department_id where d.code = 'CAFETERIA' and e.active order by e.employee_number limit 2`,
  );
  const hr2 = await loginAs(server, numbers[0]?.n as string, ['HR', 'EMPLOYEE']);
  tokens.outside = await loginAs(server, numbers[1]?.n as string, ['EMPLOYEE']);
  const nursing = await departmentId(server.url, tokens.hr, 'NURSING');
  const input = { title: { en: 'Ward rules', zh: '病区规定' }, body: { en: 'Rules', zh: '规定' }, effectiveFrom: '2026-01-01', scope: { kind: 'DEPARTMENTS', ids: [nursing] }, requiresAcknowledgement: true };
  const created = ok(await gql<{ createPolicy: { id: string; versions: Array<{ id: string; version: number }> } }>(server.url, 'mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { id versions { id version } } }', { i: { code: 'POL-WARD', draft: input } }, tokens.hr));
  const v = created.createPolicy.versions[0] as { id: string; version: number };
  const T = 'mutation($id: ID!, $v: Int!, $a: PolicyVersionAction!) { transitionPolicyVersion(id: $id, version: $v, action: $a) { version } }';
  const r = ok(await gql<{ transitionPolicyVersion: { version: number } }>(server.url, T, { id: v.id, v: v.version, a: 'SUBMIT_FOR_REVIEW' }, tokens.hr));
  ok(await gql(server.url, T, { id: v.id, v: r.transitionPolicyVersion.version, a: 'PUBLISH' }, hr2));
  published = v.id;
  draft = ok(await gql<{ savePolicyVersion: { id: string } }>(server.url, 'mutation($p: ID!, $i: PolicyVersionInput!) { savePolicyVersion(policyId: $p, input: $i) { id } }', { p: created.createPolicy.id, i: { ...input, effectiveFrom: '2027-01-01' } }, tokens.hr)).savePolicyVersion.id;
});
afterAll(() => server?.stop());

const ONE = (fields: string) => `query($id: ID!) { policyVersion(id: $id) { ${fields} } }`;

describe('policy version matrix', () => {
  it('text of the published version: HR and the people in scope; NOT_FOUND for everyone else', async () => {
    for (const role of ['hr', 'supervisor', 'employee'] as const) expect(codes(await gql(server.url, ONE(TEXT), { id: published }, tokens[role])), role).toEqual([]);
    for (const role of ['outside', 'committee', 'admin'] as const) expect(codes(await gql(server.url, ONE(TEXT), { id: published }, tokens[role])), role).toEqual(['NOT_FOUND']);
  });

  it('tracking and bookkeeping fields: HR only, each refused by name to the people in scope', async () => {
    for (const field of TRACKING) {
      expect(codes(await gql(server.url, ONE(field), { id: published }, tokens.hr)), field).toEqual([]);
      for (const role of ['supervisor', 'employee'] as const) expect(codes(await gql(server.url, ONE(field), { id: published }, tokens[role])), `${role} ${field}`).toEqual(['FORBIDDEN']);
    }
  });

  it('a draft exists for HR only; the policy list follows the current version', async () => {
    expect(codes(await gql(server.url, ONE('id state'), { id: draft }, tokens.hr))).toEqual([]);
    for (const role of ['supervisor', 'employee', 'outside', 'committee', 'admin'] as const) expect(codes(await gql(server.url, ONE('id'), { id: draft }, tokens[role])), role).toEqual(['NOT_FOUND']);
    const LIST = '{ policies(first: 50) { nodes { code versions { number } } } }';
    const seen = async (role: Role) => ok(await gql<{ policies: { nodes: Array<{ code: string; versions: Array<{ number: number }> }> } }>(server.url, LIST, {}, tokens[role])).policies.nodes.find((p) => p.code === 'POL-WARD');
    expect((await seen('hr'))?.versions.map((v) => v.number)).toEqual([2, 1]);
    expect((await seen('employee'))?.versions.map((v) => v.number)).toEqual([1]);
    expect((await seen('supervisor'))?.versions.map((v) => v.number)).toEqual([1]);
    for (const role of ['outside', 'committee', 'admin'] as const) expect(await seen(role), role).toBeUndefined();
  });

  it('writes are HR\'s; sorting by title is refused to nobody who can list (every listed row is readable)', async () => {
    for (const role of ['supervisor', 'employee', 'committee', 'admin'] as const) {
      expect(codes(await gql(server.url, 'mutation($id: ID!) { transitionPolicyVersion(id: $id, version: 1, action: PUBLISH) { id } }', { id: draft }, tokens[role])), role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await gql(server.url, '{ policies(sort: [{ field: TITLE }]) { totalCount } }', {}, tokens.employee))).toEqual([]);
  });
});
