import { hasRole, type Actor } from './actor.js';
import { sameFor, type FieldPolicy, type ResourceAccess } from './access.js';
import { asLineSupervisor, asSubject, factCombinations, narrowAccess, type SubjectRelation } from './facts.js';

/** When supervisors up the line see results of their line (the scheme's visibility; default afterPublication). */
export type SupervisorResultVisibility = 'never' | 'afterPublication' | 'always';
/** What the appraised employee sees of each rater's form after publication (default scoresAndComments). */
export type SubjectRatingVisibility = 'hidden' | 'scores' | 'scoresAndComments';

/** The scheme visibility a row carries, copied onto the cycle at creation from the pinned version (absent = defaults). */
export interface VisibilityFacts {
  supervisorResult: SupervisorResultVisibility;
  supervisorPay: boolean;
  subjectRatings: SubjectRatingVisibility;
}

/** Defaults when a scheme states no visibility: supervisors see results after publication and no pay; employees see scores and comments. */
export const DEFAULT_VISIBILITY: VisibilityFacts = { supervisorResult: 'afterPublication', supervisorPay: false, subjectRatings: 'scoresAndComments' };

/** The visibility facts of a scheme document's optional block. Example: visibilityFacts(undefined) -> DEFAULT_VISIBILITY */
export function visibilityFacts(v: { supervisor: { result: SupervisorResultVisibility; pay: boolean }; subject: { ratings: SubjectRatingVisibility } } | undefined): VisibilityFacts {
  return v ? { supervisorResult: v.supervisor.result, supervisorPay: v.supervisor.pay, subjectRatings: v.subject.ratings } : DEFAULT_VISIBILITY;
}

/**
 * What one appraisal row tells about its relation to the actor, computed in SQL per row: the appraised person's
 * relation, whether the actor holds a rating slot on it, whether its result is published, and the scheme's visibility.
 */
export interface AppraisalFacts extends VisibilityFacts {
  subject: SubjectRelation;
  actorIsRater: boolean;
  published: boolean;
}

/**
 * Which appraisals an actor may list. HR: all. Others, combined with OR in SQL: their own appraisals, those of
 * their reporting line (SUPERVISOR), those they rate, and for COMMITTEE every published one (honours).
 * ADMIN manages the system, not appraisals: no rows.
 * Example: appraisalRowScope({ userId: 'u', employeeId: 'e', roles: ['EMPLOYEE'] }) -> { kind: 'some', employeeId: 'e', own: true, line: false, asRater: true, publishedAll: false }
 */
export type AppraisalRowScope =
  | { kind: 'all' }
  | { kind: 'some'; employeeId: string | null; own: boolean; line: boolean; asRater: boolean; publishedAll: boolean }
  | { kind: 'none' };

export function appraisalRowScope(actor: Actor): AppraisalRowScope {
  if (hasRole(actor, 'HR')) return { kind: 'all' };
  const committee = hasRole(actor, 'COMMITTEE');
  const person = actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE');
  if (!person && !committee) return { kind: 'none' };
  return {
    kind: 'some',
    employeeId: actor.employeeId,
    own: actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR'),
    line: actor.employeeId !== null && hasRole(actor, 'SUPERVISOR'),
    asRater: person,
    publishedAll: committee,
  };
}

const VIS = {
  supervisorResult: ['never', 'afterPublication', 'always'] as const,
  supervisorPay: [true, false] as const,
  subjectRatings: ['hidden', 'scores', 'scoresAndComments'] as const,
};

/** Every kind of appraisal row the actor's scope can contain (see ResourceAccess.factClasses). */
function appraisalFactClasses(actor: Actor): AppraisalFacts[] {
  const scope = appraisalRowScope(actor);
  if (scope.kind === 'none') return [];
  const all = factCombinations<AppraisalFacts>({ subject: ['self', 'line', 'other'], actorIsRater: [true, false], published: [true, false], ...VIS });
  if (scope.kind === 'all') return all;
  return all.filter((f) => {
    if (f.subject === 'self' && scope.own) return true;
    if (f.subject === 'line' && scope.line) return true;
    // Anything else is visible only because the actor rates it or, for the committee, because it is published.
    return (scope.asRater && f.actorIsRater) || (scope.publishedAll && f.published);
  });
}

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');

/** A supervisor up the line sees the result when the scheme allows it: always, or after publication. */
const lineSeesResult = (actor: Actor, f: AppraisalFacts): boolean =>
  asLineSupervisor(actor, f.subject) && (f.supervisorResult === 'always' || (f.supervisorResult === 'afterPublication' && f.published));

/** The appraised employee sees their result only after publication (before: FORBIDDEN, not null). */
const subjectSeesResult = (actor: Actor, f: AppraisalFacts): boolean => asSubject(actor, f.subject) && f.published;

/** Row-level read: anyone whose scope holds the row (the row scope is the real limit; this keeps the field rule honest). */
const seesRow: FieldPolicy<AppraisalFacts> = (actor, f) =>
  isHR(actor) || asSubject(actor, f.subject) || asLineSupervisor(actor, f.subject) || (f.actorIsRater && actor.employeeId !== null) || (hasRole(actor, 'COMMITTEE') && f.published);

/** Work on the appraisal (self-review text, deadlines, progress): HR, the appraised person, the line, its raters; not the committee as such. */
const takesPartIn: FieldPolicy<AppraisalFacts> = (actor, f) => isHR(actor) || asSubject(actor, f.subject) || asLineSupervisor(actor, f.subject) || (f.actorIsRater && actor.employeeId !== null);

