import type { Server } from 'node:http';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createApp } from './app.js';
import type { AppConfig } from './config.js';
import { createLogger, type Logger } from './core/logger.js';
import { createTokenService, resolveJwtSecret } from './core/tokens.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { openOrm, type SqlObserver } from './db/orm.js';
import { seedDemoData } from './seed/seed-demo.js';

export interface RunningServer {
  url: string;
  orm: MikroORM;
  log: Logger;
  stop(): Promise<void>;
}

/** Creates the database named in `url` if the server does not have it yet (embedded default only). */
async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export interface StartOptions {
  sqlObserver?: SqlObserver;
  log?: Logger;
}

/**
 * Starts everything the product needs, in order: PostgreSQL (the configured one, or an embedded one),
 * pending migrations, first-run demo data, then HTTP. `stop` undoes it in reverse.
 */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const cleanup: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of cleanup.reverse()) await step().catch((error: unknown) => log.error({ err: error }, 'shutdown step failed'));
    cleanup.length = 0;
  };
  try {
    let url = config.databaseUrl;
    if (!url) {
      log.info({ dataDir: config.dataDir }, 'starting embedded PostgreSQL');
      const embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.embeddedPgPort, (line) => log.debug({ pg: line }));
      cleanup.push(() => embedded.stop());
      await ensureDatabase(embedded.url, 'appraisal');
      url = embedded.url.replace(/\/postgres$/, '/appraisal');
    }
    const orm = await openOrm({ url, log, sqlObserver: options.sqlObserver });
    cleanup.push(() => orm.close(true));
    const applied = await orm.getMigrator().up();
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    if (config.seedDemo) {
      const seed = await seedDemoData(orm.em);
      if (seed.seeded) log.info({ employees: seed.employees }, 'demo data seeded');
    }
    const tokens = createTokenService(await resolveJwtSecret(config), config.jwtTtlSeconds);
    const app = await createApp({ config, orm, tokens, log, sqlObserver: options.sqlObserver });
    cleanup.push(() => app.apollo.stop());
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.express.listen(config.port, config.host, () => resolve(s));
      s.once('error', reject);
    });
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return { url: `http://localhost:${port}`, orm, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
