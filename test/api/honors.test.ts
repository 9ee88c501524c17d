import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { employeeIdOf, loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, type GqlResult, login } from '../support/graphql.js';
import { calibrateAndPublish, ratedWardCycle, wardRollupScheme } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Issue 10, honors: HR configures a 2025 program, supervisors nominate (the engine explains ineligibility), HR reviews,
// the committee votes (final, secret until closed), the chair decides with minutes within the quotas, HR announces:
// an award, its ledger reward and an announcement in the inbox.
let server: TestServer;
const clock = fixedClock('2026-01-06');
const t: Record<string, string> = {};
const ids: Record<string, string> = {};

const rules = (r: GqlResult<unknown>) => (r.errors ?? []).flatMap((e) => (e.extensions?.details ?? []).map((d) => d.rule));
const PROGRAM = 'id version state code minutes awards { id citation recipient { employeeNumber } } nominations { id state }';
const NOMINATION = 'id version state reason eligibility { eligible checks { code passed params message messageZh } } candidate { employeeNumber }';

function programDoc(members: string[], chair: string, over: Record<string, unknown> = {}) {
  return {
    code: 'EE-2025-T',
    year: 2025,
    kind: 'employee',
    name: { en: 'Excellent employees 2025 (test)', zh: '2025 年度优秀员工（测试）' },
    eligibility: { acceptedGrades: [], minScore: '90', noDisciplinaryDecision: true, disciplinaryRuleCodes: ['nursing.errorComplaint'], minTenureMonths: 12 },
    quotas: { overall: 2, perDepartment: 1 },
    committee: { memberIds: members, chairId: chair, quorum: 2, decision: 'majorityOfMembers' },
    nominationWindow: { opens: '2026-01-05', closes: '2026-01-16' },
    votingWindow: { opens: '2026-01-19', closes: '2026-01-30' },
    reward: { ruleCode: 'group.honorExcellentEmployee', amount: '2000' },
    title: { en: 'Excellent employee of 2025', zh: '2025 年度优秀员工' },
    ...over,
  };
}

const save = (doc: unknown, token = t.hr) => gql<{ saveHonorProgram: { id: string; version: number; state: string } }>(server.url, 'mutation($d: JSON!) { saveHonorProgram(document: $d) { id version state } }', { d: doc }, token);
const program = async () => ok(await gql<{ honorProgram: { id: string; version: number; state: string; minutes: string | null; awards: Array<{ id: string; citation: string; recipient: { employeeNumber: string } }>; nominations: Array<{ id: string; state: string }> } }>(server.url, `query($id: ID!) { honorProgram(id: $id) { ${PROGRAM} } }`, { id: ids.program }, t.hr)).honorProgram;
const step = async (action: string, reason?: string) => {
  const p = await program();
  return gql<{ transitionHonorProgram: { state: string } }>(server.url, 'mutation($id: ID!, $v: Int!, $a: HonorProgramAction!, $r: String) { transitionHonorProgram(id: $id, version: $v, action: $a, reason: $r) { state } }', { id: ids.program, v: p.version, a: action, r: reason ?? null }, t.hr);
};
const nominate = (candidate: string, reason: string, token = t.supervisor) =>
  gql<{ nominate: { id: string; version: number; state: string; eligibility: { eligible: boolean; checks: Array<{ code: string; passed: boolean; message: string; messageZh: string }> } } }>(
    server.url,
    `mutation($i: NominateInput!) { nominate(input: $i) { ${NOMINATION} } }`,
    { i: { programId: ids.program, candidateId: candidate, reason } },
    token,
  );
const vote = (nomination: string, choice: string, token: string | undefined) => gql(server.url, 'mutation($n: ID!, $c: VoteChoice!) { castVote(nominationId: $n, choice: $c) { id votesCast myVote } }', { n: nomination, c: choice }, token);
const version = async (id: string) => ok(await gql<{ nomination: { version: number } }>(server.url, 'query($id: ID!) { nomination(id: $id) { version } }', { id }, t.hr)).nomination.version;

