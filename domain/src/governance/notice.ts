import type { Checked, DomainIssue } from '../issues.js';
import type { RoleName } from '../policies/actor.js';
import type { LocalText } from '../scheme/schema.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import { BODY_MAX, localTextIssues, percentText, TITLE_MAX, type Placement } from './policy.js';

/**
 * Who a notice reaches: everyone, or the union of the named departments (each with its sub-departments), positions,
 * roles and people. Resolved to people when the notice is published (recipients are stored, so later moves do not
 * change who received it).
 */
export type Audience =
  | { kind: 'all' }
  | { kind: 'some'; departmentIds: readonly string[]; positionIds: readonly string[]; roles: readonly RoleName[]; employeeIds: readonly string[] };

/** A notice as HR writes it (or a template generates it). Times are ISO instants (UTC). */
export interface NoticeDraft {
  title: LocalText;
  body: LocalText;
  audience: Audience;
  /** When it becomes visible; absent = on publishing. */
  publishAt?: string;
  /** When it stops being shown (it stays in the archive of notices). */
  expiresAt?: string;
  pinned: boolean;
  requiresAcknowledgement: boolean;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** True for an ISO instant in UTC (2026-05-01T00:00:00Z). Example: isInstant('2026-05-01T08:00Z') -> true */
export function isInstant(text: string): boolean {
  return INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

/**
 * Validates a notice: bilingual title and Markdown body, an audience that names someone, valid instants with the
 * expiry after the publication, and (when scheduling) a publication time not in the past.
 * Example: checkNotice({ ...draft, audience: { kind: 'some', departmentIds: [], positionIds: [], roles: [], employeeIds: [] } }, now).ok -> false
 */
export function checkNotice(draft: NoticeDraft, now: string): Checked<NoticeDraft> {
  const issues: DomainIssue[] = [...localTextIssues(draft.title, 'title', TITLE_MAX), ...localTextIssues(draft.body, 'body', BODY_MAX, true)];
  const a = draft.audience;
  if (a.kind === 'some' && a.departmentIds.length + a.positionIds.length + a.roles.length + a.employeeIds.length === 0) issues.push(issue('notice_audience_empty', 'name who receives the notice', {}, ['audience']));
  for (const field of ['publishAt', 'expiresAt'] as const) {
    const v = draft[field];
    if (v !== undefined && !isInstant(v)) issues.push(issue('notice_time_invalid', `${v} is not a time (UTC, e.g. 2026-05-01T08:00:00Z)`, { value: v }, [field]));
  }
  if (draft.publishAt && isInstant(draft.publishAt) && Date.parse(draft.publishAt) < Date.parse(now) - 60_000) issues.push(issue('notice_publish_in_past', 'schedule the notice in the future or publish it now', { publishAt: draft.publishAt }, ['publishAt']));
  const from = draft.publishAt && isInstant(draft.publishAt) ? Date.parse(draft.publishAt) : Date.parse(now);
  if (draft.expiresAt && isInstant(draft.expiresAt) && Date.parse(draft.expiresAt) <= from) issues.push(issue('notice_expires_before_publish', 'the notice expires before it is published', { expiresAt: draft.expiresAt }, ['expiresAt']));
  return issues.length ? { ok: false, issues } : { ok: true, value: draft };
}

/** A person an audience may reach: placement and roles of their account. */
export interface AudiencePerson extends Placement {
  roles: readonly RoleName[];
}

/**
 * The people an audience reaches: active people only, sorted by id, each once. The reference for the SQL
 * (`department lineage && :departments OR position_id = any(:positions) OR roles && :roles OR id = any(:people)`).
 * Example: resolveAudience({ kind: 'some', departmentIds: ['NURSING'], positionIds: [], roles: ['HR'], employeeIds: [] }, people) -> ['hr1', 'n1', 'n2']
 */
export function resolveAudience(audience: Audience, people: readonly AudiencePerson[]): string[] {
  const reached = people.filter((p) => {
    if (!p.active) return false;
    if (audience.kind === 'all') return true;
    return (
      audience.departmentIds.some((d) => p.departmentLineage.includes(d)) ||
      (p.positionId !== null && audience.positionIds.includes(p.positionId)) ||
      audience.roles.some((r) => p.roles.includes(r)) ||
      audience.employeeIds.includes(p.employeeId)
    );
  });
  return [...new Set(reached.map((p) => p.employeeId))].sort();
}

/** Where a notice stands at an instant. */
export type NoticeStatus = 'draft' | 'scheduled' | 'live' | 'expired' | 'withdrawn';

/**
 * A notice's status now: drafts and withdrawn ones as stored; a published one is scheduled before its time, live
 * until its expiry, then expired. Example: noticeStatus({ publishedAt: '2026-05-01T00:00:00Z', publishAt: '2026-05-02T00:00:00Z' }, '2026-05-01T12:00:00Z') -> 'scheduled'
 */
export function noticeStatus(n: { publishedAt?: string | null; withdrawnAt?: string | null; publishAt?: string | null; expiresAt?: string | null }, now: string): NoticeStatus {
  if (n.withdrawnAt) return 'withdrawn';
  if (!n.publishedAt) return 'draft';
  const t = Date.parse(now);
  if (n.publishAt && Date.parse(n.publishAt) > t) return 'scheduled';
  if (n.expiresAt && Date.parse(n.expiresAt) <= t) return 'expired';
  return 'live';
}

/** The order of notices in a list: pinned first, then newest first, then id. Example: [...notices].sort(noticeOrder) */
export function noticeOrder(a: { pinned: boolean; visibleFrom: string; id: string }, b: { pinned: boolean; visibleFrom: string; id: string }): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return a.visibleFrom < b.visibleFrom ? 1 : a.visibleFrom > b.visibleFrom ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One recipient's receipt of a notice. */
export interface NoticeReceipt {
  employeeId: string;
  departmentId: string;
  deliveredAt?: string | null;
  readAt?: string | null;
  acknowledgedAt?: string | null;
}

/** Reach of a notice in one department (or overall). */
export interface ReachRow {
  departmentId: string | null;
  recipients: number;
  delivered: number;
  read: number;
  acknowledged: number;
  readPercent: string;
  acknowledgedPercent: string;
}

/**
 * HR's reach report of a notice: recipients, delivered, read and acknowledged per department (the recipient's
 * department at publication) and overall (departmentId null, first). The reference of `GROUP BY ROLLUP (department_id)`.
 * Example: noticeReach(receipts)[0] -> { departmentId: null, recipients: 45, delivered: 45, read: 30, acknowledged: 12, readPercent: '66.7', acknowledgedPercent: '26.7' }
 */
export function noticeReach(receipts: readonly NoticeReceipt[]): ReachRow[] {
  const row = (departmentId: string | null, list: readonly NoticeReceipt[]): ReachRow => {
    const read = list.filter((r) => r.readAt).length;
    const acknowledged = list.filter((r) => r.acknowledgedAt).length;
    return { departmentId, recipients: list.length, delivered: list.filter((r) => r.deliveredAt).length, read, acknowledged, readPercent: percentText(read, list.length), acknowledgedPercent: percentText(acknowledged, list.length) };
  };
  const byDepartment = new Map<string, NoticeReceipt[]>();
  for (const r of receipts) {
    const list = byDepartment.get(r.departmentId);
    if (list) list.push(r);
    else byDepartment.set(r.departmentId, [r]);
  }
  return [row(null, receipts), ...[...byDepartment].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([d, list]) => row(d, list))];
}

/** Events that generate notices. */
export type NoticeEvent =
  | { kind: 'cyclePhaseOpened'; cycleId: string; cycleName: LocalText; phase: 'selfReview' | 'rating' | 'calibration' | 'hrReview'; closes: string; participants: readonly string[] }
  | { kind: 'resultsPublished'; cycleId: string; cycleName: LocalText; acknowledgeBy: string; participants: readonly string[] }
  | { kind: 'honorsAnnounced'; programId: string; programName: LocalText; awards: number; recipients: LocalText }
  | { kind: 'policyPublished'; policyId: string; versionNumber: number; policyTitle: LocalText; effectiveFrom: string; scope: Audience; requiresAcknowledgement: boolean };

const PHASES: Readonly<Record<string, LocalText>> = {
  selfReview: { en: 'self-review', zh: '自评' },
  rating: { en: 'rating', zh: '评分' },
  calibration: { en: 'calibration', zh: '校准' },
  hrReview: { en: 'HR review', zh: '人力资源部审核' },
};

/** A notice generated by an event, with the key that makes generating it twice a no-op. */
export interface GeneratedNotice {
  idempotencyKey: string;
  template: NoticeEvent['kind'];
  draft: NoticeDraft;
}

/**
 * The notice an event generates, from templates in both languages with the event's parameters: a cycle phase opens
 * (to the cycle's participants), results are published (to them, with the acknowledgement deadline), honours are
 * announced (to everyone), a policy version is published (to its scope, acknowledgement if required).
 * Example: noticeForEvent({ kind: 'resultsPublished', cycleName: { en: 'May 2026', zh: '2026年5月' }, acknowledgeBy: '2026-06-12', ... }).draft.title.zh -> '2026年5月考核结果已公布'
 */
export function noticeForEvent(event: NoticeEvent): GeneratedNotice {
  const some = (employeeIds: readonly string[]): Audience => ({ kind: 'some', departmentIds: [], positionIds: [], roles: [], employeeIds });
  const base = { pinned: false, requiresAcknowledgement: false };
  switch (event.kind) {
    case 'cyclePhaseOpened': {
      const phase = PHASES[event.phase] ?? { en: event.phase, zh: event.phase };
      return {
        idempotencyKey: `notice:cycle:${event.cycleId}:${event.phase}`,
        template: event.kind,
        draft: {
          ...base,
          title: { en: `${event.cycleName.en}: ${phase.en} is open`, zh: `${event.cycleName.zh}：${phase.zh}已开始` },
          body: { en: `The ${phase.en} of ${event.cycleName.en} is open until ${event.closes}. Your tasks are in your inbox.`, zh: `${event.cycleName.zh}的${phase.zh}已开始，截止日期 ${event.closes}。待办事项见收件箱。` },
          audience: some(event.participants),
        },
      };
    }
    case 'resultsPublished':
      return {
        idempotencyKey: `notice:cycle:${event.cycleId}:published`,
        template: event.kind,
        draft: {
          ...base,
          title: { en: `${event.cycleName.en}: results are published`, zh: `${event.cycleName.zh}考核结果已公布` },
          body: {
            en: `The results of ${event.cycleName.en} are published. Read yours with its explanation and acknowledge it by ${event.acknowledgeBy}; if you disagree, you may appeal within the appeal window.`,
            zh: `${event.cycleName.zh}考核结果已公布。请查看本人结果及说明，并于 ${event.acknowledgeBy} 前确认；如有异议，可在申诉期内提出申诉。`,
          },
          audience: some(event.participants),
        },
      };
    case 'honorsAnnounced':
      return {
        idempotencyKey: `notice:honors:${event.programId}`,
        template: event.kind,
        draft: {
          ...base,
          pinned: true,
          title: { en: `${event.programName.en}: the honours are announced`, zh: `${event.programName.zh}评选结果公布` },
          body: { en: `The committee has selected ${event.awards}: ${event.recipients.en}. Congratulations!`, zh: `经评选委员会评定，共评出 ${event.awards} 名：${event.recipients.zh}。特此表彰！` },
          audience: { kind: 'all' },
        },
      };
    case 'policyPublished':
      return {
        idempotencyKey: `notice:policy:${event.policyId}:${event.versionNumber}`,
        template: event.kind,
        draft: {
          pinned: false,
          requiresAcknowledgement: event.requiresAcknowledgement,
          title: { en: `New regulation: ${event.policyTitle.en}`, zh: `新制度发布：${event.policyTitle.zh}` },
          body: { en: `${event.policyTitle.en} takes effect on ${event.effectiveFrom}.`, zh: `《${event.policyTitle.zh}》自 ${event.effectiveFrom} 起施行。` },
          audience: event.scope,
        },
      };
  }
}
