/** The rows a DataLoader `loadMany` found: absent ids (null) and per-key errors are dropped. */
export function present<T>(results: ReadonlyArray<T | null | Error>): T[] {
  return results.filter((r): r is T => r !== null && !(r instanceof Error));
}
