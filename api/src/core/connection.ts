import { ArgsType, type ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AppError } from './errors.js';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });

@ObjectType({ description: 'Where a page sits in the whole list (Relay cursor connections).', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when there are items after this page.' })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'True when there are items before this page.' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `<Name>Connection` and `<Name>Edge` types for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `An edge to one ${name}.`, simpleResolvers: true })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item.' })
    cursor!: string;
    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items with the total count.`, simpleResolvers: true })
  class Connection implements ConnectionShape<T> {
    @Field(() => [nodeType], { description: 'The items of this page.' })
    nodes!: T[];
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];
    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many items match the filter in all pages.' })
    totalCount!: number;
  }
  return Connection;
}

/**
 * Paging arguments shared by every list query: `first` + `after` (keyset cursors, stable while rows are
 * inserted: the way to read everything) or `first` + `offset` (pages, for page-numbered clients).
 * Explicit nulls mean "not given": many client libraries send `after: null`.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 500 (default 25).' })
  first?: number | null;
  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (from `pageInfo.endCursor` or an edge).' })
  after?: string | null;
  @Field(() => Int, { nullable: true, description: 'Items to skip; for page-based clients. Not together with `after`.' })
  offset?: number | null;
}

/** One sort key of a list: the field and the direction. */
export interface SortKey<F> {
  field: F;
  direction?: SortDirection | null;
}

/**
 * Builds the `<name>` input type, one sort key of a list: `field` from the list's sort-field enum (registered
 * with registerEnumType) and an optional direction. `items` names the list's items in the description.
 */
export function sortInputType<F extends string>(name: string, fieldEnum: Record<string, F>, items: string): ClassType<SortKey<F>> {
  @InputType(name, { description: `One sort key for ${items}.` })
  class Sort implements SortKey<F> {
    @Field(() => fieldEnum, { description: 'The key.' }) field!: F;
    @Field(() => SortDirection, { nullable: true, description: 'ASC (default) or DESC.' }) direction?: SortDirection | null;
  }
  return Sort;
}

/** Paging arguments with a list's filter and sort keys. */
export interface ListArgs<Filter, Sort> extends PageArgs {
  filter?: Filter | null;
  sort?: Sort[] | null;
}

/**
 * Builds the arguments of a list query: paging (PageArgs), `filter` and `sort`. `defaultOrder` says how the
 * list is ordered without sort keys (e.g. "code", "newest first").
 */
export function listArgsType<Filter extends object, Sort extends object>(filter: ClassType<Filter>, sort: ClassType<Sort>, defaultOrder: string): ClassType<ListArgs<Filter, Sort>> {
  @ArgsType()
  class Args extends PageArgs implements ListArgs<Filter, Sort> {
    @Field(() => filter, { nullable: true, description: 'Filter.' }) filter?: Filter | null;
    @Field(() => [sort], { nullable: true, description: `Order; default: ${defaultOrder}.` }) sort?: Sort[] | null;
  }
  return Args;
}

export const MAX_PAGE_SIZE = 500;
/** Offsets beyond this are refused: reading that deep is what keyset cursors are for. */
export const MAX_OFFSET = 1_000_000;

/** The sort values and id of the row a cursor points after. */
export type CursorKey = ReadonlyArray<string | number | boolean | null>;

export interface ResolvedPage {
  limit: number;
  offset: number;
  /** Values of the sort keys followed by the id of the last row seen, when paging by cursor. */
  after: CursorKey | null;
}

const badInput = (field: string, rule: string, message: string) => new AppError('BAD_USER_INPUT', `${field}: ${message}.`, [{ field, rule, message }]);

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor is a base64url JSON array of scalars, one per sort key plus the id; anything else is refused. */
function decodeCursor(cursor: string, keyCount: number): CursorKey {
  const notACursor = badInput('after', 'cursor', 'not a cursor returned by this API for this list and sort');
  if (cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw notACursor;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notACursor;
  }
  if (!Array.isArray(parsed) || parsed.length !== keyCount + 1) throw notACursor;
  for (const value of parsed) {
    const ok =
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isSafeInteger(value)) ||
      (typeof value === 'string' && value.length <= 512 && !value.includes('\u0000'));
    if (!ok) throw notACursor;
  }
  return parsed as CursorKey;
}

/**
 * Turns paging arguments into limit, offset and cursor key, refusing out-of-range values with the field
 * named. `sortKeyCount` is how many sort keys precede the id in this list's cursors.
 */
export function resolvePage(page: PageArgs, sortKeyCount: number): ResolvedPage {
  const limit = page.first ?? 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badInput('first', 'range', `must be between 1 and ${MAX_PAGE_SIZE}`);
  const after = page.after ?? null;
  const offset = page.offset ?? 0;
  if (after !== null && page.offset !== undefined && page.offset !== null) throw badInput('offset', 'exclusive_with_after', 'use either after or offset, not both');
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw badInput('offset', 'range', `must be between 0 and ${MAX_OFFSET}`);
  return { limit, offset, after: after === null ? null : decodeCursor(after, sortKeyCount) };
}

/**
 * One page of rows as a connection. Edges and page info are built only when the query reads them
 * (cursor encoding for 500 rows is not free), and the total comes from the page's own statement.
 */
export class Page<T> implements ConnectionShape<T> {
  constructor(
    readonly nodes: T[],
    /** The cursor key of each node, aligned with `nodes`. */
    private readonly keys: CursorKey[],
    readonly totalCount: number,
    private readonly page: ResolvedPage,
    private readonly hasMore: boolean,
  ) {}

  get edges(): Array<{ cursor: string; node: T }> {
    return this.nodes.map((node, i) => ({ cursor: encodeCursor(this.keys[i] ?? []), node }));
  }

  get pageInfo(): PageInfo {
    const last = this.keys.length - 1;
    return {
      hasNextPage: this.hasMore,
      hasPreviousPage: this.page.offset > 0 || this.page.after !== null,
      startCursor: last >= 0 ? encodeCursor(this.keys[0] ?? []) : null,
      endCursor: last >= 0 ? encodeCursor(this.keys[last] ?? []) : null,
    };
  }

  /** The same page with other nodes in the same positions (e.g. entities loaded for the rows' ids). */
  withNodes<U>(nodes: U[]): Page<U> {
    return new Page(nodes, this.keys, this.totalCount, this.page, this.hasMore);
  }

  static empty<T>(): Page<T> {
    return new Page<T>([], [], 0, { limit: 0, offset: 0, after: null }, false);
  }
}
