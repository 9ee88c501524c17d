import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { allGuards, missingFact, requireText, requireTrue } from './guards.js';

/** States of an honor nomination (annual excellent employee / team). */
export const NOMINATION_STATES = ['nominated', 'shortlisted', 'ineligible', 'approved', 'rejected', 'awarded', 'withdrawn'] as const;
/** A nomination state. */
export type NominationState = (typeof NOMINATION_STATES)[number];
/** Actions on a nomination. */
export const NOMINATION_ACTIONS = ['shortlist', 'declare_ineligible', 'withdraw', 'approve', 'reject', 'award'] as const;
/** A nomination action. */
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/** Facts the nomination guards read. */
export interface NominationContext extends WorkflowContext {
  /** candidateEligibility(...).eligible for the candidate now. */
  candidateEligible?: boolean;
  /** The actor nominated this candidate. */
  isNominator?: boolean;
  /** The actor chairs this program's committee. */
  isChair?: boolean;
  /** tallyVotes(...).outcome for the candidate. */
  outcome?: 'approved' | 'rejected' | 'noQuorum';
  /** selectHonors put the candidate within the quotas. */
  withinQuota?: boolean;
  /** The program's voting has closed (or every member voted). */
  voteClosed?: boolean;
  decisionNote?: string;
  /** The program's results are announced. */
  announced?: boolean;
}

const chair = requireTrue<NominationContext>('isChair', 'honor_not_chair', 'the chair records the decision');
const closed = requireTrue<NominationContext>('voteClosed', 'honor_vote_open', 'the vote is still open');

const carried: WorkflowGuard<NominationContext> = (ctx) => {
  if (!ctx.outcome) return missingFact('outcome');
  if (ctx.outcome !== 'approved') return { code: 'nomination_not_carried', message: `the vote did not carry (${ctx.outcome})`, params: { outcome: ctx.outcome } };
  return ctx.withinQuota === true ? null : ctx.withinQuota === false ? { code: 'nomination_over_quota', message: 'the quota is filled by candidates with more approvals' } : missingFact('withinQuota');
};

const ineligible: WorkflowGuard<NominationContext> = (ctx) =>
  ctx.candidateEligible === undefined ? missingFact('candidateEligible') : ctx.candidateEligible ? { code: 'nomination_is_eligible', message: 'the candidate meets the criteria' } : null;

/**
 * A nomination: HR checks eligibility (shortlisted onto the ballot, or ineligible with the failed checks shown);
 * the committee votes; the chair records approved (carried and within quota) or rejected (with a note); HR
 * awards once the results are announced. The nominator may withdraw before the vote.
 * Example: nextState(nominationWorkflow, 'shortlisted', 'approve', { roles: ['COMMITTEE'], isChair: true, voteClosed: true, outcome: 'approved', withinQuota: true }) -> { ok: true, to: 'approved' }
 */
export const nominationWorkflow = defineWorkflow<NominationState, NominationAction, NominationContext>({
  name: 'nomination',
  states: NOMINATION_STATES,
  initial: 'nominated',
  transitions: [
    { from: 'nominated', action: 'shortlist', to: 'shortlisted', roles: ['HR'], guard: requireTrue<NominationContext>('candidateEligible', 'nomination_not_eligible', 'the candidate does not meet the program criteria') },
    { from: 'nominated', action: 'declare_ineligible', to: 'ineligible', roles: ['HR'], guard: ineligible },
    { from: ['nominated', 'shortlisted'], action: 'withdraw', to: 'withdrawn', roles: ['SUPERVISOR', 'HR'], guard: requireTrue<NominationContext>('isNominator', 'nomination_not_nominator', 'only the nominator withdraws a nomination') },
    { from: 'shortlisted', action: 'approve', to: 'approved', roles: ['COMMITTEE'], guard: allGuards(chair, closed, carried) },
    { from: 'shortlisted', action: 'reject', to: 'rejected', roles: ['COMMITTEE'], guard: allGuards(chair, closed, requireText<NominationContext>('decisionNote', 'nomination_decision_note', 'a rejection needs a note')) },
    { from: 'approved', action: 'award', to: 'awarded', roles: ['HR'], guard: requireTrue<NominationContext>('announced', 'honor_not_announced', 'the results are announced first') },
  ],
});
