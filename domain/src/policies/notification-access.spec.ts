import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { canMarkNotificationRead, NOTIFICATION_FIELDS, notificationAccess, notificationRowScope } from './notification-access.js';

const employee: Actor = { userId: 'u1', employeeId: 'e1', roles: ['EMPLOYEE'] };
const hr: Actor = { userId: 'u2', employeeId: 'e2', roles: ['HR'] };
const admin: Actor = { userId: 'u3', employeeId: null, roles: ['ADMIN'] };

describe('notification access', () => {
  it('lets only the recipient read every field, HR included', () => {
    for (const field of NOTIFICATION_FIELDS) {
      expect(notificationAccess.fields[field]?.(employee, { own: true })).toBe(true);
      expect(notificationAccess.fields[field]?.(hr, { own: false })).toBe(false);
      expect(notificationAccess.fields[field]?.(admin, { own: true })).toBe(false);
    }
  });

  it('scopes lists to the person and marks read only their own', () => {
    expect(notificationRowScope(employee)).toEqual({ kind: 'own', employeeId: 'e1' });
    expect(notificationRowScope(admin)).toEqual({ kind: 'none' });
    expect(notificationAccess.factClasses(admin)).toEqual([]);
    expect(canMarkNotificationRead(hr, { own: false })).toBe(false);
    expect(canMarkNotificationRead(employee, { own: true })).toBe(true);
  });
});
