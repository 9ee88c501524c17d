import { splitTeamIncident } from '@appraisal/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeIdOf, loginAs } from '../support/cycles.js';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { fixedClock } from '../../api/src/core/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Demo: supervisor = NU001 (Director of Nursing), employee = NUMED001 (a nurse in NURSING-MED under NURSING).
let server: TestServer;
let hr: string;
let hr2: string;
let supervisor: string;
let employee: string;
let nurse: string;
let outsider: string;
let workers: string[];

const ENTRY = `id version status amount money unit periodKey component quantity count evidence explanation source { kind reversesId incidentId } reversedBy proposedBy approvedBy`;
const PROPOSE = `mutation($i: ProposeLedgerEntryInput!) { proposeLedgerEntry(input: $i) { ${ENTRY} } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approveLedgerEntry(id: $id, version: $v) { ${ENTRY} } }`;
const REVERSE = `mutation($id: ID!, $r: String!) { reverseLedgerEntry(id: $id, reason: $r) { ${ENTRY} } }`;
const TEAM = `mutation($i: ProposeTeamIncidentInput!) { proposeTeamIncident(input: $i) { ${ENTRY} employee { id } } }`;
const STATEMENT = `query($e: ID!, $f: String!, $t: String!) { ledgerStatement(employeeId: $e, from: $f, to: $t) { totals { unit opening movement closing } money { opening movement closing } entries { id amount } pending { id } } }`;

type Entry = { id: string; version: number; status: string; amount: string; unit: string; money: string | null; periodKey: string; source: { kind: string; reversesId: string | null; incidentId: string | null }; reversedBy: string | null; explanation: string | null };
const details = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.details ?? [];

async function propose(token: string, input: Record<string, unknown>): Promise<Entry> {
  const r = await gql<{ proposeLedgerEntry: Entry }>(server.url, PROPOSE, { i: input }, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data?.proposeLedgerEntry as Entry;
}
async function approve(token: string, e: Entry): Promise<Entry> {
  const r = await gql<{ approveLedgerEntry: Entry }>(server.url, APPROVE, { id: e.id, v: e.version }, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data?.approveLedgerEntry as Entry;
}

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-05-20') });
  hr = await login(server.url, demo.hr);
  hr2 = await loginAs(server, 'HQ010', ['HR', 'EMPLOYEE']);
  supervisor = await login(server.url, demo.supervisor);
  employee = await login(server.url, demo.employee);
  nurse = await employeeIdOf(server, 'NUMED001');
  outsider = await employeeIdOf(server, 'HQ020');
  const rows = await server.orm.em.fork().getConnection().execute<Array<{ id: string }>>(`select e.id from employee e join department d on d.id = e.department_id where d.code like 'WORKSHOP%' order by e.employee_number limit 3`);
  workers = rows.map((r) => r.id);
});
afterAll(() => server?.stop());

describe('the catalog', () => {
  it('is read by every person role and kept by HR only, validated by the domain', async () => {
    for (const token of [hr, supervisor, employee, await login(server.url, demo.committee)]) {
      const r = await gql<{ ledgerRules: { totalCount: number; nodes: Array<{ code: string; amount: { text: string } }> } }>(server.url, '{ ledgerRules(first: 20, filter: { q: "overtimeDiligence" }) { totalCount nodes { code amount { text } } } }', {}, token);
      expect(r.errors).toBeUndefined();
      expect(r.data?.ledgerRules.nodes.find((n) => n.code === 'hotel.overtimeDiligence')?.amount.text).toBe('20 to 50');
    }
    expect(codes(await gql(server.url, '{ ledgerRules { totalCount } }', {}, await login(server.url, demo.admin)))).toEqual([]);
    const doc = { code: 'test.bonus', name: { en: 'Test bonus', zh: '测试奖金' }, kind: 'reward', unit: 'money', amount: { kind: 'range', min: '50', max: '20' }, perOccurrence: false, caps: [], settlement: 'payroll', active: true };
    const save = 'mutation($d: JSON!, $id: ID, $v: Int) { saveLedgerRule(document: $d, id: $id, version: $v) { id version revision code amount { min max } } }';
    expect(codes(await gql(server.url, save, { d: doc }, supervisor))).toEqual(['FORBIDDEN']);
    const bad = await gql(server.url, save, { d: doc }, hr);
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(details(bad).map((d) => d.rule)).toEqual(['ledger_range_reversed']);
    const created = await gql<{ saveLedgerRule: { id: string; version: number; revision: number } }>(server.url, save, { d: { ...doc, amount: { kind: 'range', min: '20', max: '50' } } }, hr);
    expect(created.errors).toBeUndefined();
    const rule = created.data?.saveLedgerRule as { id: string; version: number };
    const changed = await gql<{ saveLedgerRule: { revision: number; amount: { max: string } } }>(server.url, save, { d: { ...doc, amount: { kind: 'range', min: '20', max: '80' } }, id: rule.id, v: rule.version }, hr);
    expect(changed.data?.saveLedgerRule).toMatchObject({ revision: 2, amount: { max: '80' } });
    expect(codes(await gql(server.url, save, { d: { ...doc, amount: { kind: 'range', min: '20', max: '60' } }, id: rule.id, v: rule.version }, hr))).toEqual(['CONFLICT']);
    const [revisions] = await server.orm.em.fork().getConnection().execute<Array<{ n: string }>>(`select count(*) as n from ledger_rule_revision where rule_id = ?`, [rule.id]);
    expect(Number(revisions?.n)).toBe(2);
  });
});

