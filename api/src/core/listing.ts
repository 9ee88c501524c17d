import { type Actor, readableOnEveryRow, type ResourceAccess, withServiceScope } from '@appraisal/domain';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CursorKey, Page, type ResolvedPage, resolvePage, SortDirection, type PageArgs } from './connection.js';
import { empty, join, raw, type ReadDb, sql, type Sql } from './db.js';
import { AppError } from './errors.js';

/** An ILIKE pattern matching `text` anywhere, with the LIKE wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A sort key: the field of the node whose order it reveals, and a non-null SQL expression to order by. */
export interface SortKeySpec {
  field: string;
  sql: Sql;
}

/**
 * What a list query lets callers filter, search and sort on, and which field of the node each reveals.
 * One declaration per connection; `checkListArgs` refuses any argument over a field the caller may not
 * read on every row their scope can contain, so a filter can never be used to learn a hidden value.
 */
export interface ListingSpec<F> {
  /** The query field, e.g. 'employees' (the filter walk test finds specs by it). */
  query: string;
  access: ResourceAccess<F>;
  /** Filter input field → the node field whose value it reveals (`ids` → 'id'). `q` is the free-text search, listed in `search`. */
  filters: Readonly<Record<string, string>>;
  /** Columns the free-text `q` matches, with the node field each reveals; unreadable ones are dropped for the caller. */
  search: ReadonlyArray<SortKeySpec>;
  /** Sort enum value → key. Every list ends with its id as the last key, so order and cursors are stable. */
  sorts: Readonly<Record<string, SortKeySpec>>;
  /** Sorts used when the query gives none: the first one the caller may read wins, else the id alone. */
  defaultSort: ReadonlyArray<{ field: string; direction: SortDirection }>;
  /** The id column, the final tie-breaker. */
  id: Sql;
}

/** All listing specs, by query field; modules register theirs so the walk test can check every argument. */
export const listingRegistry = new Map<string, ListingSpec<unknown>>();

export function defineListing<F>(spec: ListingSpec<F>): ListingSpec<F> {
  if (listingRegistry.has(spec.query)) throw new Error(`Listing ${spec.query} is defined twice`);
  // Filters and sorts of a reporting token are checked against its scope-composed fields, like its reads.
  const composed: ListingSpec<F> = { ...spec, access: withServiceScope(spec.access) };
  listingRegistry.set(spec.query, composed as ListingSpec<unknown>);
  return composed;
}

export interface SortArg {
  field: string;
  direction?: SortDirection | null;
}

export interface CheckedListArgs {
  page: ResolvedPage;
  /** ORDER BY keys, the id last. */
  order: Array<{ sql: Sql; direction: SortDirection }>;
  /** The `q` condition over the readable columns only, or null without `q`. */
  search: Sql | null;
}

const refuse = (argument: string, field: string) =>
  new AppError('FORBIDDEN', `${argument}: you may not filter or sort on ${field}, which you cannot read on every row you can list.`, [
    { field: argument, rule: 'field_not_readable', message: `you may not filter or sort on ${field}` },
  ]);

const isGiven = (value: unknown) => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/**
 * Checks a list's filter, search and sort arguments against the caller's field rules and resolves the page.
 * Per actor and list this is a handful of pure policy calls: no SQL, no per-row work.
 */
export function checkListArgs<F>(
  actor: Actor,
  spec: ListingSpec<F>,
  args: PageArgs & { filter?: object | null; sort?: ReadonlyArray<SortArg> | null },
): CheckedListArgs {
  const readable = (field: string) => readableOnEveryRow(spec.access, actor, field);
  const filter = (args.filter ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(filter)) {
    if (name === 'q' || !isGiven(value)) continue;
    const field = spec.filters[name];
    // An argument without a declared field is a programming error; refusing it keeps deny-by-default.
    if (!field || !readable(field)) throw refuse(`filter.${name}`, field ?? name);
  }
  const search = searchCondition(actor, spec, filter.q);
  const fallback = spec.defaultSort.find((key) => {
    const sortKey = spec.sorts[key.field];
    return sortKey !== undefined && readable(sortKey.field);
  });
  const keys = args.sort?.length ? args.sort : fallback ? [fallback] : [];
  const order = keys.map((key, index) => {
    const sortKey = spec.sorts[key.field];
    if (!sortKey || !readable(sortKey.field)) throw refuse(`sort[${index}].field`, sortKey?.field ?? key.field);
    return { sql: sortKey.sql, direction: key.direction ?? SortDirection.ASC };
  });
  // Ties end by id in the direction of the last key, so one-key lists keep a single row comparison.
  order.push({ sql: spec.id, direction: order[order.length - 1]?.direction ?? SortDirection.ASC });
  return { page: resolvePage(args, order.length - 1), order, search };
}

/** The free-text condition over the columns the actor may read on every row (none readable: matches nothing). */
export function searchCondition<F>(actor: Actor, spec: ListingSpec<F>, q: unknown): Sql | null {
  const text = typeof q === 'string' ? q.trim() : '';
  if (!text) return null;
  const columns = spec.search.filter((column) => readableOnEveryRow(spec.access, actor, column.field));
  const like = containsPattern(text);
  return columns.length ? sql`(${join(columns.map((c) => sql`${c.sql} ilike ${like}`), ' or ')})` : sql`false`;
}

