import {
  addWorkingDays,
  buildWorkCalendar,
  canManagePolicies,
  checkPolicyVersion,
  type InboxItem,
  nextState,
  type PolicyScope,
  type PolicyVersionDraft,
  type PolicyVersionState,
  policyVersionWorkflow,
  publishPlan,
  taskTitle,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { loadCalendarYears } from '../calendar/calendar.service.js';
import { problemsOf } from '../cycles/cycle-data.js';
import { completeInboxTasks, deliverInbox } from '../notifications/inbox.service.js';
import { Policy, PolicyVersion } from './policy.entity.js';
import { coversEmployeeSql, policyInScope, policyVersionInScope } from './policy.read.js';
import type { CreatePolicyInput, PolicyNode, PolicyVersionActionValue, PolicyVersionInput, PolicyVersionNode } from './policy.types.js';


function requireManager(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!canManagePolicies(actor)) throw forbidden('managing policies');
  return actor;
}

function draftOf(input: PolicyVersionInput): PolicyVersionDraft {
  const ids = [...new Set(input.scope.ids ?? [])];
  const scope: PolicyScope = input.scope.kind === 'all' ? { kind: 'all' } : { kind: input.scope.kind, ids };
  return {
    title: { en: input.title.en, zh: input.title.zh },
    body: { en: input.body.en, zh: input.body.zh },
    effectiveFrom: input.effectiveFrom,
    scope,
    requiresAcknowledgement: input.requiresAcknowledgement ?? false,
    ...(input.acknowledgementWorkingDays !== undefined && input.acknowledgementWorkingDays !== null ? { acknowledgementWorkingDays: input.acknowledgementWorkingDays } : {}),
  };
}

/** Checks a draft with the domain (text, Markdown without raw HTML, date, scope, days) and that scope ids exist. */
async function checkedDraft(ctx: RequestContext, input: PolicyVersionInput, prefix: string[]): Promise<PolicyVersionDraft> {
  const draft = draftOf(input);
  const checked = checkPolicyVersion(draft);
  if (!checked.ok) assertNoProblems(problemsOf(checked.issues, prefix));
  if (draft.scope.kind !== 'all') {
    const table = draft.scope.kind === 'departments' ? sql`department` : sql`position`;
    const found = await ctx.db.rows<{ n: number }>(sql`select count(*)::int as n from ${table} where id = any(${draft.scope.ids as string[]}::uuid[])`);
    if ((found[0]?.n ?? 0) !== draft.scope.ids.length)
      assertNoProblems([{ field: [...prefix, 'scope', 'ids'].join('.'), rule: 'not_found', message: `some ${draft.scope.kind} do not exist` }]);
  }
  return draft;
}

function applyDraft(v: PolicyVersion, d: PolicyVersionDraft): void {
  v.title = { en: d.title.en, zh: d.title.zh };
  v.body = { en: d.body.en, zh: d.body.zh };
  v.effectiveFrom = d.effectiveFrom;
  v.scopeKind = d.scope.kind;
  v.scopeIds = d.scope.kind === 'all' ? [] : [...d.scope.ids];
  v.requiresAcknowledgement = d.requiresAcknowledgement;
  v.acknowledgementWorkingDays = d.acknowledgementWorkingDays ?? null;
}

async function versionNode(ctx: RequestContext, id: string): Promise<PolicyVersionNode> {
  const found = await policyVersionInScope(ctx, id);
  if (!found) throw notFound('PolicyVersion', id);
  return found;
}

async function policyNode(ctx: RequestContext, id: string): Promise<PolicyNode> {
  const found = await policyInScope(ctx, id);
  if (!found) throw notFound('Policy', id);
  return found;
}

