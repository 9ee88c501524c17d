import { createHash } from 'node:crypto';
import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';
import type { Sql } from 'sql-template-tag';
import type { Logger } from './logger.js';

import { empty, join as joinNonEmpty, type RawValue } from 'sql-template-tag';

export { default as sql, empty, raw, Sql } from 'sql-template-tag';

/** `join` that accepts an empty list (nothing to join is nothing), unlike sql-template-tag's own. */
export function join(values: readonly RawValue[], separator = ','): Sql {
  return values.length ? joinNonEmpty(values, separator) : empty;
}

/** Called with every SQL statement when set; the batching tests count statements with it. */
export type SqlObserver = (sql: string) => void;

/**
 * The read side of the database: parameterised statements straight to the pool.
 *
 * Why not `em.getConnection().execute`: MikroORM formats every statement with its values inlined before
 * running it (for its logger), which costs more than the query on long lists and sends 1,500 literals
 * where 1 bind parameter would do. Reads here keep bind parameters, return plain rows and hydrate nothing;
 * writes keep MikroORM's unit of work, optimistic locking and audit.
 */
export interface ReadDb {
  /** Runs one read statement and returns its rows (dates and timestamps as text, numerics as strings). */
  /** `prepare: false` sends the statement unnamed (for one-off shapes, such as a page at a deep offset). */
  rows<T>(query: Sql, options?: { prepare?: boolean }): Promise<T[]>;
}

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

// Read models send a handful of statement shapes over and over (the values change, the text does not).
// Naming them makes each pooled connection parse and plan a shape once instead of on every request;
// planning was as long as executing for a 50-row page. Bounded, in case shapes ever grow without limit.
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= 5000) return undefined;
    name = `r${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    statementNames.set(text, name);
  }
  return name;
}
interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}

export function createReadDb(orm: Pick<MikroORM, 'em'>, options: { log?: Logger; observer?: SqlObserver } = {}): ReadDb {
  const connection = orm.em.getConnection();
  const converter = orm.em.getPlatform().getExceptionConverter();
  const debug = options.log?.isLevelEnabled('debug') ?? false;
  return {
    async rows<T>(query: Sql, rowOptions: { prepare?: boolean } = {}): Promise<T[]> {
      const text = query.text;
      options.observer?.(text);
      if (debug) options.log?.debug({ sql: text }, 'sql');
      // The knex client owns the pool MikroORM configured (with its type parsers); borrow a connection.
      const client = (connection.getKnex() as unknown as { client: KnexClient }).client;
      const pgClient = await client.acquireConnection();
      try {
        const result = await pgClient.query({ name: rowOptions.prepare === false ? undefined : statementName(text), text, values: query.values });
        return result.rows as T[];
      } catch (error) {
        // The same typed exceptions MikroORM raises (e.g. 22P02 for a malformed id), so error mapping stays in one place.
        throw converter.convertException(error as Error & { code?: string });
      } finally {
        await client.releaseConnection(pgClient);
      }
    },
  };
}

/**
 * Runs one statement with bound parameters in `em`'s transaction (or outside one) and returns its rows. For bulk
 * writes whose parameters are large (a chunk of results as one JSON document): MikroORM's `execute` inlines every
 * value into the SQL text, so the server lexes a multi-megabyte literal; here the driver sends it as a parameter.
 * Placeholders are `?` as for `execute`. Example: await executeBound(em, 'update t set x = ? where id = ?', [1, id])
 *
 * The statement goes around MikroORM's query methods, so it is reported to MikroORM's logger here, the way the ORM
 * reports its own: whatever observes the ORM's statements (the SQL counters of the tests and benches, debug logs)
 * sees these too. Its text is logged with placeholders, not values (they are the large part).
 */
export async function executeBound<T>(em: Pick<EntityManager, 'getTransactionContext' | 'getKnex' | 'config'>, text: string, values: readonly unknown[]): Promise<T[]> {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  const started = Date.now();
  let rows: T[] | undefined;
  try {
    rows = ((await knex.raw(text, values as Knex.RawBinding[])) as { rows: T[] }).rows;
    return rows;
  } finally {
    em.config.getLogger().logQuery({ query: text, took: Date.now() - started, ...(rows ? { results: rows.length } : { level: 'error' }) });
  }
}
