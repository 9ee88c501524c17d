import { join, raw, type Sql } from './db.js';

/**
 * A read model's columns: GraphQL property → SQL column, selected under a prefix so that the same
 * projection can appear several times in one statement (an employee and, joined, their supervisor).
 */
export type ColumnMap<T> = Readonly<Record<keyof T & string, string>>;

/**
 * `alias.column as "prefix.property"` for every column of the map, or only for the properties in `only`
 * (the id is always selected). Selecting what the query reads, not whole rows, is most of what makes a
 * 500-row page cheap: four related rows of 10-20 columns each would be 60 values per row to parse.
 */
export function selectColumns<T>(alias: string, prefix: string, columns: ColumnMap<T>, only?: ReadonlySet<string>): Sql {
  return join(
    Object.entries(columns)
      .filter(([property]) => !only || property === 'id' || only.has(property))
      .map(([property, column]) => raw(`${alias}.${column as string} as "${prefix}${property}"`)),
    ', ',
  );
}

/**
 * The properties a read model must fetch to answer the selected GraphQL fields: a plain field needs itself,
 * a relation needs its foreign key (`needs.department = ['departmentId']`), a field computed elsewhere nothing.
 */
export function propertiesFor(selected: ReadonlySet<string>, needs: Readonly<Record<string, readonly string[]>>): Set<string> {
  const out = new Set<string>(['id']);
  for (const field of selected) for (const property of needs[field] ?? [field]) out.add(property);
  return out;
}

/**
 * Related rows a page statement joined in (look-ahead), kept on the row they belong to under one symbol per relation:
 * a plain property assignment (no property descriptor, no holder object per row). Symbols are invisible to GraphQL
 * and to JSON.
 */
const joinedSlots = new Map<string, symbol>();
function joinedSlot(relation: string): symbol {
  let slot = joinedSlots.get(relation);
  if (slot === undefined) joinedSlots.set(relation, (slot = Symbol(`joined:${relation}`)));
  return slot;
}

/** Keeps a joined related row (or null for "none") on its row, so its field resolves without a loader or a promise. */
export function attachJoined<T extends object>(row: T, relation: string, value: unknown): T {
  (row as Record<symbol, unknown>)[joinedSlot(relation)] = value;
  return row;
}

/** The joined related row, `null` when the join found none, `undefined` when it was not joined. */
export function joinedOf<R>(row: object, relation: string): R | null | undefined {
  return (row as Record<symbol, R | null | undefined>)[joinedSlot(relation)];
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

// One scratch object per column map and prefix (see readColumns).
const scratchCache = new WeakMap<object, Map<string, Record<string, unknown>>>();

/**
 * Reads the columns selected by `selectColumns` back into an object keyed by property. With a prefix, the object is a
 * scratch object reused by the next call for the same map and prefix (a 500-row page with three joined relations
 * would otherwise allocate 1,500 of them): read it at once into the row being built, never keep it.
 */
export function readColumns<T>(row: Record<string, unknown>, prefix: string, columns: ColumnMap<T>): Record<keyof T & string, unknown> {
  if (prefix === '') return row as Record<keyof T & string, unknown>;
  let byPrefix = scratchCache.get(columns);
  if (!byPrefix) scratchCache.set(columns, (byPrefix = new Map()));
  let out = byPrefix.get(prefix);
  if (!out) byPrefix.set(prefix, (out = {}));
  for (const [property, name] of pairsOf(columns, prefix)) out[property] = row[name];
  return out as Record<keyof T & string, unknown>;
}

/**
 * PostgreSQL timestamps arrive as text (the pool's type parsers keep them so); GraphQL serialises Dates.
 * A column the query did not select stays undefined (nothing will read it).
 */
export const toDate = (value: unknown): Date => (value === undefined || value instanceof Date ? (value as Date) : new Date(String(value)));
