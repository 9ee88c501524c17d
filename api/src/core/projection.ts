import { join, raw, type Sql } from './db.js';

/**
 * A read model's columns: GraphQL property → SQL column, selected under a prefix so that the same
 * projection can appear several times in one statement (an employee and, joined, their supervisor).
 */
export type ColumnMap<T> = Readonly<Record<keyof T & string, string>>;

/** `alias.column as "prefix.property"` for every column of the map. */
export function selectColumns<T>(alias: string, prefix: string, columns: ColumnMap<T>): Sql {
  return join(
    Object.entries(columns).map(([property, column]) => raw(`${alias}.${column as string} as "${prefix}${property}"`)),
    ', ',
  );
}

// The (property, selected name) pairs per column map and prefix, built once: rows are read many times.
const pairCache = new WeakMap<object, Map<string, Array<[string, string]>>>();
function pairsOf(columns: object, prefix: string): Array<[string, string]> {
  let byPrefix = pairCache.get(columns);
  if (!byPrefix) pairCache.set(columns, (byPrefix = new Map()));
  let pairs = byPrefix.get(prefix);
  if (!pairs) byPrefix.set(prefix, (pairs = Object.keys(columns).map((property) => [property, `${prefix}${property}`])));
  return pairs;
}

/** Reads the columns selected by `selectColumns` back into an object keyed by property. */
export function readColumns<T>(row: Record<string, unknown>, prefix: string, columns: ColumnMap<T>): Record<keyof T & string, unknown> {
  if (prefix === '') return row as Record<keyof T & string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [property, name] of pairsOf(columns, prefix)) out[property] = row[name];
  return out as Record<keyof T & string, unknown>;
}

/** PostgreSQL timestamps arrive as text (the pool's type parsers keep them so); GraphQL serialises Dates. */
export const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
