import type { Actor, RoleName } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, signInContext } from '../../core/context.js';
import { type ReadDb, sql } from '../../core/db.js';
import { AppError, conflict, forbidden, notFound, unauthenticated } from '../../core/errors.js';
import { hashPassword, verifyPassword } from '../../core/passwords.js';
import type { TokenService } from '../../core/tokens.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { AuthSession } from './auth-session.entity.js';
import { requestAuth } from './request-auth.js';
import { clearAccountThrottle, recordSignInSuccess, reserveSignInAttempt } from './sign-in-throttle.js';
import { User } from './user.entity.js';

// Verifying against a real hash when the email is unknown keeps both failures equally slow.
let decoyHash: Promise<string> | undefined;

export const MIN_PASSWORD_LENGTH = 10;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Starts a session for the account and signs a token for it; the caller flushes `em`. */
async function startSession(em: EntityManager, tokens: TokenService, user: User): Promise<{ token: string; expiresAt: Date }> {
  const session = new AuthSession();
  session.user = user;
  session.expiresAt = new Date(Date.now() + tokens.ttlSeconds * 1000);
  em.persist(session);
  return { token: await tokens.issue(user.id, session.id, session.expiresAt), expiresAt: session.expiresAt };
}

/** Ends every open session of an account (password changed, account deactivated). */
async function revokeAllSessions(em: EntityManager, userId: string, reason: string): Promise<number> {
  const rows = await em.execute<Array<{ id: string }>>(
    `update auth_session set revoked_at = now(), revoked_reason = ? where user_id = ? and revoked_at is null returning id`,
    [reason, userId],
  );
  return rows.length;
}

export async function login(ctx: RequestContext, tokens: TokenService, email: string, password: string): Promise<LoginResult> {
  const normalized = normalizeEmail(email);
  const { address } = requestAuth(ctx);
  // Counted before the password is checked, for known and unknown e-mails alike.
  await reserveSignInAttempt(ctx.em, normalized, address);
  const user = await ctx.em.findOne(User, { email: normalized, active: true });
  decoyHash ??= hashPassword('decoy-password-for-timing');
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash, password), false);
  if (!user || !ok) {
    await ctx.em.transactional(async (em) => {
      recordAudit(em, ctx, { operation: 'loginFailed', entityType: 'User', entityId: user?.id ?? normalized.slice(0, 64), after: { email: normalized } });
    });
    throw new AppError('UNAUTHENTICATED', 'The email or password is wrong.');
  }
  const session = await ctx.em.transactional(async (em) => {
    await recordSignInSuccess(em, normalized, address);
    const started = await startSession(em, tokens, user);
    recordAudit(em, ctx, { operation: 'login', entityType: 'User', entityId: user.id, after: { email: normalized } });
    return started;
  });
  // The rest of this request (the payload's fields) is answered as the account that just signed in.
  signInContext(ctx, await loadActor(ctx.db, user.id));
  return { ...session, user };
}

/**
 * The actor behind a token, read on every request: one named statement through the read side (no
 * entity hydration), the account must still exist and be active.
 */
export async function loadActor(db: ReadDb, userId: string): Promise<Actor | null> {
  const rows = await db.rows<{ id: string; employee_id: string | null; roles: RoleName[] }>(
    sql`select id, employee_id, roles from app_user where id = ${userId} and active`,
  );
  const user = rows[0];
  return user ? { userId: user.id, employeeId: user.employee_id, roles: user.roles } : null;
}

export async function currentUser(ctx: RequestContext): Promise<User> {
  if (!ctx.actor) throw unauthenticated();
  const user = await ctx.em.findOne(User, { id: ctx.actor.userId });
  if (!user) throw unauthenticated();
  return user;
}

/** Ends the caller's session: the token stops working on every replica at once. */
export async function logout(ctx: RequestContext): Promise<boolean> {
  const { sessionId } = requestAuth(ctx);
  if (!ctx.actor || !sessionId) throw unauthenticated();
  const actor = ctx.actor;
  return inTransaction(ctx, async (em) => {
    await em.execute(`update auth_session set revoked_at = now(), revoked_reason = 'logout' where id = ? and revoked_at is null`, [sessionId], 'run');
    recordAudit(em, ctx, { operation: 'logout', entityType: 'User', entityId: actor.userId, after: { sessionId } });
    return true;
  });
}

function passwordProblems(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError('VALIDATION_FAILED', `newPassword: must have at least ${MIN_PASSWORD_LENGTH} characters.`, [
      { field: 'newPassword', rule: 'min_length', message: `must have at least ${MIN_PASSWORD_LENGTH} characters` },
    ], { min: MIN_PASSWORD_LENGTH });
}

/**
 * Changes the caller's password after checking the current one (counted like a sign-in), ends every
 * session of the account, and signs the caller in again with a new one.
 */
export async function changePassword(ctx: RequestContext, tokens: TokenService, currentPassword: string, newPassword: string): Promise<LoginResult> {
  if (!ctx.actor) throw unauthenticated();
  const actor = ctx.actor;
  const user = await ctx.em.findOne(User, { id: actor.userId, active: true });
  if (!user) throw unauthenticated();
  await reserveSignInAttempt(ctx.em, user.email, requestAuth(ctx).address);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await ctx.em.transactional(async (em) => {
      recordAudit(em, ctx, { operation: 'changePasswordFailed', entityType: 'User', entityId: user.id });
    });
    throw new AppError('UNAUTHENTICATED', 'The current password is wrong.');
  }
  passwordProblems(newPassword);
  const passwordHash = await hashPassword(newPassword);
  const session = await inTransaction(ctx, async (em) => {
    const fresh = await em.findOneOrFail(User, { id: user.id });
    fresh.passwordHash = passwordHash;
    const revoked = await revokeAllSessions(em, user.id, 'passwordChanged');
    await recordSignInSuccess(em, user.email, requestAuth(ctx).address);
    const started = await startSession(em, tokens, fresh);
    recordAudit(em, ctx, { operation: 'changePassword', entityType: 'User', entityId: user.id, after: { sessionsRevoked: revoked } });
    return started;
  });
  return { ...session, user };
}

/** Deactivates an account (HR, ADMIN): it can no longer sign in, and its open sessions end now. */
export async function deactivateUser(ctx: RequestContext, id: string, version: number): Promise<User> {
  if (!ctx.actor) throw unauthenticated();
  if (id === ctx.actor.userId) throw forbidden('deactivating your own account');
  return inTransaction(ctx, async (em) => {
    const user = await em.findOne(User, { id });
    if (!user) throw notFound('User', id);
    if (user.version !== version) throw conflict('User', id);
    user.active = false;
    await em.flush();
    const revoked = await revokeAllSessions(em, id, 'deactivated');
    recordAudit(em, ctx, { operation: 'deactivateUser', entityType: 'User', entityId: id, before: { active: true }, after: { active: false, sessionsRevoked: revoked } });
    return user;
  });
}

/** Lifts the sign-in lock of an e-mail (HR, ADMIN), audited. True when there was a lock or count to clear. */
export async function unlockSignIn(ctx: RequestContext, email: string): Promise<boolean> {
  const normalized = normalizeEmail(email);
  return inTransaction(ctx, async (em) => {
    const cleared = await clearAccountThrottle(em, normalized);
    const user = await em.findOne(User, { email: normalized });
    recordAudit(em, ctx, { operation: 'unlockSignIn', entityType: 'User', entityId: user?.id ?? normalized.slice(0, 64), after: { email: normalized, cleared } });
    return cleared;
  });
}