describe('entries', () => {
  it('refuses an amount outside the rule\'s range, naming the range', async () => {
    const r = await gql(server.url, PROPOSE, { i: { ruleCode: 'hotel.overtimeDiligence', employeeId: nurse, occurredOn: '2026-05-10', quantity: '60', evidence: 'night audit' } }, supervisor);
    expect(codes(r)).toEqual(['VALIDATION_FAILED']);
    expect(details(r)).toEqual([expect.objectContaining({ field: 'quantity', rule: 'ledger_amount_out_of_range', params: expect.objectContaining({ min: '20', max: '50', value: '60', rule: 'hotel.overtimeDiligence' }) })]);
    const future = await gql(server.url, PROPOSE, { i: { ruleCode: 'hotel.overtimeDiligence', employeeId: nurse, occurredOn: '2026-06-10', quantity: '30', evidence: 'x' } }, supervisor);
    expect(details(future).map((d) => d.rule)).toEqual(['ledger_date_future']);
    const noEvidence = await gql(server.url, PROPOSE, { i: { ruleCode: 'hotel.overtimeDiligence', employeeId: nurse, occurredOn: '2026-05-10', quantity: '30', evidence: ' ' } }, supervisor);
    expect(details(noEvidence).map((d) => d.rule)).toEqual(['ledger_evidence_required']);
  });

  it('lets a supervisor propose for their line only, and HR approve (never their own proposal)', async () => {
    expect(codes(await gql(server.url, PROPOSE, { i: { ruleCode: 'hotel.goodDeed', employeeId: outsider, occurredOn: '2026-05-10', quantity: '30', evidence: 'x' } }, supervisor))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, PROPOSE, { i: { ruleCode: 'hotel.goodDeed', employeeId: nurse, occurredOn: '2026-05-10', quantity: '30', evidence: 'x' } }, employee))).toEqual(['FORBIDDEN']);
    const entry = await propose(supervisor, { ruleCode: 'hotel.overtimeDiligence', employeeId: nurse, occurredOn: '2026-05-10', quantity: '35', evidence: 'stayed for the night audit' });
    expect(entry).toMatchObject({ status: 'PROPOSED', amount: '35.00', unit: 'points', periodKey: '2026-05', source: { kind: 'MANUAL' } });
    expect(codes(await gql(server.url, APPROVE, { id: entry.id, v: entry.version }, supervisor))).toEqual(['FORBIDDEN']);
    const approved = await approve(hr, entry);
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: 'Chen Jing' });
    expect(codes(await gql(server.url, APPROVE, { id: approved.id, v: approved.version }, hr2))).toEqual(['VALIDATION_FAILED']);

    const own = await propose(hr, { ruleCode: 'hotel.complaint', employeeId: nurse, occurredOn: '2026-05-11', evidence: 'guest complaint' });
    expect(own.amount).toBe('-50.00');
    const self = await gql(server.url, APPROVE, { id: own.id, v: own.version }, hr);
    expect(details(self).map((d) => d.rule)).toEqual(['ledger_self_approval']);
    await approve(hr2, own);
    const stale = await gql(server.url, APPROVE, { id: own.id, v: own.version }, hr2);
    expect(codes(stale)).toEqual(['CONFLICT']);
  });

  it('never edits or deletes an approved entry: the database refuses, a reversal corrects it', async () => {
    const entry = await approve(hr, await propose(supervisor, { ruleCode: 'hotel.goodDeed', employeeId: nurse, occurredOn: '2026-05-12', quantity: '60', evidence: 'returned a lost wallet' }));
    const connection = server.orm.em.fork().getConnection();
    await expect(connection.execute(`update ledger_entry set amount = 1 where id = ?`, [entry.id])).rejects.toThrow(/final/);
    await expect(connection.execute(`delete from ledger_entry where id = ?`, [entry.id])).rejects.toThrow(/never deleted/);
    expect(codes(await gql(server.url, REVERSE, { id: entry.id, r: 'wrong person' }, supervisor))).toEqual(['FORBIDDEN']);
    const noReason = await gql(server.url, REVERSE, { id: entry.id, r: ' ' }, hr);
    expect(details(noReason).map((d) => d.rule)).toEqual(['ledger_reversal_reason']);
    const reversal = (await gql<{ reverseLedgerEntry: Entry }>(server.url, REVERSE, { id: entry.id, r: 'it was another nurse' }, hr)).data?.reverseLedgerEntry as Entry;
    expect(reversal).toMatchObject({ status: 'PROPOSED', amount: '-60.00', source: { kind: 'REVERSAL', reversesId: entry.id }, explanation: 'it was another nurse' });
    const twice = await gql(server.url, REVERSE, { id: entry.id, r: 'again' }, hr);
    expect(details(twice).map((d) => d.rule)).toEqual(['ledger_already_reversed']);
    const approvedReversal = await approve(hr2, reversal);
    const ofReversal = await gql(server.url, REVERSE, { id: approvedReversal.id, r: 'undo' }, hr);
    expect(details(ofReversal).map((d) => d.rule)).toEqual(['ledger_reverse_reversal']);
    const original = await gql<{ ledgerEntry: Entry }>(server.url, `query($id: ID!) { ledgerEntry(id: $id) { ${ENTRY} } }`, { id: entry.id }, hr);
    expect(original.data?.ledgerEntry).toMatchObject({ amount: '60.00', status: 'APPROVED', reversedBy: reversal.id });
    // The reversal links its original (a LedgerEntry with its own rules) and its rule; a manual entry has no appraisal or batch.
    const LINKS = `query($id: ID!) { ledgerEntry(id: $id) { reverses { id amount status } rule { code } appraisal { id } batch { id } } }`;
    for (const token of [hr, employee, supervisor]) {
      const linked = await gql<{ ledgerEntry: unknown }>(server.url, LINKS, { id: reversal.id }, token);
      expect(linked.errors, JSON.stringify(linked.errors)).toBeUndefined();
      expect(linked.data?.ledgerEntry).toEqual({ reverses: { id: entry.id, amount: '60.00', status: 'APPROVED' }, rule: { code: 'hotel.goodDeed' }, appraisal: null, batch: null });
    }
  });

  it('splits a team incident so the shares sum exactly, each share its own entry', async () => {
    const r = await gql<{ proposeTeamIncident: Array<Entry & { employee: { id: string } | null }> }>(
      server.url,
      TEAM,
      { i: { ruleCode: 'ws.hygiene', members: workers.map((employeeId) => ({ employeeId })), occurredOn: '2026-05-06', quantity: '7', evidence: 'area not clean' } },
      hr,
    );
    expect(r.errors).toBeUndefined();
    const shares = r.data?.proposeTeamIncident ?? [];
    expect(shares.map((s) => s.amount).sort()).toEqual(['-2.33', '-2.33', '-2.34']);
    expect(new Set(shares.map((s) => s.source.incidentId)).size).toBe(1);
    expect(shares.every((s) => s.source.kind === 'TEAM' && s.unit === 'hours')).toBe(true);
    const single = await gql(server.url, TEAM, { i: { ruleCode: 'ws.hygiene', members: [{ employeeId: workers[0] }], occurredOn: '2026-05-06', quantity: '7', evidence: 'x' } }, hr);
    expect(details(single).map((d) => d.rule)).toEqual(['ledger_team_too_small']);
    const range = await gql(server.url, TEAM, { i: { ruleCode: 'ws.hygiene', members: workers.map((employeeId) => ({ employeeId })), occurredOn: '2026-05-06', quantity: '8', evidence: 'x' } }, hr);
    expect(details(range).map((d) => d.rule)).toEqual(['ledger_amount_out_of_range']);
  });

  it('property: team shares always sum exactly to the incident, in amount and in money (1,000 random incidents)', () => {
    let seed = 20261127;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const fmt = (c: number, negative: boolean) => `${negative ? '-' : ''}${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    const cents = (s: string) => BigInt(s.replace('.', ''));
    for (let run = 0; run < 1000; run++) {
      const total = 1 + random(10_000_000);
      const negative = random(2) === 1;
      const members = Array.from({ length: 2 + random(29) }, (_, i) => ({ employeeId: `e${String(i).padStart(3, '0')}`, weight: String(1 + random(9)) }));
      const split = splitTeamIncident({ amount: fmt(total, negative), money: fmt(total * 3, negative) }, members);
      expect(split.ok).toBe(true);
      if (!split.ok) continue;
      expect(split.value.reduce((s, x) => s + cents(x.amount), 0n)).toBe(cents(fmt(total, negative)));
      expect(split.value.reduce((s, x) => s + cents(x.money ?? '0'), 0n)).toBe(cents(fmt(total * 3, negative)));
    }
  });

  it('gives each person a statement (opening, entries, closing, pending) and HR department totals, from SQL aggregates', async () => {
    await propose(supervisor, { ruleCode: 'hotel.proposalAdopted', employeeId: nurse, occurredOn: '2026-05-15', quantity: '40', evidence: 'pending one' });
    const mine = await gql<{ ledgerStatement: { totals: Array<{ unit: string; opening: string; movement: string; closing: string }>; entries: Array<{ amount: string }>; pending: unknown[] } }>(server.url, STATEMENT, { e: nurse, f: '2026-05', t: '2026-05' }, employee);
    expect(mine.errors).toBeUndefined();
    const points = mine.data?.ledgerStatement.totals.find((t) => t.unit === 'points');
    // 35 overtime - 50 complaint + 60 good deed - 60 its reversal = -15; the pending proposal is listed apart.
    expect(points).toEqual({ unit: 'points', opening: '0.00', movement: '-15.00', closing: '-15.00' });
    expect(mine.data?.ledgerStatement.entries.map((e) => e.amount).sort()).toEqual(['-50.00', '-60.00', '35.00', '60.00']);
    expect(mine.data?.ledgerStatement.pending).toHaveLength(1);
    const june = await gql<{ ledgerStatement: { totals: Array<{ unit: string; opening: string; closing: string }> } }>(server.url, STATEMENT, { e: nurse, f: '2026-06', t: '2026-06' }, supervisor);
    expect(june.data?.ledgerStatement.totals.find((t) => t.unit === 'points')).toMatchObject({ opening: '-15.00', closing: '-15.00' });
    expect(codes(await gql(server.url, STATEMENT, { e: outsider, f: '2026-05', t: '2026-05' }, supervisor))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, STATEMENT, { e: nurse, f: '2026-05', t: '2026-05' }, await login(server.url, demo.committee)))).toEqual(['FORBIDDEN']);
    const totals = await gql<{ ledgerTotals: Array<{ departmentCode: string; unit: string; component: string; rewards: string; punishments: string; net: string; entries: number; people: number }> }>(
      server.url,
      '{ ledgerTotals(from: "2026-05", to: "2026-05") { departmentCode unit component rewards punishments net entries people } }',
      {},
      hr,
    );
    expect(totals.errors).toBeUndefined();
    const goodDeed = totals.data?.ledgerTotals.find((t) => t.component === 'hotel.goodDeed');
    expect(goodDeed).toMatchObject({ rewards: '60.00', punishments: '-60.00', net: '0.00', entries: 2, people: 1 });
    expect(codes(await gql(server.url, '{ ledgerTotals(from: "2026-05", to: "2026-05") { net } }', {}, supervisor))).toEqual(['FORBIDDEN']);
  });
});
