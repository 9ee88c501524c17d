import { describe, expect, it } from 'vitest';
import { seedLedgerRule, seedLedgerRules } from '../ledger/seed-rules.js';
import { nextState } from '../workflow/engine.js';
import { nominationWorkflow } from '../workflow/nomination.js';
import { honorProgramWorkflow } from '../workflow/honor-program.js';
import { candidateEligibility, teamEligibility, tenureMonths, type CandidateFacts } from './eligibility.js';
import { checkHonorProgram, type HonorProgram } from './program.js';
import { awardEntries, checkDecisionRecord, checkNomination, checkVote, selectHonors, tallyVotes, type SelectionCandidate } from './selection.js';

const program: HonorProgram = {
  code: 'EE-2025',
  year: 2025,
  kind: 'employee',
  name: { en: 'Excellent employees 2025', zh: '2025 年度优秀员工' },
  eligibility: { acceptedGrades: ['excellent', 'superior'], minScore: '85', noDisciplinaryDecision: true, minTenureMonths: 12, employees: { field: 'employmentStatus', op: 'eq', value: 'REGULAR' } },
  quotas: { overall: 3, perDepartment: 1, departments: { nursing: 2 } },
  committee: { memberIds: ['m1', 'm2', 'm3', 'm4', 'm5'], chairId: 'm1', quorum: 3, decision: 'majorityOfMembers' },
  nominationWindow: { opens: '2026-01-05', closes: '2026-01-16' },
  votingWindow: { opens: '2026-01-19', closes: '2026-01-30' },
  reward: { ruleCode: 'group.honorExcellentEmployee', amount: '2000' },
  title: { en: 'Excellent employee of 2025', zh: '2025 年度优秀员工' },
};

const person = (over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  employeeId: 'n1',
  departmentId: 'nursing',
  hireDate: '2019-03-01',
  annual: { cycleId: 'y2025', schemeCode: 'nursing', periodKey: '2025', total: '93.10', grade: 'excellent' },
  disciplinaryDecisionInYear: false,
  employee: { employmentStatus: 'REGULAR', onProbation: false, specialApproval: false, disciplinaryDecision: false },
  ...over,
});

describe('honor programs', () => {
  it('validates the configuration against the committee and the ledger catalog', () => {
    expect(checkHonorProgram(program, seedLedgerRules)).toEqual({ ok: true, value: program });
    const bad = checkHonorProgram(
      { ...program, committee: { ...program.committee, chairId: 'x', quorum: 6 }, votingWindow: { opens: '2026-01-10', closes: '2026-01-09' }, reward: { ruleCode: 'group.honorExcellentEmployee', amount: '9000' } },
      seedLedgerRules,
    );
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['honor_window_reversed', 'honor_voting_before_nominations_close', 'honor_chair_not_member', 'honor_quorum_too_large', 'ledger_amount_out_of_range']);
    const discipline = checkHonorProgram({ ...program, eligibility: { ...program.eligibility, disciplinaryRuleCodes: ['nursing.errorComplaint', 'hotel.goodDeed'] } }, seedLedgerRules);
    expect(discipline.ok ? [] : discipline.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['honor_discipline_rule', 'eligibility.disciplinaryRuleCodes.1']]);
    const team = checkHonorProgram({ ...program, kind: 'team' }, seedLedgerRules);
    expect(team.ok ? [] : team.issues.map((i) => i.code)).toEqual(['honor_team_settings']);
  });
});

