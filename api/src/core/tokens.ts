import { randomBytes } from 'node:crypto';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Longer than any token we sign; anything bigger is not worth parsing.
const MAX_TOKEN_LENGTH = 2048;

export function createTokenService(secret: Uint8Array, ttlSeconds: number): TokenService {
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
        if (typeof sub !== 'string' || !UUID.test(sub) || typeof jti !== 'string' || !UUID.test(jti)) return null;
        if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + 60) return null;
        return { userId: sub, sessionId: jti };
      } catch {
        return null;
      }
    },
  };
}
