import type { DomainIssue } from '../issues.js';

/**
 * An expected pay-rule failure (negative weight, no band for a score, shares not summing to 100).
 * Carries a DomainIssue so the API can return it as a typed, translated error with its code.
 * Example: try { splitPool('100', [{ id: 'a', weight: '-1' }]) } catch (e) { (e as PayError).code } -> 'pay_negative_weight'
 */
export class PayError extends Error {
  readonly issue: DomainIssue;
  constructor(issue: DomainIssue) {
    super(issue.message);
    this.name = 'PayError';
    this.issue = issue;
  }
  /** The stable error code. Example: err.code -> 'pay_no_band' */
  get code(): string {
    return this.issue.code;
  }
}
