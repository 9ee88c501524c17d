import type { Checked, DomainIssue } from '../issues.js';
import { compareIsoDates, type IsoDate } from '../calendar/dates.js';
import { dec } from '../decimal.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { SubjectRelation } from '../policies/facts.js';
import { priceLedgerEntry, type PricedEntry } from '../ledger/entry.js';
import type { LedgerRule } from '../ledger/rule.js';
import type { AccountingConvention } from '../calendar/periods.js';
import type { HonorProgram } from './program.js';

/** Longest nomination reason. */
export const NOMINATION_REASON_MAX = 4000;
/** Longest minutes of a decision. */
export const DECISION_MINUTES_MAX = 20_000;

/** A nomination as proposed by a supervisor or department head. */
export interface NominationDraft {
  /** The person (employee programs) or the team's department (team programs). */
  candidateId: string;
  reason: string;
}

/** What the API knows when a nomination is proposed. */
export interface NominationCheckContext {
  today: IsoDate;
  /** How the candidate (or the team's head) relates to the nominator: HR nominates anyone, a supervisor their line. */
  candidate: SubjectRelation;
  nominatorIsHR: boolean;
  /** Candidates already nominated in this program (not withdrawn). */
  alreadyNominated: boolean;
}

/**
 * Checks a nomination: the window is open, the reason is written (and not too long), the nominator may nominate
 * this candidate (HR anyone; a supervisor or department head their line, never themself), once per program.
 * Eligibility is not required to nominate: HR's check shows why an ineligible nomination does not go on.
 * Example: checkNomination(program, { candidateId: 'e1', reason: '' }, ctx) -> [{ code: 'honor_reason_required', ... }]
 */
export function checkNomination(program: HonorProgram, draft: NominationDraft, ctx: NominationCheckContext): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const w = program.nominationWindow;
  if (compareIsoDates(ctx.today, w.opens) < 0 || compareIsoDates(ctx.today, w.closes) > 0) issues.push(issue('honor_nominations_closed', `nominations are open ${w.opens} to ${w.closes}`, { opens: w.opens, closes: w.closes, today: ctx.today }));
  if (!draft.reason.trim()) issues.push(issue('honor_reason_required', 'a nomination needs a written reason', {}, ['reason']));
  else if (draft.reason.length > NOMINATION_REASON_MAX) issues.push(issue('text_too_long', `the reason is ${draft.reason.length} characters; at most ${NOMINATION_REASON_MAX}`, { field: 'reason', max: NOMINATION_REASON_MAX, length: draft.reason.length }, ['reason']));
  if (ctx.candidate === 'self') issues.push(issue('honor_self_nomination', 'nobody nominates themself', {}, ['candidateId']));
  else if (!ctx.nominatorIsHR && ctx.candidate !== 'line') issues.push(issue('honor_not_in_line', 'a supervisor nominates people of their own line', {}, ['candidateId']));
  if (ctx.alreadyNominated) issues.push(issue('honor_already_nominated', 'the candidate is already nominated in this program', { candidateId: draft.candidateId }, ['candidateId']));
  return issues;
}

/** A committee member's vote on one candidate. */
export type VoteChoice = 'approve' | 'reject' | 'abstain';

/** What the API knows when a member casts a vote. */
export interface VoteContext {
  today: IsoDate;
  memberId: string;
  /** The nomination is shortlisted (eligible, on the ballot). */
  onBallot: boolean;
  /** This member already voted on this candidate. */
  alreadyVoted: boolean;
}

/**
 * Checks a vote: the voting window is open, the voter is a member of this program's committee, the candidate is on
 * the ballot, and each member votes once per candidate (a vote is final; it stays secret until the vote closes).
 * Example: checkVote(program, 'approve', { today: '2026-01-20', memberId: 'm9', onBallot: true, alreadyVoted: false }) -> [{ code: 'honor_not_member', ... }]
 */
