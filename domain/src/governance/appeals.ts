import type { DomainIssue } from '../issues.js';
import { compareIsoDates, type IsoDate } from '../calendar/dates.js';
import { addWorkingDays, workingDaysBetween, type WorkCalendar } from '../calendar/work-calendar.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { AppealSettings, SchemeDefinition } from '../scheme/schema.js';
import { DEFAULT_APPEAL_RESPONSE_WORKING_DAYS, type AppealState } from '../workflow/appeal.js';
import { LEDGER_ATTACHMENTS_MAX, type AttachmentMeta } from '../ledger/entry.js';
import type { RaterRole } from '../scheme/index.js';
import type { AppraisalInput, ItemInput } from '../scoring/types.js';

/** Defaults when a scheme states no appeal settings: 5 working days to appeal, 7 to answer (the cafeteria's rule). */
export const DEFAULT_APPEAL_SETTINGS: AppealSettings = { windowWorkingDays: 5, responseWorkingDays: DEFAULT_APPEAL_RESPONSE_WORKING_DAYS, committeeHandles: false };

/** Longest grounds of an appeal, note, statement, question or decision reason. */
export const APPEAL_TEXT_MAX = 4000;

/** A scheme's appeal settings, or the defaults. Example: appealSettingsFor(seedPrograms.cafeteria).responseWorkingDays -> 7 */
export function appealSettingsFor(scheme: Pick<SchemeDefinition, 'appeals'>): AppealSettings {
  return scheme.appeals ?? DEFAULT_APPEAL_SETTINGS;
}

/** The last day to appeal a result published on a day. Example: appealWindowCloses(cn2025, '2025-09-29', settings) -> '2025-10-13' (5 working days; National Day skipped, Saturday 11 October worked) */
export function appealWindowCloses(calendar: WorkCalendar, publishedOn: IsoDate, settings: AppealSettings): IsoDate {
  return addWorkingDays(calendar, publishedOn, settings.windowWorkingDays);
}

/**
 * The day the answer is due: N working days after filing, on the work calendar (weekends and holidays skipped,
 * make-up working days counted), shown to both sides.
 * Example: appealDueDate(cn2025, '2025-09-30', cafeteriaSettings) -> '2025-10-16'
 */
export function appealDueDate(calendar: WorkCalendar, filedOn: IsoDate, settings: AppealSettings): IsoDate {
  return addWorkingDays(calendar, filedOn, settings.responseWorkingDays);
}

/** What an appeal is against: a published result (its appraisal) or an approved ledger entry. */
export type AppealTarget =
  | { kind: 'result'; appraisalId: string; publishedOn: IsoDate | null; appealable: boolean }
  | { kind: 'ledgerEntry'; entryId: string; approvedOn: IsoDate | null };

/** An appeal as the employee files it. */
export interface AppealDraft {
  grounds: string;
  attachments?: readonly AttachmentMeta[];
}

/** What the API knows when an appeal is filed. */
export interface FilingContext {
  filedOn: IsoDate;
  calendar: WorkCalendar;
  settings: AppealSettings;
  /** The actor is the appraised person / the entry's person. */
  isSubject: boolean;
  /** An appeal against the same target is open (filed, under review or decided). */
  openAppeal: boolean;
}

/**
 * Checks a filing: the appellant is the person concerned, the target is final (a published result, an approved
 * entry), it is inside the appeal window counted in working days from publication (or approval), no other appeal on
 * it is open, and the grounds are written. Returns the issues and, when none, the due date.
 * Example: checkAppealFiling({ kind: 'result', appraisalId: 'a1', publishedOn: '2025-09-29', appealable: true }, { grounds: 'my 3 patient praises are missing' }, ctx) -> { issues: [], dueOn: '2025-10-17', windowCloses: '2025-10-13' } (filed 2025-10-09)
 */
