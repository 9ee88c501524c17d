import { describe, expect, it } from 'vitest';
import { nextState } from './engine.js';
import { NOMINATION_ACTIONS, NOMINATION_STATES, nominationWorkflow, type NominationContext } from './nomination.js';

const committee: NominationContext = { roles: ['COMMITTEE'] };
const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);

describe('honor nomination workflow', () => {
  it('declares its states and actions', () => {
    expect(nominationWorkflow.states).toEqual(NOMINATION_STATES);
    expect([...nominationWorkflow.actions].sort()).toEqual([...NOMINATION_ACTIONS].sort());
    expect(nominationWorkflow.terminal).toEqual(['rejected', 'awarded']);
  });

  it('runs nominated -> awarded', () => {
    expect(code(nextState(nominationWorkflow, 'nominated', 'shortlist', { roles: ['HR'], candidateEligible: true }))).toBe('shortlisted');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'close_vote', { ...committee, votesCast: 7, quorum: 5 }))).toBe('voted');
    expect(code(nextState(nominationWorkflow, 'voted', 'approve', { ...committee, votesCast: 7, votesFor: 4 }))).toBe('approved_by_committee');
    expect(code(nextState(nominationWorkflow, 'approved_by_committee', 'award', { roles: ['HR'] }))).toBe('awarded');
  });

  it('guards eligibility, quorum and majority', () => {
    expect(code(nextState(nominationWorkflow, 'nominated', 'shortlist', { roles: ['HR'], candidateEligible: false }))).toBe('nomination_not_eligible');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'close_vote', { ...committee, votesCast: 4, quorum: 5 }))).toBe('nomination_no_quorum');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'close_vote', { ...committee, votesCast: 0, quorum: 0 }))).toBe('nomination_no_quorum');
    expect(code(nextState(nominationWorkflow, 'voted', 'approve', { ...committee, votesCast: 8, votesFor: 4 }))).toBe('nomination_no_majority');
    expect(code(nextState(nominationWorkflow, 'voted', 'approve', { ...committee, votesCast: 8 }))).toBe('workflow_fact_missing');
  });

  it('lets only the committee vote, approve and reject, with a note', () => {
    expect(code(nextState(nominationWorkflow, 'voted', 'approve', { roles: ['HR'], votesCast: 7, votesFor: 7 }))).toBe('workflow_forbidden');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'reject', committee))).toBe('nomination_decision_note');
    expect(code(nextState(nominationWorkflow, 'shortlisted', 'reject', { ...committee, decisionNote: 'criteria not met' }))).toBe('rejected');
    expect(code(nextState(nominationWorkflow, 'approved_by_committee', 'reject', { ...committee, decisionNote: 'x' }))).toBe('workflow_illegal_transition');
    expect(code(nextState(nominationWorkflow, 'nominated', 'award', { roles: ['HR'] }))).toBe('workflow_illegal_transition');
  });
});
