/**
 * A rule violation found by a domain validator: where it is (a path into the checked document),
 * which rule it broke (a stable code clients can translate), and an English message.
 * Example: { path: ['sections', 1, 'weight'], code: 'section_weights_sum', message: 'section weights sum to 90, not 100' }
 */
export interface DomainIssue {
  path: ReadonlyArray<string | number>;
  code: string;
  message: string;
  /** Values a translated message can interpolate (expected, actual, limits). */
  params?: Readonly<Record<string, string | number | boolean>>;
}

/** A validation result: either the parsed value or every issue found (never only the first). */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: DomainIssue[] };

/** Formats a path the way users read it: `sections[1].weight`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}
