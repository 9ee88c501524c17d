import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so the server runs the same from src (tsx) and dist (node). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppConfig {
  /** Below HR, pay aggregates of groups smaller than this are withheld (ANALYTICS_MIN_PAY_GROUP, default 5). */
  analyticsMinPayGroup?: number;
  /**
   * A read that finds the analytics cohorts stale (an org change since the last refresh) queues a refresh, at most one
   * per this many seconds (pg-boss debounce: one now, one at the next slot; ANALYTICS_REFRESH_DEBOUNCE_SECONDS, default 60).
   */
  analyticsRefreshDebounceSeconds?: number;
  /**
   * How validated operations run: `compiled` (graphql-jit, the default) or `interpreted` (graphql-js), from
   * GRAPHQL_EXECUTION. test/bench/api-http.ts runs both side by side: compiled execution used less CPU per request on
   * every list (500 employees: 11.3 vs 15.4 ms; 500 results: 10.9-12.3 vs 12.1-12.9 ms; 50 rows the same).
   */
  graphqlExecution?: 'compiled' | 'interpreted';
  /** production hides introspection, suggestions and stack traces, and requires JWT_SECRET. */
  production: boolean;
  port: number;
  host: string;
  /** External PostgreSQL the application connects to (least privilege); when absent an embedded server is started in dataDir. */
  databaseUrl: string | undefined;
  /** The owner role's connection, used only to apply migrations and grant the application role; defaults to databaseUrl. */
  migrationDatabaseUrl: string | undefined;
  /** Where the embedded PostgreSQL cluster and the generated JWT secret live. */
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  logLevel: string;
  /** Built console to serve at `/`; missing folder means API only. */
  adminDist: string;
  seedDemo: boolean;
  /** First ADMIN account, created only when the database has no account at all. */
  initialAdmin: { email: string; password: string } | undefined;
  /** Express `trust proxy`: which proxies may tell the client address and protocol (X-Forwarded-*). */
  trustProxy: boolean | number | string;
  /** Time budget of one GraphQL operation's execution. */
  requestTimeoutMs: number;
  /** PostgreSQL statement_timeout of the application's connections. */
  statementTimeoutMs: number;
  /** Longest wait for each step of a shutdown (HTTP, ORM, embedded PostgreSQL). */
  shutdownStepTimeoutMs: number;
  /** Seconds between job queue polls (JOB_POLL_SECONDS, default 10): jobs queued by this process start at once anyway. */
  jobPollingSeconds?: number;
  /** Whether this process runs background jobs (JOB_WORKER, default true); false: it only queues them for a worker replica. */
  jobWorker?: boolean;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function trustProxyFromEnv(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** Reads the environment once at start-up; every knob is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  // Demo accounts have published passwords: never in production, and say so instead of ignoring it.
  if (production && env.SEED_DEMO === 'true')
    throw new Error('SEED_DEMO=true is refused when NODE_ENV=production: the demo accounts have published passwords. Create the first ADMIN with `pnpm create-admin` or INITIAL_ADMIN_EMAIL / INITIAL_ADMIN_PASSWORD.');
  const adminEmail = env.INITIAL_ADMIN_EMAIL?.trim();
  const adminPassword = env.INITIAL_ADMIN_PASSWORD;
  if (!!adminEmail !== !!adminPassword) throw new Error('Set both INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD, or neither.');
  return {
    production,
    port: intFromEnv('PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    dataDir: path.resolve(env.APPRAISAL_DATA_DIR ?? path.join(repoRoot, '.data')),
    embeddedPgPort: intFromEnv('EMBEDDED_PG_PORT', 54329),
    jwtSecret: env.JWT_SECRET || undefined,
    jwtTtlSeconds: intFromEnv('JWT_TTL_SECONDS', 8 * 3600),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    adminDist: path.resolve(env.ADMIN_DIST ?? path.join(repoRoot, 'admin/dist')),
    seedDemo: !production && env.SEED_DEMO !== 'false',
    initialAdmin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    requestTimeoutMs: intFromEnv('REQUEST_TIMEOUT_MS', 15_000),
    statementTimeoutMs: intFromEnv('STATEMENT_TIMEOUT_MS', 10_000),
    shutdownStepTimeoutMs: intFromEnv('SHUTDOWN_STEP_TIMEOUT_MS', 5_000),
    analyticsMinPayGroup: intFromEnv('ANALYTICS_MIN_PAY_GROUP', 5),
    analyticsRefreshDebounceSeconds: intFromEnv('ANALYTICS_REFRESH_DEBOUNCE_SECONDS', 60),
    graphqlExecution: env.GRAPHQL_EXECUTION === 'interpreted' ? 'interpreted' : 'compiled',
    // Unset: the job runner's default (DEFAULT_JOB_POLLING_SECONDS in core/jobs.ts).
    // 1 s to 1 h: beyond ~24 days Node's timers overflow to 1 ms and the queue would poll in a tight loop.
    jobPollingSeconds: env.JOB_POLL_SECONDS ? Math.min(3600, Math.max(1, intFromEnv('JOB_POLL_SECONDS', 1))) : undefined,
    jobWorker: env.JOB_WORKER !== 'false',
  };
}
