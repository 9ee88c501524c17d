import { appraisalAccess, ratingAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';
import { withoutFields } from './cycles.rules.js';

/** Shield rules of appraisal and rating operations: signed in; the services decide per row (rater, window, scope). */
export const appraisalRules: Record<string, Record<string, IRule>> = {
  Query: fields(['appraisals', 'myAppraisals', 'appraisal', 'myRatingTasks', 'previewRating'], isAuthenticated),
  Mutation: { ...fields(['saveRating', 'submitRating', 'saveSelfReview', 'submitSelfReview', 'changeRater'], isAuthenticated), returnRating: hasAnyRole('HR'), closeRatingPhase: hasAnyRole('HR') },
};

/** Fields of the domain's policies that land with part 2 (pay, calibration, acknowledgement, forms, ...). */
const APPRAISAL_LATER = new Set(['deadlines', 'myRatings', 'gradeLabel', 'raters', 'missingRatings', 'resultRecord', 'excludedReason']);
const RATING_LATER = new Set(['sectionName', 'sectionScore', 'form', 'window']);

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;

export const appraisalGuards: FieldGuardTree = mergeGuards(
  withoutFields(guardsFromAccess(appraisalAccess, { what: 'appraisal' }), 'Appraisal', APPRAISAL_LATER),
  // The ratings on an appraisal are filtered per row by the rating policies; the list itself follows the row.
  typeGuards('Appraisal', ['ratings'], signedIn),
  // When the rating slot was created: read with the slot (the domain names updatedAt; createdAt follows it).
  { Rating: { createdAt: guardsFromAccess(ratingAccess, { what: 'rating' }).Rating?.updatedAt as FieldGuardTree[string][string] } },
  withoutFields(guardsFromAccess(ratingAccess, { what: 'rating' }), 'Rating', RATING_LATER),
  typeGuards('AppraisalConnection', page, signedIn),
  typeGuards('AppraisalEdge', ['cursor', 'node'], signedIn),
  typeGuards('RatingConnection', page, signedIn),
  typeGuards('RatingEdge', ['cursor', 'node'], signedIn),
  typeGuards('Cycle', ['ratingClose'], anyRole('HR')),
  typeGuards('RatingPhaseClose', ['status', 'progress', 'closedAt'], anyRole('HR')),
  typeGuards('RatingProgress', ['expected', 'submitted'], signedIn),
  typeGuards('RatingPreview', ['items', 'missing', 'sectionScore', 'issues'], signedIn),
);
