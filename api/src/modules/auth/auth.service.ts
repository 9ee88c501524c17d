import type { Actor, RoleName } from '@appraisal/domain';
import { type RequestContext, signInContext } from '../../core/context.js';
import { type ReadDb, sql } from '../../core/db.js';
import { AppError, unauthenticated } from '../../core/errors.js';
import { hashPassword, verifyPassword } from '../../core/passwords.js';
import type { TokenService } from '../../core/tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import { User } from './user.entity.js';

// Verifying against a real hash when the email is unknown keeps both failures equally slow.
let decoyHash: Promise<string> | undefined;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

export async function login(ctx: RequestContext, tokens: TokenService, email: string, password: string): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  const user = await ctx.em.findOne(User, { email: normalized, active: true });
  decoyHash ??= hashPassword('decoy-password-for-timing');
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash, password), false);
  await ctx.em.transactional(async (em) => {
    recordAudit(em, ctx, {
      operation: ok ? 'login' : 'loginFailed',
      entityType: 'User',
      entityId: user?.id ?? normalized.slice(0, 64),
      after: { email: normalized },
    });
  });
  if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'The email or password is wrong.');
  const { token, expiresAt } = await tokens.issue(user.id);
  // The rest of this request (the payload's fields) is answered as the account that just signed in.
  signInContext(ctx, await loadActor(ctx.db, user.id));
  return { token, expiresAt, user };
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
