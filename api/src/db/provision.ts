import path from 'node:path';
import type { AppConfig } from '../config.js';
import type { Logger } from '../core/logger.js';
import { startEmbeddedPostgres } from './embedded.js';
import { openOrm } from './orm.js';
import { EMBEDDED_ROLES, ensureEmbeddedRoles, ensureOwnedDatabase, grantApplicationRole, userOf, withCredentials } from './roles.js';

export interface PreparedDatabase {
  /** The application's connection: least privilege. */
  appUrl: string;
  /** The owner's connection: migrations and grants only. */
  ownerUrl: string;
  /** Stops what was started for it (the embedded cluster), if anything. */
  stop(): Promise<void>;
}

/**
 * The database the server or a command works on. Embedded default: starts the cluster, creates the
 * owner and application roles and the `appraisal` database owned by the owner. External: DATABASE_URL
 * for the application and MIGRATION_DATABASE_URL (or DATABASE_URL again) for the owner.
 */
export async function prepareDatabase(config: AppConfig, log: Logger): Promise<PreparedDatabase> {
  if (config.databaseUrl) {
    const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
    if (config.production && userOf(ownerUrl) === userOf(config.databaseUrl))
      log.warn('the application connects as the owner of its tables; set MIGRATION_DATABASE_URL (owner) and a least-privilege DATABASE_URL (see README)');
    return { appUrl: config.databaseUrl, ownerUrl, stop: async () => undefined };
  }
  log.info({ dataDir: config.dataDir }, 'starting embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.embeddedPgPort, {
    log: (line) => log.debug({ pg: line }),
    report: (message, details) => log.warn(details ?? {}, message),
  });
  try {
    await ensureEmbeddedRoles(embedded.url);
    await ensureOwnedDatabase(embedded.url, 'appraisal', EMBEDDED_ROLES.owner.name);
  } catch (error) {
    await embedded.stop().catch(() => undefined);
    throw error;
  }
  const base = embedded.url.replace(/\/postgres$/, '/appraisal');
  return {
    appUrl: withCredentials(base, EMBEDDED_ROLES.app.name, EMBEDDED_ROLES.app.password),
    ownerUrl: withCredentials(base, EMBEDDED_ROLES.owner.name, EMBEDDED_ROLES.owner.password),
    stop: embedded.stop,
  };
}

/** Applies pending migrations as the owner, then (re)grants the application role its row privileges. */
export async function migrateAsOwner(ownerUrl: string, appUrl: string, log?: Logger): Promise<string[]> {
  const orm = await openOrm({ url: ownerUrl, poolMax: 1, log });
  let applied: string[];
  try {
    applied = (await orm.getMigrator().up()).map((m) => m.name);
  } finally {
    await orm.close(true);
  }
  await grantApplicationRole(ownerUrl, userOf(appUrl));
  return applied;
}
