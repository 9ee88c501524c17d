import { describe, expect, it } from 'vitest';
import { availableActions, nextState } from './engine.js';
import { POLICY_VERSION_ACTIONS, POLICY_VERSION_STATES, policyVersionWorkflow, type PolicyVersionContext } from './policy-version.js';

const reviewer: PolicyVersionContext = { roles: ['HR'], actorId: 'hr-2', authorId: 'hr-1' };
const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);

describe('policy version workflow', () => {
  it('declares its states and actions', () => {
    expect(policyVersionWorkflow.states).toEqual(POLICY_VERSION_STATES);
    expect([...policyVersionWorkflow.actions].sort()).toEqual([...POLICY_VERSION_ACTIONS].sort());
    expect(policyVersionWorkflow.terminal).toEqual(['superseded']);
  });

  it('runs draft -> review -> published -> superseded', () => {
    expect(code(nextState(policyVersionWorkflow, 'draft', 'submit_for_review', { roles: ['HR'] }))).toBe('review');
    expect(code(nextState(policyVersionWorkflow, 'review', 'publish', { ...reviewer, effectiveFrom: '2026-01-01' }))).toBe('published');
    expect(code(nextState(policyVersionWorkflow, 'published', 'supersede', { roles: ['HR'], hasNewerPublishedVersion: true }))).toBe('superseded');
  });

  it('guards publication and supersession', () => {
    expect(code(nextState(policyVersionWorkflow, 'review', 'publish', reviewer))).toBe('policy_effective_date');
    expect(code(nextState(policyVersionWorkflow, 'review', 'publish', { ...reviewer, effectiveFrom: '2026-02-30' }))).toBe('policy_effective_date');
    expect(code(nextState(policyVersionWorkflow, 'review', 'publish', { ...reviewer, actorId: 'hr-1', effectiveFrom: '2026-01-01' }))).toBe('policy_self_publish');
    expect(code(nextState(policyVersionWorkflow, 'published', 'supersede', { roles: ['HR'], hasNewerPublishedVersion: false }))).toBe('policy_no_newer_version');
    expect(code(nextState(policyVersionWorkflow, 'draft', 'publish', { ...reviewer, effectiveFrom: '2026-01-01' }))).toBe('workflow_illegal_transition');
    expect(code(nextState(policyVersionWorkflow, 'superseded', 'publish', { ...reviewer, effectiveFrom: '2026-01-01' }))).toBe('workflow_illegal_transition');
    expect(code(nextState(policyVersionWorkflow, 'draft', 'submit_for_review', { roles: ['EMPLOYEE'] }))).toBe('workflow_forbidden');
  });

  it('returns a version under review to draft', () => {
    expect(code(nextState(policyVersionWorkflow, 'review', 'return_to_draft', { roles: ['HR'] }))).toBe('draft');
    expect(availableActions(policyVersionWorkflow, 'review', { ...reviewer, effectiveFrom: '2026-01-01' })).toEqual(['return_to_draft', 'publish']);
  });
});
