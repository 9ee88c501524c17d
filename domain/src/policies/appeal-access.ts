import { hasRole, type Actor } from './actor.js';
import { sameFor, type FieldPolicy, type ResourceAccess } from './access.js';
import { asSubject, factCombinations, type SubjectRelation } from './facts.js';

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
const person = (actor: Actor): boolean => actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE', 'HR', 'APPROVER');

// ---- Appeals -------------------------------------------------------------------------------------------------

/** What one appeal row is to the actor. */
export interface AppealFacts {
  /** The actor filed it. */
  appellant: boolean;
  /** HR assigned the actor to handle it (a supervisor, or a committee member where the scheme lets the committee handle). */
  assigned: boolean;
  /** The actor is a rater HR asked for a statement on it. */
  statementAsked: boolean;
}

/** Fields of the Appeal GraphQL type, grouped by policy. */
export const APPEAL_FIELDS = {
  status: ['id', 'target', 'state', 'filedOn', 'windowCloses', 'dueOn', 'flags', 'decidedAt', 'closedAt', 'version', 'createdAt', 'updatedAt'],
  contents: ['grounds', 'attachments', 'appellant'],
  decision: ['outcome', 'reason', 'correction', 'previousResult', 'newResult'],
  handling: ['notes', 'statements', 'handlers'],
  withdrawal: ['withdrawnAt', 'withdrawalReason'],
} as const;

/**
 * Which appeals an actor may list: HR all; others (OR in SQL) the ones they filed, the ones HR assigned them, and —
 * for raters asked for a statement — only through the StatementRequest type, never the appeal list.
 * Example: appealRowScope(committeeActor) -> { kind: 'some', own: false, assigned: true }
 */
export function appealRowScope(actor: Actor): { kind: 'all' } | { kind: 'some'; own: boolean; assigned: boolean } | { kind: 'none' } {
  if (isHR(actor)) return { kind: 'all' };
  const own = actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR');
  const assigned = actor.employeeId !== null && hasRole(actor, 'SUPERVISOR', 'COMMITTEE');
  return own || assigned ? { kind: 'some', own, assigned } : { kind: 'none' };
}

const appellantOf = (actor: Actor, f: AppealFacts): boolean => f.appellant && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR');
const assignedTo = (actor: Actor, f: AppealFacts): boolean => f.assigned && hasRole(actor, 'SUPERVISOR', 'COMMITTEE', 'HR');

const readsStatus: FieldPolicy<AppealFacts> = (actor, f) => isHR(actor) || appellantOf(actor, f) || assignedTo(actor, f);
/** Contents (grounds, attachments): the appellant, HR and those HR assigns. Never the committee as such, never a rater. */
const readsContents: FieldPolicy<AppealFacts> = readsStatus;
/** Internal handling (notes, statements, who handles): HR and the assigned handlers. */
const readsHandling: FieldPolicy<AppealFacts> = (actor, f) => isHR(actor) || assignedTo(actor, f);

/**
 * Field access of Appeal. The appellant sees status, contents and the decision of their own appeals only; handlers HR
 * assigns see the appeal and its handling; a rater asked for a statement reads the StatementRequest (question and
 * the excerpt HR shared), not the appeal; the committee sees nothing unless assigned.
 * Example: appealAccess.fields.grounds(committeeActor, { appellant: false, assigned: false, statementAsked: false }) -> false
 */
export const appealAccess: ResourceAccess<AppealFacts> = {
  typeName: 'Appeal',
  factClasses: (actor) => {
    const scope = appealRowScope(actor);
    if (scope.kind === 'none') return [];
    const all = factCombinations<AppealFacts>({ appellant: [true, false], assigned: [true, false], statementAsked: [true, false] });
    return scope.kind === 'all' ? all : all.filter((f) => (scope.own && f.appellant) || (scope.assigned && f.assigned));
  },
  fields: {
    ...sameFor(APPEAL_FIELDS.status, readsStatus),
    ...sameFor(APPEAL_FIELDS.contents, readsContents),
    ...sameFor(APPEAL_FIELDS.decision, readsStatus),
    ...sameFor(APPEAL_FIELDS.handling, readsHandling),
    ...sameFor(APPEAL_FIELDS.withdrawal, readsStatus),
  },
};

/** Filing an appeal: the person concerned. Example: canFileAppeal(employeeActor, 'self') -> true */
export function canFileAppeal(actor: Actor, subject: SubjectRelation): boolean {
  return asSubject(actor, subject);
}

/** Assigning handlers, asking raters for statements, deciding and closing: HR. Example: canManageAppeals(committeeActor) -> false */
export function canManageAppeals(actor: Actor): boolean {
  return isHR(actor);
}

/** What one statement request is to the actor. */
export interface StatementRequestFacts {
  /** The actor is the rater asked. */
  asked: boolean;
  /** The actor handles the appeal (assigned). */
  handler: boolean;
}

/** Fields of the StatementRequest GraphQL type. */
export const STATEMENT_REQUEST_FIELDS = ['id', 'question', 'sharedExcerpt', 'dueOn', 'statement', 'answeredAt', 'rater', 'createdAt'] as const;

/**
 * Field access of StatementRequest: the rater asked, HR and the handlers. The rater sees the question and what HR
 * shared, and writes the statement. Example: statementRequestAccess.fields.question(raterActor, { asked: true, handler: false }) -> true
 */
export const statementRequestAccess: ResourceAccess<StatementRequestFacts> = {
  typeName: 'StatementRequest',
  factClasses: (actor) => {
    if (isHR(actor)) return factCombinations<StatementRequestFacts>({ asked: [true, false], handler: [true, false] });
    return person(actor) ? [{ asked: true, handler: false }, { asked: false, handler: true }, { asked: true, handler: true }] : [];
  },
  fields: sameFor(STATEMENT_REQUEST_FIELDS, (actor, f) => isHR(actor) || (person(actor) && (f.asked || f.handler))),
};

// ---- Archives ------------------------------------------------------------------------------------------------

/** What one person's archive is to the actor. */
export interface ArchiveFacts {
  subject: SubjectRelation;
}

/** Fields of the Archive GraphQL type (the employee page's Archive tab). */
export const ARCHIVE_FIELDS = {
  events: ['employee', 'events'],
  management: ['lastExport'],
} as const;

/**
 * Field access of the per-person Archive: HR reads and exports everyone's; a person reads their own history (their
 * appeals' status and outcome, not handling notes, which stay on the Appeal type); supervisors and the committee do
 * not (the archive holds pay). Example: archiveAccess.fields.events(supervisorActor, { subject: 'line' }) -> false
 */
export const archiveAccess: ResourceAccess<ArchiveFacts> = {
  typeName: 'Archive',
  factClasses: (actor) => (isHR(actor) ? factCombinations<ArchiveFacts>({ subject: ['self', 'line', 'other'] }) : person(actor) ? [{ subject: 'self' }] : []),
  fields: {
    ...sameFor(ARCHIVE_FIELDS.events, (actor, f) => isHR(actor) || asSubject(actor, f.subject)),
    ...sameFor(ARCHIVE_FIELDS.management, (actor) => isHR(actor)),
  },
};

/** Exporting archives, setting retention and purging: HR. Example: canManageArchives(hrActor) -> true */
export function canManageArchives(actor: Actor): boolean {
  return isHR(actor);
}
