import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { openOrm } from '../../api/src/db/orm.js';
import { migrateAsOwner } from '../../api/src/db/provision.js';
import { EMBEDDED_ROLES, ensureEmbeddedRoles, withCredentials } from '../../api/src/db/roles.js';
import { seedDemoData } from '../../api/src/seed/seed-demo.js';
import { freePort } from './ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server; test files create their own databases through it. */
    pgAdminUrl: string;
    /** Database with migrations applied and the demo organization, schemes and calendar seeded, cloned for every test file. */
    templateDatabase: string;
  }
}

const TEMPLATE = `appraisal_template_${process.pid}`;

interface SharedDatabase {
  adminUrl: string;
  /** Test projects (api, e2e) whose global setup holds the server; the last one to tear down stops it. */
  users: number;
  stop(): Promise<void>;
}

// Every project that lists this file runs it (api and e2e), all in Vitest's main process: they share one
// server and one template instead of each starting PostgreSQL and migrating and seeding its own copy.
const SHARED = Symbol.for('appraisal.test.database');
const shared = globalThis as { [SHARED]?: Promise<SharedDatabase> };

/**
 * Starts PostgreSQL once for the whole run (embedded, or TEST_DATABASE_URL / DATABASE_URL when set),
 * and prepares a template database: migrations and demo data once, then a cheap clone per test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared[SHARED] ??= prepare();
  const database = await shared[SHARED];
  database.users += 1;
  project.provide('pgAdminUrl', database.adminUrl);
  project.provide('templateDatabase', TEMPLATE);
  return async () => {
    database.users -= 1;
    if (database.users > 0) return;
    delete shared[SHARED];
    await database.stop();
  };
}

async function prepare(): Promise<SharedDatabase> {
  const started = Date.now();
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let adminUrl: string;
  let stopEmbedded = async () => undefined as void;
  let tempDir: string | null = null;
  if (external) {
    adminUrl = external;
  } else {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-test-'));
    // PostgreSQL runs as the `postgres` user when we are root; it must be able to enter this folder.
    await chmod(tempDir, 0o755);
    const embedded = await startEmbeddedPostgres(path.join(tempDir, 'pg'), await freePort());
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }

  // The same least-privilege roles as the embedded default: tests run the application as `appraisal_app`.
  // An external TEST_DATABASE_URL must therefore be allowed to create roles (superuser or CREATEROLE).
  await ensureEmbeddedRoles(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE}`);
  await admin.query(`create database ${TEMPLATE} owner ${EMBEDDED_ROLES.owner.name}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  const ownerUrl = withCredentials(templateUrl, EMBEDDED_ROLES.owner.name, EMBEDDED_ROLES.owner.password);
  await migrateAsOwner(ownerUrl, withCredentials(templateUrl, EMBEDDED_ROLES.app.name, EMBEDDED_ROLES.app.password));
  const orm = await openOrm({ url: ownerUrl, poolMax: 2 });
  await seedDemoData(orm.em, { cycles: false });
  await orm.close(true);

  // The demo cycles go to a clone of this template, made by the first test file that asks for it (database.ts).
  const dropping = new pg.Client({ connectionString: adminUrl });
  await dropping.connect();
  await dropping.query(`drop database if exists ${TEMPLATE}_demo`);
  await dropping.end();

  if (process.env.SEED_TIMING) console.log(`test database: PostgreSQL, migrations and demo data in ${Date.now() - started} ms`);
  return {
    adminUrl,
    users: 0,
    async stop() {
      if (external) {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        const leftovers = await client.query<{ datname: string }>(`select datname from pg_database where datname like 'appraisal_t%'`);
        for (const row of leftovers.rows) await client.query(`drop database if exists "${row.datname}" with (force)`);
        await client.end();
      }
      await stopEmbedded();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
