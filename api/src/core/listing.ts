import type { QueryOrderMap } from '@mikro-orm/core';
import { SortDirection } from './connection.js';

/** An ILIKE pattern matching `text` anywhere, with the LIKE wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Turns GraphQL sort keys into a MikroORM order, ending with the id so that equal keys keep a stable
 * order and offsets and cursors stay repeatable.
 */
export function orderFromSort<T extends { id: string }, F extends string>(
  sort: ReadonlyArray<{ field: F; direction: SortDirection }> | undefined,
  columns: Record<F, keyof T & string>,
  fallback: { field: F; direction: SortDirection },
): QueryOrderMap<T>[] {
  const keys = sort?.length ? sort : [fallback];
  const order = keys.map((s) => ({ [columns[s.field]]: s.direction === SortDirection.DESC ? 'desc' : 'asc' }) as QueryOrderMap<T>);
  order.push({ id: 'asc' } as QueryOrderMap<T>);
  return order;
}
