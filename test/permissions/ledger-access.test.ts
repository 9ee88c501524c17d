import { LEDGER_ENTRY_FIELDS, LEDGER_RULE_FIELDS } from '@appraisal/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeIdOf, loginAs } from '../support/cycles.js';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { fixedClock } from '../../api/src/core/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';

// The permission matrix of the ledger, field by field and role by role: HR, ADMIN, SUPERVISOR in and outside the
// line, EMPLOYEE self and other, COMMITTEE, APPROVER (batches: see payout tests).
let server: TestServer;
const tokens: Record<string, string> = {};
let lineEntry: string;
let otherEntry: string;
let nurse: string;
let outsider: string;

// Every field of LedgerEntry in the schema (the domain's groups, less those that land later), with a selection.
const SELECT: Record<string, string> = {
  employee: 'employee { id }',
  department: 'department { id }',
  rule: 'rule { code }',
  source: 'source { kind }',
  appraisal: 'appraisal { id cycleId cycleName cycleNameZh periodKey resultNumber }',
  reverses: 'reverses { id amount }',
  batch: 'batch { id number periodKey status }',
};
const LATER = new Set(['team', 'teamShare']);
const ENTRY_FIELDS = [...Object.values(LEDGER_ENTRY_FIELDS).flat(), 'explanationZh'].filter((f) => !LATER.has(f));
const ONE = `query($id: ID!) { ledgerEntry(id: $id) { ${ENTRY_FIELDS.map((f) => SELECT[f] ?? f).join(' ')} } }`;
const LIST = `{ ledgerEntries(first: 100) { totalCount nodes { id amount } } }`;
const RULE_FIELDS = LEDGER_RULE_FIELDS.filter((f) => f !== 'policy' && f !== 'usedBySchemes');
const RULES = `{ ledgerRules(first: 1) { nodes { ${RULE_FIELDS.map((f) => (f === 'amount' ? 'amount { kind text }' : f === 'caps' ? 'caps { period }' : f === 'regulation' ? 'regulation { policyCode }' : f)).join(' ')} } } }`;

async function entry(proposer: string, approver: string, input: Record<string, unknown>): Promise<string> {
  const p = await gql<{ proposeLedgerEntry: { id: string; version: number } }>(server.url, 'mutation($i: ProposeLedgerEntryInput!) { proposeLedgerEntry(input: $i) { id version } }', { i: input }, proposer);
  expect(p.errors).toBeUndefined();
  const e = p.data?.proposeLedgerEntry as { id: string; version: number };
  const a = await gql(server.url, 'mutation($id: ID!, $v: Int!) { approveLedgerEntry(id: $id, version: $v) { id } }', { id: e.id, v: e.version }, approver);
  expect(a.errors).toBeUndefined();
  return e.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-05-20') });
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  tokens.approver = await login(server.url, 'approver@demo.local');
  tokens.hr2 = await loginAs(server, 'HQ010', ['HR', 'EMPLOYEE']);
  tokens.otherEmployee = await loginAs(server, 'HQ030', ['EMPLOYEE']);
  nurse = await employeeIdOf(server, 'NUMED001');
  outsider = await employeeIdOf(server, 'HQ020');
  lineEntry = await entry(tokens.supervisor as string, tokens.hr as string, { ruleCode: 'hotel.goodDeed', employeeId: nurse, occurredOn: '2026-05-10', quantity: '40', evidence: 'helped a patient' });
  otherEntry = await entry(tokens.hr as string, tokens.hr2 as string, { ruleCode: 'group.honorExcellentEmployee', employeeId: outsider, occurredOn: '2026-05-10', quantity: '1000', evidence: 'excellent year' });
});
afterAll(() => server?.stop());

const denied = (r: GqlResult<unknown>) => (r.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => String(e.path?.[e.path.length - 1])).sort();