/** HR creates a policy with its first draft (checked by the domain; audited). */
export async function createPolicy(ctx: RequestContext, input: CreatePolicyInput): Promise<PolicyNode> {
  const actor = requireManager(ctx);
  const code = input.code.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(code)) assertNoProblems([{ field: 'code', rule: 'code_format', message: 'letters, digits, "-", "_" or "." (at most 64)' }]);
  const draft = await checkedDraft(ctx, input.draft, ['draft']);
  const id = await inTransaction(ctx, async (em) => {
    const policy = em.create(Policy, { code, ownerUserId: actor.userId });
    // Plain id columns (no ORM relation): the policy row goes in first.
    await em.flush();
    const version = em.create(PolicyVersion, { policyId: policy.id, number: 1, authorUserId: actor.userId, title: draft.title, body: draft.body, effectiveFrom: draft.effectiveFrom, scopeKind: draft.scope.kind });
    applyDraft(version, draft);
    await em.flush();
    recordAudit(em, ctx, { operation: 'createPolicy', entityType: 'Policy', entityId: policy.id, after: { ...snapshot(policy), draft: snapshot(version) } });
    return policy.id;
  });
  return policyNode(ctx, id);
}

/**
 * HR writes a version: with `versionId` the draft is edited (optimistic lock; only drafts), without it a new draft
 * is started with the next number. Audited with before and after.
 */
export async function savePolicyVersion(ctx: RequestContext, policyId: string, input: PolicyVersionInput, versionId: string | null | undefined, version: number | null | undefined): Promise<PolicyVersionNode> {
  const actor = requireManager(ctx);
  const draft = await checkedDraft(ctx, input, ['input']);
  const id = await inTransaction(ctx, async (em) => {
    const policy = await em.findOne(Policy, { id: policyId });
    if (!policy) throw notFound('Policy', policyId);
    if (versionId) {
      const row = await em.findOne(PolicyVersion, { id: versionId, policyId });
      if (!row) throw notFound('PolicyVersion', versionId);
      if (version === null || version === undefined || row.version !== version) throw staleRecord();
      if (row.state !== 'draft') assertNoProblems([{ field: 'versionId', rule: 'policy_version_not_draft', message: `only a draft is edited; this version is ${row.state}`, params: { state: row.state } }]);
      const before = snapshot(row);
      applyDraft(row, draft);
      await em.flush();
      recordAudit(em, ctx, { operation: 'savePolicyVersion', entityType: 'PolicyVersion', entityId: row.id, before, after: snapshot(row) });
      return row.id;
    }
    const max = await em.getConnection().execute<Array<{ n: number }>>('select coalesce(max(number), 0)::int as n from policy_version where policy_id = ?', [policyId], 'all', em.getTransactionContext());
    const row = em.create(PolicyVersion, { policyId, number: (max[0]?.n ?? 0) + 1, authorUserId: actor.userId, title: draft.title, body: draft.body, effectiveFrom: draft.effectiveFrom, scopeKind: draft.scope.kind });
    applyDraft(row, draft);
    policy.updatedAt = new Date();
    await em.flush();
    recordAudit(em, ctx, { operation: 'createPolicyVersion', entityType: 'PolicyVersion', entityId: row.id, after: snapshot(row) });
    return row.id;
  });
  return versionNode(ctx, id);
}

/** The last day to acknowledge: N working days after publication on the work calendar (null when not required). */
async function acknowledgeByOf(ctx: RequestContext, v: PolicyVersion): Promise<string | null> {
  if (!v.requiresAcknowledgement) return null;
  const years = await loadCalendarYears(ctx.db);
  return addWorkingDays(buildWorkCalendar(years), ctx.clock.today(), v.acknowledgementWorkingDays ?? 5);
}

/** Delivers the publication to everyone in scope: an acknowledgement task when required, else a notice item. */
async function announce(em: EntityManager, v: PolicyVersion): Promise<void> {
  const rows = await em.getConnection().execute<Array<{ id: string }>>(
    `select e.id from policy_version v join employee e on e.active join department d on d.id = e.department_id and ${coversEmployeeSql('v', 'e', 'd').text} where v.id = ?`,
    [v.id],
    'all',
    em.getTransactionContext(),
  );
  const now = new Date().toISOString();
  const items: InboxItem[] = rows.map((r) =>
    v.requiresAcknowledgement
      ? { key: `policyAck:${v.id}:${r.id}`, recipientId: r.id, kind: 'task', taskKind: 'policyAcknowledgement', title: taskTitle('policyAcknowledgement', v.title), link: { type: 'PolicyVersion', id: v.id }, ...(v.acknowledgeBy ? { due: v.acknowledgeBy } : {}), createdAt: now }
      : { key: `policy:${v.id}:${r.id}`, recipientId: r.id, kind: 'notice', title: { en: `New policy: ${v.title.en}`, zh: `新制度：${v.title.zh}` }, link: { type: 'PolicyVersion', id: v.id }, createdAt: now },
  );
  await deliverInbox(em, items);
}

