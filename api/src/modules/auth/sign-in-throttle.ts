import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/errors.js';

/** How many attempts are free, and how long a lock lasts after that. */
export interface ThrottlePolicy {
  freeAttempts: number;
  /** Lock after the last free attempt; doubles with each further attempt, up to maxLockSeconds. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** A counter with no attempt for this long starts again from zero. */
  forgetAfterSeconds: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeAttempts: 5, firstLockSeconds: 30, maxLockSeconds: 15 * 60, forgetAfterSeconds: 15 * 60 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeAttempts: 30, firstLockSeconds: 15 * 60, maxLockSeconds: 15 * 60, forgetAfterSeconds: 15 * 60 };

export const accountKey = (email: string): string => `account:${email}`;
export const addressKey = (address: string): string => `address:${address}`;

interface Row {
  key: string;
  attempts: number;
  last_attempt_at: Date;
  locked_until: Date | null;
  now: Date;
}

/** The next state of one counter for one more attempt, or how long to wait when it is locked. Pure. */
export function nextAttempt(
  row: { attempts: number; lastAttemptAt: Date; lockedUntil: Date | null },
  now: Date,
  policy: ThrottlePolicy,
): { allowed: true; attempts: number; lockedUntil: Date | null } | { allowed: false; retryAfterSeconds: number } {
  if (row.lockedUntil && row.lockedUntil > now) return { allowed: false, retryAfterSeconds: Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000) };
  const stale = now.getTime() - row.lastAttemptAt.getTime() > policy.forgetAfterSeconds * 1000;
  const attempts = (stale ? 0 : row.attempts) + 1;
  if (attempts < policy.freeAttempts) return { allowed: true, attempts, lockedUntil: null };
  // The lock starts with the last free attempt: it is still checked, the next one waits.
  const seconds = Math.min(policy.maxLockSeconds, policy.firstLockSeconds * 2 ** (attempts - policy.freeAttempts));
  return { allowed: true, attempts, lockedUntil: new Date(now.getTime() + seconds * 1000) };
}

export function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds.`,
    undefined,
    { retryAfterSeconds },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
  );
}

/**
 * Counts one sign-in attempt for the account and the client address before the password is checked,
 * under row locks, so parallel attempts (on any replica) are all counted. Throws TOO_MANY_REQUESTS
 * while either is locked. The same happens for unknown and known emails.
 */
export async function reserveSignInAttempt(em: EntityManager, email: string, address: string): Promise<void> {
  const policies = new Map([
    [accountKey(email), ACCOUNT_POLICY],
    [addressKey(address), ADDRESS_POLICY],
  ]);
  const keys = [...policies.keys()].sort();
  const refusal = await em.fork().transactional(async (tx) => {
    await tx.execute(`insert into sign_in_throttle (key, attempts, last_attempt_at) values (?, 0, now()), (?, 0, now()) on conflict (key) do nothing`, keys, 'run');
    const rows = await tx.execute<Row[]>(
      `select key, attempts, last_attempt_at, locked_until, now() as now from sign_in_throttle where key in (?, ?) order by key for update`,
      keys,
    );
    let wait = 0;
    const updates: Array<{ key: string; attempts: number; lockedUntil: Date | null }> = [];
    for (const row of rows) {
      const next = nextAttempt({ attempts: row.attempts, lastAttemptAt: new Date(row.last_attempt_at), lockedUntil: row.locked_until ? new Date(row.locked_until) : null }, new Date(row.now), policies.get(row.key) ?? ACCOUNT_POLICY);
      if (!next.allowed) wait = Math.max(wait, next.retryAfterSeconds);
      else updates.push({ key: row.key, attempts: next.attempts, lockedUntil: next.lockedUntil });
    }
    if (wait > 0) return wait;
    for (const u of updates)
      await tx.execute(`update sign_in_throttle set attempts = ?, last_attempt_at = now(), locked_until = ? where key = ?`, [u.attempts, u.lockedUntil, u.key], 'run');
    // Counters of e-mails nobody uses would pile up; old ones are cleared now and then.
    if (Math.random() < 0.01)
      await tx.execute(`delete from sign_in_throttle where last_attempt_at < now() - interval '1 day' and (locked_until is null or locked_until < now())`, [], 'run');
    return 0;
  });
  if (refusal > 0) throw tooManyAttempts(refusal);
}

/** After a correct password: the account starts afresh, and the address gets its attempt back. */
export async function recordSignInSuccess(em: EntityManager, email: string, address: string): Promise<void> {
  await em.execute(`delete from sign_in_throttle where key = ?`, [accountKey(email)], 'run');
  await em.execute(`update sign_in_throttle set attempts = greatest(attempts - 1, 0) where key = ? and locked_until is null`, [addressKey(address)], 'run');
}

/** Lifts an account's lock (and forgets its attempts). True when there was something to lift. */
export async function clearAccountThrottle(em: EntityManager, email: string): Promise<boolean> {
  const rows = await em.execute<Array<{ key: string }>>(`delete from sign_in_throttle where key = ? returning key`, [accountKey(email)]);
  return rows.length > 0;
}
