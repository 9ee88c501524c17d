import type { z } from 'zod';
import type { DomainIssue } from '../issues.js';

type ZodIssue = z.core.$ZodIssue;
type Path = (string | number)[];

function toPath(path: readonly PropertyKey[]): Path {
  // zod paths may hold symbols in theory; documents are JSON so only strings and numbers occur.
  return path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
}

/**
 * A failed union reports every alternative's issues. The alternative the author meant is the one
 * whose shape matched (no issue at the union's own position); report that one's issues, precisely.
 */
function flatten(issue: ZodIssue, prefix: Path): DomainIssue[] {
  const path = [...prefix, ...toPath(issue.path)];
  if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors) && issue.errors.length > 0) {
    const candidates = issue.errors
      .filter((option) => option.length > 0 && option.every((i) => i.path.length > 0))
      .sort((a, b) => a.length - b.length);
    const chosen = candidates[0];
    if (chosen) return chosen.flatMap((i) => flatten(i, path));
  }
  return [{ path, code: `schema_${issue.code}`, message: issue.message, params: zodIssueParams(issue) }];
}

// Formats of text the documents use, so a message can say "a number such as 80" rather than quote a regex.
const KNOWN_PATTERNS: Readonly<Record<string, string>> = {
  [String(/^-?\d+(\.\d+)?$/)]: 'decimal',
  [String(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)]: 'identifier',
};

/**
 * The parameters a translated message needs from a zod issue (expected type, limits, allowed values) and
 * the variant of the message (`missing` for an absent field, `decimal` / `identifier` for known text formats).
 * Example: zodIssueParams({ code: 'invalid_type', expected: 'string', message: '... received undefined', path: [] }) -> { expected: 'string', variant: 'missing' }
 */
export function zodIssueParams(issue: ZodIssue): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const list = (values: readonly unknown[]): string => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  switch (issue.code) {
    case 'invalid_type':
      out.expected = String(issue.expected);
      if (/received undefined$/.test(issue.message)) out.variant = 'missing';
      // Scores and money are decimal text in the documents; a bare number is the usual slip.
      else if (issue.expected === 'string' && /received number$/.test(issue.message)) out.variant = 'numberAsText';
      break;
    case 'too_small':
      out.minimum = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'string') out.variant = issue.origin;
      break;
    case 'too_big':
      out.maximum = String(issue.maximum);
      break;
    case 'invalid_format': {
      out.format = issue.format;
      const variant = 'pattern' in issue && typeof issue.pattern === 'string' ? KNOWN_PATTERNS[issue.pattern] : undefined;
      if (variant) out.variant = variant;
      break;
    }
    case 'invalid_value':
      out.values = list(issue.values);
      break;
    case 'unrecognized_keys':
      out.keys = issue.keys.join(', ');
      break;
    case 'not_multiple_of':
      out.divisor = String(issue.divisor);
      break;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        out.options = list(issue.options as unknown[]);
        out.variant = 'discriminator';
      }
      break;
    case 'custom':
      out.detail = issue.message;
      break;
    default:
      break;
  }
  return out;
}

/**
 * Converts zod issues to domain issues so every validator of the domain reports the same shape.
 * Example: zodToDomainIssues(schema.safeParse(x).error!.issues) -> [{ path: ['bands', 0, 'min'], code: 'schema_invalid_type', ... }]
 */
export function zodToDomainIssues(issues: readonly ZodIssue[]): DomainIssue[] {
  return issues.flatMap((i) => flatten(i, []));
}