beforeAll(async () => {
  server = await startTestServer({ clock });
  t.hr = await login(server.url, demo.hr);
  t.supervisor = await login(server.url, demo.supervisor);
  t.employee = await login(server.url, demo.employee);
  t.committee = await login(server.url, demo.committee);
  t.hr2 = await loginAs(server, 'HQ010', ['HR', 'EMPLOYEE']);
  t.m2 = await loginAs(server, 'HQO002', ['COMMITTEE']);
  t.m3 = await loginAs(server, 'HQO003', ['COMMITTEE']);
  for (const n of ['HQO001', 'HQO002', 'HQO003', 'NUMED001', 'NUMED002', 'NUMED003', 'NUMED014', 'NU001', 'HQ020']) ids[n] = await employeeIdOf(server, n);
  // A published 2025 annual cycle of the Internal Medicine ward (the program's annual results).
  const ward = await ratedWardCycle(server, t.hr, { code: 'WARD_Y', period: '2025', kind: 'YEAR' as 'MONTH', document: wardRollupScheme('WARD_Y') });
  await calibrateAndPublish(server, t.hr, ward.cycleId);
  // A complaint in 2025 (a punishment rule the program counts as a disciplinary decision) for NUMED003.
  const p = ok(await gql<{ proposeLedgerEntry: { id: string; version: number } }>(server.url, 'mutation($i: ProposeLedgerEntryInput!) { proposeLedgerEntry(input: $i) { id version } }', { i: { ruleCode: 'nursing.errorComplaint', employeeId: ids.NUMED003, occurredOn: '2025-06-10', evidence: 'patient complaint' } }, t.supervisor));
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { approveLedgerEntry(id: $id, version: $v) { id } }', { id: p.proposeLedgerEntry.id, v: p.proposeLedgerEntry.version }, t.hr));
}, 180_000);
afterAll(() => server?.stop());

