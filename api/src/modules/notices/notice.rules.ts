import { noticeAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules of notices: reading signed in (rows scoped in SQL), writing HR, reading and acknowledging the recipient (checked by the service). */
export const noticeRules: Record<string, Record<string, IRule>> = {
  Query: fields(['notices', 'notice'], isAuthenticated),
  Mutation: {
    ...fields(['saveNotice', 'publishNotice', 'withdrawNotice'], hasAnyRole('HR')),
    ...fields(['readNotice', 'acknowledgeNotice'], isAuthenticated),
  },
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
const hrOnly = anyRole('HR');

export const noticeGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(noticeAccess, { what: 'notice' }),
  typeGuards('NoticeConnection', page, signedIn),
  typeGuards('NoticeEdge', ['cursor', 'node'], signedIn),
  // Parts of guarded fields: the receipt is read through `myReceipt` (the recipient), the audience and reach through HR's fields.
  typeGuards('NoticeReceipt', ['deliveredAt', 'readAt', 'acknowledgedAt'], signedIn),
  typeGuards('Audience', ['kind', 'departmentIds', 'positionIds', 'roles', 'employeeIds'], hrOnly),
  typeGuards('NoticeReachRow', ['departmentId', 'departmentName', 'departmentNameZh', 'recipients', 'delivered', 'read', 'acknowledged', 'readPercent', 'acknowledgedPercent'], hrOnly),
);
