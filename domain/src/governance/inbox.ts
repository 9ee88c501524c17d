import { compareIsoDates, type IsoDate } from '../calendar/dates.js';
import type { PlannedReminder } from '../cycles/reminders.js';
import type { LocalText } from '../scheme/schema.js';

/** Kinds of tasks a person finds in their inbox. */
export type TaskKind =
  | 'rating'
  | 'selfReview'
  | 'acknowledgement'
  | 'policyAcknowledgement'
  | 'noticeAcknowledgement'
  | 'appealToHandle'
  | 'appealStatement'
  | 'vote'
  | 'ledgerApproval'
  | 'batchApproval';

/** What an inbox item opens in the console. */
export interface InboxLink {
  type: 'Appraisal' | 'Rating' | 'Notice' | 'PolicyVersion' | 'Appeal' | 'StatementRequest' | 'Nomination' | 'LedgerEntry' | 'PayoutBatch' | 'HonorProgram';
  id: string;
}

/** One item of a person's inbox: a notice or a task. Titles are rendered in both languages when the item is created. */
export interface InboxItem {
  /** Idempotency key: the same item is never delivered twice (e.g. 'rating:<id>@2026-06-03', 'notice:<id>'). */
  key: string;
  recipientId: string;
  kind: 'notice' | 'task';
  taskKind?: TaskKind;
  title: LocalText;
  link: InboxLink;
  due?: IsoDate;
  createdAt: string;
  readAt?: string | null;
  /** Tasks: when the underlying work was done (the item then leaves the open list). */
  doneAt?: string | null;
}

/** Unread and open counts for the console's app bar. */
export interface InboxCounts {
  unread: number;
  unreadNotices: number;
  openTasks: number;
  overdueTasks: number;
}

/**
 * A person's counts: unread items, unread notices, open tasks and open tasks past due. The reference of the SQL
 * `count(*) filter (where ...)` over `inbox_item where recipient = :me` (a partial index on unread items).
 * Example: inboxCounts(items, '2026-06-05') -> { unread: 3, unreadNotices: 1, openTasks: 4, overdueTasks: 1 }
 */
export function inboxCounts(items: readonly InboxItem[], today: IsoDate): InboxCounts {
  let unread = 0;
  let unreadNotices = 0;
  let openTasks = 0;
  let overdueTasks = 0;
  for (const i of items) {
    if (!i.readAt) {
      unread++;
      if (i.kind === 'notice') unreadNotices++;
    }
    if (i.kind === 'task' && !i.doneAt) {
      openTasks++;
      if (i.due && compareIsoDates(today, i.due) > 0) overdueTasks++;
    }
  }
  return { unread, unreadNotices, openTasks, overdueTasks };
}

/**
 * The inbox order: open tasks first (overdue, then by due date), then everything else newest first; ties by key.
 * Example: [...items].sort(inboxOrder('2026-06-05'))
 */
export function inboxOrder(today: IsoDate): (a: InboxItem, b: InboxItem) => number {
  const open = (i: InboxItem) => i.kind === 'task' && !i.doneAt;
  return (a, b) => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    if (open(a) && open(b)) {
      const ao = a.due !== undefined && compareIsoDates(today, a.due) > 0;
      const bo = b.due !== undefined && compareIsoDates(today, b.due) > 0;
      if (ao !== bo) return ao ? -1 : 1;
      if (a.due !== b.due) return a.due === undefined ? 1 : b.due === undefined ? -1 : compareIsoDates(a.due, b.due);
    }
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

const TASK_TITLES: Readonly<Record<TaskKind, LocalText>> = {
  rating: { en: 'Rate {subject}', zh: '为{subject}评分' },
  selfReview: { en: 'Write your self-review', zh: '填写自评' },
  acknowledgement: { en: 'Acknowledge your result', zh: '确认考核结果' },
  policyAcknowledgement: { en: 'Acknowledge {subject}', zh: '确认已阅《{subject}》' },
  noticeAcknowledgement: { en: 'Acknowledge the notice {subject}', zh: '确认通知：{subject}' },
  appealToHandle: { en: 'Handle the appeal of {subject}', zh: '处理{subject}的申诉' },
  appealStatement: { en: 'Give a statement on an appeal', zh: '就申诉提供说明' },
  vote: { en: 'Vote on {subject}', zh: '为{subject}投票' },
  ledgerApproval: { en: 'Approve a reward or penalty for {subject}', zh: '审批{subject}的奖惩记录' },
  batchApproval: { en: 'Approve the payout batch {subject}', zh: '审批发放批次 {subject}' },
};

const REASONS: Readonly<Record<PlannedReminder['reason'], LocalText>> = {
  opened: { en: '', zh: '' },
  dueSoon: { en: ' (due {due})', zh: '（{due} 截止）' },
  dueToday: { en: ' (due today)', zh: '（今日截止）' },
  overdue: { en: ' (overdue since {due})', zh: '（已于 {due} 逾期）' },
};

const fill = (text: string, params: Readonly<Record<string, string>>): string => text.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? '');