export function checkAppealFiling(target: AppealTarget, draft: AppealDraft, ctx: FilingContext): { issues: DomainIssue[]; dueOn?: IsoDate; windowCloses?: IsoDate } {
  const issues: DomainIssue[] = [];
  if (!ctx.isSubject) issues.push(issue('appeal_not_subject', 'only the person concerned appeals', {}, ['target']));
  const from = target.kind === 'result' ? target.publishedOn : target.approvedOn;
  if (!from || (target.kind === 'result' && !target.appealable)) issues.push(issue('appeal_target_not_final', 'only a published result or an approved entry is appealed', { variant: target.kind }, ['target']));
  let windowCloses: IsoDate | undefined;
  if (from) {
    windowCloses = appealWindowCloses(ctx.calendar, from, ctx.settings);
    if (compareIsoDates(ctx.filedOn, windowCloses) > 0) issues.push(issue('appraisal_appeal_window_closed', `the appeal window closed on ${windowCloses}`, { due: windowCloses, today: ctx.filedOn }, ['target']));
  }
  if (ctx.openAppeal) issues.push(issue('appeal_already_open', 'an appeal on this is already open', {}, ['target']));
  if (!draft.grounds.trim()) issues.push(issue('appeal_grounds_required', 'say why you disagree', {}, ['grounds']));
  else if (draft.grounds.length > APPEAL_TEXT_MAX) issues.push(issue('text_too_long', `the grounds are ${draft.grounds.length} characters; at most ${APPEAL_TEXT_MAX}`, { field: 'grounds', max: APPEAL_TEXT_MAX, length: draft.grounds.length }, ['grounds']));
  if ((draft.attachments?.length ?? 0) > LEDGER_ATTACHMENTS_MAX) issues.push(issue('ledger_attachments_too_many', `at most ${LEDGER_ATTACHMENTS_MAX} attachments`, { max: LEDGER_ATTACHMENTS_MAX, count: draft.attachments?.length ?? 0 }, ['attachments']));
  if (issues.length) return { issues, ...(windowCloses ? { windowCloses } : {}) };
  return { issues, dueOn: appealDueDate(ctx.calendar, ctx.filedOn, ctx.settings), ...(windowCloses ? { windowCloses } : {}) };
}

/** Where an appeal stands against its due date. */
export interface AppealFlags {
  overdue: boolean;
  /** Due within `nearDays` working days (and not overdue). */
  nearDue: boolean;
  /** Working days left until the due day (0 on it, negative once past). */
  workingDaysLeft: number;
}

/**
 * The flags HR's dashboard and the inbox show for an open appeal (filed or under review): overdue after the due day,
 * near due within N working days of it (default 2). Decided, closed and withdrawn appeals carry no flag.
 * Example: appealFlags({ state: 'under_review', dueOn: '2025-10-16' }, '2025-10-14', cn2025) -> { overdue: false, nearDue: true, workingDaysLeft: 2 }
 */
export function appealFlags(a: { state: AppealState; dueOn: IsoDate }, today: IsoDate, calendar: WorkCalendar, nearDays = 2): AppealFlags {
  const open = a.state === 'filed' || a.state === 'under_review';
  const past = compareIsoDates(today, a.dueOn) > 0;
  const left = past ? -workingDaysBetween(calendar, a.dueOn, today) : workingDaysBetween(calendar, today, a.dueOn);
  return { overdue: open && past, nearDue: open && !past && left <= nearDays, workingDaysLeft: left };
}

/** A request to a rater for a statement; HR chooses what of the appeal the rater sees. */
export interface StatementRequest {
  raterId: string;
  question: string;
  /** The part of the grounds HR shares with the rater (never the whole appeal by default). */
  sharedExcerpt: string;
  dueWorkingDays: number;
}

/**
 * Checks a statement request: a rater of the appealed result (not the appellant), a question, an excerpt within the
 * limits, and a due date within the appeal's own due date. Returns the request's due date when valid.
 * Example: checkStatementRequest(req, { raters: ['sup1'], appellantId: 'e1', today: '2025-10-09', appealDue: '2025-10-16', calendar }) -> { issues: [], dueOn: '2025-10-13' }
 */
export function checkStatementRequest(
  req: StatementRequest,
  ctx: { raters: readonly string[]; appellantId: string; today: IsoDate; appealDue: IsoDate; calendar: WorkCalendar },
): { issues: DomainIssue[]; dueOn?: IsoDate } {
  const issues: DomainIssue[] = [];
  if (req.raterId === ctx.appellantId || !ctx.raters.includes(req.raterId)) issues.push(issue('appeal_statement_not_rater', 'a statement is asked of a rater of the appealed result', {}, ['raterId']));
  if (!req.question.trim()) issues.push(issue('appeal_question_required', 'write the question for the rater', {}, ['question']));
  for (const [field, text] of [['question', req.question], ['sharedExcerpt', req.sharedExcerpt]] as const) {
    if (text.length > APPEAL_TEXT_MAX) issues.push(issue('text_too_long', `the ${field} is ${text.length} characters; at most ${APPEAL_TEXT_MAX}`, { field, max: APPEAL_TEXT_MAX, length: text.length }, [field]));
  }
  if (!Number.isInteger(req.dueWorkingDays) || req.dueWorkingDays < 1) issues.push(issue('appeal_statement_due', 'give the rater at least one working day', { value: req.dueWorkingDays }, ['dueWorkingDays']));
  if (issues.length) return { issues };
  const dueOn = addWorkingDays(ctx.calendar, ctx.today, req.dueWorkingDays);
  if (compareIsoDates(dueOn, ctx.appealDue) > 0) return { issues: [issue('appeal_statement_after_due', `the statement would be due ${dueOn}, after the appeal's answer is due (${ctx.appealDue})`, { dueOn, appealDue: ctx.appealDue }, ['dueWorkingDays'])] };
  return { issues, dueOn };
}