/**
 * Moves a version through `policyVersionWorkflow` (HR; four eyes on publishing). Publishing follows `publishPlan`:
 * in one transaction the previously published version is superseded, this one published, the policy's current
 * version moved, and everyone in scope gets the version in their inbox (a task when acknowledgement is required).
 */
export async function transitionPolicyVersion(ctx: RequestContext, id: string, version: number, action: PolicyVersionActionValue): Promise<PolicyVersionNode> {
  const actor = requireManager(ctx);
  const rows = await ctx.db.rows<{ id: string; number: number; state: PolicyVersionState; effective_from: string; policy_id: string; author_user_id: string }>(
    sql`select o.id, o.number, o.state, o.effective_from::text as effective_from, o.policy_id, o.author_user_id from policy_version v join policy_version o on o.policy_id = v.policy_id where v.id = ${id}`,
  );
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound('PolicyVersion', id);
  const step = nextState(policyVersionWorkflow, row.state, action, { roles: actor.roles, actorId: actor.userId, authorId: row.author_user_id, effectiveFrom: row.effective_from });
  if (!step.ok) assertNoProblems(problemsOf([{ ...step.issue, path: ['action'] }]));
  let supersede: string[] = [];
  if (action === 'publish') {
    const plan = publishPlan(rows.map((r) => ({ id: r.id, number: r.number, state: r.state, effectiveFrom: r.effective_from })), id);
    if (!plan.ok) assertNoProblems(problemsOf(plan.issues));
    else supersede = plan.value.supersede;
  }
  await inTransaction(ctx, async (em) => {
    const v = await em.findOne(PolicyVersion, { id });
    if (!v) throw notFound('PolicyVersion', id);
    if (v.version !== version) throw staleRecord();
    const before = v.state;
    if (action === 'publish') {
      // The old version leaves `published` first: one published version per policy (a partial unique index).
      for (const oldId of supersede) {
        const old = await em.findOneOrFail(PolicyVersion, { id: oldId });
        const moved = nextState(policyVersionWorkflow, old.state, 'supersede', { roles: actor.roles, hasNewerPublishedVersion: true });
        if (!moved.ok) assertNoProblems(problemsOf([moved.issue]));
        old.state = 'superseded';
        old.supersededAt = new Date();
        await em.flush();
        recordAudit(em, ctx, { operation: 'supersedePolicyVersion', entityType: 'PolicyVersion', entityId: old.id, before: { state: 'published' }, after: { state: 'superseded', by: id } });
      }
      v.state = 'published';
      v.publishedAt = new Date();
      v.reviewerUserId = actor.userId;
      v.acknowledgeBy = await acknowledgeByOf(ctx, v);
      await em.flush();
      const policy = await em.findOneOrFail(Policy, { id: v.policyId });
      policy.currentVersionId = v.id;
      await em.flush();
      await announce(em, v);
    } else {
      v.state = (step as { ok: true; to: PolicyVersionState }).to;
      await em.flush();
    }
    recordAudit(em, ctx, { operation: 'transitionPolicyVersion', entityType: 'PolicyVersion', entityId: id, before: { state: before }, after: { state: v.state, action, supersedes: supersede } });
  });
  return versionNode(ctx, id);
}

/**
 * A person acknowledges the published version that governs them (idempotent: the first time counts). Their inbox
 * task for it is done. FORBIDDEN for a version that is not published or does not cover them.
 */
