import { compareIsoDates, type IsoDate } from '../calendar/dates.js';
import { isWorkingDay, nextWorkingDay, workingDaysBetween, type WorkCalendar } from '../calendar/work-calendar.js';

/** Kinds of things a person still has to do in a cycle. */
export type PendingKind = 'selfReview' | 'rating' | 'acknowledgement';

/** One open task and its window (the API lists these in SQL: ratings not submitted, self-reviews not submitted, results not acknowledged). */
export interface PendingItem {
  /** Stable id of the task: 'rating:<ratingId>', 'selfReview:<appraisalId>', 'acknowledgement:<appraisalId>'. */
  key: string;
  kind: PendingKind;
  recipientId: string;
  appraisalId: string;
  opens: IsoDate;
  /** The effective last day (an HR reopening included). */
  due: IsoDate;
  /** The last day a reminder for this task was sent, if any. */
  lastRemindedOn?: IsoDate;
}

/** When reminders go out. */
export interface ReminderPolicy {
  /** Remind on the first working day of the window (or at the first run after it, if none was sent yet). */
  onOpen: boolean;
  /** Remind this many working days before the due day (0 = on the due day). */
  beforeDue: readonly number[];
  /** After the due day: never (the window is closed), or every working day (for tasks HR keeps open, e.g. overdue acknowledgements). */
  overdue: 'never' | 'daily';
}

/** Open, two working days before, and on the due day; nothing once the window has closed. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { onOpen: true, beforeDue: [2, 0], overdue: 'never' };

/** A reminder to send today; the idempotency key makes a second send of the same task on the same day a no-op. */
export interface PlannedReminder {
  itemKey: string;
  kind: PendingKind;
  recipientId: string;
  appraisalId: string;
  due: IsoDate;
  reason: 'opened' | 'dueSoon' | 'dueToday' | 'overdue';
  workingDaysLeft: number;
  idempotencyKey: string;
}

/**
 * The reminders to send today: only on working days, never twice for the same task and day, not before a window
 * opens; on opening, N working days before the due day and on it, and after it only if the policy says so.
 * Example: planReminders([{ key: 'rating:r1', kind: 'rating', recipientId: 'hn', appraisalId: 'a1', opens: '2026-05-25', due: '2026-06-05', lastRemindedOn: '2026-05-25' }], '2026-06-03', cal) -> [{ reason: 'dueSoon', workingDaysLeft: 2, idempotencyKey: 'rating:r1@2026-06-03', ... }]
 */
export function planReminders(items: readonly PendingItem[], today: IsoDate, calendar: WorkCalendar, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): PlannedReminder[] {
  // Nobody is nagged on a holiday; the next working day's run picks the task up again.
  if (!isWorkingDay(calendar, today)) return [];
  const out: PlannedReminder[] = [];
  for (const item of items) {
    if (item.lastRemindedOn === today) continue;
    if (compareIsoDates(today, item.opens) < 0) continue;
    const overdue = compareIsoDates(today, item.due) > 0;
    const left = overdue ? -workingDaysBetween(calendar, item.due, today) : workingDaysBetween(calendar, today, item.due);
    let reason: PlannedReminder['reason'] | undefined;
    if (overdue) {
      if (policy.overdue === 'daily') reason = 'overdue';
    } else if (policy.beforeDue.includes(left)) {
      reason = left === 0 ? 'dueToday' : 'dueSoon';
    } else if (policy.onOpen && (item.lastRemindedOn === undefined || compareIsoDates(item.lastRemindedOn, item.opens) < 0) && compareIsoDates(today, nextWorkingDay(calendar, item.opens)) >= 0) {
      reason = 'opened';
    }
    if (reason) {
      out.push({ itemKey: item.key, kind: item.kind, recipientId: item.recipientId, appraisalId: item.appraisalId, due: item.due, reason, workingDaysLeft: left, idempotencyKey: `${item.key}@${today}` });
    }
  }
  return out;
}

/** Groups today's reminders per recipient, so each person gets one message listing their tasks. Example: remindersByRecipient(planned).get('hn')?.length -> 12 */
export function remindersByRecipient(reminders: readonly PlannedReminder[]): Map<string, PlannedReminder[]> {
  const out = new Map<string, PlannedReminder[]>();
  for (const r of reminders) {
    const list = out.get(r.recipientId);
    if (list) list.push(r);
    else out.set(r.recipientId, [r]);
  }
  return out;
}

/** Who still has to act, per kind: open tasks and how many are past due (HR's progress view). */
export interface OutstandingSummary {
  kind: PendingKind;
  open: number;
  overdue: number;
  recipients: number;
}

/** Summarises open tasks per kind for HR. Example: outstanding(items, '2026-06-06').find((s) => s.kind === 'rating') -> { kind: 'rating', open: 14, overdue: 3, recipients: 5 } */
export function outstanding(items: readonly PendingItem[], today: IsoDate): OutstandingSummary[] {
  const kinds: PendingKind[] = ['selfReview', 'rating', 'acknowledgement'];
  return kinds.map((kind) => {
    const of = items.filter((i) => i.kind === kind);
    return { kind, open: of.length, overdue: of.filter((i) => compareIsoDates(today, i.due) > 0).length, recipients: new Set(of.map((i) => i.recipientId)).size };
  });
}
