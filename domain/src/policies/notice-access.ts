import { hasRole, type Actor } from './actor.js';
import { sameFor, type ResourceAccess } from './access.js';
import { factCombinations } from './facts.js';

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
const person = (actor: Actor): boolean => actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE', 'HR', 'APPROVER');

// ---- Notices -------------------------------------------------------------------------------------------------

/** What one notice row is to the actor. */
export interface NoticeFacts {
  /** The actor is among the notice's recipients. */
  recipient: boolean;
  /** Published and its time has come (live or expired); drafts, scheduled and withdrawn notices are HR's. */
  visible: boolean;
}

/** Fields of the Notice GraphQL type. */
export const NOTICE_FIELDS = {
  content: ['id', 'title', 'body', 'pinned', 'visibleFrom', 'expiresAt', 'requiresAcknowledgement', 'myReceipt', 'template'],
  management: ['audience', 'status', 'publishAt', 'publishedAt', 'reach', 'createdBy', 'withdrawnAt', 'version', 'createdAt', 'updatedAt'],
} as const;

/** Which notices an actor may list: HR all; people those addressed to them once visible. Example: noticeRowScope(employeeActor) -> { kind: 'received' } */
export function noticeRowScope(actor: Actor): { kind: 'all' } | { kind: 'received' } | { kind: 'none' } {
  if (isHR(actor)) return { kind: 'all' };
  return person(actor) ? { kind: 'received' } : { kind: 'none' };
}

/**
 * Field access of Notice: recipients read the content of visible notices; audience, schedule and reach are HR's.
 * Example: noticeAccess.fields.reach(employeeActor, { recipient: true, visible: true }) -> false
 */
export const noticeAccess: ResourceAccess<NoticeFacts> = {
  typeName: 'Notice',
  factClasses: (actor) => {
    const scope = noticeRowScope(actor);
    if (scope.kind === 'none') return [];
    const all = factCombinations<NoticeFacts>({ recipient: [true, false], visible: [true, false] });
    return scope.kind === 'all' ? all : all.filter((f) => f.recipient && f.visible);
  },
  fields: {
    ...sameFor(NOTICE_FIELDS.content, (actor, f) => isHR(actor) || (person(actor) && f.recipient && f.visible)),
    ...sameFor(NOTICE_FIELDS.management, (actor) => isHR(actor)),
  },
};

/** Composing, scheduling, withdrawing notices and reading their reach. Example: canManageNotices(supervisorActor) -> false */
export function canManageNotices(actor: Actor): boolean {
  return isHR(actor);
}
