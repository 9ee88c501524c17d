import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
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

  it('round-trips the user id and rejects tampering, other keys and expiry', async () => {
    const tokens = createTokenService(key, 60);
    const { token } = await tokens.issue('user-1');
    expect(await tokens.verify(token)).toBe('user-1');
    expect(await tokens.verify(`${token.slice(0, -2)}xx`)).toBeNull();
    expect(await createTokenService(new TextEncoder().encode('o'.repeat(48)), 60).verify(token)).toBeNull();
    const expired = await createTokenService(key, 0).issue('user-1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await tokens.verify(expired.token)).toBeNull();
  });
});
