import { buildWorkCalendar, canManageCycles, inboxFromReminders, type PendingItem, type PendingKind, planReminders } from '@appraisal/domain';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, type ReadDb, sql } from '../../core/db.js';
import { forbidden, notFound } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCalendarYears } from '../calendar/calendar.service.js';
import { deliverInbox } from './inbox.service.js';

/** An open task of a cycle, with what the dashboard and the reminder text show about it. */
export interface CyclePendingItem extends PendingItem {
  cycleId: string;
  cycleName: string;
  subjectEmployeeId: string;
  subjectName: string;
  departmentId: string;
  /** The phase whose window the task belongs to (null for acknowledgements). */
  phase: string | null;
}

/** Cycles whose tasks are live: launched and not yet closed (acknowledgements run after publication). */
const LIVE_CYCLES = ['open', 'self_review', 'rating', 'calibration', 'hr_review', 'published'];

/**
 * Every open task, in one statement: ratings not submitted (their window: rating, or self-review for a SELF slot when
 * the cycle has that phase), self-reviews not submitted (cycles in self_review), results not acknowledged. The due
 * day is the window's close or a later HR reopening of the cycle, the appraisal or the rating.
 */
export async function pendingItems(db: ReadDb, cycleId: string | null): Promise<CyclePendingItem[]> {
  const onlyCycle = cycleId ? sql`and c.id = ${cycleId}` : empty;
  const rows = await db.rows<{
    key: string;
    kind: PendingKind;
    recipient: string;
    appraisal_id: string;
    cycle_id: string;
    cycle_name: string;
    subject: string;
    subject_name: string;
    department_id: string;
    phase: string | null;
    opens: string;
    due: string;
  }>(sql`
    with live as (select c.id, c.name, c.state from cycle c where c.state = any(${LIVE_CYCLES}::text[]) ${onlyCycle})
    select 'rating:' || r.id as key, 'rating' as kind, r.rater_employee_id as recipient, a.id as appraisal_id, c.id as cycle_id, c.name as cycle_name,
           a.employee_id as subject, e.name as subject_name, e.department_id, p.phase, p.opens::text as opens,
           greatest(p.closes, (select max(o.until) from phase_reopening o where o.cycle_id = c.id and o."window" = p.phase
                               and (o.scope_kind = 'CYCLE' or o.appraisal_id = a.id or o.rating_id = r.id)))::text as due
      from live c join appraisal a on a.cycle_id = c.id join rating r on r.appraisal_id = a.id join employee e on e.id = a.employee_id
      join cycle_phase p on p.cycle_id = c.id and p.phase = (case when r.role = 'SELF' and exists (select 1 from cycle_phase s where s.cycle_id = c.id and s.phase = 'selfReview') then 'selfReview' else 'rating' end)
     where c.state <> 'published' and a.published_at is null and a.state not in ('excluded') and r.state in ('pending', 'draft', 'returned') and r.rater_employee_id is not null
    union all
    select 'selfReview:' || a.id, 'selfReview', a.employee_id, a.id, c.id, c.name, a.employee_id, e.name, e.department_id, 'selfReview', p.opens::text,
           greatest(p.closes, (select max(o.until) from phase_reopening o where o.cycle_id = c.id and o."window" = 'selfReview' and (o.scope_kind = 'CYCLE' or o.appraisal_id = a.id)))::text
      from live c join appraisal a on a.cycle_id = c.id join employee e on e.id = a.employee_id
      join cycle_phase p on p.cycle_id = c.id and p.phase = 'selfReview'
     where c.state = 'self_review' and a.state = 'self_review' and a.self_review_state <> 'SUBMITTED'
       and not exists (select 1 from rating sr where sr.appraisal_id = a.id and sr.role = 'SELF' and sr.state <> 'reassigned')
    union all
    select 'acknowledgement:' || a.id, 'acknowledgement', a.employee_id, a.id, c.id, c.name, a.employee_id, e.name, e.department_id, null,
           (a.published_at at time zone 'Asia/Shanghai')::date::text,
           greatest(a.acknowledgement_due, (select max(o.until) from phase_reopening o where o.cycle_id = c.id and o."window" = 'acknowledgement' and (o.scope_kind = 'CYCLE' or o.appraisal_id = a.id)))::text
      from live c join appraisal a on a.cycle_id = c.id join employee e on e.id = a.employee_id
     where a.state = 'published' and a.acknowledgement_due is not null
    order by key`);
  return rows.map((r) => ({
    key: r.key,
    kind: r.kind,
    recipientId: r.recipient,
    appraisalId: r.appraisal_id,
    opens: r.opens,
    due: r.due,
    cycleId: r.cycle_id,
    cycleName: r.cycle_name,
    subjectEmployeeId: r.subject,
    subjectName: r.subject_name,
    departmentId: r.department_id,
    phase: r.phase,
  }));
}

