import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { SignJWT } from 'jose';
import { createTokenService, resolveJwtSecret } from './tokens.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-secret-'));
  dirs.push(dir);
  return dir;
};

describe('JWT signing key', () => {
  it('refuses to start in production without JWT_SECRET', async () => {
    const config = loadConfig({ NODE_ENV: 'production', APPRAISAL_DATA_DIR: await tempDir() });
    await expect(resolveJwtSecret(config)).rejects.toThrow(/JWT_SECRET is required/);
  });

  it('refuses a short secret', async () => {
    await expect(resolveJwtSecret(loadConfig({ JWT_SECRET: 'short' }))).rejects.toThrow(/at least 32/);
  });

  it('generates a key once for the embedded default and keeps it across restarts', async () => {
    const dataDir = await tempDir();
    const config = loadConfig({ APPRAISAL_DATA_DIR: dataDir });
    const first = await resolveJwtSecret(config);
    const second = await resolveJwtSecret(config);
    expect(Buffer.from(first).toString()).toBe(Buffer.from(second).toString());
    expect((await readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).length).toBeGreaterThanOrEqual(32);
  });
});

describe('tokens', () => {
  const key = new TextEncoder().encode('k'.repeat(48));
  const user = '6f1c2a1e-8a47-4c55-9d3e-0a4f8f0c1b11';
  const session = 'a2b4c6d8-1234-4abc-8def-0123456789ab';
  const inAMinute = () => new Date(Date.now() + 60_000);

  it('round-trips the user and session ids and rejects tampering, other keys and expiry', async () => {
    const tokens = createTokenService(key, 60);
    const token = await tokens.issue(user, session, inAMinute());
    expect(await tokens.verify(token)).toEqual({ userId: user, sessionId: session });
    expect(await tokens.verify(`${token.slice(0, -2)}xx`)).toBeNull();
    expect(await createTokenService(new TextEncoder().encode('o'.repeat(48)), 60).verify(token)).toBeNull();
    const expired = await createTokenService(key, 0).issue(user, session, new Date(Date.now() - 10_000));
    expect(await tokens.verify(expired)).toBeNull();
  });

  it('rejects correctly signed tokens that lack exp, iat, issuer, audience or a session, or whose subject is not a UUID', async () => {
    const tokens = createTokenService(key, 3600);
    const now = Math.floor(Date.now() / 1000);
    const sign = (build: (jwt: SignJWT) => SignJWT) => build(new SignJWT({}).setProtectedHeader({ alg: 'HS256' })).sign(key);
    const full = (jwt: SignJWT) => jwt.setSubject(user).setJti(session).setIssuer('appraisal-platform').setAudience('appraisal-api');
    expect(await tokens.verify(await sign((j) => full(j).setIssuedAt(now).setExpirationTime(now + 60)))).not.toBeNull();
    expect(await tokens.verify(await sign((j) => full(j).setIssuedAt(now)))).toBeNull(); // no exp
    expect(await tokens.verify(await sign((j) => full(j).setExpirationTime(now + 60)))).toBeNull(); // no iat
    expect(await tokens.verify(await sign((j) => j.setSubject(user).setJti(session).setAudience('appraisal-api').setIssuedAt(now).setExpirationTime(now + 60)))).toBeNull();
    expect(await tokens.verify(await sign((j) => j.setSubject(user).setJti(session).setIssuer('appraisal-platform').setIssuedAt(now).setExpirationTime(now + 60)))).toBeNull();
    expect(await tokens.verify(await sign((j) => j.setSubject(user).setIssuer('appraisal-platform').setAudience('appraisal-api').setIssuedAt(now).setExpirationTime(now + 60)))).toBeNull();
    expect(await tokens.verify(await sign((j) => full(j).setSubject('not-a-uuid').setIssuedAt(now).setExpirationTime(now + 60)))).toBeNull();
    // Far-future expiry: older than the configured lifetime allows.
    expect(await tokens.verify(await sign((j) => full(j).setIssuedAt(now - 7200).setExpirationTime(now + 10 * 365 * 86400)))).toBeNull();
    expect(await tokens.verify('x'.repeat(100_000))).toBeNull();
  });
});
