import type { AppConfig } from '../config.js';
import { createLogger } from '../core/logger.js';
import { migrateAsOwner, prepareDatabase } from '../db/provision.js';

/**
 * The configured database, or the embedded one in the data directory (started for the command's
 * duration), migrated by the owner role. `url` is the application's least-privilege connection.
 */
export async function connectForCli(config: AppConfig): Promise<{ url: string; ownerUrl: string; stop(): Promise<void> }> {
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const db = await prepareDatabase(config, log);
  try {
    await migrateAsOwner(db.ownerUrl, db.appUrl, log);
  } catch (error) {
    await db.stop();
    throw error;
  }
  return { url: db.appUrl, ownerUrl: db.ownerUrl, stop: db.stop };
}