/** A JSON array parameter as a text array (the driver would expand a JS array into a list). */
const LIST = 'array(select jsonb_array_elements_text(?::jsonb))';

/** Kinds of the cycle tasks the reminder planner delivers (their inbox keys are `<task key>@<day>`). */
const REMINDER_KINDS = ['rating', 'selfReview', 'acknowledgement'];

/** The last day each task was reminded of (from the reminder items of the recipients' inboxes). */
async function lastReminded(db: ReadDb, recipients: readonly string[]): Promise<Map<string, string>> {
  if (!recipients.length) return new Map();
  const rows = await db.rows<{ key: string; last: string }>(sql`
    select split_part(i.key, '@', 1) as key, max(split_part(i.key, '@', 2)) as last
      from inbox_item i
     where i.recipient_employee_id = any(${recipients}::uuid[]) and i.kind = 'task' and i.task_kind = any(${REMINDER_KINDS}::text[])
       and i.key like '%@%' and i.created_at > now() - interval '120 days'
     group by 1`);
  return new Map(rows.map((r) => [r.key, r.last]));
}

/** What one run of the reminder planner did. */
export interface ReminderRun {
  /** People who got at least one new inbox task. */
  recipients: number;
  /** Tasks reminded of (one inbox task each). */
  items: number;
  /** Open tasks seen. */
  pending: number;
}

/**
 * Plans today's reminders and delivers them to the inbox (the one notification mechanism): open tasks from SQL, the
 * last day each was reminded of, the domain's `planReminders` (working days only, on opening, two working days
 * before and on the due day) and `inboxFromReminders` (one inbox task per reminder, keyed `<task>@<day>`), delivered
 * by `deliverInbox`. A task is never reminded twice on one day: runs hold a transaction-level advisory lock (two
 * replicas, or HR's button and the daily job) and the inbox key is unique. The newest reminder of a task stands for
 * it: earlier ones leave the open list, and so do reminders of tasks no longer open (daily run over every cycle).
 */
export async function runReminders(ctx: RequestContext, options: { cycleId: string | null; operation: string }): Promise<ReminderRun> {
  const today = ctx.clock.today();
  const calendar = buildWorkCalendar(await loadCalendarYears(ctx.db));
  return inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    const connection = em.getConnection();
    await connection.execute(`select pg_advisory_xact_lock(hashtext('reminders.daily'))`, [], 'all', tx);
    const items = await pendingItems(ctx.db, options.cycleId);
    const last = await lastReminded(ctx.db, [...new Set(items.map((i) => i.recipientId))]);
    const planned = planReminders(
      items.map((i) => {
        const on = last.get(i.key);
        return on ? { ...i, lastRemindedOn: on } : i;
      }),
      today,
      calendar,
    );
    const subjects = new Map(items.map((i) => [i.appraisalId, { en: i.subjectName, zh: i.subjectName }]));
    const fresh = await deliverInbox(em, inboxFromReminders(planned, subjects, ctx.clock.now().toISOString()));
    if (fresh.length)
      await connection.execute(
        `update inbox_item set done_at = now(), updated_at = now(), version = version + 1
          where kind = 'task' and done_at is null and task_kind = any(${LIST}) and recipient_employee_id::text = any(${LIST})
            and split_part(key, '@', 1) = any(${LIST}) and not (key = any(${LIST}))`,
        [JSON.stringify(REMINDER_KINDS), JSON.stringify([...new Set(planned.map((p) => p.recipientId))]), JSON.stringify(planned.map((p) => p.itemKey)), JSON.stringify(fresh)],
        'run',
        tx,
      );
    if (!options.cycleId)
      await connection.execute(
        `update inbox_item set done_at = now(), updated_at = now(), version = version + 1
          where kind = 'task' and done_at is null and task_kind = any(${LIST}) and key like '%@%' and not (split_part(key, '@', 1) = any(${LIST}))`,
        [JSON.stringify(REMINDER_KINDS), JSON.stringify(items.map((i) => i.key))],
        'run',
        tx,
      );
    const byKey = new Map(planned.map((p) => [p.idempotencyKey, p]));
    const run: ReminderRun = { recipients: new Set(fresh.map((k) => byKey.get(k)?.recipientId)).size, items: fresh.length, pending: items.length };
    recordAudit(em, ctx, { operation: options.operation, entityType: options.cycleId ? 'Cycle' : 'Reminders', entityId: options.cycleId ?? today, after: { ...run, date: today } });
    return run;
  });
}

/** HR sends today's reminders of one cycle now (the same planner as the daily job, so nothing goes out twice). */
export async function sendReminders(ctx: RequestContext, cycleId: string): Promise<ReminderRun> {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('sending reminders');
  const found = await ctx.db.rows(sql`select 1 from cycle where id = ${cycleId}`);
  if (!found.length) throw notFound('Cycle', cycleId);
  return runReminders(ctx, { cycleId, operation: 'sendReminders' });
}