describe('LedgerEntry field matrix', () => {
  it('HR reads every field of every entry', async () => {
    for (const id of [lineEntry, otherEntry]) {
      const r = await gql(server.url, ONE, { id }, tokens.hr);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    }
  });

  it('the person reads every field of their own entries (amounts, evidence, handling) and no one else\'s', async () => {
    const own = await gql(server.url, ONE, { id: lineEntry }, tokens.employee);
    expect(own.errors, JSON.stringify(own.errors)).toBeUndefined();
    expect(codes(await gql(server.url, ONE, { id: otherEntry }, tokens.employee))).toEqual(['NOT_FOUND']);
    const mine = await gql(server.url, ONE, { id: otherEntry }, tokens.approver);
    // HQ020 is the approver's own record: their own entry, every field.
    expect(mine.errors, JSON.stringify(mine.errors)).toBeUndefined();
    expect(codes(await gql(server.url, ONE, { id: lineEntry }, tokens.otherEmployee))).toEqual(['NOT_FOUND']);
  });

  it('a supervisor reads every field of their line\'s entries and nothing outside the line', async () => {
    const line = await gql(server.url, ONE, { id: lineEntry }, tokens.supervisor);
    expect(line.errors, JSON.stringify(line.errors)).toBeUndefined();
    expect(codes(await gql(server.url, ONE, { id: otherEntry }, tokens.supervisor))).toEqual(['NOT_FOUND']);
    const list = await gql<{ ledgerEntries: { nodes: Array<{ id: string }> } }>(server.url, LIST, {}, tokens.supervisor);
    expect(list.data?.ledgerEntries.nodes.map((n) => n.id)).toEqual([lineEntry]);
  });

  it('the committee, the administrator and an approver without batches see no entry at all', async () => {
    for (const role of ['committee', 'admin'] as const) {
      expect(codes(await gql(server.url, ONE, { id: lineEntry }, tokens[role])), role).toEqual(['NOT_FOUND']);
      const list = await gql<{ ledgerEntries: { totalCount: number } }>(server.url, LIST, {}, tokens[role]);
      expect(list.data?.ledgerEntries.totalCount, role).toBe(0);
    }
    expect(codes(await gql(server.url, ONE, { id: lineEntry }, tokens.approver))).toEqual(['NOT_FOUND']);
  });

  it('refuses filters and sorts on what a role cannot read on every row', async () => {
    // An employee lists only their own rows: every field is theirs, so filtering on amounts is allowed.
    expect(codes(await gql(server.url, '{ ledgerEntries(filter: { unit: "points" }, sort: [{ field: AMOUNT }]) { totalCount } }', {}, tokens.employee))).toEqual([]);
    expect(denied(await gql(server.url, ONE, { id: lineEntry }, tokens.supervisor))).toEqual([]);
  });
});

describe('LedgerRule, statements and totals per role', () => {
  it('every person role reads every catalog field; writes are HR\'s', async () => {
    for (const role of ['hr', 'admin', 'committee', 'supervisor', 'employee', 'approver']) {
      const r = await gql(server.url, RULES, {}, tokens[role]);
      expect(r.errors, `${role} ${JSON.stringify(r.errors)}`).toBeUndefined();
    }
    expect(codes(await gql(server.url, RULES))).toEqual(['UNAUTHENTICATED']);
    for (const role of ['admin', 'committee', 'supervisor', 'employee', 'approver'])
      expect(codes(await gql(server.url, 'mutation($id: ID!) { retireLedgerRule(id: $id, version: 1) { id } }', { id: lineEntry }, tokens[role])), role).toEqual(['FORBIDDEN']);
  });

  it('statements: HR, the person and their line; totals: HR', async () => {
    const q = 'query($e: ID!) { ledgerStatement(employeeId: $e, from: "2026-05", to: "2026-05") { money { closing } entries { id amount } } }';
    for (const role of ['hr', 'employee', 'supervisor']) expect(codes(await gql(server.url, q, { e: nurse }, tokens[role])), role).toEqual([]);
    for (const role of ['admin', 'committee', 'approver', 'otherEmployee']) expect(codes(await gql(server.url, q, { e: nurse }, tokens[role])), role).toEqual(['FORBIDDEN']);
    const totals = '{ ledgerTotals(from: "2026-05", to: "2026-05") { departmentCode net money } }';
    expect(codes(await gql(server.url, totals, {}, tokens.hr))).toEqual([]);
    for (const role of ['admin', 'committee', 'approver', 'supervisor', 'employee']) expect(codes(await gql(server.url, totals, {}, tokens[role])), role).toEqual(['FORBIDDEN']);
  });
});
