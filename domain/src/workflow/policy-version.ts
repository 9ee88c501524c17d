import { isCalendarDate, type IsoDate } from '../calendar/dates.js';
import { defineWorkflow, type WorkflowContext, type WorkflowGuard } from './engine.js';
import { allGuards, missingFact, requireTrue } from './guards.js';

/** States of a policy (regulation) version. */
export const POLICY_VERSION_STATES = ['draft', 'review', 'published', 'superseded'] as const;
/** A policy version state. */
export type PolicyVersionState = (typeof POLICY_VERSION_STATES)[number];
/** Actions on a policy version. */
export const POLICY_VERSION_ACTIONS = ['submit_for_review', 'return_to_draft', 'publish', 'supersede'] as const;
/** A policy version action. */
export type PolicyVersionAction = (typeof POLICY_VERSION_ACTIONS)[number];

/** Facts the policy version guards read. */
export interface PolicyVersionContext extends WorkflowContext {
  actorId?: string;
  authorId?: string;
  effectiveFrom?: IsoDate;
  /** A later version of the same policy has been published. */
  hasNewerPublishedVersion?: boolean;
}

const hasEffectiveDate: WorkflowGuard<PolicyVersionContext> = (ctx) =>
  ctx.effectiveFrom && isCalendarDate(ctx.effectiveFrom) ? null : { code: 'policy_effective_date', message: 'a published version needs an effective date' };

// A regulation is published by someone other than its author (four eyes).
const notAuthor: WorkflowGuard<PolicyVersionContext> = (ctx) => {
  if (!ctx.actorId) return missingFact('actorId');
  if (!ctx.authorId) return missingFact('authorId');
  return ctx.actorId === ctx.authorId ? { code: 'policy_self_publish', message: 'the author cannot publish their own version' } : null;
};

/**
 * A policy version: draft -> review -> published -> superseded (review may send it back to draft).
 * Example: nextState(policyVersionWorkflow, 'review', 'publish', { roles: ['HR'], actorId: 'u2', authorId: 'u1', effectiveFrom: '2026-01-01' }) -> { ok: true, to: 'published' }
 */
export const policyVersionWorkflow = defineWorkflow<PolicyVersionState, PolicyVersionAction, PolicyVersionContext>({
  name: 'policyVersion',
  states: POLICY_VERSION_STATES,
  initial: 'draft',
  transitions: [
    { from: 'draft', action: 'submit_for_review', to: 'review', roles: ['HR'] },
    { from: 'review', action: 'return_to_draft', to: 'draft', roles: ['HR'] },
    { from: 'review', action: 'publish', to: 'published', roles: ['HR'], guard: allGuards(hasEffectiveDate, notAuthor) },
    {
      from: 'published',
      action: 'supersede',
      to: 'superseded',
      roles: ['HR'],
      guard: requireTrue<PolicyVersionContext>('hasNewerPublishedVersion', 'policy_no_newer_version', 'only a newer published version supersedes this one'),
    },
  ],
});
