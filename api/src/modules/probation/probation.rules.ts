import { probationAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

const isHR = hasAnyRole('HR');

/** Shield rules of the probation operations: HR lists who is due and decides; a review is read per its row scope. */
export const probationRules: Record<string, Record<string, IRule>> = {
  Query: { probationsDue: isHR, probationReview: isAuthenticated },
  Mutation: fields(['startProbationReview', 'decideProbation'], isHR),
};

export const probationGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(probationAccess, { what: 'probation review' }),
  typeGuards('ProbationDue', ['employee', 'probationEndDate', 'daysLeft', 'overdue', 'reviewOpen', 'review'], anyRole('HR')),
);
