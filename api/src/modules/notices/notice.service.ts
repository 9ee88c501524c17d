import { type Audience, canManageNotices, checkNotice, type InboxItem, type LocalText, type NoticeDraft, type NoticeEvent, noticeForEvent, taskTitle } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, sql } from '../../core/db.js';
import { assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { problemsOf } from '../cycles/cycle-data.js';
import { completeInboxTasks, deliverInbox } from '../notifications/inbox.service.js';
import { Notice } from './notice.entity.js';
import { noticeInScope } from './notice.read.js';
import { AudienceKindValue, type NoticeInput, type NoticeNode, NoticeStatusValue } from './notice.types.js';

const conflict = () => staleRecord();

function requireManager(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!canManageNotices(actor)) throw forbidden('managing notices');
  return actor;
}

function audienceOf(input: NoticeInput['audience']): Audience {
  if (input.kind === AudienceKindValue.ALL) return { kind: 'all' };
  const uniq = (list: readonly string[] | null | undefined) => [...new Set(list ?? [])];
  return { kind: 'some', departmentIds: uniq(input.departmentIds), positionIds: uniq(input.positionIds), roles: uniq(input.roles) as Audience extends { roles: infer R } ? R : never, employeeIds: uniq(input.employeeIds) };
}

function draftOf(input: NoticeInput): NoticeDraft {
  return {
    title: { en: input.title.en, zh: input.title.zh },
    body: { en: input.body.en, zh: input.body.zh },
    audience: audienceOf(input.audience),
    ...(input.publishAt ? { publishAt: input.publishAt.toISOString() } : {}),
    ...(input.expiresAt ? { expiresAt: input.expiresAt.toISOString() } : {}),
    pinned: input.pinned ?? false,
    requiresAcknowledgement: input.requiresAcknowledgement ?? false,
  };
}

/** Checks a notice with the domain (text, Markdown, audience, times against now) and that the named groups exist. */
async function checked(ctx: RequestContext, draft: NoticeDraft, prefix: string[]): Promise<NoticeDraft> {
  const result = checkNotice(draft, ctx.clock.now().toISOString());
  if (!result.ok) assertNoProblems(problemsOf(result.issues, prefix));
  const a = draft.audience;
  if (a.kind === 'some') {
    for (const [field, table, ids] of [
      ['departmentIds', 'department', a.departmentIds],
      ['positionIds', 'position', a.positionIds],
      ['employeeIds', 'employee', a.employeeIds],
    ] as const) {
      if (!ids.length) continue;
      const found = await ctx.db.rows<{ n: number }>(sql`select count(*)::int as n from ${raw(table)} where id = any(${[...ids]}::uuid[])`);
      if ((found[0]?.n ?? 0) !== ids.length) assertNoProblems([{ field: [...prefix, 'audience', field].join('.'), rule: 'not_found', message: `some of the ${field.replace('Ids', 's')} do not exist` }]);
    }
  }
  return draft;
}

function applyDraft(n: Notice, d: NoticeDraft): void {
  n.title = { en: d.title.en, zh: d.title.zh };
  n.body = { en: d.body.en, zh: d.body.zh };
  n.audience = d.audience;
  n.publishAt = d.publishAt ? new Date(d.publishAt) : null;
  n.expiresAt = d.expiresAt ? new Date(d.expiresAt) : null;
  n.pinned = d.pinned;
  n.requiresAcknowledgement = d.requiresAcknowledgement;
}

async function noticeNode(ctx: RequestContext, id: string): Promise<NoticeNode> {
  const found = await noticeInScope(ctx, id);
  if (!found) throw notFound('Notice', id);
  return found;
}

/** HR writes a notice: a new draft, or (with id and version) an edit of a draft. Checked by the domain; audited. */
export async function saveNotice(ctx: RequestContext, input: NoticeInput, id: string | null | undefined, version: number | null | undefined): Promise<NoticeNode> {
  const actor = requireManager(ctx);
  const draft = await checked(ctx, draftOf(input), ['input']);
  const saved = await inTransaction(ctx, async (em) => {
    if (id) {
      const row = await em.findOne(Notice, { id });
      if (!row) throw notFound('Notice', id);
      if (version === null || version === undefined || row.version !== version) throw conflict();
      if (row.publishedAt) assertNoProblems([{ field: 'id', rule: 'notice_published', message: 'a published notice is not edited; withdraw it and write a new one' }]);
      const before = snapshot(row);
      applyDraft(row, draft);
      await em.flush();
      recordAudit(em, ctx, { operation: 'saveNotice', entityType: 'Notice', entityId: row.id, before, after: snapshot(row) });
      return row.id;
    }
    const row = em.create(Notice, { title: draft.title, body: draft.body, audience: draft.audience, createdByUserId: actor.userId });
    applyDraft(row, draft);
    await em.flush();
    recordAudit(em, ctx, { operation: 'createNotice', entityType: 'Notice', entityId: row.id, after: snapshot(row) });
    return row.id;
  });
  return noticeNode(ctx, saved);
}

