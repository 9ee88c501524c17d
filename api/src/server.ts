import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from './app.js';
import type { AppConfig } from './config.js';
import { type Clock, systemClock } from './core/clock.js';
import { createRequestContext, type RequestContext } from './core/context.js';
import { createReadDb } from './core/db.js';
import { JobRunner } from './core/jobs.js';
import { createLogger, type Logger } from './core/logger.js';
import { jobDefinitions } from './jobs.js';
import { createTokenService, resolveJwtSecret } from './core/tokens.js';
import { openOrm, type SqlObserver } from './db/orm.js';
import { migrateAsOwner, prepareDatabase } from './db/provision.js';
import { createInitialAdmin } from './seed/initial-admin.js';
import { seedDemoData } from './seed/seed-demo.js';

export interface RunningServer {
  url: string;
  orm: MikroORM;
  log: Logger;
  stop(): Promise<void>;
}

export interface StartOptions {
  sqlObserver?: SqlObserver;
  log?: Logger;
  /** Today for deadlines and windows; tests fix it to reproduce a worked example's dates. */
  clock?: Clock;
  /** Seconds between job queue polls (tests shorten it). */
  jobPollingIntervalSeconds?: number;
}

/** Resolves with the step's result, or rejects after `ms` so that no shutdown step can hang the process. */
export function withTimeout<T>(name: string, ms: number, step: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    step().finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} did not finish within ${ms} ms`)), ms);
      timer.unref();
    }),
  ]);
}

/**
 * Starts everything the product needs, in order: PostgreSQL (the configured one, or an embedded one),
 * pending migrations (as the owner role), first-run data, then HTTP (as the least-privilege role).
 * `stop` undoes it in reverse, each step bounded by SHUTDOWN_STEP_TIMEOUT_MS.
 */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  if (config.production && config.seedDemo) throw new Error('Demo data is never written in production (NODE_ENV=production with seedDemo).');
  const cleanup: Array<{ name: string; run: () => Promise<void> }> = [];
  const stop = async () => {
    for (const step of cleanup.reverse())
      await withTimeout(step.name, config.shutdownStepTimeoutMs, step.run).catch((error: unknown) => log.error({ err: error, step: step.name }, 'shutdown step failed'));
    cleanup.length = 0;
  };
  try {
    const database = await prepareDatabase(config, log);
    cleanup.push({ name: 'database', run: () => database.stop() });
    const applied = await migrateAsOwner(database.ownerUrl, database.appUrl, log);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    const orm = await openOrm({ url: database.appUrl, log, sqlObserver: options.sqlObserver, statementTimeoutMs: config.statementTimeoutMs });
    cleanup.push({ name: 'orm', run: () => orm.close(true) });
    if (config.initialAdmin) {
      const created = await createInitialAdmin(orm.em, config.initialAdmin.email, config.initialAdmin.password);
      if (created) log.info({ email: config.initialAdmin.email }, 'first ADMIN account created from INITIAL_ADMIN_EMAIL');
    }
    if (config.seedDemo) {
      const seed = await seedDemoData(orm.em, { today: (options.clock ?? systemClock).today() });
      if (seed.seeded) log.info({ employees: seed.employees, cycles: seed.cycles }, 'demo data seeded');
    }
    const tokens = createTokenService(await resolveJwtSecret(config), config.jwtTtlSeconds);
    const clock = options.clock ?? systemClock;
    const jobDb = createReadDb(orm, { log });
    const jobs: JobRunner = new JobRunner({
      orm,
      db: jobDb,
      log,
      clock,
      pollingIntervalSeconds: options.jobPollingIntervalSeconds ?? config.jobPollingSeconds,
      work: config.jobWorker,
      context: (requestId): RequestContext => createRequestContext({ requestId, actor: null, em: orm.em.fork() as RequestContext['em'], db: jobDb, log, clock, jobs }),
    });
    for (const definition of jobDefinitions) jobs.define(definition);
    const app = await createApp({ config, orm, tokens, log, sqlObserver: options.sqlObserver, clock, jobs });
    cleanup.push({ name: 'graphql', run: () => app.stop() });
    await jobs.start();
    cleanup.push({ name: 'jobs', run: () => jobs.stop() });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.express.listen(config.port, config.host, () => resolve(s));
      s.once('error', reject);
    });
    cleanup.push({
      name: 'http',
      run: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return { url: `http://localhost:${port}`, orm, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
