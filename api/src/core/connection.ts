import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AppError } from './errors.js';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });

@ObjectType({ description: 'Where a page sits in the whole list (Relay cursor connections).' })
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
  @ObjectType(`${name}Edge`, { description: `An edge to one ${name}.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item.' })
    cursor!: string;
    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items with the total count.` })
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

/** Paging arguments shared by every list query: `first` + `after` (cursors) or `first` + `offset` (pages). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 500 (default 25).' })
  first?: number;
  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string;
  @Field(() => Int, { nullable: true, description: 'Items to skip; for page-based clients.' })
  offset?: number;
}

export const MAX_PAGE_SIZE = 500;

// Cursors are opaque to clients; today they encode the position in the sorted list.
const encodeCursor = (position: number): string => Buffer.from(`pos:${position}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^pos:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw new AppError('BAD_USER_INPUT', 'after: not a cursor returned by this API.', [{ field: 'after', rule: 'cursor', message: 'not a cursor returned by this API' }]);
  return Number(match[1]);
}

/** Turns paging arguments into limit/offset, rejecting out-of-range values with the field named. */
export function resolvePage(page: PageArgs): { limit: number; offset: number } {
  const limit = page.first ?? 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new AppError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}.`, [
      { field: 'first', rule: 'range', message: `must be between 1 and ${MAX_PAGE_SIZE}` },
    ]);
  if (page.after !== undefined && page.offset !== undefined)
    throw new AppError('BAD_USER_INPUT', 'Use either after or offset, not both.', [
      { field: 'offset', rule: 'exclusive_with_after', message: 'use either after or offset, not both' },
    ]);
  const offset = page.after !== undefined ? decodeCursor(page.after) + 1 : (page.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0)
    throw new AppError('BAD_USER_INPUT', 'offset must be 0 or more.', [{ field: 'offset', rule: 'range', message: 'must be 0 or more' }]);
  return { limit, offset };
}

export function toConnection<T>(items: T[], totalCount: number, offset: number): ConnectionShape<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    nodes: items,
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