/** The handler's decision. */
export type AppealDecision =
  | {
      outcome: 'upheld';
      reason: string;
      /** What changes: for a result, the corrected inputs (ratings, adjustments) that re-score it as a new result version; for an entry, reversed (and replaced). */
      correction: { kind: 'rescore'; description: string } | { kind: 'reverseEntry'; replace: boolean };
    }
  | { outcome: 'rejected'; reason: string };

/**
 * Checks a decision: an outcome with a written reason; an upheld result appeal re-scores (a new result version, the
 * old one kept; pay and ledger reversed and re-issued through reissueEntries), an upheld entry appeal reverses the
 * entry (reversalOf) and may replace it.
 * Example: checkAppealDecision({ outcome: 'rejected', reason: '' }, 'result') -> [{ code: 'appeal_reason_required', ... }]
 */
export function checkAppealDecision(d: AppealDecision, target: AppealTarget['kind']): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (!d.reason.trim()) issues.push(issue('appeal_reason_required', 'a decision gives its reason', { variant: d.outcome }, ['reason']));
  else if (d.reason.length > APPEAL_TEXT_MAX) issues.push(issue('text_too_long', `the reason is ${d.reason.length} characters; at most ${APPEAL_TEXT_MAX}`, { field: 'reason', max: APPEAL_TEXT_MAX, length: d.reason.length }, ['reason']));
  if (d.outcome === 'upheld') {
    const expected = target === 'result' ? 'rescore' : 'reverseEntry';
    if (d.correction.kind !== expected) issues.push(issue('appeal_correction_kind', `an upheld appeal on a ${target === 'result' ? 'result re-scores it' : 'ledger entry reverses it'}`, { variant: target }, ['correction']));
    else if (d.correction.kind === 'rescore' && !d.correction.description.trim()) issues.push(issue('appeal_correction_required', 'say what is corrected', {}, ['correction']));
  }
  return issues;
}

/** Checks a handling note (kept with the appeal; HR and its handlers read it). Example: checkAppealNote(' ') -> [{ code: 'appeal_note_required' }] */
export function checkAppealNote(text: string): DomainIssue[] {
  if (!text.trim()) return [issue('appeal_note_required', 'the note is empty', {}, ['text'])];
  return text.length > APPEAL_TEXT_MAX ? [issue('text_too_long', `the note is ${text.length} characters; at most ${APPEAL_TEXT_MAX}`, { field: 'note', max: APPEAL_TEXT_MAX, length: text.length }, ['text'])] : [];
}


/** One corrected item of an upheld result appeal: what every rating of a role in a section now says for an item. */
export interface RescoreItem {
  section: string;
  role: RaterRole;
  item: string;
  value: ItemInput;
}

/** What an upheld result appeal changes in the recorded engine input before the result is scored again. */
export interface Rescore {
  /** Corrected items (replacing what the raters of that role entered for the item). */
  items?: readonly RescoreItem[];
  /** Adjustments (plus/minus entries) removed by rule id, e.g. a deduction found unjustified. */
  removeAdjustments?: readonly string[];
}

/**
 * Applies an upheld appeal's correction to the input recorded with the appealed result; the engine then scores the
 * corrected input as a new result version (the old one is kept). Refuses a correction that names no rating or no
 * adjustment of that input, or that changes nothing.
 * Example: applyRescore(record.input, { removeAdjustments: ['lateness'] }).ok -> true
 */
export function applyRescore(input: AppraisalInput, rescore: Rescore): { ok: true; value: AppraisalInput } | { ok: false; issues: DomainIssue[] } {
  const issues: DomainIssue[] = [];
  const ratings = input.ratings.map((r) => ({ ...r, items: { ...r.items } }));
  (rescore.items ?? []).forEach((c, i) => {
    const targets = ratings.filter((r) => r.section === c.section && r.role === c.role);
    if (!targets.length) issues.push(issue('appeal_correction_target', `no ${c.role} rating of section ${c.section} in the appealed result`, { section: c.section, role: c.role }, ['correction', 'items', i]));
    for (const r of targets) r.items[c.item] = { ...c.value };
  });
  let adjustments = input.adjustments ? [...input.adjustments] : undefined;
  (rescore.removeAdjustments ?? []).forEach((rule, i) => {
    const at = adjustments?.findIndex((a) => a.rule === rule) ?? -1;
    if (at < 0 || !adjustments) issues.push(issue('appeal_correction_target', `no adjustment ${rule} in the appealed result`, { rule }, ['correction', 'removeAdjustments', i]));
    else adjustments = adjustments.filter((_, k) => k !== at);
  });
  if (!(rescore.items?.length ?? 0) && !(rescore.removeAdjustments?.length ?? 0)) issues.push(issue('appeal_correction_required', 'say what is corrected', {}, ['correction']));
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { ...input, ratings, ...(adjustments ? { adjustments } : {}) } };
}
