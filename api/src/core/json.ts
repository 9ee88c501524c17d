/**
 * JSON values compared as PostgreSQL's jsonb compares them: object keys in any order (jsonb stores them shortest
 * first, not as written), a property whose value is `undefined` absent (JSON.stringify drops it, so it was never
 * stored). Used to skip a write when the value computed now equals the stored one.
 */

/** The JSON text of `value` with object keys sorted at every level. Example: canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) -> '{"a":[{"c":3,"d":2}],"b":1}' */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value)) ?? 'null';
}

/** Whether two JSON values are equal up to key order. Example: sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }) -> true */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  // toJSON first (Date, Decimal-like values), as JSON.stringify would.
  const plain = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (plain !== value) return sortedKeys(plain);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined && typeof v !== 'function') out[key] = sortedKeys(v);
  }
  return out;
}
