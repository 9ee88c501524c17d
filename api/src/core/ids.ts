const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be one of our ids (UUIDs): a malformed one names nothing, so callers refuse it before any SQL (tokens, federation references, id arguments). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
