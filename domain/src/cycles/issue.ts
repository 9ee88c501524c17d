import type { Checked, DomainIssue } from '../issues.js';

/** Params an issue carries for translation (the message catalog interpolates them). */
export type IssueParams = Readonly<Record<string, string | number | boolean>>;

/** Builds a DomainIssue with its stable code, English message, params and path. Example: cycleIssue('phase_closed', 'rating closed on 2026-06-05', { phase: 'rating', closedOn: '2026-06-05' }) */
export function cycleIssue(code: string, message: string, params: IssueParams = {}, path: ReadonlyArray<string | number> = []): DomainIssue {
  return { path, code, message, params };
}

/** A failed Checked with one issue. Example: fail(cycleIssue('x', 'y')) -> { ok: false, issues: [...] } */
export function fail<T>(...issues: DomainIssue[]): Checked<T> {
  return { ok: false, issues };
}

/** Prefixes the paths of issues (a nested check reported at its place in the caller's input). Example: under(['ratings', 2], issues) */
export function under(prefix: ReadonlyArray<string | number>, issues: readonly DomainIssue[]): DomainIssue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}
