import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so the server runs the same from src (tsx) and dist (node). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppConfig {
  /** production hides introspection, suggestions and stack traces, and requires JWT_SECRET. */
  production: boolean;
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded server is started in dataDir. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL cluster and the generated JWT secret live. */
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  logLevel: string;
  /** Built console to serve at `/`; missing folder means API only. */
  adminDist: string;
  seedDemo: boolean;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Reads the environment once at start-up; every knob is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  return {
    production,
    port: intFromEnv('PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.APPRAISAL_DATA_DIR ?? path.join(repoRoot, '.data')),
    embeddedPgPort: intFromEnv('EMBEDDED_PG_PORT', 54329),
    jwtSecret: env.JWT_SECRET || undefined,
    jwtTtlSeconds: intFromEnv('JWT_TTL_SECONDS', 8 * 3600),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    adminDist: path.resolve(env.ADMIN_DIST ?? path.join(repoRoot, 'admin/dist')),
    seedDemo: env.SEED_DEMO !== 'false',
  };
}
