import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { migrations } from '@appraisal/migrations';
import path from 'node:path';
import { repoRoot } from '../config.js';
import type { Logger } from '../core/logger.js';
import { entities } from './entities.js';

import type { SqlObserver } from '../core/db.js';

export type { SqlObserver };

export interface OrmOptions {
  url: string;
  log?: Logger;
  sqlObserver?: SqlObserver;
  poolMax?: number;
  /** PostgreSQL statement_timeout for every connection (the application's time budget per statement). */
  statementTimeoutMs?: number;
}

/** MikroORM configuration: explicit entities, the committed migrations list, queries logged at debug level. */
export function ormConfig({ url, log, sqlObserver, poolMax = 10, statementTimeoutMs }: OrmOptions): Options {
  return defineConfig({
    clientUrl: url,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    pool: { min: 0, max: poolMax },
    // PostgreSQL's JIT compiles a plan for ~0.4 s when an estimate looks large; for short interactive
    // queries that is pure loss (seen on the supervisor's list), so it is off for the application.
    // statement_timeout (sent by node-postgres at connect time) ends a runaway statement with SQLSTATE 57014,
    // shown as TIMEOUT.
    driverOptions: { connection: { options: '-c jit=off', ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}) } },
    // Schema `analytics` holds counters only the database's triggers write (Migration20261201000000): no entities.
    schemaGenerator: { ignoreSchema: ['analytics'] },
    // Under vitest, MikroORM would look for .ts files Node cannot import; hand it the list instead.
    migrations: {
      migrationsList: migrations,
      path: path.join(repoRoot, 'migrations/src'),
      pathTs: path.join(repoRoot, 'migrations/src'),
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    debug: sqlObserver !== undefined || log?.isLevelEnabled('debug') ? ['query'] : false,
    logger: (message: string) => {
      sqlObserver?.(message);
      log?.debug({ sql: message }, 'sql');
    },
    colors: false,
    forceUtcTimezone: true,
    allowGlobalContext: false,
  });
}

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}