describe('honors: program, nominations, votes, decision, announcement', () => {
  it('HR configures a program; the domain checks it against the committee and the catalog', async () => {
    const members = [ids.HQO001, ids.HQO002, ids.HQO003] as string[];
    const bad = await save(programDoc(members, ids.HQO001 as string, { committee: { memberIds: members, chairId: ids.HQO001, quorum: 5, decision: 'majorityOfMembers' }, reward: { ruleCode: 'group.honorExcellentEmployee', amount: '9000' } }));
    expect(rules(bad)).toEqual(['honor_quorum_too_large', 'ledger_amount_out_of_range']);
    expect(codes(await save(programDoc(members, ids.HQO001 as string), t.supervisor))).toEqual(['FORBIDDEN']);
    const saved = ok(await save(programDoc(members, ids.HQO001 as string)));
    ids.program = saved.saveHonorProgram.id;
    expect(saved.saveHonorProgram.state).toBe('DRAFT');
    expect(codes(await nominate(ids.NUMED001 as string, 'x'))).toEqual(['VALIDATION_FAILED']);
    expect(ok(await step('OPEN_NOMINATIONS')).transitionHonorProgram.state).toBe('NOMINATING');
  });

  it('supervisors nominate their line with a reason; the engine says why a candidate is ineligible (en + zh)', async () => {
    expect(rules(await nominate(ids.NUMED001 as string, '  '))).toEqual(['honor_reason_required']);
    expect(rules(await nominate(ids.NU001 as string, 'myself'))).toEqual(['honor_self_nomination']);
    expect(rules(await nominate(ids.HQ020 as string, 'finance'))).toEqual(['honor_not_in_line']);
    expect(codes(await nominate(ids.NUMED002 as string, 'great', t.employee))).toEqual(['FORBIDDEN']);
    const first = ok(await nominate(ids.NUMED001 as string, 'Led the ward through the winter peak'));
    expect(first.nominate.eligibility.eligible).toBe(true);
    ids.n1 = first.nominate.id;
    expect(rules(await nominate(ids.NUMED001 as string, 'again'))).toEqual(['honor_already_nominated']);
    ids.n2 = ok(await nominate(ids.NUMED002 as string, 'Trained four new nurses')).nominate.id;
    const low = ok(await nominate(ids.NUMED014 as string, 'Always on time')).nominate;
    expect(low.eligibility.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(['honor_score']);
    expect(low.eligibility.checks.find((c) => c.code === 'honor_score')?.message).toBe('Annual total 70 (at least 90).');
    expect(low.eligibility.checks.find((c) => c.code === 'honor_score')?.messageZh).toBe('年度总分 70（不低于 90）。');
    ids.low = low.id;
    const disciplined = ok(await nominate(ids.NUMED003 as string, 'Many night shifts')).nominate;
    expect(disciplined.eligibility.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(['honor_discipline']);
    ids.disc = disciplined.id;
  });

  it('HR reviews eligibility: eligible ones go on the ballot, the others are ineligible; the vote needs every nomination reviewed', async () => {
    expect(ok(await step('CLOSE_NOMINATIONS')).transitionHonorProgram.state).toBe('REVIEWING');
    const review = async (id: string) => ok(await gql<{ reviewNomination: { state: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { reviewNomination(id: $id, version: $v) { state } }', { id, v: await version(id) }, t.hr)).reviewNomination.state;
    expect(await review(ids.n1 as string)).toBe('SHORTLISTED');
    expect(rules(await step('OPEN_VOTING'))).toEqual(['honor_nominations_unreviewed']);
    expect(await review(ids.n2 as string)).toBe('SHORTLISTED');
    expect(await review(ids.low as string)).toBe('INELIGIBLE');
    expect(await review(ids.disc as string)).toBe('INELIGIBLE');
    expect(ok(await step('OPEN_VOTING')).transitionHonorProgram.state).toBe('VOTING');
    // The committee's ballot: the shortlisted candidates only, with reasons and results, never pay.
    const ballot = ok(await gql<{ nominations: { totalCount: number; nodes: Array<{ reason: string; annualResult: { total: string } | null; resultsHistory: Array<{ periodKey: string }> }> } }>(server.url, 'query($p: ID!) { nominations(first: 50, filter: { programId: $p }) { totalCount nodes { reason annualResult { total } resultsHistory { periodKey } } } }', { p: ids.program }, t.committee));
    expect(ballot.nominations.totalCount).toBe(2);
    expect(ballot.nominations.nodes.map((n) => n.annualResult?.total)).toEqual(['99', '98']);
  });

  it('members vote once per candidate, secretly until the vote closes; the chair decides within the quotas with minutes', async () => {
    expect(rules(await vote(ids.n1 as string, 'APPROVE', t.committee))).toEqual(['honor_voting_closed']);
    clock.set('2026-01-20');
    expect(codes(await vote(ids.n1 as string, 'APPROVE', t.committee))).toEqual([]);
    expect(rules(await vote(ids.n1 as string, 'REJECT', t.committee))).toEqual(['honor_already_voted']);
    expect(codes(await vote(ids.n1 as string, 'APPROVE', t.supervisor))).toEqual(['FORBIDDEN']);
    ok(await vote(ids.n1 as string, 'APPROVE', t.m2));
    // Secret: another member sees only their own vote, no tally; HR sees no vote at all while voting.
    const q = 'query($id: ID!) { nomination(id: $id) { votesCast myVote votes { choice } } }';
    expect(ok(await gql<{ nomination: { votesCast: number; myVote: string; votes: unknown[] } }>(server.url, q, { id: ids.n1 }, t.m2)).nomination).toEqual({ votesCast: 2, myVote: 'APPROVE', votes: [{ choice: 'APPROVE' }] });
    expect(codes(await gql(server.url, 'query($id: ID!) { nomination(id: $id) { tally { approve } } }', { id: ids.n1 }, t.m2))).toEqual(['FORBIDDEN']);
    expect(ok(await gql<{ nomination: { votes: unknown[] } }>(server.url, 'query($id: ID!) { nomination(id: $id) { votes { id } } }', { id: ids.n1 }, t.hr)).nomination.votes).toEqual([]);
    const decide = (decisions: unknown[], token: string | undefined = t.committee, minutes = 'Met on 28 January; all members present.') =>
      gql(server.url, 'mutation($p: ID!, $v: Int!, $m: String!, $d: [HonorDecisionInput!]!) { recordHonorDecision(programId: $p, version: $v, minutes: $m, decisions: $d) { state minutes } }', { p: ids.program, v: 0, m: minutes, d: decisions }, token);
    expect(rules(await decide([]))).toContain('honor_vote_open');
    ok(await vote(ids.n1 as string, 'REJECT', t.m3));
    for (const token of [t.committee, t.m2, t.m3]) ok(await vote(ids.n2 as string, 'APPROVE', token as string));
    // Closed (every member voted): everyone on the committee sees the votes and the tally.
    const closed = ok(await gql<{ nomination: { votes: unknown[]; tally: { approve: number; needed: number; outcome: string } } }>(server.url, 'query($id: ID!) { nomination(id: $id) { votes { choice } tally { approve needed outcome } } }', { id: ids.n1 }, t.m2)).nomination;
    expect(closed.votes).toHaveLength(3);
    expect(closed.tally).toEqual({ approve: 2, needed: 2, outcome: 'approved' });
    const v = (await program()).version;
    const decideV = (decisions: unknown[], token: string | undefined = t.committee, minutes = 'Met on 28 January; all members present.') =>
      gql(server.url, 'mutation($p: ID!, $v: Int!, $m: String!, $d: [HonorDecisionInput!]!) { recordHonorDecision(programId: $p, version: $v, minutes: $m, decisions: $d) { state minutes } }', { p: ids.program, v, m: minutes, d: decisions }, token);
    expect(rules(await decideV([{ nominationId: ids.n2, decision: 'APPROVE' }], t.m2))).toContain('honor_not_chair');
    // One per department: NUMED002 carried with three approvals, NUMED001 is over the ward's quota.
    expect(rules(await decideV([{ nominationId: ids.n1, decision: 'APPROVE' }, { nominationId: ids.n2, decision: 'APPROVE' }]))).toEqual(['nomination_over_quota']);
    expect(rules(await decideV([{ nominationId: ids.n2, decision: 'APPROVE' }, { nominationId: ids.n1, decision: 'REJECT' }]))).toEqual(['nomination_decision_note']);
    expect(rules(await decideV([{ nominationId: ids.n2, decision: 'APPROVE' }, { nominationId: ids.n1, decision: 'REJECT', note: 'Over the ward quota' }], t.committee, ' '))).toEqual(['honor_minutes_required']);
    const decided = ok(await decideV([{ nominationId: ids.n2, decision: 'APPROVE' }, { nominationId: ids.n1, decision: 'REJECT', note: 'Over the ward quota' }]));
    expect(decided).toEqual({ recordHonorDecision: { state: 'DECIDED', minutes: 'Met on 28 January; all members present.' } });
  });

  it('HR announces: an award, its ledger reward through the ledger, an announcement in the inbox; the program is final', async () => {
    clock.set('2026-02-03');
    expect(ok(await step('ANNOUNCE')).transitionHonorProgram.state).toBe('ANNOUNCED');
    const p = await program();
    expect(p.awards.map((a) => a.recipient.employeeNumber)).toEqual(['NUMED002']);
    expect(Object.fromEntries(p.nominations.map((n) => [n.id, n.state]))).toMatchObject({ [ids.n2 as string]: 'AWARDED', [ids.n1 as string]: 'REJECTED' });
    const entries = ok(await gql<{ honorProgram: { awards: Array<{ rewardEntries: Array<{ amount: string; money: string; status: string; rule: { code: string } }> }> } }>(server.url, 'query($id: ID!) { honorProgram(id: $id) { awards { rewardEntries { amount money status rule { code } } } } }', { id: ids.program }, t.hr));
    expect(entries.honorProgram.awards[0]?.rewardEntries).toEqual([{ amount: '2000.00', money: '2000.00', status: 'APPROVED', rule: { code: 'group.honorExcellentEmployee' } }]);
    // The committee sees the award but never its money.
    expect(codes(await gql(server.url, 'query($id: ID!) { honorProgram(id: $id) { awards { rewardEntries { amount } } } }', { id: ids.program }, t.committee))).toEqual(['FORBIDDEN']);
    const inbox = ok(await gql<{ myInbox: { nodes: Array<{ title: { en: string }; link: { type: string } }> } }>(server.url, '{ myInbox(first: 50) { nodes { title { en } link { type } } } }', {}, t.employee));
    expect(inbox.myInbox.nodes.some((n) => n.title.en === 'Excellent employee of 2025: results announced')).toBe(true);
    expect(rules(await step('CANCEL', 'too late'))).toEqual(['workflow_illegal_transition']);
    // The database refuses changes to an announced program and to a vote, whatever the application does.
    const db = server.orm.em.fork().getConnection();
    await expect(db.execute(`update honor_program set minutes = 'changed' where id = ?`, [ids.program])).rejects.toThrow(/announced/);
    await expect(db.execute(`update vote set choice = 'reject' where nomination_id = ?`, [ids.n2])).rejects.toThrow(/append-only/);
  });

  it('filters programs by year; a year beyond any stored one finds nothing (the fuzzer found it answered an internal error)', async () => {
    const byYear = async (year: number) => ok(await gql<{ honorPrograms: { totalCount: number } }>(server.url, 'query($y: Int!) { honorPrograms(filter: { year: $y }) { totalCount } }', { y: year }, t.hr)).honorPrograms.totalCount;
    expect(await byYear(2025)).toBeGreaterThan(0);
    expect(await byYear(2147483647)).toBe(0);
    expect(await byYear(-40000)).toBe(0);
  });
});
