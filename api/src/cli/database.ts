import path from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../config.js';
import { startEmbeddedPostgres } from '../db/embedded.js';

/** The configured database, or the embedded one in the data directory (started for the command's duration). */
export async function connectForCli(config: AppConfig): Promise<{ url: string; stop(): Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.embeddedPgPort);
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  const found = await client.query("select 1 from pg_database where datname = 'appraisal'");
  if (found.rowCount === 0) await client.query('create database appraisal');
  await client.end();
  return { url: embedded.url.replace(/\/postgres$/, '/appraisal'), stop: embedded.stop };
}
