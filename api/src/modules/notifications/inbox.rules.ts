import { inboxItemAccess } from '@appraisal/domain';
import { type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules of the inbox: every signed-in person has one; the read model only ever returns their own rows. */
export const inboxRules: Record<string, Record<string, IRule>> = {
  Query: fields(['myInbox', 'inboxCounts'], isAuthenticated),
  Mutation: { ...fields(['markRead', 'markAllRead'], isAuthenticated), sendReminders: hasAnyRole('HR') },
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;

export const inboxGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(inboxItemAccess, { what: 'inbox item' }),
  typeGuards('InboxItemConnection', page, signedIn),
  typeGuards('InboxItemEdge', ['cursor', 'node'], signedIn),
  // The link and the counts belong to the caller's own inbox (rows are scoped to the recipient in SQL).
  typeGuards('InboxLink', ['type', 'id'], signedIn),
  typeGuards('InboxCounts', ['unread', 'unreadNotices', 'openTasks', 'overdueTasks'], signedIn),
  // The run's counts are returned to HR, the only caller of sendReminders.
  typeGuards('ReminderRun', ['recipients', 'items', 'pending'], signedIn),
);
