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
  // Ready means the start-up work is done too: the refresh the server queues at start would otherwise run in the middle
  // of a test that counts a request's statements. Bounded, and not an error when no worker runs the queue.
  await waitForJobsIdle(server, 15_000).catch(() => undefined);
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

/**
 * Waits until no background job is due or running (pg-boss's own table; jobs scheduled for later do not count). A
 * test counting a request's SQL statements waits for the work its setup queued (a publication queues an analytics
 * refresh and the roll-ups), whose statements the server's SQL log would otherwise mix into the request's.
 */
export async function waitForJobsIdle(server: { orm: import('@mikro-orm/postgresql').MikroORM }, timeoutMs = 30_000): Promise<void> {
  const connection = server.orm.em.fork().getConnection();
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await connection.execute<Array<{ n: number; names: string | null }>>(
      `select count(*)::int as n, string_agg(distinct name, ', ') as names from pgboss.job
        where (state in ('created', 'retry') and start_after <= now()) or state = 'active'`,
    );
    if (!row?.n) return;
    if (Date.now() > until) throw new Error(`background jobs still due or running after ${timeoutMs} ms: ${row.names ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