export function checkVote(program: HonorProgram, choice: string, ctx: VoteContext): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const w = program.votingWindow;
  if (compareIsoDates(ctx.today, w.opens) < 0 || compareIsoDates(ctx.today, w.closes) > 0) issues.push(issue('honor_voting_closed', `voting is open ${w.opens} to ${w.closes}`, { opens: w.opens, closes: w.closes, today: ctx.today }));
  if (!program.committee.memberIds.includes(ctx.memberId)) issues.push(issue('honor_not_member', 'only members of this committee vote', {}, ['memberId']));
  if (!ctx.onBallot) issues.push(issue('honor_not_on_ballot', 'the candidate is not on the ballot', {}, ['nominationId']));
  if (ctx.alreadyVoted) issues.push(issue('honor_already_voted', 'each member votes once per candidate', {}, ['choice']));
  if (choice !== 'approve' && choice !== 'reject' && choice !== 'abstain') issues.push(issue('honor_vote_choice', 'a vote is approve, reject or abstain', { value: choice }, ['choice']));
  return issues;
}

/** The count of one candidate's votes and what it means under the program's rule. */
export interface Tally {
  members: number;
  cast: number;
  approve: number;
  reject: number;
  abstain: number;
  quorum: number;
  quorumReached: boolean;
  /** Approvals needed to carry. */
  needed: number;
  outcome: 'approved' | 'rejected' | 'noQuorum';
}

/**
 * Counts a candidate's votes (members' votes only, one per member) under the program's decision rule: without a
 * quorum no decision; majorityOfMembers carries with approvals above half of all members; majorityOfVotesCast
 * with approvals above half of the votes cast (an abstention is cast, so it does not help). A tie does not carry.
 * Example: tallyVotes(program, [{ memberId: 'm1', choice: 'approve' }, { memberId: 'm2', choice: 'approve' }, { memberId: 'm3', choice: 'abstain' }]) -> { approve: 2, cast: 3, needed: 3, outcome: 'rejected', ... } (5 members, majority of members)
 */
export function tallyVotes(program: HonorProgram, votes: readonly { memberId: string; choice: VoteChoice }[]): Tally {
  const members = program.committee.memberIds;
  const counted = new Map<string, VoteChoice>();
  for (const v of votes) if (members.includes(v.memberId) && !counted.has(v.memberId)) counted.set(v.memberId, v.choice);
  const list = [...counted.values()];
  const approve = list.filter((c) => c === 'approve').length;
  const reject = list.filter((c) => c === 'reject').length;
  const abstain = list.filter((c) => c === 'abstain').length;
  const cast = list.length;
  const quorum = program.committee.quorum;
  const base = program.committee.decision === 'majorityOfMembers' ? members.length : cast;
  const needed = Math.floor(base / 2) + 1;
  const quorumReached = cast >= quorum;
  const outcome = !quorumReached ? 'noQuorum' : approve >= needed ? 'approved' : 'rejected';
  return { members: members.length, cast, approve, reject, abstain, quorum, quorumReached, needed, outcome };
}

/** A voted candidate as the selection reads it. */
export interface SelectionCandidate {
  nominationId: string;
  candidateId: string;
  departmentId: string;
  tally: Tally;
  /** The annual total (ties between approved candidates go to the higher score). */
  score?: string;
}

