import type { Actor, RoleName, ServiceLimits } from '@appraisal/domain';
import { type RequestContext, signInContext } from '../../core/context.js';
import { type ReadDb, sql } from '../../core/db.js';
import { serviceTokenRefused } from '../../core/errors.js';
import type { TokenService } from '../../core/tokens.js';
import { authenticateServiceToken, isServiceToken } from '../analytics/service-account.service.js';

/** What a request brought for authentication; read later, once the operation has passed its checks. */
interface RequestAuth {
  token: string | null;
  /** Client address as Express sees it (honouring TRUST_PROXY); keys the per-address sign-in throttle. */
  address: string;
  /** The session the token belongs to, once authenticated. */
  sessionId: string | null;
  /** A service token's limits, once authenticated (null for people). */
  serviceLimits: ServiceLimits | null;
}

// A symbol-keyed property: Apollo shallow-clones the context per operation, and the clone must keep it.
const AUTH = Symbol('requestAuth');
type WithAuth = RequestContext & { [AUTH]?: RequestAuth };

export function attachRequestAuth(ctx: RequestContext, input: { token: string | null; address: string }): void {
  (ctx as WithAuth)[AUTH] = { ...input, sessionId: null, serviceLimits: null };
}

export function requestAuth(ctx: RequestContext): Readonly<RequestAuth> {
  return (ctx as WithAuth)[AUTH] ?? { token: null, address: 'unknown', sessionId: null, serviceLimits: null };
}

/**
 * Resolves the request's actor from its bearer token: the signature and claims first (no SQL), then the
 * session and account in one statement. Runs after the operation passed validation and the guard, so a
 * refused document costs no SQL at all.
 */
export async function authenticateRequest(ctx: RequestContext, tokens: TokenService): Promise<void> {
  const auth = (ctx as WithAuth)[AUTH];
  if (!auth?.token) return;
  if (isServiceToken(auth.token)) {
    // A reporting tool: one statement over the account's key; an expired or revoked token says so.
    const outcome = await authenticateServiceToken(ctx.db, auth.token, ctx.clock.now());
    if (!outcome.ok) throw serviceTokenRefused(outcome.reason);
    auth.serviceLimits = outcome.limits;
    signInContext(ctx, outcome.actor);
    return;
  }
  const claims = await tokens.verify(auth.token);
  if (!claims) return;
  const actor = await actorForSession(ctx.db, claims.sessionId, claims.userId);
  if (!actor) return;
  auth.sessionId = claims.sessionId;
  signInContext(ctx, actor);
}

/**
 * The actor behind a session, in one statement over two primary keys: the session must be open and
 * unexpired and its account active. This is the only SQL a signed-in request spends on authentication.
 */
export async function actorForSession(db: ReadDb, sessionId: string, userId: string): Promise<Actor | null> {
  const rows = await db.rows<{ id: string; employee_id: string | null; roles: string[] }>(
    sql`select u.id, u.employee_id, u.roles from auth_session s join app_user u on u.id = s.user_id
        where s.id = ${sessionId} and s.user_id = ${userId} and s.revoked_at is null and s.expires_at > now() and u.active`,
  );
  const row = rows[0];
  return row ? { userId: row.id, employeeId: row.employee_id, roles: row.roles as RoleName[] } : null;
}
