import { createSecretKey, randomBytes } from 'node:crypto';
import { isUuid } from './ids.js';
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

/** What a valid token says: the account and the session it belongs to. */
export interface TokenClaims {
  userId: string;
  sessionId: string;
}

export interface TokenService {
  /** Signs a token for one session; `expiresAt` is the session's end. */
  issue(userId: string, sessionId: string, expiresAt: Date): Promise<string>;
  /** The claims of a valid token, or null for a missing, expired, forged or incomplete one. */
  verify(token: string): Promise<TokenClaims | null>;
  /** How long a new session lasts. */
  ttlSeconds: number;
}

// Longer than any token we sign; anything bigger is not worth parsing.
const MAX_TOKEN_LENGTH = 2048;

/** How many verified tokens to remember; a signature check is skipped for a token seen before. */
const VERIFIED_CACHE_SIZE = 10_000;

export function createTokenService(secretBytes: Uint8Array, ttlSeconds: number): TokenService {
  // A KeyObject imported once: passing raw bytes makes jose import the key again on every verification.
  const secret = createSecretKey(secretBytes);
  // Verified tokens by their exact text, with their expiry: the same bytes always verify the same way, so a
  // repeat costs a map lookup instead of an HMAC through WebCrypto. Expiry is still checked on every use;
  // revocation is the session lookup's job, not this cache's.
  const verified = new Map<string, { claims: TokenClaims; exp: number }>();
  return {
    ttlSeconds,
    async issue(userId, sessionId, expiresAt) {
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setJti(sessionId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(secret);
    },
    async verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) return null;
      const known = verified.get(token);
      if (known) {
        if (known.exp * 1000 > Date.now()) return known.claims;
        verified.delete(token);
        return null;
      }
      try {
        // Every claim we sign is required: a token without an expiry (or issuer, audience) is not ours.
        const { payload } = await jwtVerify(token, secret, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub', 'jti'],
          maxTokenAge: ttlSeconds + 60,
          clockTolerance: 5,
        });
        const { sub, jti } = payload;
        if (typeof sub !== 'string' || !isUuid(sub) || typeof jti !== 'string' || !isUuid(jti)) return null;
        if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + 60) return null;
        const claims = { userId: sub, sessionId: jti };
        if (typeof payload.exp === 'number') {
          if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
          verified.set(token, { claims, exp: payload.exp });
        }
        return claims;
      } catch {
        return null;
      }
    },
  };
}
