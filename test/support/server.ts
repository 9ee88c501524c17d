import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, repoRoot } from '../../api/src/config.js';
import type { Clock } from '../../api/src/core/clock.js';
import { createLogger } from '../../api/src/core/logger.js';
import { startServer } from '../../api/src/server.js';
import { createTestDatabase } from './database.js';

export interface TestServer {
  url: string;
  orm: MikroORM;
  /** SQL statements seen since the last reset; the batching tests read it. */
  sql: string[];
  stop(): Promise<void>;
}

/**
 * The real API on a free port over a fresh database that already holds the demo group, serving the built
 * console when admin/dist exists. Nothing is mocked.
 */
export async function startTestServer(overrides: { production?: boolean; clock?: Clock } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const sql: string[] = [];
  const config = {
    ...loadConfig({ NODE_ENV: overrides.production ? 'production' : 'test' }),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    seedDemo: false,
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    adminDist: path.join(repoRoot, 'admin/dist'),
  };
  const server = await startServer(config, { log: createLogger('warn'), sqlObserver: (line) => sql.push(line), clock: overrides.clock, jobPollingIntervalSeconds: 0.5 });
  return {
    url: server.url,
    orm: server.orm,
    sql,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