/**
 * HR publishes a draft: checked again against now; delivered at once (recipients resolved, inbox items written in the
 * same transaction) or, when scheduled, by the `notices.publishDue` job at its time. Audited.
 */
export async function publishNotice(ctx: RequestContext, id: string, version: number): Promise<NoticeNode> {
  requireManager(ctx);
  await inTransaction(ctx, async (em) => {
    const row = await em.findOne(Notice, { id });
    if (!row) throw notFound('Notice', id);
    if (row.version !== version) throw conflict();
    if (row.publishedAt || row.withdrawnAt) assertNoProblems([{ field: 'id', rule: 'notice_published', message: 'the notice is already published' }]);
    const draft: NoticeDraft = {
      title: row.title,
      body: row.body,
      audience: row.audience,
      pinned: row.pinned,
      requiresAcknowledgement: row.requiresAcknowledgement,
      ...(row.publishAt ? { publishAt: row.publishAt.toISOString() } : {}),
      ...(row.expiresAt ? { expiresAt: row.expiresAt.toISOString() } : {}),
    };
    await checked(ctx, draft, []);
    const now = ctx.clock.now();
    row.publishedAt = now;
    await em.flush();
    const due = !row.publishAt || row.publishAt.getTime() <= now.getTime();
    const delivered = due ? await deliverNotice(em, id, now) : 0;
    recordAudit(em, ctx, { operation: 'publishNotice', entityType: 'Notice', entityId: id, before: { status: 'draft' }, after: { status: due ? 'live' : 'scheduled', publishAt: row.publishAt?.toISOString() ?? null, delivered } });
  });
  return noticeNode(ctx, id);
}

/** HR withdraws a notice: it disappears for its recipients (their unread items go, open acknowledgement tasks end). Audited. */
export async function withdrawNotice(ctx: RequestContext, id: string, version: number): Promise<NoticeNode> {
  requireManager(ctx);
  await inTransaction(ctx, async (em) => {
    const row = await em.findOne(Notice, { id });
    if (!row) throw notFound('Notice', id);
    if (row.version !== version) throw conflict();
    if (row.withdrawnAt) return;
    if (!row.publishedAt) assertNoProblems([{ field: 'id', rule: 'notice_not_published', message: 'a draft is not withdrawn: it was never published' }]);
    row.withdrawnAt = ctx.clock.now();
    await em.flush();
    const tx = em.getTransactionContext();
    await completeInboxTasks(em, 'Notice', id);
    await em.getConnection().execute(`delete from inbox_item where link_type = 'Notice' and link_id = ? and read_at is null and kind = 'notice'`, [id], 'run', tx);
    recordAudit(em, ctx, { operation: 'withdrawNotice', entityType: 'Notice', entityId: id, before: { withdrawnAt: null }, after: { withdrawnAt: row.withdrawnAt.toISOString() } });
  });
  return noticeNode(ctx, id);
}

/**
 * The people a published notice reaches: active employees `e` in department `d` matching the audience of `a` (the
 * notice's row with its department and role lists as arrays); the SQL of the domain's `resolveAudience`. The
 * position and employee lists are read from `a` in uncorrelated subqueries, which PostgreSQL hashes once: correlated
 * to each employee row they were re-read per row, quadratic in a cycle's participants (a phase notice to 10,000
 * people ran past the statement timeout).
 */
const AUDIENCE_SQL = `(a.everyone
  or d.lineage && a.departments
  or e.position_id::text in (select p from a, jsonb_array_elements_text(a.audience->'positionIds') p)
  or e.id::text in (select x from a, jsonb_array_elements_text(a.audience->'employeeIds') x)
  or exists (select 1 from app_user u where u.employee_id = e.id and u.roles && a.roles))`;

/**
 * Resolves a published notice's audience to the active people it reaches (their department now is kept for reach)
 * and delivers one inbox item each: a notice, or an acknowledgement task when one is required. Idempotent: receipts
 * and inbox keys (`notice:<id>:<employee>`) are written once. Returns how many people were newly reached.
 */
