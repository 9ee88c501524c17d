import { hasRole, type Actor } from './actor.js';
import { sameFor, type ResourceAccess } from './access.js';
import { factCombinations } from './facts.js';

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
const person = (actor: Actor): boolean => actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE', 'HR', 'APPROVER');

// ---- Policies and their versions ------------------------------------------------------------------------------

/** What one policy version row is to the actor. */
export interface PolicyVersionFacts {
  /** Published or superseded (drafts and versions in review are HR's work). */
  published: boolean;
  /** The version's scope covers the actor's placement. */
  inScope: boolean;
}

/** Fields of the PolicyVersion GraphQL type (Policy exposes the same groups for its current version). */
export const POLICY_VERSION_FIELDS = {
  text: ['id', 'policy', 'number', 'title', 'body', 'effectiveFrom', 'scope', 'state', 'publishedAt', 'requiresAcknowledgement', 'myAcknowledgement', 'linkedSchemes', 'linkedLedgerRules'],
  tracking: ['acknowledgementStatus', 'acknowledged', 'pending', 'author', 'reviewer', 'version', 'createdAt', 'updatedAt'],
} as const;

/**
 * Which versions an actor may list: HR all; people the published versions whose scope covers them (the rules that
 * govern them). Example: policyVersionRowScope(employeeActor) -> { kind: 'publishedInScope' }
 */
export function policyVersionRowScope(actor: Actor): { kind: 'all' } | { kind: 'publishedInScope' } | { kind: 'none' } {
  if (isHR(actor)) return { kind: 'all' };
  return person(actor) ? { kind: 'publishedInScope' } : { kind: 'none' };
}

/**
 * Field access of PolicyVersion: the text of published versions to the people they govern; drafts, reviews and who
 * has or has not acknowledged to HR. Example: policyVersionAccess.fields.pending(supervisorActor, { published: true, inScope: true }) -> false
 */
export const policyVersionAccess: ResourceAccess<PolicyVersionFacts> = {
  typeName: 'PolicyVersion',
  factClasses: (actor) => {
    const scope = policyVersionRowScope(actor);
    if (scope.kind === 'none') return [];
    const all = factCombinations<PolicyVersionFacts>({ published: [true, false], inScope: [true, false] });
    return scope.kind === 'all' ? all : all.filter((f) => f.published && f.inScope);
  },
  fields: {
    ...sameFor(POLICY_VERSION_FIELDS.text, (actor, f) => isHR(actor) || (person(actor) && f.published && f.inScope)),
    ...sameFor(POLICY_VERSION_FIELDS.tracking, (actor) => isHR(actor)),
  },
};

/** Fields of the Policy GraphQL type: what its current version shows, plus HR's bookkeeping. */
export const POLICY_FIELDS = {
  text: ['id', 'code', 'currentVersion', 'versions'],
  management: ['version', 'createdAt', 'updatedAt'],
} as const;

/**
 * Field access of Policy: readable where its current (published) version is — by the people it governs — and always
 * by HR; facts are those of the current version (none published: `published: false`).
 * Example: policyAccess.fields.code(employeeActor, { published: true, inScope: false }) -> false
 */
export const policyAccess: ResourceAccess<PolicyVersionFacts> = {
  typeName: 'Policy',
  factClasses: policyVersionAccess.factClasses,
  fields: {
    ...sameFor(POLICY_FIELDS.text, (actor, f) => isHR(actor) || (person(actor) && f.published && f.inScope)),
    ...sameFor(POLICY_FIELDS.management, (actor) => isHR(actor)),
  },
};

/** Writing, reviewing, publishing policies and reminding about acknowledgements. Example: canManagePolicies(hrActor) -> true */
export function canManagePolicies(actor: Actor): boolean {
  return isHR(actor);
}

// ---- Inbox ---------------------------------------------------------------------------------------------------

/** What one inbox item is to the actor: theirs or not (an inbox is private, HR included). */
export interface InboxFacts {
  own: boolean;
}

/** Fields of the InboxItem GraphQL type. */
export const INBOX_ITEM_FIELDS = ['id', 'kind', 'taskKind', 'title', 'link', 'due', 'createdAt', 'readAt', 'doneAt'] as const;

/** Field access of InboxItem: only the recipient. Example: inboxItemAccess.fields.title(hrActor, { own: false }) -> false */
export const inboxItemAccess: ResourceAccess<InboxFacts> = {
  typeName: 'InboxItem',
  factClasses: (actor) => (person(actor) ? [{ own: true }] : []),
  fields: sameFor(INBOX_ITEM_FIELDS, (actor, f) => f.own && person(actor)),
};
