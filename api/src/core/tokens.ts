import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../config.js';

const ISSUER = 'appraisal-platform';
const AUDIENCE = 'appraisal-api';

/**
 * The JWT signing key. Production must supply JWT_SECRET (every replica signs and verifies with the
 * same key); the embedded default keeps a generated one in the data directory so restarts keep sessions.
 */
export async function resolveJwtSecret(config: AppConfig): Promise<Uint8Array> {
  if (config.jwtSecret) {
    if (config.jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters.');
    return new TextEncoder().encode(config.jwtSecret);
  }
  if (config.production) throw new Error('JWT_SECRET is required when NODE_ENV=production.');
  const file = path.join(config.dataDir, 'jwt-secret');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing && existing.trim().length >= 32) return new TextEncoder().encode(existing.trim());
  const secret = randomBytes(48).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return new TextEncoder().encode(secret);
}

export interface TokenService {
  issue(userId: string): Promise<{ token: string; expiresAt: Date }>;
  /** The user id in a valid token, or null for a missing, expired or forged one. */
  verify(token: string): Promise<string | null>;
}

/** How many verified tokens to remember; a signature check is skipped for a token seen before. */
const VERIFIED_CACHE_SIZE = 10_000;

export function createTokenService(secretBytes: Uint8Array, ttlSeconds: number): TokenService {
  // A KeyObject imported once: passing raw bytes makes jose import the key again on every verification.
  const secret = createSecretKey(secretBytes);
  // Verified tokens by their exact text, with their expiry: the same bytes always verify the same way, so a
  // repeat costs a map lookup instead of an HMAC through WebCrypto. Expiry is still checked on every use;
  // revocation is the session lookup's job, not this cache's.
  const verified = new Map<string, { sub: string; exp: number }>();
  return {
    async issue(userId) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(secret);
      return { token, expiresAt };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        if (known.exp * 1000 > Date.now()) return known.sub;
        verified.delete(token);
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string') return null;
        if (typeof payload.exp === 'number') {
          if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
          verified.set(token, { sub: payload.sub, exp: payload.exp });
        }
        return payload.sub;
      } catch {
        return null;
      }
    },
  };
}