/** The committee's selection: who is honoured, who was approved but is over a quota, who was not approved. */
export interface Selection {
  awarded: SelectionCandidate[];
  overQuota: { candidate: SelectionCandidate; quota: 'overall' | 'department' }[];
  notApproved: SelectionCandidate[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Applies the quotas to the approved candidates: ranked by approvals (more first), then annual total (higher
 * first), then nomination id; each is honoured while its department's quota and the overall quota allow.
 * Example: selectHonors(program, candidates).awarded.map((c) => c.candidateId) -> ['n-icu', 'n-ward']
 */
export function selectHonors(program: HonorProgram, candidates: readonly SelectionCandidate[]): Selection {
  const approved = candidates.filter((c) => c.tally.outcome === 'approved');
  approved.sort((a, b) => b.tally.approve - a.tally.approve || dec(b.score ?? '0').comparedTo(dec(a.score ?? '0')) || cmp(a.nominationId, b.nominationId));
  const perDepartment = new Map<string, number>();
  const out: Selection = { awarded: [], overQuota: [], notApproved: candidates.filter((c) => c.tally.outcome !== 'approved') };
  for (const c of approved) {
    const depQuota = program.quotas.departments?.[c.departmentId] ?? program.quotas.perDepartment;
    const used = perDepartment.get(c.departmentId) ?? 0;
    if (program.quotas.overall !== undefined && out.awarded.length >= program.quotas.overall) out.overQuota.push({ candidate: c, quota: 'overall' });
    else if (depQuota !== undefined && used >= depQuota) out.overQuota.push({ candidate: c, quota: 'department' });
    else {
      out.awarded.push(c);
      perDepartment.set(c.departmentId, used + 1);
    }
  }
  return out;
}

/** The chair's record of the decision. */
export interface DecisionRecord {
  chairId: string;
  minutes: string;
  decidedOn: IsoDate;
}

/**
 * Checks the chair's decision record: recorded by the program's chair, after the vote closed (or every member
 * voted on every candidate), with minutes.
 * Example: checkDecisionRecord(program, { chairId: 'm2', minutes: 'x', decidedOn: '2026-01-31' }, { allVoted: false }) -> [{ code: 'honor_not_chair' }]
 */
export function checkDecisionRecord(program: HonorProgram, record: DecisionRecord, ctx: { allVoted: boolean }): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (record.chairId !== program.committee.chairId) issues.push(issue('honor_not_chair', 'the chair records the decision', {}, ['chairId']));
  if (!record.minutes.trim()) issues.push(issue('honor_minutes_required', 'the decision is recorded with minutes', {}, ['minutes']));
  else if (record.minutes.length > DECISION_MINUTES_MAX) issues.push(issue('text_too_long', `the minutes are ${record.minutes.length} characters; at most ${DECISION_MINUTES_MAX}`, { field: 'minutes', max: DECISION_MINUTES_MAX, length: record.minutes.length }, ['minutes']));
  if (!ctx.allVoted && compareIsoDates(record.decidedOn, program.votingWindow.closes) <= 0) issues.push(issue('honor_vote_open', `the vote is open until ${program.votingWindow.closes}`, { closes: program.votingWindow.closes }, ['decidedOn']));
  return issues;
}

/**
 * The ledger reward of an award: the program's reward rule and amount, priced like any entry (range checked),
 * one entry per recipient (each member of an honoured team), dated the announcement day.
 * Example: awardEntries(program, rule, { awardId: 'a1', recipients: ['e1'], announcedOn: '2026-02-03', citation: 'Excellent employee 2025' }, calendarMonths) -> { ok: true, value: [{ employeeId: 'e1', entry: { amount: '2000.00', money: '2000.00', ... } }] }
 */
export function awardEntries(
  program: HonorProgram,
  rule: LedgerRule,
  award: { awardId: string; recipients: readonly string[]; announcedOn: IsoDate; citation: string },
  convention: AccountingConvention,
): Checked<{ employeeId: string; awardId: string; entry: PricedEntry; evidence: string }[]> {
  if (!program.reward) return { ok: true, value: [] };
  if (rule.code !== program.reward.ruleCode) return { ok: false, issues: [issue('honor_reward_rule', `the program rewards with ${program.reward.ruleCode}`, { code: program.reward.ruleCode })] };
  const out: { employeeId: string; awardId: string; entry: PricedEntry; evidence: string }[] = [];
  const issues: DomainIssue[] = [];
  for (const employeeId of award.recipients) {
    const priced = priceLedgerEntry(rule, { ruleCode: rule.code, employeeId, occurredOn: award.announcedOn, quantity: program.reward.amount, evidence: award.citation }, convention);
    if (priced.ok) out.push({ employeeId, awardId: award.awardId, entry: priced.value, evidence: award.citation });
    else issues.push(...priced.issues);
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: out };
}
