import type { DomainIssue } from '../issues.js';
import { compareIsoDates, isCalendarDate, type IsoDate } from '../calendar/dates.js';
import { addWorkingDays, type WorkCalendar } from '../calendar/work-calendar.js';
import type { CyclePhaseName, RaterRole } from '../scheme/index.js';
import { cycleIssue } from './issue.js';
import type { CyclePhaseWindow } from './schedule.js';

/** Actions of employees and raters that are allowed only inside a window. HR's own actions are not windowed. */
export type WindowedAction =
  | 'selfReview.save'
  | 'selfReview.submit'
  | 'rating.save'
  | 'rating.submit'
  | 'acknowledgement.acknowledge'
  | 'acknowledgement.refuse';

/** What a window governs: a cycle phase, or the acknowledgement period after publication. */
export type WindowName = CyclePhaseName | 'acknowledgement';

/** What a reopening covers: the whole cycle, one appraisal, or one rating. */
export type ReopeningScope = { kind: 'cycle' } | { kind: 'appraisal'; appraisalId: string } | { kind: 'rating'; ratingId: string };

/** HR reopening a closed window until a date (inclusive), with the reason the audit row records. */
export interface PhaseReopening {
  window: WindowName;
  scope: ReopeningScope;
  until: IsoDate;
  reason: string;
}

/** The record an action is taken on, to match reopenings. */
export interface WindowTarget {
  appraisalId: string;
  ratingId?: string;
}

/** Everything needed to decide whether a windowed action may happen today. */
export interface ActionWindowInput {
  action: WindowedAction;
  today: IsoDate;
  phases: readonly CyclePhaseWindow[];
  target: WindowTarget;
  /** The role of the rating being saved or submitted: a SELF rating belongs to the self-review window when the cycle has one. */
  ratingRole?: RaterRole;
  reopenings?: readonly PhaseReopening[];
  /** Publication date and acknowledgement due date of the appraisal (acknowledgement actions only). */
  acknowledgement?: { publishedOn: IsoDate; due: IsoDate };
}

/** An allowed action: the window it falls in, its effective close, and the reopening that extended it, if any. */
export interface ActionWindowOk {
  ok: true;
  window: WindowName;
  closes: IsoDate;
  reopenedUntil?: IsoDate;
}

/** The outcome of checkActionWindow. */
export type ActionWindowResult = ActionWindowOk | { ok: false; issue: DomainIssue };

function covers(scope: ReopeningScope, t: WindowTarget): boolean {
  if (scope.kind === 'cycle') return true;
  if (scope.kind === 'appraisal') return scope.appraisalId === t.appraisalId;
  return t.ratingId !== undefined && scope.ratingId === t.ratingId;
}

/** The window an action falls in. Example: windowOfAction('rating.submit', 'SELF', phases) -> 'selfReview' when the cycle has a self-review phase */
export function windowOfAction(action: WindowedAction, ratingRole: RaterRole | undefined, phases: readonly CyclePhaseWindow[]): WindowName {
  if (action.startsWith('acknowledgement.')) return 'acknowledgement';
  if (action.startsWith('selfReview.')) return 'selfReview';
  if (ratingRole === 'SELF' && phases.some((p) => p.phase === 'selfReview')) return 'selfReview';
  return 'rating';
}

/** The latest reopening of a window that covers a target. Example: latestReopening(reopenings, 'rating', { appraisalId: 'a1' })?.until -> '2026-06-12' */
export function latestReopening(reopenings: readonly PhaseReopening[], window: WindowName, target: WindowTarget): PhaseReopening | undefined {
  let best: PhaseReopening | undefined;
  for (const r of reopenings) {
    if (r.window !== window || !covers(r.scope, target)) continue;
    if (!best || compareIsoDates(r.until, best.until) > 0) best = r;
  }
  return best;
}

