import pg from 'pg';

/**
 * Least privilege: the application never connects as a superuser or as the owner of its tables.
 * - the owner role owns the database and every table; migrations run as it (DDL, triggers);
 * - the application role may only SELECT/INSERT/UPDATE/DELETE rows and use sequences, so it can neither
 *   disable the append-only triggers, nor truncate, nor set session_replication_role, nor change DDL.
 * The embedded default creates both roles itself; external databases use MIGRATION_DATABASE_URL (owner)
 * and DATABASE_URL (application), and the grants below are applied after each migration run.
 */
export const EMBEDDED_ROLES = {
  // The cluster listens on loopback only; as with the superuser, fixed local passwords are no secret worth keeping.
  owner: { name: 'appraisal_owner', password: 'appraisal-owner' },
  app: { name: 'appraisal_app', password: 'appraisal-app' },
} as const;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The same URL with other credentials. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates (or corrects) the two embedded roles: logins without superuser, database or role creation rights. */
export async function ensureEmbeddedRoles(superuserUrl: string): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    for (const role of [EMBEDDED_ROLES.owner, EMBEDDED_ROLES.app]) {
      const found = await client.query('select 1 from pg_roles where rolname = $1', [role.name]);
      const verb = found.rowCount ? 'alter' : 'create';
      // Two test runs may race to create the roles in one cluster; the loser only needs them to exist.
      await client
        .query(`${verb} role ${ident(role.name)} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${literal(role.password)}`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42710' && error.code !== '23505') throw error;
        });
    }
  });
}

/** The schemas the migrations create; everything in them belongs to the owner role. */
const OWNED_SCHEMAS: readonly string[] = ['public', 'pgboss', 'analytics'];

/**
 * Makes `database` exist and belong to the owner role; objects an older version created as the
 * superuser are handed to the owner too, so existing data directories keep working.
 */
export async function ensureOwnedDatabase(superuserUrl: string, database: string, owner: string): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${ident(database)} owner ${ident(owner)}`);
    else await client.query(`alter database ${ident(database)} owner to ${ident(owner)}`);
  });
  const dbUrl = new URL(superuserUrl);
  dbUrl.pathname = `/${database}`;
  await withClient(dbUrl.toString(), async (client) => {
    // Every schema a migration creates: the application's, the job queue's (pg-boss keeps its tables in `pgboss`)
    // and the analytics counters' (Migration20261201000000).
    for (const schema of OWNED_SCHEMAS.filter((name) => name !== 'public')) {
      const found = await client.query<{ owner: string }>(`select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = $1`, [schema]);
      if (found.rows[0] && found.rows[0].owner !== owner) await client.query(`alter schema ${ident(schema)} owner to ${ident(owner)}`);
    }
    const objects = await client.query<{ kind: string; schema: string; name: string }>(
      `select case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end as kind, n.nspname as schema, c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any($2::text[]) and c.relkind in ('r', 'p', 'S', 'v', 'm') and pg_get_userbyid(c.relowner) <> $1
         and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))`,
      [owner, OWNED_SCHEMAS],
    );
    for (const o of objects.rows) await client.query(`alter ${o.kind} ${ident(o.schema)}.${ident(o.name)} owner to ${ident(owner)}`);
    const functions = await client.query<{ signature: string }>(
      `select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any($2::text[]) and pg_get_userbyid(p.proowner) <> $1`,
      [owner, OWNED_SCHEMAS],
    );
    for (const f of functions.rows) await client.query(`alter function ${f.signature} owner to ${ident(owner)}`);
  });
}

/**
 * Grants the application role what it needs on the owner's tables, now and for tables later migrations
 * create (default privileges). Runs as the owner; idempotent.
 */
export async function grantApplicationRole(ownerUrl: string, appRole: string): Promise<void> {
  const owner = userOf(ownerUrl);
  if (owner === appRole) return;
  await withClient(ownerUrl, async (client) => {
    const database = (await client.query<{ db: string }>('select current_database() as db')).rows[0]?.db ?? '';
    const app = ident(appRole);
    await client.query(`revoke create on schema public from public`);
    await client.query(`grant connect on database ${ident(database)} to ${app}`);
    await client.query(`grant usage on schema public to ${app}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${app}`);
    await client.query(`grant usage, select on all sequences in schema public to ${app}`);
    await client.query(`alter default privileges for role ${ident(owner)} in schema public grant select, insert, update, delete on tables to ${app}`);
    await client.query(`alter default privileges for role ${ident(owner)} in schema public grant usage, select on sequences to ${app}`);
    // The job queue (pg-boss) keeps its tables in its own schema, installed by a migration as the owner.
    const queue = await client.query(`select 1 from pg_namespace where nspname = 'pgboss'`);
    if (queue.rowCount) {
      await client.query(`grant usage on schema pgboss to ${app}`);
      await client.query(`grant select, insert, update, delete on all tables in schema pgboss to ${app}`);
      await client.query(`grant usage, select on all sequences in schema pgboss to ${app}`);
      await client.query(`grant execute on all functions in schema pgboss to ${app}`);
      await client.query(`alter default privileges for role ${ident(owner)} in schema pgboss grant select, insert, update, delete on tables to ${app}`);
    }
    // Analytics counters (Migration20261201000000): written only by the owner's triggers, read by the application.
    const counters = await client.query(`select 1 from pg_namespace where nspname = 'analytics'`);
    if (counters.rowCount) {
      await client.query(`grant usage on schema analytics to ${app}`);
      await client.query(`grant select on all tables in schema analytics to ${app}`);
      await client.query(`alter default privileges for role ${ident(owner)} in schema analytics grant select on tables to ${app}`);
    }
    // The one controlled path to delete archive rows (a SECURITY DEFINER function owned by the owner; see docs/appeals-archives.md).
    const purge = await client.query(`select 1 from pg_proc where proname = 'archive_purge' and pronamespace = 'public'::regnamespace`);
    if (purge.rowCount) await client.query(`grant execute on function archive_purge(uuid[], uuid[], uuid[], uuid, text) to ${app}`);
  });
}
