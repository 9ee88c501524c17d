import { Writable } from 'node:stream';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openOrm } from '../../api/src/db/orm.js';
import { migrateAsOwner } from '../../api/src/db/provision.js';
import { EMBEDDED_ROLES, ensureOwnedDatabase, withCredentials } from '../../api/src/db/roles.js';
import { withDatabase } from '../support/global-setup.js';
import { loadConfig } from '../../api/src/config.js';
import { createLogger } from '../../api/src/core/logger.js';
import { startServer } from '../../api/src/server.js';
import { codes, DEMO_PASSWORD, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { mintSession, userIdOf } from '../support/sessions.js';

/** A console folder with a source map, so serving or refusing maps does not depend on the console build. */
let consoleDir: string;
let prod: TestServer;
let dev: TestServer;
const logLines: string[] = [];
const ADMIN = { email: 'ops@example.com', password: 'a-long-admin-password' };

beforeAll(async () => {
  consoleDir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-console-'));
  await mkdir(path.join(consoleDir, 'assets'));
  await writeFile(path.join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(consoleDir, 'assets', 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map');
  await writeFile(path.join(consoleDir, 'assets', 'app.js.map'), '{"version":3,"sources":["/home/dev/src/secret.ts"]}');
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  [prod, dev] = await Promise.all([
    startTestServer({
      production: true,
      empty: true,
      log: createLogger('info', capture),
      config: { adminDist: consoleDir, initialAdmin: ADMIN, trustProxy: 'loopback' },
    }),
    startTestServer({ config: { adminDist: consoleDir } }),
  ]);
});
afterAll(async () => {
  await Promise.all([prod?.stop(), dev?.stop()]);
  await rm(consoleDir, { recursive: true, force: true });
});

describe('production mode', () => {
  it('has introspection off', async () => {
    const result = await gql(prod.url, '{ __schema { types { name } } }');
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('has no demo accounts, and the first ADMIN from INITIAL_ADMIN_* only', async () => {
    for (const email of Object.values(demo)) expect(codes((await gql(prod.url, 'mutation { login(email: "' + email + '", password: "' + DEMO_PASSWORD + '") { token } }')))).toEqual(['UNAUTHENTICATED']);
    const [row] = await prod.orm.em.fork().getConnection().execute<Array<{ n: string }>>('select count(*) as n from app_user');
    expect(Number(row?.n)).toBe(1);
    const token = await login(prod.url, ADMIN.email, ADMIN.password);
    const me = await gql<{ me: { roles: string[] } }>(prod.url, '{ me { roles } }', {}, token);
    expect(me.data?.me.roles).toEqual(['ADMIN']);
  });

  it('refuses to seed demo data, loudly', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true', JWT_SECRET: 'x'.repeat(40) })).toThrow(/SEED_DEMO=true is refused/);
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    await expect(startServer({ ...loadConfig({ NODE_ENV: 'production' }), seedDemo: true })).rejects.toThrow(/never written in production/);
  });

  it('sends security headers the console works under; HSTS only over TLS', async () => {
    for (const url of [`${prod.url}/`, `${prod.url}/graphql`, `${prod.url}/health/live`]) {
      const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    const behindTls = await fetch(`${prod.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    // Without a trusted proxy, a client cannot claim TLS.
    const spoofed = await fetch(`${dev.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves no source maps (development does)', async () => {
    expect((await fetch(`${prod.url}/assets/app.js`)).status).toBe(200);
    const map = await fetch(`${prod.url}/assets/app.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toMatch(/sources/);
    expect((await fetch(`${prod.url}/assets/missing.js.map`)).status).toBe(404);
    expect((await fetch(`${dev.url}/assets/app.js.map`)).status).toBe(200);
  });

  it('writes no token, password, cookie or file content to its logs', async () => {
    const token = await login(prod.url, ADMIN.email, ADMIN.password);
    await fetch(`${prod.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}`, cookie: 'session=cookie-secret-value' },
      body: JSON.stringify({ query: 'mutation($i: ImportEmployeesInput!) { importEmployees(input: $i) { applied } }', variables: { i: { fileName: 'a.csv', contentBase64: 'ZmlsZS1jb250ZW50cy1zZWNyZXQ=', dryRun: true } } }),
    });
    await fetch(`${prod.url}/graphql?query=${encodeURIComponent('mutation($p: String!) { login(email: "x@y.z", password: $p) { token } }')}&variables=${encodeURIComponent(JSON.stringify({ p: 'password-in-url' }))}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const output = logLines.join("");
    if (process.env.SHOW_LOG) console.log(output);
    expect(output).toMatch(/request completed/);
    expect(output).toMatch(/\[redacted\]/);
    for (const secret of [token, token.split('.')[2] ?? token, ADMIN.password, 'cookie-secret-value', 'ZmlsZS1jb250ZW50cy1zZWNyZXQ=', 'password-in-url'])
      expect(output.includes(secret), `log contains ${secret.slice(0, 12)}`).toBe(false);
  });
});

describe('the database role the application runs as', () => {
  it('cannot disable triggers, replicate around them, truncate or change the schema', async () => {
    const client = new pg.Client({ connectionString: dev.database.url });
    await client.connect();
    try {
      const [role] = (await client.query<{ rolsuper: boolean; owner: string; me: string }>(
        `select r.rolsuper, (select tableowner from pg_tables where tablename = 'audit_entry') as owner, current_user as me from pg_roles r where r.rolname = current_user`,
      )).rows;
      expect(role?.rolsuper).toBe(false);
      expect(role?.owner).not.toBe(role?.me);
      const refused = async (sql: string) => expect(client.query(sql)).rejects.toThrow(/permission denied|must be owner|must be superuser/);
      await refused('alter table audit_entry disable trigger all');
      await refused('alter table scheme_version disable trigger all');
      await refused('set session_replication_role = replica');
      await refused('truncate audit_entry');
      await refused('create table sneaky (id int)');
      await refused('drop trigger audit_entry_no_update_delete on audit_entry');
      await expect(client.query(`update audit_entry set operation = 'x'`)).rejects.toThrow(/append-only/);
      // What it needs still works.
      expect((await client.query('select count(*) from audit_entry')).rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });
});

describe('a database an older version created as the superuser', () => {
  it('is handed to the owner role, and the application role can work on it', async () => {
    const adminUrl = inject('pgAdminUrl');
    const name = `appraisal_legacy_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const superuserUrl = withDatabase(adminUrl, name);
    try {
      const legacy = await openOrm({ url: superuserUrl, poolMax: 1 });
      await legacy.getMigrator().up();
      await legacy.close(true);
      await ensureOwnedDatabase(adminUrl, name, EMBEDDED_ROLES.owner.name);
      const appUrl = withCredentials(superuserUrl, EMBEDDED_ROLES.app.name, EMBEDDED_ROLES.app.password);
      await migrateAsOwner(withCredentials(superuserUrl, EMBEDDED_ROLES.owner.name, EMBEDDED_ROLES.owner.password), appUrl);
      const client = new pg.Client({ connectionString: superuserUrl });
      await client.connect();
      const foreign = await client.query(
        `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'S') and pg_get_userbyid(c.relowner) <> $1`,
        [EMBEDDED_ROLES.owner.name],
      );
      await client.end();
      expect(foreign.rows).toEqual([]);
      const app = new pg.Client({ connectionString: appUrl });
      await app.connect();
      try {
        await app.query(`insert into audit_entry (at, operation, entity_type, entity_id) values (now(), 'probe', 'Probe', 'x')`);
        expect((await app.query('select count(*) from employee')).rowCount).toBe(1);
        await expect(app.query('alter table audit_entry disable trigger all')).rejects.toThrow(/must be owner|permission denied/);
      } finally {
        await app.end();
      }
    } finally {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    }
  });
});

describe('malformed requests in development mode', () => {
  it('answer JSON errors without stack traces or file paths', async () => {
    const malformed = await fetch(`${dev.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/json/);
    const body = await malformed.text();
    expect(JSON.parse(body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(body).not.toMatch(/node_modules|\/work\/|\bat \w|\.js:\d+/);

    const huge = await fetch(`${dev.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { x: 'x'.repeat(16 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    const hugeBody = await huge.text();
    expect(JSON.parse(hugeBody)).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(hugeBody).not.toMatch(/node_modules|\/work\/|\bat \w|\.js:\d+/);
  });
});

describe('time budget', () => {
  let slow: TestServer;
  let hr: string;
  beforeAll(async () => {
    slow = await startTestServer({ config: { statementTimeoutMs: 1500, requestTimeoutMs: 300 } });
    // Signed in without the login request: a login hashes a password, which a loaded machine may not finish
    // within this server's 300 ms request budget.
    const hrId = await userIdOf(slow, demo.hr);
    if (!hrId) throw new Error(`no account ${demo.hr}`);
    hr = await mintSession(slow, hrId);
  });
  afterAll(() => slow?.stop());

  async function whileLocked<T>(table: string, ms: number, work: () => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: slow.database.ownerUrl });
    await client.connect();
    await client.query('begin');
    await client.query(`lock table ${table} in access exclusive mode`);
    const release = setTimeout(() => void client.query('rollback').then(() => client.end()), ms);
    try {
      return await work();
    } finally {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, ms) + 100));
      clearTimeout(release);
    }
  }

  it('refuses the statements of a request past its time budget, with one TIMEOUT error', async () => {
    // The sign-in lookup waits 800 ms (within statement_timeout); by then the 300 ms budget is spent.
    const result = await whileLocked('auth_session', 800, () => gql(slow.url, '{ a: employees(first: 20) { nodes { name } } b: departments { totalCount } }', {}, hr));
    expect(codes(result)).toEqual(['TIMEOUT']);
  });

  it('stops a statement past statement_timeout with TIMEOUT, nothing internal shown', async () => {
    const result = await whileLocked('employee', 4000, () => gql(slow.url, '{ employees(first: 5) { totalCount } }', {}, hr));
    expect(codes(result)).toEqual(['TIMEOUT']);
    expect(JSON.stringify(result)).not.toMatch(/select|employee"|canceling/i);
  });

  it('answers TIMEOUT, in the asked language, for a raw statement (connection.execute) past statement_timeout', async () => {
    // saveArchiveRetention reads and writes archive_setting through connection.execute, whose errors are the
    // driver's own (not MikroORM's DriverException); they must not come back as INTERNAL_SERVER_ERROR.
    const SAVE = 'mutation { saveArchiveRetention(input: { years: 10 }, version: 1) { years } }';
    const ask = (language: string) =>
      fetch(`${slow.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'accept-language': language, authorization: `Bearer ${hr}` },
        body: JSON.stringify({ query: SAVE }),
      }).then((r) => r.json() as Promise<{ errors?: Array<{ message: string; extensions?: { code?: string } }> }>);
    const zh = await whileLocked('archive_setting', 4000, () => ask('zh-CN'));
    expect(zh.errors?.map((e) => e.extensions?.code)).toEqual(['TIMEOUT']);
    expect(zh.errors?.[0]?.message).toMatch(/请求耗时过长/);
    expect(JSON.stringify(zh)).not.toMatch(/select|archive_setting|canceling/i);
    const en = await whileLocked('archive_setting', 4000, () => ask('en'));
    expect(en.errors?.[0]).toMatchObject({ extensions: { code: 'TIMEOUT' }, message: expect.stringMatching(/took too long/) });
  });
});
