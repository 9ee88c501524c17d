import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { allGuards, missingFact, requireText, requireTrue, requireZero } from './guards.js';

/** States of an honor program. */
export const HONOR_PROGRAM_STATES = ['draft', 'nominating', 'reviewing', 'voting', 'decided', 'announced', 'cancelled'] as const;
/** An honor program state. */
export type HonorProgramState = (typeof HONOR_PROGRAM_STATES)[number];
/** Actions on an honor program. */
export const HONOR_PROGRAM_ACTIONS = ['open_nominations', 'close_nominations', 'open_voting', 'record_decision', 'announce', 'cancel'] as const;
/** An honor program action. */
export type HonorProgramAction = (typeof HONOR_PROGRAM_ACTIONS)[number];

/** Facts the program guards read. */
export interface HonorProgramContext extends WorkflowContext {
  /** checkHonorProgram found no issue. */
  programValid?: boolean;
  /** Nominations HR has not yet shortlisted or declared ineligible. */
  unreviewedNominations?: number;
  shortlisted?: number;
  isChair?: boolean;
  /** The voting window has closed, or every member voted on every candidate. */
  voteClosed?: boolean;
  /** Shortlisted nominations the chair has not yet approved or rejected. */
  undecided?: number;
  minutes?: string;
  reason?: string;
}

const hasBallot: WorkflowGuard<HonorProgramContext> = (ctx) => {
  if (typeof ctx.shortlisted !== 'number') return missingFact('shortlisted');
  return ctx.shortlisted > 0 ? null : { code: 'honor_ballot_empty', message: 'no candidate is on the ballot' };
};

/**
 * An honor program: HR drafts it and opens nominations; closes them and reviews eligibility; opens the vote;
 * the chair records the committee's decision with minutes once the vote is closed and every candidate decided;
 * HR announces (a notice, and each award becomes a ledger reward). Cancellable before the decision.
 * Example: nextState(honorProgramWorkflow, 'voting', 'record_decision', { roles: ['COMMITTEE'], isChair: true, voteClosed: true, undecided: 0, minutes: 'Met on 30 Jan ...' }) -> { ok: true, to: 'decided' }
 */
export const honorProgramWorkflow = defineWorkflow<HonorProgramState, HonorProgramAction, HonorProgramContext>({
  name: 'honorProgram',
  states: HONOR_PROGRAM_STATES,
  initial: 'draft',
  transitions: [
    { from: 'draft', action: 'open_nominations', to: 'nominating', roles: ['HR'], guard: requireTrue<HonorProgramContext>('programValid', 'honor_program_invalid', 'the program has problems') },
    { from: 'nominating', action: 'close_nominations', to: 'reviewing', roles: ['HR'] },
    {
      from: 'reviewing',
      action: 'open_voting',
      to: 'voting',
      roles: ['HR'],
      guard: allGuards(requireZero<HonorProgramContext>('unreviewedNominations', 'honor_nominations_unreviewed', 'nominations wait for the eligibility check'), hasBallot),
    },
    {
      from: 'voting',
      action: 'record_decision',
      to: 'decided',
      roles: ['COMMITTEE'],
      guard: allGuards(
        requireTrue<HonorProgramContext>('isChair', 'honor_not_chair', 'the chair records the decision'),
        requireTrue<HonorProgramContext>('voteClosed', 'honor_vote_open', 'the vote is still open'),
        requireZero<HonorProgramContext>('undecided', 'honor_candidates_undecided', 'candidates wait for a decision'),
        requireText<HonorProgramContext>('minutes', 'honor_minutes_required', 'the decision is recorded with minutes'),
      ),
    },
    { from: 'decided', action: 'announce', to: 'announced', roles: ['HR'] },
    { from: ['draft', 'nominating', 'reviewing', 'voting'], action: 'cancel', to: 'cancelled', roles: ['HR'], guard: requireText<HonorProgramContext>('reason', 'honor_cancel_reason', 'cancelling a program needs a reason') },
  ],
});
