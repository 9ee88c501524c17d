import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { missingFact, requireText, requireTrue } from './guards.js';

/** States of an honor nomination (annual excellent employee / team). */
export const NOMINATION_STATES = ['nominated', 'shortlisted', 'voted', 'approved_by_committee', 'rejected', 'awarded'] as const;
/** A nomination state. */
export type NominationState = (typeof NOMINATION_STATES)[number];
/** Actions on a nomination. */
export const NOMINATION_ACTIONS = ['shortlist', 'close_vote', 'approve', 'reject', 'award'] as const;
/** A nomination action. */
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/** Facts the nomination guards read. */
export interface NominationContext extends WorkflowContext {
  candidateEligible?: boolean;
  votesCast?: number;
  votesFor?: number;
  quorum?: number;
  decisionNote?: string;
}

const quorumReached: WorkflowGuard<NominationContext> = (ctx) => {
  if (typeof ctx.votesCast !== 'number') return missingFact('votesCast');
  if (typeof ctx.quorum !== 'number') return missingFact('quorum');
  return ctx.votesCast >= ctx.quorum && ctx.votesCast > 0
    ? null
    : { code: 'nomination_no_quorum', message: `${ctx.votesCast} votes cast, quorum is ${ctx.quorum}`, params: { votesCast: ctx.votesCast, quorum: ctx.quorum } };
};

// A strict majority of the votes cast; a tie does not carry.
const majority: WorkflowGuard<NominationContext> = (ctx) => {
  if (typeof ctx.votesCast !== 'number') return missingFact('votesCast');
  if (typeof ctx.votesFor !== 'number') return missingFact('votesFor');
  return ctx.votesFor * 2 > ctx.votesCast
    ? null
    : { code: 'nomination_no_majority', message: `${ctx.votesFor} of ${ctx.votesCast} votes is not a majority`, params: { votesFor: ctx.votesFor, votesCast: ctx.votesCast } };
};

/**
 * A nomination: nominated -> shortlisted -> voted -> approved_by_committee -> awarded, rejectable by
 * the committee at any point before approval.
 * Example: nextState(nominationWorkflow, 'voted', 'approve', { roles: ['COMMITTEE'], votesCast: 7, votesFor: 5 }) -> { ok: true, to: 'approved_by_committee' }
 */
export const nominationWorkflow = defineWorkflow<NominationState, NominationAction, NominationContext>({
  name: 'nomination',
  states: NOMINATION_STATES,
  initial: 'nominated',
  transitions: [
    { from: 'nominated', action: 'shortlist', to: 'shortlisted', roles: ['HR', 'COMMITTEE'], guard: requireTrue<NominationContext>('candidateEligible', 'nomination_not_eligible', 'the candidate does not meet the program criteria') },
    { from: 'shortlisted', action: 'close_vote', to: 'voted', roles: ['COMMITTEE'], guard: quorumReached },
    { from: 'voted', action: 'approve', to: 'approved_by_committee', roles: ['COMMITTEE'], guard: majority },
    { from: ['nominated', 'shortlisted', 'voted'], action: 'reject', to: 'rejected', roles: ['COMMITTEE'], guard: requireText<NominationContext>('decisionNote', 'nomination_decision_note', 'a rejection needs a note') },
    { from: 'approved_by_committee', action: 'award', to: 'awarded', roles: ['HR', 'COMMITTEE'] },
  ],
});
