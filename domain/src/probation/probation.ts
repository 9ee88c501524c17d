import type { Checked, DomainIssue } from '../issues.js';
import { addCalendarDays, calendarDaysBetween, compareIsoDates, isCalendarDate, isoDate, parseIsoDate, type IsoDate } from '../calendar/dates.js';
import type { EmploymentStatus } from '../org/index.js';
import type { CyclePeriod } from '../cycles/period.js';

/** What the probation rules read about an employee. */
export interface ProbationEmployee {
  employeeId: string;
  employmentStatus: EmploymentStatus;
  active: boolean;
  hireDate: IsoDate;
  probationEndDate: IsoDate | null;
  /** Start of the current probation: the hire date, or the date of the position change for a re-positioned employee. */
  probationStart?: IsoDate;
  /** The state of a review for the current probation end date, if one exists. */
  review?: 'open' | 'decided';
}

/** Someone whose probation ends soon (or has ended without a decision). */
export interface ProbationDue {
  employeeId: string;
  probationEndDate: IsoDate;
  /** Calendar days from today to the end date; negative when it has passed. */
  daysLeft: number;
  overdue: boolean;
  /** A review is already open for this end date. */
  reviewOpen: boolean;
}

function onProbation(e: ProbationEmployee): e is ProbationEmployee & { probationEndDate: IsoDate } {
  // A re-positioned employee stays REGULAR but has a new probation end date; someone who left has none to review.
  return e.active && e.employmentStatus !== 'LEFT' && e.probationEndDate !== null && (e.employmentStatus === 'PROBATION' || compareIsoDates(e.probationEndDate, e.hireDate) > 0);
}

/**
 * Everyone whose probation ends within the next `days` calendar days, plus those past their end date without a
 * decision (overdue first, then by end date). People with a decided review for their current end date are done.
 * Example: probationDue(employees, '2026-05-01', 30).map((d) => [d.employeeId, d.daysLeft]) -> [['late', -3], ['cook', 12]]
 */
export function probationDue(employees: readonly ProbationEmployee[], today: IsoDate, days = 30): ProbationDue[] {
  const horizon = addCalendarDays(today, days);
  const out: ProbationDue[] = [];
  for (const e of employees) {
    if (!onProbation(e) || e.review === 'decided') continue;
    if (compareIsoDates(e.probationEndDate, horizon) > 0) continue;
    const daysLeft = calendarDaysBetween(today, e.probationEndDate);
    out.push({ employeeId: e.employeeId, probationEndDate: e.probationEndDate, daysLeft, overdue: daysLeft < 0, reviewOpen: e.review === 'open' });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0));
}

/** The period of a person's probation cycle. Example: probationPeriod({ hireDate: '2026-03-01', probationEndDate: '2026-05-31', ... }) -> { kind: 'probation', start: '2026-03-01', end: '2026-05-31' } */
export function probationPeriod(e: ProbationEmployee & { probationEndDate: IsoDate }): CyclePeriod {
  return { kind: 'probation', start: e.probationStart ?? e.hireDate, end: e.probationEndDate };
}

/** HR's decision at the end of a probation. */
export type ProbationOutcome =
  | { kind: 'confirm' }
  | { kind: 'extend'; newEndDate: IsoDate }
  | { kind: 'terminate'; lastWorkingDay: IsoDate };

/** The employee-record changes a decision implies and the day they take effect (the API applies them then). */
export interface ProbationDecision {
  outcome: ProbationOutcome['kind'];
  effectiveOn: IsoDate;
  employeeChanges: { employmentStatus?: EmploymentStatus; probationEndDate?: IsoDate; active?: boolean };
  /** For an extension: the new end date, when the person becomes due again. */
  nextReviewDue?: IsoDate;
}

/** Organisation limits on probation (labour law: at most six months for most contracts); absent = no limit. */
export interface ProbationLimits {
  maxMonths?: number;
}

const issue = (code: string, message: string, params: Record<string, string | number>, path: (string | number)[] = []): DomainIssue => ({ path, code, message, params });

