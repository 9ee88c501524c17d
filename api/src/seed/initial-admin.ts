import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../core/passwords.js';
import { Role } from '../core/roles.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { MIN_PASSWORD_LENGTH } from '../modules/auth/auth.service.js';
import { User } from '../modules/auth/user.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks an administrator's e-mail and password before anything is written; throws a readable Error. */
export function checkAdminCredentials(email: string, password: string): void {
  if (!EMAIL.test(email) || email.length > 200) throw new Error(`"${email}" is not an e-mail address.`);
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > 256) throw new Error('The password must have at most 256 characters.');
}

/**
 * Creates an ADMIN account. With `onlyIfEmpty` (INITIAL_ADMIN_EMAIL at start-up) nothing happens once
 * any account exists, so restarts and other replicas leave it alone. Returns whether it created one.
 */
export async function createInitialAdmin(rootEm: EntityManager, email: string, password: string, options: { onlyIfEmpty?: boolean; displayName?: string } = {}): Promise<boolean> {
  const { onlyIfEmpty = true, displayName = 'Administrator' } = options;
  const normalized = email.trim().toLowerCase();
  checkAdminCredentials(normalized, password);
  const em = rootEm.fork();
  if (onlyIfEmpty && (await em.count(User, {})) > 0) return false;
  if (await em.count(User, { email: normalized })) throw new Error(`An account with the e-mail ${normalized} exists already.`);
  const passwordHash = await hashPassword(password);
  try {
    await em.transactional(async (tx) => {
      const user = tx.create(User, { email: normalized, passwordHash, displayName, roles: [Role.ADMIN], employee: null, locale: 'en' });
      await tx.flush();
      recordAudit(tx, null, { operation: 'createAdmin', entityType: 'User', entityId: user.id, after: { email: normalized, roles: ['ADMIN'] } });
    });
  } catch (error) {
    // Another replica created it at the same moment.
    if (error instanceof UniqueConstraintViolationException && onlyIfEmpty) return false;
    throw error;
  }
  return true;
}