/**
 * Decides whether a self-review, rating or acknowledgement action is allowed today: inside its window, or inside
 * an HR reopening covering the record. A refusal is a typed issue: phase_not_scheduled (the cycle has no such
 * phase), phase_not_open (params phase, opensOn), phase_closed (params phase, closedOn), acknowledgement_not_published.
 * Example: checkActionWindow({ action: 'rating.submit', today: '2026-06-06', phases, target: { appraisalId: 'a1' } }) -> { ok: false, issue: { code: 'phase_closed', params: { phase: 'rating', closedOn: '2026-06-05' } } }
 */
export function checkActionWindow(input: ActionWindowInput): ActionWindowResult {
  const window = windowOfAction(input.action, input.ratingRole, input.phases);
  let opens: IsoDate;
  let closes: IsoDate;
  if (window === 'acknowledgement') {
    if (!input.acknowledgement) {
      return { ok: false, issue: cycleIssue('acknowledgement_not_published', 'the result is not published yet, so there is nothing to acknowledge', { phase: window }) };
    }
    opens = input.acknowledgement.publishedOn;
    closes = input.acknowledgement.due;
  } else {
    const w = input.phases.find((p) => p.phase === window);
    if (!w) return { ok: false, issue: cycleIssue('phase_not_scheduled', `this cycle has no ${window} phase`, { phase: window }) };
    opens = w.opens;
    closes = w.closes;
  }
  if (compareIsoDates(input.today, opens) < 0) {
    return { ok: false, issue: cycleIssue('phase_not_open', `the ${window} window opens on ${opens}`, { phase: window, opensOn: opens, today: input.today }) };
  }
  if (compareIsoDates(input.today, closes) <= 0) return { ok: true, window, closes };
  const reopened = latestReopening(input.reopenings ?? [], window, input.target);
  if (reopened && compareIsoDates(input.today, reopened.until) <= 0) return { ok: true, window, closes, reopenedUntil: reopened.until };
  const closedOn = reopened && compareIsoDates(reopened.until, closes) > 0 ? reopened.until : closes;
  return {
    ok: false,
    issue: cycleIssue('phase_closed', `the ${window} window closed on ${closedOn}; HR can reopen it`, { phase: window, closedOn, today: input.today }),
  };
}

/**
 * Checks a reopening HR asks for: a reason, a real date not in the past, a window the cycle has, and a date
 * after the window's current close (otherwise nothing would change).
 * Example: checkReopening({ window: 'rating', scope: { kind: 'cycle' }, until: '2026-06-03', reason: '' }, '2026-06-06', phases) -> [reopen_reason_required, reopen_until_past, reopen_until_before_close]
 */
export function checkReopening(r: PhaseReopening, today: IsoDate, phases: readonly CyclePhaseWindow[], acknowledgementDue?: IsoDate): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (r.reason.trim() === '') issues.push(cycleIssue('reopen_reason_required', 'a reopening needs a reason', {}, ['reason']));
  if (!isCalendarDate(r.until)) return [...issues, cycleIssue('reopen_until_invalid', `${r.until} is not a date`, { value: r.until }, ['until'])];
  if (compareIsoDates(r.until, today) < 0) issues.push(cycleIssue('reopen_until_past', `${r.until} is already past`, { until: r.until, today }, ['until']));
  const close = r.window === 'acknowledgement' ? acknowledgementDue : phases.find((p) => p.phase === r.window)?.closes;
  if (close === undefined) {
    issues.push(cycleIssue('phase_not_scheduled', `this cycle has no ${r.window} window`, { phase: r.window }, ['window']));
  } else if (compareIsoDates(r.until, close) <= 0) {
    issues.push(cycleIssue('reopen_until_before_close', `the ${r.window} window is open until ${close} anyway`, { phase: r.window, closes: close, until: r.until }, ['until']));
  }
  return issues;
}

/**
 * The last day to acknowledge a published result: N working days after publication (0 = the day itself).
 * Example: acknowledgementDue(cn, '2025-09-30', 5) -> '2025-10-14' (National Day skipped, make-up Saturday counted)
 */
export function acknowledgementDue(calendar: WorkCalendar, publishedOn: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(calendar, publishedOn, workingDays);
}