/** Total, grade, explanation: HR; the subject after publication; the line per the scheme; the committee after publication (honours). */
const readsResult: FieldPolicy<AppraisalFacts> = (actor, f) => isHR(actor) || subjectSeesResult(actor, f) || lineSeesResult(actor, f) || (hasRole(actor, 'COMMITTEE') && f.published);

/**
 * Roll-ups of the appraisal's period (the quarter computed from its months...): as rollupAccess reads them — HR; the
 * subject after publication; the line per the scheme. Not the committee (honours read appraisals, not roll-ups).
 */
const readsRollup: FieldPolicy<AppraisalFacts> = (actor, f) => isHR(actor) || subjectSeesResult(actor, f) || lineSeesResult(actor, f);

/** Pay: HR; the subject after publication; the line only when the scheme lets supervisors see pay and the result. The committee never. */
const readsPay: FieldPolicy<AppraisalFacts> = (actor, f) => isHR(actor) || subjectSeesResult(actor, f) || (f.supervisorPay && lineSeesResult(actor, f));

/** Rater comments gathered on the appraisal: HR; the subject after publication if the scheme shows comments; the line with the result. */
const readsComments: FieldPolicy<AppraisalFacts> = (actor, f) => isHR(actor) || (subjectSeesResult(actor, f) && f.subjectRatings === 'scoresAndComments') || lineSeesResult(actor, f);

/** Calibration history (engine grade, changes and reasons), missing raters at close, who rates: HR, and for who rates also the line. */
const hrOnly: FieldPolicy<AppraisalFacts> = (actor) => isHR(actor);
const hrOrLine: FieldPolicy<AppraisalFacts> = (actor, f) => isHR(actor) || asLineSupervisor(actor, f.subject);

/** The acknowledgement (state, date, refusal reason): HR, the subject and the line, once published. */
const readsAcknowledgement: FieldPolicy<AppraisalFacts> = (actor, f) => isHR(actor) || ((asSubject(actor, f.subject) || asLineSupervisor(actor, f.subject)) && f.published);

/** Fields of the Appraisal GraphQL type, grouped by policy (every field is named). */
export const APPRAISAL_FIELDS = {
  // publishedAt tells only that the result is out, as `state` and the cycle's own publishedAt already do.
  row: ['id', 'cycle', 'employee', 'state', 'version', 'createdAt', 'updatedAt', 'publishedAt'],
  work: ['selfReview', 'selfReviewSubmittedAt', 'deadlines', 'ratingProgress', 'myRatings'],
  result: ['total', 'grade', 'gradeLabel', 'explanation'],
  rollup: ['rollup'],
  pay: ['pay', 'payLines'],
  comments: ['raterComments'],
  acknowledgement: ['acknowledgement'],
  hrOrLine: ['raters', 'adjustments'],
  hr: ['engineGrade', 'gradeChanges', 'resultBasis', 'missingRatings', 'resultRecord', 'excludedReason'],
} as const;

/**
 * Field access of the Appraisal type. Employees see their total, grade, pay and comments only after publication
 * (before: FORBIDDEN); supervisors of the line per the scheme's visibility; raters outside the line see the work,
 * never the result; the committee sees published results, never pay.
 * Example: appraisalAccess.fields.total(employeeActor, { subject: 'self', published: false, ... }) -> false
 */
export const appraisalAccess: ResourceAccess<AppraisalFacts> = {
  typeName: 'Appraisal',
  factClasses: appraisalFactClasses,
  fields: {
    ...sameFor(APPRAISAL_FIELDS.row, seesRow),
    ...sameFor(APPRAISAL_FIELDS.work, takesPartIn),
    ...sameFor(APPRAISAL_FIELDS.result, readsResult),
    ...sameFor(APPRAISAL_FIELDS.rollup, readsRollup),
    ...sameFor(APPRAISAL_FIELDS.pay, readsPay),
    ...sameFor(APPRAISAL_FIELDS.comments, readsComments),
    ...sameFor(APPRAISAL_FIELDS.acknowledgement, readsAcknowledgement),
    ...sameFor(APPRAISAL_FIELDS.hrOrLine, hrOrLine),
    ...sameFor(APPRAISAL_FIELDS.hr, hrOnly),
  },
};

/** Who may add plus/minus entries and choose peers for an appraisal: HR, or a supervisor of the line. Example: canManageAppraisalInputs(supervisorActor, 'line') -> true */
export function canManageAppraisalInputs(actor: Actor, subject: SubjectRelation): boolean {
  return isHR(actor) || asLineSupervisor(actor, subject);
}

/** The rows of `myAppraisals`: the actor's own appraisals. Example: readableOnEveryRow(myAppraisalsAccess, employeeActor, 'total') -> false (unpublished ones exist) */
export const myAppraisalsAccess: ResourceAccess<AppraisalFacts> = narrowAccess(appraisalAccess, 'Appraisal', (f) => f.subject === 'self');

/**
 * Who may add or remove plus/minus entries on an appraisal: HR always; a supervisor of the line only when the
 * scheme lets supervisors enter them (`adjustments.lineSupervisorEntry`).
 * Example: canEnterAdjustments(supervisorActor, 'line', false) -> false
 */
export function canEnterAdjustments(actor: Actor, subject: SubjectRelation, lineSupervisorEntry: boolean): boolean {
  return isHR(actor) || (lineSupervisorEntry && asLineSupervisor(actor, subject));
}