describe('eligibility from annual results', () => {
  it('explains every check, passed or not', () => {
    expect(candidateEligibility(program, person())).toEqual({
      eligible: true,
      checks: [
        { code: 'honor_annual_result', passed: true, params: { year: 2025 } },
        { code: 'honor_grade', passed: true, params: { grade: 'excellent', accepted: 'excellent, superior' } },
        { code: 'honor_score', passed: true, params: { score: '93.10', min: '85' } },
        { code: 'honor_discipline', passed: true, params: { year: 2025 } },
        { code: 'honor_tenure', passed: true, params: { months: 81, min: 12 } },
        { code: 'honor_employee_rule', passed: true, params: { conditions: 'employmentStatus eq REGULAR' } },
      ],
    });
    const failing = candidateEligibility(program, person({ hireDate: '2025-03-15', disciplinaryDecisionInYear: true, annual: { cycleId: 'y', schemeCode: 'nursing', periodKey: '2025', total: '86', grade: 'good' } }));
    expect(failing.eligible).toBe(false);
    expect(failing.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(['honor_grade', 'honor_discipline', 'honor_tenure']);
    const { annual: _none, ...rest } = person();
    expect(candidateEligibility(program, rest).checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(['honor_annual_result']);
    expect(tenureMonths('2025-03-15', '2025-12-31')).toBe(9);
    expect(tenureMonths('2024-12-31', '2025-12-31')).toBe(12);
  });

  it('teams: size, average annual total, no member disciplined', () => {
    const teamProgram: HonorProgram = { ...program, kind: 'team', eligibility: { ...program.eligibility, team: { minMembers: 3, minAverageScore: '85' } } };
    const members = [person(), person({ employeeId: 'n2', annual: { cycleId: 'y', schemeCode: 'nursing', periodKey: '2025', total: '80', grade: 'good' } }), person({ employeeId: 'n3', disciplinaryDecisionInYear: true })];
    expect(teamEligibility(teamProgram, members)).toEqual({
      eligible: false,
      checks: [
        { code: 'honor_team_size', passed: true, params: { members: 3, min: 3 } },
        { code: 'honor_team_average', passed: true, params: { average: '88.73', min: '85' } },
        { code: 'honor_team_discipline', passed: false, params: { members: 1 } },
      ],
    });
  });
});

describe('nominations, secret votes, decision and quotas', () => {
  const ctx = { today: '2026-01-10', candidate: 'line' as const, nominatorIsHR: false, alreadyNominated: false };

  it('nominations need the window, a reason, the line, once', () => {
    expect(checkNomination(program, { candidateId: 'n1', reason: 'Led the ward through the flu season' }, ctx)).toEqual([]);
    expect(checkNomination(program, { candidateId: 'n1', reason: ' ' }, { ...ctx, today: '2026-01-17', candidate: 'other', alreadyNominated: true }).map((i) => i.code)).toEqual([
      'honor_nominations_closed',
      'honor_reason_required',
      'honor_not_in_line',
      'honor_already_nominated',
    ]);
    expect(checkNomination(program, { candidateId: 'me', reason: 'x' }, { ...ctx, candidate: 'self' }).map((i) => i.code)).toEqual(['honor_self_nomination']);
    expect(checkNomination(program, { candidateId: 'n9', reason: 'x' }, { ...ctx, candidate: 'other', nominatorIsHR: true })).toEqual([]);
  });

  it('each member votes once per candidate, inside the window, on the ballot', () => {
    const vctx = { today: '2026-01-20', memberId: 'm2', onBallot: true, alreadyVoted: false };
    expect(checkVote(program, 'approve', vctx)).toEqual([]);
    expect(checkVote(program, 'maybe', { ...vctx, today: '2026-02-01', memberId: 'm9', onBallot: false, alreadyVoted: true }).map((i) => i.code)).toEqual([
      'honor_voting_closed',
      'honor_not_member',
      'honor_not_on_ballot',
      'honor_already_voted',
      'honor_vote_choice',
    ]);
  });

  it('decides by the configured rule: quorum, majority of members or of votes cast; ties do not carry', () => {
    const v = (...choices: ('approve' | 'reject' | 'abstain')[]) => choices.map((choice, i) => ({ memberId: `m${i + 1}`, choice }));
    expect(tallyVotes(program, v('approve', 'approve'))).toMatchObject({ cast: 2, outcome: 'noQuorum' });
    expect(tallyVotes(program, v('approve', 'approve', 'abstain'))).toMatchObject({ approve: 2, needed: 3, outcome: 'rejected' });
    expect(tallyVotes(program, v('approve', 'approve', 'approve', 'reject'))).toMatchObject({ needed: 3, outcome: 'approved' });
    const cast = { ...program, committee: { ...program.committee, decision: 'majorityOfVotesCast' as const } };
    expect(tallyVotes(cast, v('approve', 'approve', 'abstain'))).toMatchObject({ needed: 2, outcome: 'approved' });
    expect(tallyVotes(cast, v('approve', 'approve', 'reject', 'reject'))).toMatchObject({ needed: 3, outcome: 'rejected' });
    // Votes of non-members and second votes are not counted.
    expect(tallyVotes(program, [...v('approve', 'approve', 'approve'), { memberId: 'm1', choice: 'reject' }, { memberId: 'x', choice: 'approve' }])).toMatchObject({ cast: 3, approve: 3 });
  });

  it('applies quotas per department and overall to the approved, by approvals then score', () => {
    const c = (id: string, dep: string, approve: number, score: string): SelectionCandidate => ({ nominationId: id, candidateId: `e-${id}`, departmentId: dep, score, tally: { ...tallyVotes(program, []), approve, outcome: 'approved' } });
    const rejected = { ...c('r', 'hotel', 1, '99'), tally: { ...tallyVotes(program, []), outcome: 'rejected' as const } };
    const s = selectHonors(program, [c('a', 'nursing', 4, '93'), c('b', 'nursing', 5, '90'), c('c', 'nursing', 4, '95'), c('d', 'hotel', 3, '88'), c('e', 'hotel', 3, '91'), rejected]);
    expect(s.awarded.map((x) => x.nominationId)).toEqual(['b', 'c', 'e']);
    expect(s.overQuota.map((x) => [x.candidate.nominationId, x.quota])).toEqual([['a', 'department'], ['d', 'overall']]);
    expect(s.notApproved.map((x) => x.nominationId)).toEqual(['r']);
  });

  it('the chair records the decision with minutes once the vote is closed', () => {
    expect(checkDecisionRecord(program, { chairId: 'm1', minutes: 'Met 2026-01-31; five candidates discussed.', decidedOn: '2026-01-31' }, { allVoted: false })).toEqual([]);
    expect(checkDecisionRecord(program, { chairId: 'm2', minutes: '', decidedOn: '2026-01-25' }, { allVoted: false }).map((i) => i.code)).toEqual(['honor_not_chair', 'honor_minutes_required', 'honor_vote_open']);
    expect(checkDecisionRecord(program, { chairId: 'm1', minutes: 'x', decidedOn: '2026-01-25' }, { allVoted: true })).toEqual([]);
  });

  it('an award becomes a ledger reward entry per recipient', () => {
    const r = awardEntries(program, seedLedgerRule('group.honorExcellentEmployee'), { awardId: 'aw1', recipients: ['n1'], announcedOn: '2026-02-03', citation: 'Excellent employee of 2025' }, { monthStartDay: 1 });
    expect(r).toMatchObject({ ok: true, value: [{ employeeId: 'n1', awardId: 'aw1', entry: { amount: '2000.00', money: '2000.00', component: 'honors', periodKey: '2026-02' } }] });
  });
});

describe('honor workflows', () => {
  const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);
  it('nominations: HR shortlists eligible ones, the chair approves carried ones within quota, HR awards after announcement', () => {
    expect(code(nextState(nominationWorkflow, 'nominated', 'shortlist', { roles: ['HR'], candidateEligible: false }))).toBe('nomination_not_eligible');
    expect(code(nextState(nominationWorkflow, 'nominated', 'declare_ineligible', { roles: ['HR'], candidateEligible: false }))).toBe('ineligible');
    expect(code(nextState(nominationWorkflow, 'nominated', 'declare_ineligible', { roles: ['HR'], candidateEligible: true }))).toBe('nomination_is_eligible');
    const chair = { roles: ['COMMITTEE' as const], isChair: true, voteClosed: true };
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'approve', { ...chair, outcome: 'approved', withinQuota: true }))).toBe('approved');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'approve', { ...chair, outcome: 'approved', withinQuota: false }))).toBe('nomination_over_quota');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'approve', { ...chair, outcome: 'noQuorum' }))).toBe('nomination_not_carried');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'approve', { ...chair, isChair: false, outcome: 'approved', withinQuota: true }))).toBe('honor_not_chair');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'approve', { ...chair, voteClosed: false, outcome: 'approved', withinQuota: true }))).toBe('honor_vote_open');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'reject', chair))).toBe('nomination_decision_note');
    expect(code(nextState(nominationWorkflow, 'approved', 'award', { roles: ['HR'], announced: false }))).toBe('honor_not_announced');
    expect(code(nextState(nominationWorkflow, 'approved', 'award', { roles: ['HR'], announced: true }))).toBe('awarded');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'withdraw', { roles: ['SUPERVISOR'], isNominator: false }))).toBe('nomination_not_nominator');
  });

  it('programs: nominations, review, vote, the chair decision with minutes, announcement', () => {
    expect(code(nextState(honorProgramWorkflow, 'draft', 'open_nominations', { roles: ['HR'], programValid: true }))).toBe('nominating');
    expect(code(nextState(honorProgramWorkflow, 'reviewing', 'open_voting', { roles: ['HR'], unreviewedNominations: 2, shortlisted: 3 }))).toBe('honor_nominations_unreviewed');
    expect(code(nextState(honorProgramWorkflow, 'reviewing', 'open_voting', { roles: ['HR'], unreviewedNominations: 0, shortlisted: 0 }))).toBe('honor_ballot_empty');
    const decide = { roles: ['COMMITTEE' as const], isChair: true, voteClosed: true, undecided: 0, minutes: 'm' };
    expect(code(nextState(honorProgramWorkflow, 'voting', 'record_decision', decide))).toBe('decided');
    expect(code(nextState(honorProgramWorkflow, 'voting', 'record_decision', { ...decide, undecided: 1 }))).toBe('honor_candidates_undecided');
    expect(code(nextState(honorProgramWorkflow, 'decided', 'cancel', { roles: ['HR'], reason: 'x' }))).toBe('workflow_illegal_transition');
    expect(honorProgramWorkflow.terminal).toEqual(['announced', 'cancelled']);
  });
});