/** Where rows come from: CTEs, the FROM clause with any look-ahead joins, and the conditions (scope + filters). */
export interface PageSource {
  with?: Sql;
  /** Columns of the page (the read model's projection). */
  select: Sql;
  from: Sql;
  /** FROM clause for counting: without the look-ahead joins. Defaults to `from`. */
  countFrom?: Sql;
  where: Sql[];
}

/**
 * Runs one statement for a page: the rows (one more than asked, to know whether there is a next page),
 * their sort key values for cursors, and the total when the query asks for it (a scalar sub-select the
 * planner runs once). Only an empty page past the end costs a second statement for the total.
 */
export async function fetchPage<Raw extends Record<string, unknown>, Row>(
  db: ReadDb,
  source: PageSource,
  checked: CheckedListArgs,
  wantTotal: boolean,
  toRow: (raw: Raw) => Row,
): Promise<Page<Row>> {
  const { page, order } = checked;
  const conditions = [...source.where];
  if (checked.search) conditions.push(checked.search);
  const where = conditions.length ? sql`where ${join(conditions, ' and ')}` : empty;
  const countFrom = source.countFrom ?? source.from;
  const count = sql`(select count(*)::int from ${countFrom} ${where})`;
  const keyset = page.after ? keysetCondition(order, page.after) : null;
  const pageWhere = keyset ? (conditions.length ? sql`${where} and ${keyset}` : sql`where ${keyset}`) : where;
  const keyColumns = join(
    order.map((key, i) => sql`${key.sql} as ${raw(`"__k${i}"`)}`),
    ', ',
  );
  const orderBy = join(
    order.map((key) => sql`${key.sql} ${raw(key.direction === SortDirection.DESC ? 'desc' : 'asc')}`),
    ', ',
  );
  // Limit and offset go inline (resolvePage has checked they are bounded integers): as bind parameters, the
  // named statement's generic plan must guess the page size and picked a full sort over every row (500 rows:
  // 8-12 ms instead of 2.7 ms). The statement cache in db.ts is bounded, so many page sizes cannot grow it.
  const statement = sql`${source.with ?? empty}
    select ${source.select}, ${keyColumns}${wantTotal ? sql`, ${count} as "__total"` : empty}
    from ${source.from} ${pageWhere}
    order by ${orderBy}
    limit ${raw(String(page.limit + 1))} offset ${raw(String(page.offset))}`;
  // First pages and keyset pages share a handful of shapes worth preparing; each deep offset is its own text,
  // which would only fill every connection's statement cache.
  const raws = await db.rows<Raw & Record<string, unknown>>(statement, { prepare: page.offset === 0 });
  const hasMore = raws.length > page.limit;
  if (hasMore) raws.pop();
  let total = 0;
  if (wantTotal) {
    if (raws.length) total = raws[0]?.__total as number;
    else if (page.offset > 0 || page.after) total = (await db.rows<{ n: number }>(sql`${source.with ?? empty} select ${count} as n`))[0]?.n ?? 0;
  }
  const keyNames = order.map((_, i) => `__k${i}`);
  const keys = raws.map((r): CursorKey => keyNames.map((name) => r[name] as string | number | boolean | null));
  return new Page(raws.map(toRow), keys, total, page, hasMore);
}

/**
 * A page of MikroORM entities, for modules whose reads still hydrate entities: the page statement picks the
 * ids (scope, filters, order, keyset, total), then one query loads those entities in that order.
 */
export async function fetchEntityPage<E extends { id: string }>(
  ctx: { db: ReadDb; em: EntityManager },
  entity: EntityClass<E>,
  source: Omit<PageSource, 'select'> & { id: Sql },
  checked: CheckedListArgs,
  wantTotal: boolean,
): Promise<Page<E>> {
  const page = await fetchPage(ctx.db, { ...source, select: sql`${source.id} as "id"` }, checked, wantTotal, (r) => r.id as string);
  if (!page.nodes.length) return page.withNodes<E>([]);
  const found = (await ctx.em.find(entity, { id: { $in: page.nodes } } as unknown as FilterQuery<E>)) as E[];
  const byId = new Map(found.map((e) => [e.id, e]));
  // Rows are never deleted (only deactivated), so every id of the page is found.
  return page.withNodes(page.nodes.map((id) => byId.get(id) as E));
}

/** Rows strictly after the cursor in the list's order: (k0 > v0) or (k0 = v0 and k1 > v1) or ... */
function keysetCondition(order: CheckedListArgs['order'], after: CursorKey): Sql {
  const alternatives: Sql[] = [];
  for (let i = 0; i < order.length; i++) {
    const equalities = order.slice(0, i).map((key, j) => sql`${key.sql} = ${after[j]}`);
    const key = order[i] as CheckedListArgs['order'][number];
    const beyond = sql`${key.sql} ${raw(key.direction === SortDirection.DESC ? '<' : '>')} ${after[i]}`;
    alternatives.push(join([...equalities, beyond], ' and '));
  }
  return sql`(${join(alternatives.map((a) => sql`(${a})`), ' or ')})`;
}