export async function deliverNotice(em: EntityManager, id: string, now: Date): Promise<number> {
  const tx = em.getTransactionContext();
  const connection = em.getConnection();
  const notice = (await connection.execute<Array<{ title: LocalText; ack: boolean }>>('select title, requires_acknowledgement as ack from notice where id = ?', [id], 'all', tx))[0];
  if (!notice) return 0;
  const rows = await connection.execute<Array<{ employee_id: string }>>(
    `with a as (
       select n.id, n.audience, n.audience->>'kind' = 'all' as everyone,
              coalesce(array(select jsonb_array_elements_text(n.audience->'departmentIds'))::uuid[], '{}') as departments,
              coalesce(array(select jsonb_array_elements_text(n.audience->'roles')), '{}') as roles
       from notice n where n.id = ? and n.published_at is not null and n.withdrawn_at is null)
     insert into notice_recipient (notice_id, employee_id, department_id, delivered_at)
     select a.id, e.id, e.department_id, ? from a join employee e on e.active join department d on d.id = e.department_id
      where ${AUDIENCE_SQL}
     on conflict do nothing
     returning employee_id`,
    [id, now],
    'all',
    tx,
  );
  const created = now.toISOString();
  const items: InboxItem[] = rows.map((r) =>
    notice.ack
      ? { key: `notice:${id}:${r.employee_id}`, recipientId: r.employee_id, kind: 'task', taskKind: 'noticeAcknowledgement', title: taskTitle('noticeAcknowledgement', notice.title), link: { type: 'Notice', id }, createdAt: created }
      : { key: `notice:${id}:${r.employee_id}`, recipientId: r.employee_id, kind: 'notice', title: notice.title, link: { type: 'Notice', id }, createdAt: created },
  );
  await deliverInbox(em, items);
  await connection.execute(`update notice set delivered_at = ?, version = version + 1, updated_at = now() where id = ? and delivered_at is null`, [now, id], 'run', tx);
  return rows.length;
}

/**
 * Delivers the scheduled notices whose time has come (the `notices.publishDue` job), each in its own transaction.
 * Idempotent: a delivered notice is not selected again, and a second delivery of one writes nothing.
 */
export async function deliverDueNotices(ctx: RequestContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db.rows<{ id: string }>(
    sql`select id from notice where published_at is not null and delivered_at is null and withdrawn_at is null and coalesce(publish_at, published_at) <= ${now.toISOString()}::timestamptz order by publish_at, id`,
  );
  let reached = 0;
  for (const { id } of due) reached += await inTransaction(ctx, (em) => deliverNotice(em, id, now));
  return reached;
}

/**
 * Publishes the notice an event generates (`noticeForEvent`: bilingual templates, audience) and delivers it, inside
 * the caller's transaction. The idempotency key makes a second call for the same event a no-op. Returns the new
 * notice's id, or null when it existed.
 */
export async function generateNotice(em: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId' | 'clock'>, event: NoticeEvent): Promise<string | null> {
  const generated = noticeForEvent(event);
  const now = ctx.clock.now();
  const d = generated.draft;
  const inserted = await em.getConnection().execute<Array<{ id: string }>>(
    `insert into notice (id, version, created_at, updated_at, title, body, audience, publish_at, expires_at, pinned, requires_acknowledgement, template, idempotency_key, published_at)
     values (gen_random_uuid(), 1, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, null, null, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id`,
    [now, now, JSON.stringify(d.title), JSON.stringify(d.body), JSON.stringify(d.audience), d.pinned, d.requiresAcknowledgement, generated.template, generated.idempotencyKey, now],
    'all',
    em.getTransactionContext(),
  );
  const id = inserted[0]?.id;
  if (!id) return null;
  const reached = await deliverNotice(em, id, now);
  recordAudit(em, ctx, { operation: 'generateNotice', entityType: 'Notice', entityId: id, after: { template: generated.template, key: generated.idempotencyKey, delivered: reached } });
  return id;
}

/**
 * Announces an honours programme's results to everyone (a pinned generated notice). For the honours module: call it in
 * the transaction that announces the awards. Idempotent per programme.
 * Example: announceHonors(em, ctx, { programId, programName: { en: 'Star cooks 2026', zh: '2026年度明星厨师' }, awards: 3, recipients: { en: 'Li Na, …', zh: '李娜、…' } })
 */
export function announceHonors(
  em: EntityManager,
  ctx: Pick<RequestContext, 'actor' | 'requestId' | 'clock'>,
  honors: { programId: string; programName: LocalText; awards: number; recipients: LocalText },
): Promise<string | null> {
  return generateNotice(em, ctx, { kind: 'honorsAnnounced', ...honors });
}

const PHASE_OF_STATE: Readonly<Record<string, 'selfReview' | 'rating' | 'calibration' | 'hrReview'>> = { self_review: 'selfReview', rating: 'rating', calibration: 'calibration', hr_review: 'hrReview' };

