import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, repoRoot, type AppConfig } from '../../api/src/config.js';
import type { Clock } from '../../api/src/core/clock.js';
import { createLogger, type Logger } from '../../api/src/core/logger.js';
import { startServer } from '../../api/src/server.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestServer {
  url: string;
  orm: MikroORM;
  /** SQL statements seen since the last reset; the batching tests read it. */
  sql: string[];
  database: TestDatabase;
  stop(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface TestServerOptions {
  production?: boolean;
  /** Start on an empty database (migrations only, no demo data) instead of the seeded template. */
  empty?: boolean;
  /** Start on the template that also holds the demo cycles (api/src/seed/demo-cycles.ts). */
  demoCycles?: boolean;
  /** Capture the server's log (e.g. to check what it writes). */
  log?: Logger;
  /** Any other configuration, e.g. `{ initialAdmin }`. */
  config?: Partial<AppConfig>;
  /** A fixed clock for today's date (windows, deadlines). */
  clock?: Clock;
}

/**
 * The real API on a free port over a fresh database that already holds the demo group, serving the built
 * console when admin/dist exists. It connects as the least-privilege application role, as in production.
 * Nothing is mocked.
 */
export async function startTestServer(overrides: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase({ empty: overrides.empty, demoCycles: overrides.demoCycles });
  const sql: string[] = [];
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: overrides.production ? 'production' : 'test' }),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    migrationDatabaseUrl: database.ownerUrl,
    seedDemo: false,
    jwtSecret: TEST_JWT_SECRET,
    adminDist: path.join(repoRoot, 'admin/dist'),
    ...overrides.config,
  };
  const server = await startServer(config, { log: overrides.log ?? createLogger('warn'), sqlObserver: (line) => sql.push(line), clock: overrides.clock, jobPollingIntervalSeconds: 0.5 }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  return {
    url: server.url,
    orm: server.orm,
    sql,
    database,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
