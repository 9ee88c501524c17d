import type { Checked, DomainIssue } from '../issues.js';
import { compareIsoDates, isCalendarDate, type IsoDate } from '../calendar/dates.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { LocalText } from '../scheme/schema.js';
import type { PolicyVersionState } from '../workflow/policy-version.js';

/** Longest title of a policy or notice. */
export const TITLE_MAX = 200;
/** Longest Markdown body of a policy version or notice (per language). */
export const BODY_MAX = 100_000;

/** Whom a policy version governs: everyone, departments (with their sub-departments) or positions. */
export type PolicyScope = { kind: 'all' } | { kind: 'departments'; ids: readonly string[] } | { kind: 'positions'; ids: readonly string[] };

/** A policy version as HR writes it. */
export interface PolicyVersionDraft {
  title: LocalText;
  /** Markdown in both languages; rendered without raw HTML. */
  body: LocalText;
  effectiveFrom: IsoDate;
  scope: PolicyScope;
  /** Every person in scope acknowledges this version. */
  requiresAcknowledgement: boolean;
  /** Working days after publication to acknowledge (reminders count to it). */
  acknowledgementWorkingDays?: number;
}

// Raw HTML is never rendered; refusing it at the door keeps stored bodies plain Markdown (defence in depth).
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/;
const SCRIPT_URL = /\]\(\s*(?:javascript|vbscript|data):/i;

/**
 * Issues of a Markdown body: raw HTML tags and script/data URLs in links are refused (the console renders Markdown
 * without HTML; this keeps stored documents clean). Example: markdownIssues('Hello <script>x</script>', ['body', 'en']) -> [{ code: 'markdown_raw_html', ... }]
 */
export function markdownIssues(text: string, path: (string | number)[]): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const tag = HTML_TAG.exec(text);
  if (tag) issues.push(issue('markdown_raw_html', `raw HTML is not allowed (${tag[0].slice(0, 40)}); write Markdown`, { tag: tag[0].slice(0, 40) }, path));
  if (SCRIPT_URL.test(text)) issues.push(issue('markdown_script_link', 'links to javascript:, vbscript: or data: URLs are not allowed', {}, path));
  return issues;
}

/** Checks a bilingual title and body. Example: localTextIssues({ en: 'x', zh: '' }, 'title', 200) -> [{ code: 'text_required', path: ['title', 'zh'] }] */
export function localTextIssues(text: LocalText, field: string, max: number, markdown = false): DomainIssue[] {
  const issues: DomainIssue[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const value = text[lang];
    if (!value.trim()) issues.push(issue('text_required', `the ${field} in ${lang === 'en' ? 'English' : 'Chinese'} is required`, { field, variant: lang }, [field, lang]));
    else if (value.length > max) issues.push(issue('text_too_long', `the ${field} is ${value.length} characters; at most ${max}`, { field, max, length: value.length }, [field, lang]));
    if (markdown) issues.push(...markdownIssues(value, [field, lang]));
  }
  return issues;
}

/**
 * Validates a policy version: both languages of title and body, a Markdown body without raw HTML, an effective date,
 * a scope naming at least one department or position when not `all`, acknowledgement days within 1..60.
 * Example: checkPolicyVersion({ ...draft, scope: { kind: 'departments', ids: [] } }).ok -> false
 */
export function checkPolicyVersion(draft: PolicyVersionDraft): Checked<PolicyVersionDraft> {
  const issues: DomainIssue[] = [...localTextIssues(draft.title, 'title', TITLE_MAX), ...localTextIssues(draft.body, 'body', BODY_MAX, true)];
  if (!isCalendarDate(draft.effectiveFrom)) issues.push(issue('policy_effective_date', 'a version needs an effective date', {}, ['effectiveFrom']));
  if (draft.scope.kind !== 'all' && draft.scope.ids.length === 0) issues.push(issue('policy_scope_empty', `name at least one of the ${draft.scope.kind}`, { variant: draft.scope.kind }, ['scope']));
  const days = draft.acknowledgementWorkingDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 60)) issues.push(issue('policy_acknowledgement_days', 'acknowledgement takes 1 to 60 working days', { value: days }, ['acknowledgementWorkingDays']));
  return issues.length ? { ok: false, issues } : { ok: true, value: draft };
}