export async function acknowledgePolicy(ctx: RequestContext, versionId: string): Promise<PolicyVersionNode> {
  const actor = requireActor(ctx);
  const me = actor.employeeId;
  const found = await policyVersionInScope(ctx, versionId);
  if (!me || !found || found.state !== 'published' || !(await coversMe(ctx, versionId, me))) throw forbidden('acknowledging this policy');
  await inTransaction(ctx, async (em) => {
    const inserted = await em.getConnection().execute<Array<{ employee_id: string }>>(
      `insert into policy_acknowledgement (policy_version_id, employee_id, acknowledged_at) values (?, ?, now()) on conflict do nothing returning employee_id`,
      [versionId, me],
      'all',
      em.getTransactionContext(),
    );
    if (inserted.length) recordAudit(em, ctx, { operation: 'acknowledgePolicy', entityType: 'PolicyVersion', entityId: versionId, after: { employeeId: me } });
    await completeInboxTasks(em, 'PolicyVersion', versionId, me);
    await em.flush();
  });
  return versionNode(ctx, versionId);
}

async function coversMe(ctx: RequestContext, versionId: string, me: string): Promise<boolean> {
  const rows = await ctx.db.rows<{ ok: boolean }>(
    sql`select true as ok from policy_version v join employee e on e.id = ${me} join department d on d.id = e.department_id where v.id = ${versionId} and ${coversEmployeeSql('v', 'e', 'd')}`,
  );
  return rows.length > 0;
}

/**
 * HR reminds the people in scope who have not acknowledged a published version: each gets a new inbox task (key
 * `policyAck:<version>:<employee>@<day>`, so never twice on one day) and their earlier task for it leaves the open
 * list. Audited. Returns how many people were reminded.
 */
export async function remindPolicyAcknowledgement(ctx: RequestContext, versionId: string): Promise<number> {
  requireManager(ctx);
  const rows = await ctx.db.rows<{ state: string; requires_acknowledgement: boolean; title: { en: string; zh: string }; acknowledge_by: string | null }>(
    sql`select state, requires_acknowledgement, title, acknowledge_by::text as acknowledge_by from policy_version where id = ${versionId}`,
  );
  const v = rows[0];
  if (!v) throw notFound('PolicyVersion', versionId);
  if (v.state !== 'published' || !v.requires_acknowledgement)
    assertNoProblems([{ field: 'versionId', rule: 'policy_no_acknowledgement', message: 'only a published version that asks for acknowledgement is reminded of' }]);
  const pending = await ctx.db.rows<{ id: string }>(
    sql`select e.id from policy_version v join employee e on e.active join department d on d.id = e.department_id and ${coversEmployeeSql('v', 'e', 'd')}
        left join policy_acknowledgement a on a.policy_version_id = v.id and a.employee_id = e.id where v.id = ${versionId} and a.employee_id is null`,
  );
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  const items: InboxItem[] = pending.map((p) => ({
    key: `policyAck:${versionId}:${p.id}@${today}`,
    recipientId: p.id,
    kind: 'task',
    taskKind: 'policyAcknowledgement',
    title: taskTitle('policyAcknowledgement', v.title),
    link: { type: 'PolicyVersion', id: versionId },
    ...(v.acknowledge_by ? { due: v.acknowledge_by } : {}),
    createdAt: now,
  }));
  return inTransaction(ctx, async (em) => {
    const fresh = await deliverInbox(em, items);
    if (fresh.length)
      await em.getConnection().execute(
        `update inbox_item set done_at = now(), updated_at = now(), version = version + 1
          where link_type = 'PolicyVersion' and link_id = ? and kind = 'task' and done_at is null and not (key in (select jsonb_array_elements_text(?::jsonb)))
            and recipient_employee_id::text in (select split_part(jsonb_array_elements_text(?::jsonb), ':', 3))`,
        [versionId, JSON.stringify(fresh), JSON.stringify(fresh.map((k) => k.split('@')[0]))],
        'run',
        em.getTransactionContext(),
      );
    recordAudit(em, ctx, { operation: 'remindPolicyAcknowledgement', entityType: 'PolicyVersion', entityId: versionId, after: { reminded: fresh.length, date: today } });
    await em.flush();
    return fresh.length;
  });
}
