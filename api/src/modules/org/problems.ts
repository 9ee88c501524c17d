import type { DomainIssue } from '@appraisal/domain';
import type { FieldProblem } from '../../core/errors.js';

/** Domain issues as API field problems: the first path segment is the input field. */
export function toFieldProblems(issues: DomainIssue[]): FieldProblem[] {
  return issues.map((issue) => ({ field: String(issue.path[0] ?? 'input'), rule: issue.code, message: issue.message, ...(issue.params ? { params: issue.params } : {}) }));
}