/**
 * Checks a probation decision and derives the record changes: confirm makes the person REGULAR the day after the
 * probation ends (or on the decision day if later); extend moves the end date later (within the limit from the
 * probation start) and keeps them on probation; terminate ends employment on a last working day inside the
 * probation. Extending and terminating need a reason.
 * Example: decideProbation(cook, { kind: 'extend', newEndDate: '2026-05-31' }, 'uneven hygiene results', '2026-04-28') -> { ok: true, value: { outcome: 'extend', employeeChanges: { probationEndDate: '2026-05-31' }, nextReviewDue: '2026-05-31', ... } }
 */
export function decideProbation(e: ProbationEmployee, outcome: ProbationOutcome, reason: string, decidedOn: IsoDate, limits: ProbationLimits = {}): Checked<ProbationDecision> {
  if (!onProbation(e)) return { ok: false, issues: [issue('probation_not_on_probation', `${e.employeeId} is not on probation`, { employeeId: e.employeeId })] };
  const end = e.probationEndDate;
  const issues: DomainIssue[] = [];
  if (outcome.kind !== 'confirm' && reason.trim() === '') issues.push(issue('probation_reason_required', `${outcome.kind === 'extend' ? 'extending' : 'terminating'} a probation needs a reason`, {}, ['reason']));
  switch (outcome.kind) {
    case 'confirm': {
      const dayAfter = addCalendarDays(end, 1);
      const effectiveOn = compareIsoDates(decidedOn, dayAfter) > 0 ? decidedOn : dayAfter;
      if (issues.length) return { ok: false, issues };
      return { ok: true, value: { outcome: 'confirm', effectiveOn, employeeChanges: e.employmentStatus === 'PROBATION' ? { employmentStatus: 'REGULAR' } : {} } };
    }
    case 'extend': {
      if (!isCalendarDate(outcome.newEndDate)) return { ok: false, issues: [...issues, issue('probation_date_invalid', `${outcome.newEndDate} is not a date`, { value: outcome.newEndDate }, ['newEndDate'])] };
      if (compareIsoDates(outcome.newEndDate, end) <= 0) {
        issues.push(issue('probation_extend_not_later', `the new end date ${outcome.newEndDate} must be after the current one, ${end}`, { current: end, proposed: outcome.newEndDate }, ['newEndDate']));
      }
      if (limits.maxMonths !== undefined) {
        const start = parseIsoDate(e.probationStart ?? e.hireDate);
        // The last allowed day is the day before the same day-of-month maxMonths later.
        const max = addCalendarDays(isoDate(start.year, start.month + limits.maxMonths, start.day), -1);
        if (compareIsoDates(outcome.newEndDate, max) > 0) {
          issues.push(issue('probation_too_long', `a probation may last ${limits.maxMonths} months, until ${max}`, { maxMonths: limits.maxMonths, latest: max, proposed: outcome.newEndDate }, ['newEndDate']));
        }
      }
      if (issues.length) return { ok: false, issues };
      return { ok: true, value: { outcome: 'extend', effectiveOn: decidedOn, employeeChanges: { probationEndDate: outcome.newEndDate }, nextReviewDue: outcome.newEndDate } };
    }
    case 'terminate': {
      if (!isCalendarDate(outcome.lastWorkingDay)) return { ok: false, issues: [...issues, issue('probation_date_invalid', `${outcome.lastWorkingDay} is not a date`, { value: outcome.lastWorkingDay }, ['lastWorkingDay'])] };
      if (compareIsoDates(outcome.lastWorkingDay, decidedOn) < 0) {
        issues.push(issue('probation_terminate_in_past', `the last working day ${outcome.lastWorkingDay} is before the decision`, { lastWorkingDay: outcome.lastWorkingDay, decidedOn }, ['lastWorkingDay']));
      }
      // Ending employment for failing probation is only possible while the probation lasts.
      if (compareIsoDates(outcome.lastWorkingDay, end) > 0) {
        issues.push(issue('probation_terminate_after_end', `the last working day ${outcome.lastWorkingDay} is after the probation ends on ${end}`, { lastWorkingDay: outcome.lastWorkingDay, probationEndDate: end }, ['lastWorkingDay']));
      }
      if (issues.length) return { ok: false, issues };
      return { ok: true, value: { outcome: 'terminate', effectiveOn: addCalendarDays(outcome.lastWorkingDay, 1), employeeChanges: { employmentStatus: 'LEFT', active: false } } };
    }
  }
}
