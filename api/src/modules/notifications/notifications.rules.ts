import { notificationAccess } from '@appraisal/domain';
import { type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules: anyone signed in lists and marks their own notifications; HR sends a cycle's reminders. */
export const notificationRules: Record<string, Record<string, IRule>> = {
  Query: { myNotifications: isAuthenticated },
  Mutation: { markNotificationRead: isAuthenticated, sendReminders: hasAnyRole('HR') },
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;

export const notificationGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(notificationAccess, { what: 'notification' }),
  // The updated time follows the row like createdAt (a notification changes only when it is read).
  { Notification: { updatedAt: guardsFromAccess(notificationAccess, { what: 'notification' }).Notification?.createdAt as FieldGuardTree[string][string] } },
  typeGuards('NotificationConnection', page, signedIn),
  typeGuards('NotificationEdge', ['cursor', 'node'], signedIn),
  // Items are read through a notification, whose own guard already limits them to the recipient.
  typeGuards('ReminderItem', ['key', 'kind', 'reason', 'due', 'workingDaysLeft', 'appraisalId', 'cycleName', 'subjectName'], signedIn),
  typeGuards('ReminderRun', ['notifications', 'items', 'pending'], signedIn),
);