/** A stored version as the publishing rules read it. */
export interface PolicyVersionRow {
  id: string;
  number: number;
  state: PolicyVersionState;
  effectiveFrom: IsoDate;
}

/** The state changes publishing makes: the version goes live and the previously published one is superseded. */
export interface PublishPlan {
  publish: string;
  supersede: string[];
}

/**
 * What publishing a version in review does, or why it may not: it must be in review and not take effect before the
 * version it supersedes; every other published version of the policy becomes superseded in the same transaction.
 * Example: publishPlan(versions, 'v3') -> { ok: true, value: { publish: 'v3', supersede: ['v2'] } }
 */
export function publishPlan(versions: readonly PolicyVersionRow[], versionId: string): Checked<PublishPlan> {
  const v = versions.find((x) => x.id === versionId);
  if (!v) return { ok: false, issues: [issue('policy_version_unknown', `no version ${versionId}`, { versionId })] };
  const issues: DomainIssue[] = [];
  if (v.state !== 'review') issues.push(issue('policy_not_in_review', `only a version in review is published; this one is ${v.state}`, { state: v.state }));
  const live = versions.filter((x) => x.state === 'published' && x.id !== v.id);
  for (const p of live) {
    if (compareIsoDates(v.effectiveFrom, p.effectiveFrom) < 0) issues.push(issue('policy_effective_before_previous', `takes effect ${v.effectiveFrom}, before the version it replaces (${p.effectiveFrom})`, { effectiveFrom: v.effectiveFrom, previous: p.effectiveFrom }, ['effectiveFrom']));
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: { publish: v.id, supersede: live.map((x) => x.id) } };
}

/**
 * The version in effect on a day: of the published and superseded versions, the one with the latest effective date
 * on or before it (a newly published version that takes effect next month leaves the old one in effect until then).
 * Example: versionInEffect(versions, '2026-03-01')?.number -> 2
 */
export function versionInEffect<V extends PolicyVersionRow>(versions: readonly V[], day: IsoDate): V | undefined {
  return versions
    .filter((v) => (v.state === 'published' || v.state === 'superseded') && compareIsoDates(v.effectiveFrom, day) <= 0)
    .sort((a, b) => compareIsoDates(b.effectiveFrom, a.effectiveFrom) || b.number - a.number)[0];
}

/** Where a person works, for audiences and scopes: their department with every ancestor, their position and roles. */
export interface Placement {
  employeeId: string;
  departmentLineage: readonly string[];
  positionId: string | null;
  active: boolean;
}

/** Whether a scope covers a person. Example: policyScopeCovers({ kind: 'departments', ids: ['NURSING'] }, { departmentLineage: ['WARD3', 'NURSING'], ... }) -> true */
export function policyScopeCovers(scope: PolicyScope, p: Pick<Placement, 'departmentLineage' | 'positionId'>): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'departments') return scope.ids.some((id) => p.departmentLineage.includes(id));
  return p.positionId !== null && scope.ids.includes(p.positionId);
}

/** n of d as a percent with one decimal, rounded half up in integers (no float drift). Example: percentText(1, 3) -> '33.3' */
export function percentText(n: number, d: number): string {
  if (d <= 0) return '0.0';
  const tenths = Math.floor((n * 2000 + d) / (2 * d));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** Who has and has not acknowledged a version, among the active people in its scope. */
export interface AcknowledgementStatus {
  inScope: number;
  acknowledged: string[];
  pending: string[];
  /** Acknowledged share in percent, 1 place (0 with nobody in scope). */
  percent: string;
}

/**
 * Acknowledgement tracking of a version: the active people it covers, who acknowledged (an acknowledgement of a
 * person now out of scope does not count) and who has not, sorted by id.
 * Example: acknowledgementStatus(scope, people, new Set(['e1'])) -> { inScope: 2, acknowledged: ['e1'], pending: ['e2'], percent: '50.0' }
 */
export function acknowledgementStatus(scope: PolicyScope, people: readonly Placement[], acknowledged: ReadonlySet<string>): AcknowledgementStatus {
  const covered = people.filter((p) => p.active && policyScopeCovers(scope, p)).map((p) => p.employeeId).sort();
  const done = covered.filter((id) => acknowledged.has(id));
  const pending = covered.filter((id) => !acknowledged.has(id));
  const percent = percentText(done.length, covered.length);
  return { inScope: covered.length, acknowledged: done, pending, percent };
}