/** The notice of a cycle entering a phase, to its participants (the appraised and their raters); no-op for other states. */
export async function announceCyclePhase(em: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId' | 'clock'>, cycleId: string, state: string): Promise<string | null> {
  const phase = PHASE_OF_STATE[state];
  if (!phase) return null;
  const facts = await cycleFacts(em, cycleId, phase);
  if (!facts) return null;
  return generateNotice(em, ctx, { kind: 'cyclePhaseOpened', cycleId, cycleName: facts.name, phase, closes: facts.closes ?? '', participants: facts.participants });
}

/** The notice that a cycle's results are published, to the appraised people, with the acknowledgement deadline. */
export async function announceResults(em: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId' | 'clock'>, cycleId: string, acknowledgeBy: string): Promise<string | null> {
  const facts = await cycleFacts(em, cycleId, null);
  if (!facts) return null;
  return generateNotice(em, ctx, { kind: 'resultsPublished', cycleId, cycleName: facts.name, acknowledgeBy, participants: facts.appraised });
}

async function cycleFacts(em: EntityManager, cycleId: string, phase: string | null): Promise<{ name: LocalText; closes: string | null; participants: string[]; appraised: string[] } | null> {
  const rows = await em.getConnection().execute<Array<{ name: string; name_zh: string | null; closes: string | null; appraised: string[] | null; raters: string[] | null }>>(
    `select c.name, c.name_zh, (select p.closes::text from cycle_phase p where p.cycle_id = c.id and p.phase = ?) as closes,
            (select array_agg(distinct a.employee_id) from appraisal a where a.cycle_id = c.id and a.state <> 'excluded') as appraised,
            (select array_agg(distinct r.rater_employee_id) from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = c.id and r.rater_employee_id is not null and r.state <> 'reassigned') as raters
       from cycle c where c.id = ?`,
    [phase ?? '', cycleId],
    'all',
    em.getTransactionContext(),
  );
  const r = rows[0];
  if (!r) return null;
  const appraised = r.appraised ?? [];
  return { name: { en: r.name, zh: r.name_zh ?? r.name }, closes: r.closes, appraised, participants: [...new Set([...appraised, ...(r.raters ?? [])])].sort() };
}

// ---- the recipient's side ---------------------------------------------------------------------------------------

async function receiptOf(ctx: RequestContext, id: string): Promise<{ me: string; notice: NoticeNode }> {
  const me = requireActor(ctx).employeeId;
  const notice = await noticeInScope(ctx, id);
  if (!me || !notice || !notice.myReceipt || notice.status === NoticeStatusValue.WITHDRAWN || notice.status === NoticeStatusValue.DRAFT || notice.status === NoticeStatusValue.SCHEDULED) throw notFound('Notice', id);
  return { me, notice };
}

/** The recipient reads a notice: the receipt and the inbox item are marked read (the first time counts). Not audited (a receipt). */
export async function readNotice(ctx: RequestContext, id: string): Promise<NoticeNode> {
  const { me } = await receiptOf(ctx, id);
  await inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    await em.getConnection().execute(`update notice_recipient set read_at = ? where notice_id = ? and employee_id = ? and read_at is null`, [ctx.clock.now(), id, me], 'run', tx);
    await em.getConnection().execute(
      `update inbox_item set read_at = ?, updated_at = now(), version = version + 1 where link_type = 'Notice' and link_id = ? and recipient_employee_id = ? and read_at is null`,
      [ctx.clock.now(), id, me],
      'run',
      tx,
    );
  });
  return noticeNode(ctx, id);
}

/**
 * The recipient acknowledges a notice that asks for it: read and acknowledged are recorded once, the inbox task is
 * done. Audited (an acknowledgement is a statement). VALIDATION_FAILED when the notice asks for none.
 */
export async function acknowledgeNotice(ctx: RequestContext, id: string): Promise<NoticeNode> {
  const { me, notice } = await receiptOf(ctx, id);
  if (!notice.requiresAcknowledgement) assertNoProblems([{ field: 'id', rule: 'notice_no_acknowledgement', message: 'this notice asks for no acknowledgement' }]);
  if (notice.myReceipt?.acknowledgedAt) return notice;
  await inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    const now = ctx.clock.now();
    await em.getConnection().execute(
      `update notice_recipient set read_at = coalesce(read_at, ?), acknowledged_at = ? where notice_id = ? and employee_id = ? and acknowledged_at is null`,
      [now, now, id, me],
      'run',
      tx,
    );
    await em.getConnection().execute(
      `update inbox_item set read_at = coalesce(read_at, ?), updated_at = now(), version = version + 1 where link_type = 'Notice' and link_id = ? and recipient_employee_id = ? and read_at is null`,
      [now, id, me],
      'run',
      tx,
    );
    await completeInboxTasks(em, 'Notice', id, me);
    recordAudit(em, ctx, { operation: 'acknowledgeNotice', entityType: 'Notice', entityId: id, after: { employeeId: me } });
    await em.flush();
  });
  return noticeNode(ctx, id);
}
