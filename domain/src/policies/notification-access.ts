import { hasRole, type Actor } from './actor.js';
import { sameFor, type ResourceAccess } from './access.js';

/** What one notification is to the actor: addressed to them or not (a notification is private, HR included). */
export interface NotificationFacts {
  own: boolean;
}

const person = (actor: Actor): boolean => actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE', 'HR', 'APPROVER');

/** Which notifications an actor may list: their own, when they are a person. Example: notificationRowScope(adminWithoutEmployee) -> { kind: 'none' } */
export function notificationRowScope(actor: Actor): { kind: 'own'; employeeId: string } | { kind: 'none' } {
  return person(actor) && actor.employeeId ? { kind: 'own', employeeId: actor.employeeId } : { kind: 'none' };
}

/** Fields of the Notification GraphQL type. */
export const NOTIFICATION_FIELDS = ['id', 'kind', 'payload', 'items', 'createdAt', 'sentAt', 'readAt', 'version'] as const;

/**
 * Field access of Notification (a reminder of open tasks, written by the reminder job): only the recipient.
 * Example: notificationAccess.fields.payload(hrActor, { own: false }) -> false
 */
export const notificationAccess: ResourceAccess<NotificationFacts> = {
  typeName: 'Notification',
  factClasses: (actor) => (person(actor) ? [{ own: true }] : []),
  fields: sameFor(NOTIFICATION_FIELDS, (actor, f) => f.own && person(actor)),
};

/** Marking a notification read: the recipient only. Example: canMarkNotificationRead(employeeActor, { own: false }) -> false */
export function canMarkNotificationRead(actor: Actor, facts: NotificationFacts): boolean {
  return facts.own && person(actor);
}
