import type { AppDataProvider } from '../dataProvider';
import type { LocalText } from '../dataProvider/cycleApi';

/** A program as the honors pages read it (fields per the caller's rights: the API refuses the rest). */
export interface ProgramSummary {
  id: string;
  version: number;
  code: string;
  year: number;
  kind: 'EMPLOYEE' | 'TEAM';
  name: LocalText;
  state: string;
}

export interface ProgramDetail extends ProgramSummary {
  title: LocalText;
  minutes?: string | null;
  nominationWindow: { opens: string; closes: string };
  votingWindow: { opens: string; closes: string };
  decisionRule?: { quorum: number; decision: string; members: number };
  committee?: Array<{ chair: boolean; employee: { id: string; name: string } | null }>;
  awards: Array<{ id: string; citation: string; recipient: { name: string } | null }>;
}

export interface Check {
  code: string;
  passed: boolean;
  message: string;
  messageZh: string;
}

export interface NominationRow {
  id: string;
  version: number;
  state: string;
  reason: string;
  nominatedBy: string;
  candidate: { id: string; name: string } | null;
  department: { name: string; nameZh: string | null } | null;
  eligibility: { eligible: boolean; checks: Check[] } | null;
  annualResult: { periodKey: string; total: string; grade: string | null } | null;
  votesCast?: number;
  myVote?: string | null;
  tally?: { approve: number; reject: number; abstain: number; needed: number; outcome: string } | null;
  decisionNote?: string | null;
}

const SUMMARY = 'id version code year kind state name { en zh }';
const PUBLIC = `${SUMMARY} title { en zh } nominationWindow { opens closes } votingWindow { opens closes } awards { id citation recipient { name } }`;
/** Committee members and HR also read the committee, its rule and the minutes. */
const DETAIL = `${PUBLIC} minutes decisionRule { quorum decision members } committee { chair employee { id name } }`;
const NOMINATION = 'id version state reason nominatedBy candidate { id name } department { name nameZh } eligibility { eligible checks { code passed message messageZh } } annualResult { periodKey total grade }';

export const honorsOps = {
  programs: (api: AppDataProvider) => api.graphql<{ nodes: ProgramSummary[] }>('query', `query HonorPrograms { result: honorPrograms(first: 100) { nodes { ${SUMMARY} } } }`),
  program: (api: AppDataProvider, id: string, view: 'member' | 'hr' | 'nominator') =>
    api.graphql<ProgramDetail>('query', `query HonorProgram($id: ID!) { result: honorProgram(id: $id) { ${view === 'nominator' ? PUBLIC : DETAIL} } }`, { id }),
  /** The ballot for members (with their vote and, once closed, the tally); HR sees every nomination and the tally. */
  nominations: (api: AppDataProvider, programId: string, view: 'member' | 'hr' | 'nominator') =>
    api.graphql<{ nodes: NominationRow[] }>(
      'query',
      `query Nominations($p: ID!) { result: nominations(first: 200, filter: { programId: $p }) { nodes { ${NOMINATION}${view === 'nominator' ? '' : ' votesCast'}${view === 'member' ? ' myVote' : ''}${view === 'hr' ? ' decisionNote tally { approve reject abstain needed outcome }' : ''} } } }`,
      { p: programId },
    ),
  tallies: (api: AppDataProvider, programId: string) =>
    api.graphql<{ nodes: Array<Pick<NominationRow, 'id' | 'tally'>> }>('query', `query Tallies($p: ID!) { result: nominations(first: 200, filter: { programId: $p }) { nodes { id tally { approve reject abstain needed outcome } } } }`, { p: programId }),
  save: (api: AppDataProvider, document: unknown, id?: string, version?: number) =>
    api.graphql<ProgramSummary>('mutation', `mutation SaveHonorProgram($d: JSON!, $id: ID, $v: Int) { result: saveHonorProgram(document: $d, id: $id, version: $v) { ${SUMMARY} } }`, { d: document, id: id ?? null, v: version ?? null }),
  transition: (api: AppDataProvider, id: string, version: number, action: string, reason?: string) =>
    api.graphql<ProgramSummary>('mutation', `mutation TransitionHonorProgram($id: ID!, $v: Int!, $a: HonorProgramAction!, $r: String) { result: transitionHonorProgram(id: $id, version: $v, action: $a, reason: $r) { ${SUMMARY} } }`, { id, v: version, a: action, r: reason ?? null }),
  nominate: (api: AppDataProvider, programId: string, candidateId: string, reason: string) =>
    api.graphql<NominationRow>('mutation', `mutation Nominate($i: NominateInput!) { result: nominate(input: $i) { ${NOMINATION} } }`, { i: { programId, candidateId, reason } }),
  review: (api: AppDataProvider, id: string, version: number) => api.graphql<{ id: string }>('mutation', 'mutation ReviewNomination($id: ID!, $v: Int!) { result: reviewNomination(id: $id, version: $v) { id } }', { id, v: version }),
  vote: (api: AppDataProvider, nominationId: string, choice: string) => api.graphql<{ id: string }>('mutation', 'mutation CastVote($n: ID!, $c: VoteChoice!) { result: castVote(nominationId: $n, choice: $c) { id } }', { n: nominationId, c: choice }),
  decide: (api: AppDataProvider, programId: string, version: number, minutes: string, decisions: Array<{ nominationId: string; decision: string; note?: string }>) =>
    api.graphql<ProgramSummary>(
      'mutation',
      `mutation RecordHonorDecision($p: ID!, $v: Int!, $m: String!, $d: [HonorDecisionInput!]!) { result: recordHonorDecision(programId: $p, version: $v, minutes: $m, decisions: $d) { ${SUMMARY} } }`,
      { p: programId, v: version, m: minutes, d: decisions },
    ),
  people: (api: AppDataProvider) => api.graphql<{ nodes: Array<{ id: string; name: string; employeeNumber: string }> }>('query', 'query NominationPeople { result: employees(first: 500) { nodes { id name employeeNumber } } }'),
};

/** A new program's document for HR to adjust (the API checks it against the committee and the catalog). */
export const programTemplate = (year: number) => ({
  code: `EE-${year}`,
  year,
  kind: 'employee',
  name: { en: `Excellent employees ${year}`, zh: `${year} 年度优秀员工评选` },
  eligibility: { acceptedGrades: [], minScore: '85', noDisciplinaryDecision: true, disciplinaryRuleCodes: [], minTenureMonths: 12 },
  quotas: { overall: 3, perDepartment: 1 },
  committee: { memberIds: [], chairId: '', quorum: 3, decision: 'majorityOfMembers' },
  nominationWindow: { opens: `${year + 1}-01-05`, closes: `${year + 1}-01-16` },
  votingWindow: { opens: `${year + 1}-01-19`, closes: `${year + 1}-01-30` },
  reward: { ruleCode: 'group.honorExcellentEmployee', amount: '2000' },
  title: { en: `Excellent employee of ${year}`, zh: `${year} 年度优秀员工` },
});
