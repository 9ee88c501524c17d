import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentId, loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// A notice published to NURSING: the supervisor (Director of Nursing) and the employee (a nurse) receive it; a cook
// (outside) does not; the committee and admin accounts have no employee record. Every field of Notice per role.
let server: TestServer;
type Role = keyof typeof demo | 'outside';
const tokens = {} as Record<Role, string>;
let live = '';
let draft = '';

const CONTENT = ['id', 'title { en zh }', 'body { en zh }', 'pinned', 'visibleFrom', 'expiresAt', 'requiresAcknowledgement', 'myReceipt { deliveredAt readAt acknowledgedAt }', 'template'];
const MANAGEMENT = ['audience { kind departmentIds positionIds roles employeeIds }', 'status', 'publishAt', 'publishedAt', 'reach { departmentId departmentName departmentNameZh recipients delivered read acknowledged readPercent acknowledgedPercent }', 'createdBy', 'withdrawnAt', 'version', 'createdAt', 'updatedAt'];
const ONE = (fields: string) => `query($id: ID!) { notice(id: $id) { ${fields} } }`;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  const numbers = await server.orm.em.fork().getConnection().execute<Array<{ n: string }>>(
    `select e.employee_number as n from employee e join department d on d.id = e.department_id where d.code = 'CAFETERIA' and e.active order by e.employee_number limit 1`,
  );
  tokens.outside = await loginAs(server, numbers[0]?.n as string, ['EMPLOYEE']);
  const nursing = await departmentId(server.url, tokens.hr, 'NURSING');
  const input = { title: { en: 'Ward drill', zh: '病区演练' }, body: { en: 'Friday', zh: '周五' }, audience: { kind: 'SOME', departmentIds: [nursing] }, requiresAcknowledgement: true };
  const SAVE = 'mutation($i: NoticeInput!) { saveNotice(input: $i) { id version } }';
  const saved = ok(await gql<{ saveNotice: { id: string; version: number } }>(server.url, SAVE, { i: input }, tokens.hr)).saveNotice;
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { id } }', { id: saved.id, v: saved.version }, tokens.hr));
  live = saved.id;
  draft = ok(await gql<{ saveNotice: { id: string } }>(server.url, SAVE, { i: input }, tokens.hr)).saveNotice.id;
});
afterAll(() => server?.stop());

describe('notice matrix', () => {
  it('content of a live notice: HR and its recipients; NOT_FOUND for everyone else', async () => {
    for (const role of ['hr', 'supervisor', 'employee'] as const) expect(codes(await gql(server.url, ONE(CONTENT.join(' ')), { id: live }, tokens[role])), role).toEqual([]);
    for (const role of ['outside', 'committee', 'admin'] as const) expect(codes(await gql(server.url, ONE('id'), { id: live }, tokens[role])), role).toEqual(['NOT_FOUND']);
  });

  it('audience, status, schedule, reach and bookkeeping: HR only, each refused by name to the recipients', async () => {
    for (const field of MANAGEMENT) {
      expect(codes(await gql(server.url, ONE(field), { id: live }, tokens.hr)), field).toEqual([]);
      for (const role of ['supervisor', 'employee'] as const) expect(codes(await gql(server.url, ONE(field), { id: live }, tokens[role])), `${role} ${field}`).toEqual(['FORBIDDEN']);
    }
  });

  it('drafts are HR\'s; the list shows each person the notices addressed to them', async () => {
    for (const role of ['supervisor', 'employee', 'outside'] as const) expect(codes(await gql(server.url, ONE('id'), { id: draft }, tokens[role])), role).toEqual(['NOT_FOUND']);
    const LIST = '{ notices(first: 100) { nodes { id } } }';
    const ids = async (role: Role) => ok(await gql<{ notices: { nodes: Array<{ id: string }> } }>(server.url, LIST, {}, tokens[role])).notices.nodes.map((n) => n.id);
    expect(await ids('hr')).toEqual(expect.arrayContaining([live, draft]));
    for (const role of ['supervisor', 'employee'] as const) {
      const seen = await ids(role);
      expect(seen, role).toContain(live);
      expect(seen, role).not.toContain(draft);
    }
    for (const role of ['outside', 'committee', 'admin'] as const) expect(await ids(role), role).not.toContain(live);
    // Filters over HR's fields are refused to people; over content they are allowed.
    expect(codes(await gql(server.url, '{ notices(first: 5, filter: { status: LIVE }) { totalCount } }', {}, tokens.employee))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ notices(first: 5, sort: [{ field: CREATED_AT }]) { totalCount } }', {}, tokens.employee))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ notices(first: 5, filter: { pinned: true, current: true }, sort: [{ field: TITLE }]) { totalCount } }', {}, tokens.employee))).toEqual([]);
  });

  it('writes are HR\'s; reading and acknowledging are the recipient\'s', async () => {
    for (const role of ['supervisor', 'employee', 'committee', 'admin'] as const) {
      expect(codes(await gql(server.url, 'mutation($id: ID!) { withdrawNotice(id: $id, version: 1) { id } }', { id: live }, tokens[role])), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'mutation($id: ID!) { publishNotice(id: $id, version: 1) { id } }', { id: draft }, tokens[role])), role).toEqual(['FORBIDDEN']);
    }
    for (const role of ['outside', 'committee', 'admin'] as const) expect(codes(await gql(server.url, 'mutation($id: ID!) { acknowledgeNotice(id: $id) { id } }', { id: live }, tokens[role])), role).toEqual(['NOT_FOUND']);
    expect(codes(await gql(server.url, 'mutation($id: ID!) { acknowledgeNotice(id: $id) { id } }', { id: live }, tokens.supervisor))).toEqual([]);
    expect(codes(await gql(server.url, '{ notices(first: 1) { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
  });
});
