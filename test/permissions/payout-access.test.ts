import { PAYOUT_BATCH_FIELDS } from '@appraisal/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { employeeIdOf, loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// The permission matrix of payout batches, field by field and role by role: HR reads every batch; the APPROVER
// the batches put before them (never drafts); SUPERVISOR, EMPLOYEE, COMMITTEE and ADMIN no batch at all.
let server: TestServer;
const tokens: Record<string, string> = {};
let batch: { id: string; version: number };

const SELECT: Record<string, string> = {
  scope: 'scope { departmentIds components includeEarlier }',
  totalsByDepartment: 'totalsByDepartment { departmentId departmentCode departmentName total entries }',
  totalsByComponent: 'totalsByComponent { component total entries }',
  lines: 'lines { lineNo employeeId employeeNumber name departmentCode departmentName component amount entries }',
  entries: 'entries(first: 5) { totalCount nodes { id amount money } }',
};
const ONE = `query($id: ID!) { payoutBatch(id: $id) { ${PAYOUT_BATCH_FIELDS.map((f) => SELECT[f] ?? f).join(' ')} } }`;
const LIST = '{ payoutBatches(first: 10) { totalCount nodes { id status total } } }';
const denied = (r: GqlResult<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-05-20') });
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  tokens.approver = await login(server.url, 'approver@demo.local');
  tokens.hr2 = await loginAs(server, 'HQ010', ['HR', 'EMPLOYEE']);
  const nurse = await employeeIdOf(server, 'NUMED001');
  const p = ok(
    await gql<{ proposeLedgerEntry: { id: string; version: number } }>(
      server.url,
      'mutation($i: ProposeLedgerEntryInput!) { proposeLedgerEntry(input: $i) { id version } }',
      { i: { ruleCode: 'group.honorExcellentEmployee', employeeId: nurse, occurredOn: '2026-05-10', quantity: '1500', evidence: 'excellent nurse of the year' } },
      tokens.hr,
    ),
  ).proposeLedgerEntry;
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { approveLedgerEntry(id: $id, version: $v) { id } }', { id: p.id, v: p.version }, tokens.hr2));
  batch = ok(await gql<{ createPayoutBatch: { id: string; version: number } }>(server.url, 'mutation { createPayoutBatch(input: { periodKey: "2026-05" }) { id version } }', {}, tokens.hr)).createPayoutBatch;
});
afterAll(() => server?.stop());

describe('PayoutBatch field matrix', () => {
  it('HR reads every field of a draft; the approver does not see drafts; nobody else sees batches', async () => {
    const r = await gql(server.url, ONE, { id: batch.id }, tokens.hr);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(codes(await gql(server.url, ONE, { id: batch.id }, tokens.approver))).toEqual(['NOT_FOUND']);
    const seen = ok(await gql<{ payoutBatches: { nodes: Array<{ id: string; status: string }> } }>(server.url, LIST, {}, tokens.approver)).payoutBatches.nodes;
    expect(seen.map((n) => n.id)).not.toContain(batch.id);
    expect(seen.every((n) => n.status !== 'DRAFT')).toBe(true);
    for (const role of ['supervisor', 'employee', 'committee', 'admin'] as const) {
      expect(denied(await gql(server.url, ONE, { id: batch.id }, tokens[role])), role).toEqual(['FORBIDDEN']);
      expect(denied(await gql(server.url, LIST, {}, tokens[role])), role).toEqual(['FORBIDDEN']);
      expect(denied(await gql(server.url, 'query($id: ID!) { exportPayoutBatch(id: $id) { checksum } }', { id: batch.id }, tokens[role])), role).toEqual(['FORBIDDEN']);
    }
  });

  it('once submitted the approver reads every field, the lines and the entries with their amounts', async () => {
    const s = ok(await gql<{ transitionPayoutBatch: { version: number } }>(server.url, 'mutation($id: ID!, $v: Int!) { transitionPayoutBatch(id: $id, version: $v, action: SUBMIT) { version } }', { id: batch.id, v: batch.version }, tokens.hr));
    const r = await gql<{ payoutBatch: { entries: { totalCount: number; nodes: Array<{ amount: string }> } } }>(server.url, ONE, { id: batch.id }, tokens.approver);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data?.payoutBatch.entries.nodes.map((n) => n.amount)).toEqual(['1500.00']);
    const a = ok(await gql<{ transitionPayoutBatch: { status: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { transitionPayoutBatch(id: $id, version: $v, action: APPROVE) { status } }', { id: batch.id, v: s.transitionPayoutBatch.version }, tokens.approver));
    expect(a.transitionPayoutBatch.status).toBe('APPROVED');
    for (const role of ['hr', 'approver'] as const) {
      const after = await gql<{ payoutBatch: { lines: unknown[] } }>(server.url, ONE, { id: batch.id }, tokens[role]);
      expect(after.errors, role).toBeUndefined();
      expect(after.data?.payoutBatch.lines, role).toHaveLength(1);
    }
    // Mutations: only HR builds; the supervisor, the employee, the committee and the administrator cannot move a batch.
    for (const role of ['supervisor', 'employee', 'committee', 'admin'] as const) {
      expect(denied(await gql(server.url, 'mutation { createPayoutBatch(input: { periodKey: "2026-05" }) { id } }', {}, tokens[role])), role).toEqual(['FORBIDDEN']);
      expect(denied(await gql(server.url, 'mutation($id: ID!) { transitionPayoutBatch(id: $id, version: 1, action: SUBMIT) { id } }', { id: batch.id }, tokens[role])), role).toEqual(['FORBIDDEN']);
    }
  });
});
