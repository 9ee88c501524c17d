import { appealAccess, statementRequestAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/**
 * Shield rules of appeals: reading signed in (rows scoped in SQL by `appealRowScope`), filing by appraised people,
 * handling by HR and the handlers HR assigns (checked by the service), assigning / closing and the desk HR's.
 */
export const appealRules: Record<string, Record<string, IRule>> = {
  Query: {
    ...fields(['appeals', 'appeal', 'myStatementRequests'], isAuthenticated),
    appealDashboard: hasAnyRole('HR'),
  },
  Mutation: {
    fileAppeal: hasAnyRole('EMPLOYEE', 'SUPERVISOR'),
    ...fields(['assignAppealHandler', 'closeAppeal', 'runAppealFlags'], hasAnyRole('HR')),
    ...fields(['startAppealReview', 'addAppealNote', 'requestStatement', 'decideAppeal'], hasAnyRole('HR', 'SUPERVISOR', 'COMMITTEE')),
    ...fields(['withdrawAppeal', 'answerStatement'], isAuthenticated),
  },
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;

export const appealGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(appealAccess, { what: 'appeal' }),
  guardsFromAccess(statementRequestAccess, { what: 'statement request' }),
  typeGuards('AppealConnection', page, signedIn),
  typeGuards('AppealEdge', ['cursor', 'node'], signedIn),
  // Parts of an appeal read through its guarded fields (target, flags, attachments, notes, handlers, results).
  typeGuards('AppealTarget', ['kind', 'appraisalId', 'ledgerEntryId', 'cycleName', 'periodKey'], signedIn),
  typeGuards('AppealFlags', ['overdue', 'nearDue', 'workingDaysLeft'], signedIn),
  typeGuards('AppealAttachment', ['name', 'contentType', 'size', 'sha256'], signedIn),
  typeGuards('AppealNote', ['id', 'text', 'author', 'createdAt'], signedIn),
  typeGuards('AppealHandler', ['name', 'role', 'assignedAt'], signedIn),
  typeGuards('AppealResultVersion', ['number', 'total', 'grade', 'payTotal'], signedIn),
  typeGuards('AppealDashboard', ['open', 'overdue', 'nearDue', 'decided'], anyRole('HR')),
);