/** A task's title in both languages. Example: taskTitle('rating', { en: 'Li Na', zh: '李娜' }).zh -> '为李娜评分' */
export function taskTitle(kind: TaskKind, subject: LocalText = { en: '', zh: '' }): LocalText {
  const t = TASK_TITLES[kind];
  return { en: fill(t.en, { subject: subject.en }), zh: fill(t.zh, { subject: subject.zh }) };
}

/**
 * The inbox items of today's reminders (cycles' planReminders): one task per reminder with the reminder's key, so a
 * second run on the same day delivers nothing new. Subjects name the person a rating is about.
 * Example: inboxFromReminders(planned, subjects, '2026-06-03T00:00:00Z')[0].key -> 'rating:r1@2026-06-03'
 */
export function inboxFromReminders(reminders: readonly PlannedReminder[], subjects: ReadonlyMap<string, LocalText>, now: string): InboxItem[] {
  return reminders.map((r) => {
    const title = taskTitle(r.kind, subjects.get(r.appraisalId));
    const suffix = REASONS[r.reason];
    const id = r.itemKey.slice(r.itemKey.indexOf(':') + 1);
    return {
      key: r.idempotencyKey,
      recipientId: r.recipientId,
      kind: 'task',
      taskKind: r.kind,
      title: { en: title.en + fill(suffix.en, { due: r.due }), zh: title.zh + fill(suffix.zh, { due: r.due }) },
      link: r.kind === 'rating' ? { type: 'Rating', id } : { type: 'Appraisal', id: r.appraisalId },
      due: r.due,
      createdAt: now,
    };
  });
}

/** A message for a transport to deliver: one inbox item rendered for one channel. */
export interface OutgoingMessage {
  /** The inbox item's key plus the transport: deliveries are idempotent per channel. */
  idempotencyKey: string;
  recipientId: string;
  subject: LocalText;
  link: InboxLink;
}

/** The result of one delivery attempt. */
export type DeliveryResult = { ok: true; deliveredAt: string } | { ok: false; retryable: boolean; error: string };

/**
 * A delivery channel. In-app delivery is writing the inbox row; e-mail (later) implements the same interface in the
 * API (`api/src/core/transports/`), so callers never change. Implementations must be idempotent per key.
 */
export interface Transport {
  readonly name: 'inApp' | 'email' | (string & {});
  deliver(message: OutgoingMessage): Promise<DeliveryResult>;
}

/** A person's channel settings. */
export interface DeliveryPreferences {
  email: boolean;
  /** Task kinds also sent by e-mail when e-mail is on (absent: all). */
  emailKinds?: readonly (TaskKind | 'notice')[];
}

/**
 * Which channels deliver an item: in-app always; e-mail when the person turned it on (for the kinds they chose) and
 * an e-mail transport exists. Example: deliveryChannels(item, { email: true }, ['inApp', 'email']) -> ['inApp', 'email']
 */
export function deliveryChannels(item: InboxItem, prefs: DeliveryPreferences, available: readonly string[]): string[] {
  const out = ['inApp'];
  const kind = item.kind === 'notice' ? 'notice' : item.taskKind;
  if (prefs.email && available.includes('email') && (!prefs.emailKinds || (kind !== undefined && prefs.emailKinds.includes(kind)))) out.push('email');
  return out;
}

/** The message of an item for a channel. Example: outgoingMessage(item, 'email').idempotencyKey -> 'rating:r1@2026-06-03#email' */
export function outgoingMessage(item: InboxItem, channel: string): OutgoingMessage {
  return { idempotencyKey: `${item.key}#${channel}`, recipientId: item.recipientId, subject: item.title, link: item.link };
}
