import { hasRole, type Actor } from './actor.js';
import { sameFor, type FieldPolicy, type ResourceAccess } from './access.js';
import type { SubjectRatingVisibility, SupervisorResultVisibility } from './appraisal-access.js';
import { asLineSupervisor, asSubject, factCombinations, narrowAccess, type SubjectRelation } from './facts.js';

/** States of a rating row (workflow/rating.ts). */
export type RatingRowState = 'pending' | 'draft' | 'submitted' | 'returned' | 'reassigned';

/** What one rating row tells about its relation to the actor, computed in SQL per row. */
export interface RatingFacts {
  /** The appraised person relative to the actor. */
  subject: SubjectRelation;
  /** The actor is this rating's rater. */
  actorIsRater: boolean;
  state: RatingRowState;
  published: boolean;
  supervisorResult: SupervisorResultVisibility;
  subjectRatings: SubjectRatingVisibility;
  /** The scheme lets the appraised person see who rated them. */
  subjectRaterNames: boolean;
}

/**
 * Which ratings an actor may list. HR: all. Others, combined with OR in SQL: the ratings they fill (myRatingTasks),
 * ratings of their line (SUPERVISOR), and ratings of their own appraisals once published (contents per field).
 * Example: ratingRowScope({ userId: 'u', employeeId: 'e', roles: ['EMPLOYEE'] }) -> { kind: 'some', employeeId: 'e', asRater: true, line: false, ownPublished: true }
 */
export type RatingRowScope = { kind: 'all' } | { kind: 'some'; employeeId: string; asRater: boolean; line: boolean; ownPublished: boolean } | { kind: 'none' };

export function ratingRowScope(actor: Actor): RatingRowScope {
  if (hasRole(actor, 'HR')) return { kind: 'all' };
  if (!actor.employeeId || !hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE')) return { kind: 'none' };
  return { kind: 'some', employeeId: actor.employeeId, asRater: true, line: hasRole(actor, 'SUPERVISOR'), ownPublished: hasRole(actor, 'EMPLOYEE', 'SUPERVISOR') };
}

function ratingFactClasses(actor: Actor): RatingFacts[] {
  const scope = ratingRowScope(actor);
  if (scope.kind === 'none') return [];
  const all = factCombinations<RatingFacts>({
    subject: ['self', 'line', 'other'],
    actorIsRater: [true, false],
    state: ['pending', 'draft', 'submitted', 'returned', 'reassigned'],
    published: [true, false],
    supervisorResult: ['never', 'afterPublication', 'always'],
    subjectRatings: ['hidden', 'scores', 'scoresAndComments'],
    subjectRaterNames: [true, false],
  });
  if (scope.kind === 'all') return all;
  return all.filter((f) => (scope.asRater && f.actorIsRater) || (scope.line && f.subject === 'line') || (scope.ownPublished && f.subject === 'self' && f.published));
}

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
const isRater = (actor: Actor, f: RatingFacts): boolean => f.actorIsRater && actor.employeeId !== null;
/** Judgement that has been handed in: drafts stay private to their rater, even from HR (HR sees their state). */
const handedIn = (f: RatingFacts): boolean => f.state === 'submitted' || f.state === 'returned';
const lineSees = (actor: Actor, f: RatingFacts): boolean =>
  asLineSupervisor(actor, f.subject) && handedIn(f) && (f.supervisorResult === 'always' || (f.supervisorResult === 'afterPublication' && f.published));
/** The appraised person, after publication, a submitted rating the scheme shows them. */
const subjectSees = (actor: Actor, f: RatingFacts): boolean => asSubject(actor, f.subject) && !f.actorIsRater && f.published && f.state === 'submitted' && f.subjectRatings !== 'hidden';

/** Which rating exists for which section and role, and its state: HR, the rater, the line (to chase raters), the subject when shown. */
const readsSlot: FieldPolicy<RatingFacts> = (actor, f) => isHR(actor) || isRater(actor, f) || asLineSupervisor(actor, f.subject) || subjectSees(actor, f);
/** Who the rater is: as above, but the subject only when the scheme names raters to them (peer anonymity). */
const readsRater: FieldPolicy<RatingFacts> = (actor, f) => isHR(actor) || isRater(actor, f) || asLineSupervisor(actor, f.subject) || (subjectSees(actor, f) && f.subjectRaterNames);
/** Scores: the rater always; HR once handed in; the line with the result; the subject after publication if shown. */
const readsScores: FieldPolicy<RatingFacts> = (actor, f) => isRater(actor, f) || (isHR(actor) && handedIn(f)) || lineSees(actor, f) || subjectSees(actor, f);
/** Comments: as scores, but the subject only when the scheme shows comments. */
const readsComments: FieldPolicy<RatingFacts> = (actor, f) =>
  isRater(actor, f) || (isHR(actor) && handedIn(f)) || lineSees(actor, f) || (subjectSees(actor, f) && f.subjectRatings === 'scoresAndComments');
/** Why HR returned or reassigned it: HR and the rater. */
const readsHandling: FieldPolicy<RatingFacts> = (actor, f) => isHR(actor) || isRater(actor, f);

/** Fields of the Rating GraphQL type, grouped by policy. */
export const RATING_FIELDS = {
  slot: ['id', 'appraisal', 'section', 'sectionName', 'role', 'state', 'submittedAt', 'updatedAt', 'version'],
  rater: ['rater'],
  scores: ['items', 'sectionScore', 'form'],
  comments: ['comment', 'itemComments'],
  handling: ['returnReason', 'window'],
} as const;

/**
 * Field access of the Rating type: the rater reads and edits their own form; drafts are theirs alone; HR reads
 * handed-in contents; the appraised person only after publication and only what the scheme shows; supervisors
 * of the line with the result.
 * Example: ratingAccess.fields.items(hrActor, { state: 'draft', ... }) -> false
 */
export const ratingAccess: ResourceAccess<RatingFacts> = {
  typeName: 'Rating',
  factClasses: ratingFactClasses,
  fields: {
    ...sameFor(RATING_FIELDS.slot, readsSlot),
    ...sameFor(RATING_FIELDS.rater, readsRater),
    ...sameFor(RATING_FIELDS.scores, readsScores),
    ...sameFor(RATING_FIELDS.comments, readsComments),
    ...sameFor(RATING_FIELDS.handling, readsHandling),
  },
};

/** The rows of `myRatingTasks`: ratings the actor fills. Example: readableOnEveryRow(ratingTaskAccess, employeeActor, 'state') -> true */
export const ratingTaskAccess: ResourceAccess<RatingFacts> = narrowAccess(ratingAccess, 'Rating', (f) => f.actorIsRater);
