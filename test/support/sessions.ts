import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { TEST_JWT_SECRET, type TestServer } from './server.js';

/**
 * A signed-in session without the login request: the session row and the token, as login makes them. For a
 * server whose request budget a login (a password hash) cannot meet on a loaded machine, and for tests that
 * need many fresh sessions (the fuzzer may sign itself out).
 */
export async function mintSession(server: TestServer, userId: string): Promise<string> {
  const session = randomUUID();
  await server.orm.em
    .fork()
    .getConnection()
    .execute(`insert into auth_session (id, user_id, created_at, expires_at) values (?, ?, now(), now() + interval '1 hour')`, [session, userId]);
  const key = new TextEncoder().encode(TEST_JWT_SECRET);
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setJti(session).setIssuer('appraisal-platform').setAudience('appraisal-api').setIssuedAt().setExpirationTime('1h').sign(key);
}

/** The account id behind a sign-in e-mail (undefined when there is none). */
export async function userIdOf(server: TestServer, email: string): Promise<string | undefined> {
  const [row] = await server.orm.em.fork().getConnection().execute<Array<{ id: string }>>('select id from app_user where email = ?', [email]);
  return row?.id;
}
