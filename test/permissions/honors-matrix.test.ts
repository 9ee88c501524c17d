import { HONOR_PROGRAM_FIELDS, NOMINATION_FIELDS, VOTE_FIELDS } from '@appraisal/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, type GqlResult, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// The honors permission matrix on the demo's "Excellent employees 2025" (in voting; committee@demo.local chairs and has
// voted on two of five candidates): every field of HonorProgram, Nomination and Vote per role, the committee's denials
// (never money, pay bases or ledger amounts) and vote secrecy until the vote closes.
let server: TestServer;
const t: Record<string, string> = {};
let programId: string;
let voted: string;
let notVoted: string;

const SELECT: Record<string, string> = {
  name: 'name { en }',
  title: 'title { en }',
  awards: 'awards { id }',
  eligibility: 'eligibility { acceptedGrades minScore }',
  quotas: 'quotas { overall perDepartment }',
  nominationWindow: 'nominationWindow { opens closes }',
  votingWindow: 'votingWindow { opens closes }',
  committee: 'committee { chair employee { name } }',
  decisionRule: 'decisionRule { quorum decision }',
  nominations: 'nominations { id }',
  decision: 'decision { decidedAt }',
  reward: 'reward { amount }',
  program: 'program { id }',
  candidate: 'candidate { name }',
  team: 'team { id }',
  department: 'department { name }',
  eligibilityN: 'eligibility { eligible checks { code passed message messageZh } }',
  annualResult: 'annualResult { periodKey total grade }',
  resultsHistory: 'resultsHistory { periodKey total grade }',
  honorsHistory: 'honorsHistory { year }',
  votes: 'votes { id }',
  tally: 'tally { approve outcome }',
  nomination: 'nomination { id }',
  member: 'member { name }',
};
const PROGRAM_FIELDS = Object.values(HONOR_PROGRAM_FIELDS).flat();
const NOMINATION_ALL = Object.values(NOMINATION_FIELDS).flat();
const onProgram = (f: string) => `query($id: ID!) { honorProgram(id: $id) { ${SELECT[f] ?? f} } }`;
const onNomination = (f: string) => `query($id: ID!) { nomination(id: $id) { ${f === 'eligibility' ? SELECT.eligibilityN : (SELECT[f] ?? f)} } }`;
const denied = (r: GqlResult<unknown>) => codes(r)[0] === 'FORBIDDEN';

// Who reads which groups (the rows they may see at all are below).
const PROGRAM_GRANTS: Record<string, Array<keyof typeof HONOR_PROGRAM_FIELDS>> = {
  hr: ['public', 'criteria', 'committee', 'money', 'admin'],
  committee: ['public', 'criteria', 'committee'],
};
const NOMINATION_GRANTS: Record<string, Array<keyof typeof NOMINATION_FIELDS>> = {
  hr: ['ballot', 'record', 'turnout', 'outcome', 'admin'],
  committee: ['ballot', 'record', 'turnout', 'myVote'],
};

beforeAll(async () => {
  server = await startTestServer();
  t.hr = await login(server.url, demo.hr);
  t.committee = await login(server.url, demo.committee);
  t.admin = await login(server.url, demo.admin);
  t.supervisor = await login(server.url, demo.supervisor);
  t.employee = await login(server.url, demo.employee);
  t.approver = await login(server.url, 'approver@demo.local');
  t.otherCommittee = await loginAs(server, 'HQH001', ['COMMITTEE']);
  t.member2 = await loginAs(server, 'HQO002', ['COMMITTEE']);
  t.cafeteriaHead = await loginAs(server, 'CF001', ['EMPLOYEE', 'SUPERVISOR']);
  const list = ok(await gql<{ honorPrograms: { nodes: Array<{ id: string; code: string }> } }>(server.url, '{ honorPrograms(first: 10) { nodes { id code } } }', {}, t.hr));
  programId = list.honorPrograms.nodes.find((p) => p.code === 'EE-2025')?.id as string;
  const ballot = ok(await gql<{ nominations: { nodes: Array<{ id: string; myVote: string | null }> } }>(server.url, '{ nominations(first: 10) { nodes { id myVote } } }', {}, t.committee));
  voted = ballot.nominations.nodes.find((n) => n.myVote)?.id as string;
  notVoted = ballot.nominations.nodes.find((n) => !n.myVote)?.id as string;
}, 120_000);
afterAll(() => server?.stop());

describe('HonorProgram field matrix', () => {
  it.each(['hr', 'committee'])('%s reads exactly the granted groups', async (role) => {
    for (const [group, fields] of Object.entries(HONOR_PROGRAM_FIELDS) as Array<[keyof typeof HONOR_PROGRAM_FIELDS, readonly string[]]>)
      for (const f of fields) {
        const r = await gql(server.url, onProgram(f), { id: programId }, t[role]);
        if (PROGRAM_GRANTS[role]?.includes(group)) expect(r.errors, `${role} ${f}`).toBeUndefined();
        else expect(denied(r), `${role} may not read ${f}`).toBe(true);
      }
  });

  it('people who are not on this committee, supervisors while it is not nominating and employees see no program at all', async () => {
    for (const role of ['admin', 'supervisor', 'employee', 'approver', 'otherCommittee']) {
      expect(codes(await gql(server.url, onProgram('code'), { id: programId }, t[role])), role).toEqual(['NOT_FOUND']);
      const list = ok(await gql<{ honorPrograms: { totalCount: number } }>(server.url, '{ honorPrograms(first: 10) { totalCount } }', {}, t[role]));
      expect(list.honorPrograms.totalCount, role).toBe(0);
    }
    expect(PROGRAM_FIELDS.length).toBeGreaterThan(15);
  });
});

describe('Nomination field matrix', () => {
  it.each(['hr', 'committee'])('%s reads exactly the granted groups', async (role) => {
    for (const [group, fields] of Object.entries(NOMINATION_FIELDS) as Array<[keyof typeof NOMINATION_FIELDS, readonly string[]]>)
      for (const f of fields) {
        const r = await gql(server.url, onNomination(f), { id: voted }, t[role]);
        if (NOMINATION_GRANTS[role]?.includes(group)) expect(r.errors, `${role} ${f} ${JSON.stringify(r.errors)}`).toBeUndefined();
        else expect(denied(r), `${role} may not read ${f}`).toBe(true);
      }
    expect(NOMINATION_ALL).toContain('resultsHistory');
  });

  it('the committee sees the ballot only (shortlisted), with reasons, eligibility and the annual results', async () => {
    const ballot = ok(await gql<{ nominations: { totalCount: number; nodes: Array<{ state: string; reason: string; annualResult: { total: string; grade: string } }> } }>(
      server.url,
      '{ nominations(first: 10) { totalCount nodes { state reason annualResult { total grade } } } }',
      {},
      t.committee,
    ));
    expect(ballot.nominations.totalCount).toBe(5);
    expect(new Set(ballot.nominations.nodes.map((n) => n.state))).toEqual(new Set(['SHORTLISTED']));
    expect(ballot.nominations.nodes.every((n) => n.reason.length > 10 && n.annualResult.grade === 'A')).toBe(true);
    // HR sees all six, the ineligible one with its failed checks in both languages.
    const all = ok(await gql<{ nominations: { totalCount: number; nodes: Array<{ state: string; eligibility: { checks: Array<{ passed: boolean; message: string; messageZh: string }> } }> } }>(
      server.url,
      '{ nominations(first: 10, filter: { state: INELIGIBLE }) { totalCount nodes { state eligibility { checks { passed message messageZh } } } } }',
      {},
      t.hr,
    ));
    expect(all.nominations.totalCount).toBe(1);
    const failed = all.nominations.nodes[0]?.eligibility.checks.filter((c) => !c.passed) ?? [];
    expect(failed.map((c) => c.message)).toEqual(['A finalized annual result for 2025.', '0 full months of service (at least 12).']);
    expect(failed.map((c) => c.messageZh)).toEqual(['2025 年度考核结果已确定。', '任职满 0 个月（不少于 12 个月）。']);
  });

  it('others see no nomination; a supervisor sees only the ones they made', async () => {
    for (const role of ['admin', 'employee', 'approver', 'otherCommittee', 'supervisor', 'cafeteriaHead']) {
      expect(codes(await gql(server.url, onNomination('reason'), { id: voted }, t[role])), role).toEqual(['NOT_FOUND']);
      const list = ok(await gql<{ nominations: { totalCount: number } }>(server.url, '{ nominations(first: 10) { totalCount } }', {}, t[role]));
      expect(list.nominations.totalCount, role).toBe(0);
    }
  });

  it('the committee never sees money: reward, pay bases, ledger amounts; filters and sorts on the tally are refused while voting', async () => {
    expect(denied(await gql(server.url, onProgram('reward'), { id: programId }, t.committee))).toBe(true);
    expect(denied(await gql(server.url, 'query($id: ID!) { nomination(id: $id) { candidate { performancePayBase } } }', { id: voted }, t.committee))).toBe(true);
    expect(denied(await gql(server.url, 'query($id: ID!) { nomination(id: $id) { candidate { floatingPayBase } } }', { id: voted }, t.committee))).toBe(true);
    const ledger = ok(await gql<{ ledgerEntries: { totalCount: number } }>(server.url, '{ ledgerEntries(first: 5) { totalCount } }', {}, t.committee));
    expect(ledger.ledgerEntries.totalCount).toBe(0);
    expect(codes(await gql(server.url, '{ nominations(first: 5, sort: [{ field: APPROVALS, direction: DESC }]) { totalCount } }', {}, t.committee))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ nominations(first: 5, sort: [{ field: APPROVALS, direction: DESC }]) { totalCount } }', {}, t.hr))).toEqual([]);
  });
});

describe('votes are secret until the vote closes (HR included) and final once cast', () => {
  const VOTES = `query($id: ID!) { nomination(id: $id) { votesCast myVote votes { ${VOTE_FIELDS.map((f) => SELECT[f] ?? f).join(' ')} } } }`;

  it('a member sees their own vote only; another member theirs; HR none; the turnout is public to them', async () => {
    const own = ok(await gql<{ nomination: { votesCast: number; myVote: string; votes: Array<{ member: { name: string } }> } }>(server.url, VOTES, { id: voted }, t.committee)).nomination;
    expect(own.votesCast).toBe(5);
    expect(own.myVote).toBe('APPROVE');
    expect(own.votes).toHaveLength(1);
    const other = ok(await gql<{ nomination: { votes: unknown[] } }>(server.url, VOTES, { id: voted }, t.member2)).nomination;
    expect(other.votes).toHaveLength(1);
    const hr = ok(await gql<{ nomination: { votes: unknown[] } }>(server.url, 'query($id: ID!) { nomination(id: $id) { votesCast votes { id choice } } }', { id: voted }, t.hr)).nomination;
    expect(hr.votes).toEqual([]);
    expect(denied(await gql(server.url, onNomination('tally'), { id: voted }, t.member2))).toBe(true);
  });

  it('a second vote is refused; a vote is only for members of this committee', async () => {
    const again = await gql(server.url, 'mutation($n: ID!) { castVote(nominationId: $n, choice: REJECT) { id } }', { n: voted }, t.committee);
    expect(again.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['honor_already_voted']);
    expect(codes(await gql(server.url, 'mutation($n: ID!) { castVote(nominationId: $n, choice: APPROVE) { id } }', { n: notVoted }, t.otherCommittee))).toEqual(['FORBIDDEN']);
    for (const role of ['hr', 'supervisor', 'employee', 'admin']) expect(codes(await gql(server.url, 'mutation($n: ID!) { castVote(nominationId: $n, choice: APPROVE) { id } }', { n: notVoted }, t[role])), role).toEqual(['FORBIDDEN']);
  });

  it('writes per role: HR configures and reviews, the committee votes and decides, nobody else', async () => {
    for (const role of ['committee', 'supervisor', 'employee', 'admin', 'approver'])
      expect(codes(await gql(server.url, 'mutation($id: ID!) { transitionHonorProgram(id: $id, version: 1, action: CANCEL, reason: "x") { id } }', { id: programId }, t[role])), role).toEqual(['FORBIDDEN']);
    for (const role of ['hr', 'supervisor', 'employee'])
      expect(codes(await gql(server.url, 'mutation($id: ID!) { recordHonorDecision(programId: $id, version: 1, minutes: "x", decisions: []) { id } }', { id: programId }, t[role])), role).toEqual(['FORBIDDEN']);
  });
});
