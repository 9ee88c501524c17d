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

export interface TokenService {
  issue(userId: string): Promise<{ token: string; expiresAt: Date }>;
  /** The user id in a valid token, or null for a missing, expired or forged one. */
  verify(token: string): Promise<string | null>;
}

export function createTokenService(secret: Uint8Array, ttlSeconds: number): TokenService {
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
      try {
        const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        return typeof payload.sub === 'string' ? payload.sub : null;
      } catch {
        return null;
      }
    },
  };
}
