import type { DomainIssue } from '../issues.js';

/**
 * A calendar input that cannot be interpreted (bad ISO date, unknown period key, impossible window).
 * Thrown rather than returned because these are programming or data errors the caller must fix;
 * the issue carries a stable code for translation.
 * Example: new CalendarError({ path: ['date'], code: 'calendar_invalid_date', message: '2026-02-30 is not a date' })
 */
export class CalendarError extends Error {
  readonly issue: DomainIssue;
  constructor(issue: DomainIssue) {
    super(issue.message);
    this.name = 'CalendarError';
    this.issue = issue;
  }
  /** The stable error code. Example: err.code -> 'calendar_invalid_date' */
  get code(): string {
    return this.issue.code;
  }
}
