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
  return [{ path, code: `schema_${issue.code}`, message: issue.message }];
}

/**
 * Converts zod issues to domain issues so every validator of the domain reports the same shape.
 * Example: zodToDomainIssues(schema.safeParse(x).error!.issues) -> [{ path: ['bands', 0, 'min'], code: 'schema_invalid_type', ... }]
 */
export function zodToDomainIssues(issues: readonly ZodIssue[]): DomainIssue[] {
  return issues.flatMap((i) => flatten(i, []));
}
