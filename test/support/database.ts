import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { EMBEDDED_ROLES, withCredentials } from '../../api/src/db/roles.js';
import { withDatabase } from './global-setup.js';

export interface TestDatabase {
  /** The application's least-privilege connection. */
  url: string;
  /** The owner's connection (migrations). */
  ownerUrl: string;
  /** The superuser's connection to this database. */
  adminUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, owned by the owner role: cloned from the migrated and seeded
 * template, or empty (`{ empty: true }`) for tests of a first start; `{ demoCycles: true }` clones the template
 * that also holds the demo cycles (published results per program, open tasks for the demo accounts).
 */
export async function createTestDatabase(options: { empty?: boolean; demoCycles?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `appraisal_t${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const template = options.empty ? '' : ` template ${options.demoCycles ? await demoTemplate(adminUrl) : inject('templateDatabase')}`;
  await admin.query(`create database ${name}${template} owner ${EMBEDDED_ROLES.owner.name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  return {
    url: withCredentials(url, EMBEDDED_ROLES.app.name, EMBEDDED_ROLES.app.password),
    ownerUrl: withCredentials(url, EMBEDDED_ROLES.owner.name, EMBEDDED_ROLES.owner.password),
    adminUrl: url,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * The template with the demo cycles (api/src/seed/demo-cycles.ts): a clone of the seeded template with the
 * cycles added through the services, made once per run by the first test file that asks (an advisory lock
 * keeps parallel files from making it twice), so runs that do not need it do not pay for it.
 */
async function demoTemplate(adminUrl: string): Promise<string> {
  const base = inject('templateDatabase');
  const name = `${base}_demo`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`create database ${name} template ${base} owner ${EMBEDDED_ROLES.owner.name}`);
      const { openOrm } = await import('../../api/src/db/orm.js');
      const { seedDemoCycles } = await import('../../api/src/seed/demo-cycles.js');
      const orm = await openOrm({ url: withCredentials(withDatabase(adminUrl, name), EMBEDDED_ROLES.owner.name, EMBEDDED_ROLES.owner.password), poolMax: 4 });
      try {
        const seeded = await seedDemoCycles(orm.em);
        const { seedDemoAppeals } = await import('../../api/src/seed/demo-appeals.js');
        await seedDemoAppeals(orm.em);
        if (process.env.SEED_TIMING) console.log(`demo cycles seeded: ${JSON.stringify(seeded)}`);
      } finally {
        await orm.close(true);
      }
    }
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await admin.end();
  }
  return name;
}
