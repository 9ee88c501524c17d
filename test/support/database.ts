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
  const template = options.empty ? '' : ` template ${inject(options.demoCycles ? 'demoTemplateDatabase' : 'templateDatabase')}`;
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
