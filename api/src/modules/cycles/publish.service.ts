import { announceResults } from '../notices/notice.service.js';
import {
  acknowledgementDue,
  type AppraisalResultRecord,
  type AppraisalState,
  appraisalWorkflow,
  buildWorkCalendar,
  CalendarError,
  canManageCycles,
  checkActionWindow,
  checkPublish,
  type CycleState,
  cycleWorkflow,
  type DomainIssue,
  type GradeChange as DomainGradeChange,
  type GroupPay,
  type MeasuredEntry,
  measuredPayFacts,
  nextState,
  type PayFacts,
  type PayMember,
  priceCalibratedGroup,
  publishedResult,
  type SchemeDefinition,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { type ReadDb, sql } from '../../core/db.js';
import { AppError, assertNoProblems, type FieldProblem, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { formatPath } from '@appraisal/domain';
import { noJobs } from '../../core/jobs.js';
import { inTransaction } from '../../core/transaction.js';
import { requestAnalyticsRefresh } from '../analytics/analytics.jobs.js';
import { recordAudit } from '../audit/audit.service.js';
import { postPublicationEntries } from '../ledger/generated.service.js';
import { loadCalendarYears } from '../calendar/calendar.service.js';
import { appraisalInScope } from './appraisal.read.js';
import type { AppraisalNode } from './appraisal.types.js';
import { calibrationMembers, reportsOf } from './calibration.service.js';
import { schemeDocument } from './cycle-data.js';
import { getCycle, transitionCycle } from './cycle.service.js';
import type { CycleNode } from './cycle.types.js';
import { CycleActionValue } from './cycle.types.js';
import { windowsOf } from './rating.service.js';
import type { RollupJobData } from './rollup.service.js';
import { entryOfRow } from './measured-input.data.js';

/** Domain issues as field problems with their params (clients translate by rule + params). */
export function problemsWithParams(issues: readonly DomainIssue[]): FieldProblem[] {
  return issues.map((i) => ({
    field: formatPath(i.path) || 'input',
    rule: i.code,
    message: i.message,
    params: Object.fromEntries(Object.entries(i.params ?? {}).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean)])),
  }));
}

/** The key of the pay group when a cycle prices everyone together (`pay_group_by = CYCLE`); `cycle_group_amount` rows use it too. */
export const WHOLE_CYCLE_GROUP = 'cycle';

/** Options of a publication: HR's override of quota violations, with the reason. */
export interface PublishOptions {
  override?: { reason: string } | null;
}

interface CycleFacts {
  id: string;
  state: CycleState;
  version: number;
  scheme_version_id: string;
  pay_group_by: 'CYCLE' | 'CALIBRATION_GROUP';
  acknowledgement_working_days: number;
}

/** Each person's pay facts: the base from the employee record (floating pay reads the floating base when set), overridden by the cycle's measured inputs (PAY_FACT values; work tickets as tickets or man-hours, `measuredPayFacts`). */
export async function payFactsOf(db: ReadDb, doc: SchemeDefinition, cycleId: string): Promise<Map<string, PayFacts>> {
  const floating = doc.pay.some((p) => p.rule.kind === 'floatingByAverage');
  const rows = await db.rows<{ employee_id: string; performance: string | null; floating: string | null; measured: Array<{ kind: string; item: string | null; payload: Record<string, unknown> }> | null }>(
    sql`select a.employee_id, e.performance_pay_base::text as performance, e.floating_pay_base::text as floating,
               (select jsonb_agg(jsonb_build_object('kind', m.kind, 'item', m.item, 'payload', m.payload) order by m.created_at, m.id) from measured_input m
                 where m.cycle_id = a.cycle_id and m.employee_id = a.employee_id and m.kind in ('PAY_FACT', 'WORK_TICKET')) as measured
        from appraisal a join employee e on e.id = a.employee_id where a.cycle_id = ${cycleId} and a.state <> 'excluded'`,
  );
  const out = new Map<string, PayFacts>();
  for (const r of rows) {
    const base = (floating ? (r.floating ?? r.performance) : (r.performance ?? r.floating)) ?? undefined;
    const entries = (r.measured ?? []).map((m) => entryOfRow(m.kind, m.item, m.payload)).filter((e): e is MeasuredEntry => e !== null);
    const measured = measuredPayFacts(doc, entries);
    const facts: PayFacts = { ...(base === undefined ? {} : { base }), ...measured };
    out.set(r.employee_id, facts);
  }
  return out;
}

/** What publishing writes, computed before the transaction (pure domain calls over rows read in a few statements). */
interface PublicationPlan {
  rows: Array<{ appraisalId: string; employeeId: string; resultId: string; total: string; grade: string | null; payTotal: string | null; record: unknown; lines: Array<{ component: string; amount: string; detail: string }> }>;
  overridden: DomainIssue[];
  splits: GroupPay['splits'];
  due: string;
}

async function planPublication(ctx: Pick<RequestContext, 'db' | 'clock'>, cycle: CycleFacts, options: PublishOptions): Promise<PublicationPlan> {
  const db = ctx.db;
  const doc = await schemeDocument(db, cycle.scheme_version_id);
  const members = await calibrationMembers(db, cycle.id);
  const { reports } = reportsOf(doc, members);
  const unscored = (await db.rows<{ n: number }>(sql`select count(*)::int as n from appraisal where cycle_id = ${cycle.id} and state <> 'excluded' and result_id is null`))[0]?.n ?? 0;
  const override = options.override ?? undefined;
  const decision = checkPublish({ reports, unscored, ...(override ? { override } : {}) });
  if (!decision.ok) assertNoProblems(problemsWithParams(decision.issues));
  const overridden = decision.ok ? decision.overridden : [];
  const step = nextState(cycleWorkflow, cycle.state, 'publish', {
    roles: ['HR'],
    unscoredAppraisals: unscored,
    quotaViolations: reports.reduce((n, r) => n + r.violations.length, 0),
    ...(override ? { quotaOverrideReason: override.reason } : {}),
  });
  if (!step.ok) assertNoProblems(problemsWithParams([{ ...step.issue, path: ['id'] }]));

  const records = await db.rows<{ appraisal_id: string; result_id: string; record: AppraisalResultRecord }>(
    sql`select a.id as appraisal_id, r.id as result_id, r.record from appraisal a join appraisal_result r on r.id = a.result_id where a.cycle_id = ${cycle.id} and a.state <> 'excluded'`,
  );
  const changes = await db.rows<{ appraisal_id: string; employee_id: string; from_grade: string | null; to_grade: string; reason: string; source: string; rank: number | null; group_size: number | null }>(
    sql`select g.appraisal_id, a.employee_id, g.from_grade, g.to_grade, g.reason, g.source, g.rank, g.group_size
        from grade_change g join appraisal a on a.id = g.appraisal_id where a.cycle_id = ${cycle.id} order by g.created_at, g.id`,
  );
  const changesOf = new Map<string, DomainGradeChange[]>();
  for (const c of changes) {
    const list = changesOf.get(c.appraisal_id) ?? [];
    list.push({ appraisalId: c.appraisal_id, employeeId: c.employee_id, from: c.from_grade ?? '', to: c.to_grade, reason: c.reason, source: c.source === 'HR' ? 'hr' : 'proposal', rank: c.rank ?? 0, groupSize: c.group_size ?? 0 });
    changesOf.set(c.appraisal_id, list);
  }
  const memberOf = new Map(members.map((m) => [m.appraisalId, m]));

  // Pay per pay group (the whole cycle by default, or each calibration group with its own amounts).
  const pay = new Map<string, { lines: GroupPay['lines']; total: string; trace: GroupPay['traces'][string] }>();
  const splits: GroupPay['splits'] = [];
  if (doc.pay.length > 0) {
    const facts = await payFactsOf(db, doc, cycle.id);
    const amounts = new Map(
      (
        await db.rows<{ group_key: string; pool: string | null; output_value: string | null; inputs: Record<string, string> | null }>(
          sql`select group_key, pool::text as pool, output_value::text as output_value, inputs from cycle_group_amount where cycle_id = ${cycle.id}`,
        )
      ).map((a) => [a.group_key, a]),
    );
    const payGroups = new Map<string, PayMember[]>();
    for (const r of records) {
      const m = memberOf.get(r.appraisal_id);
      const key = cycle.pay_group_by === 'CALIBRATION_GROUP' ? (m?.groupKey ?? '') : WHOLE_CYCLE_GROUP;
      const list = payGroups.get(key) ?? [];
      list.push({ employeeId: r.record.employeeId, result: r.record.output, ...(m?.grade ? { grade: m.grade } : {}), facts: facts.get(r.record.employeeId) ?? {} });
      payGroups.set(key, list);
    }
    const issues: DomainIssue[] = [];
    for (const [key, list] of payGroups) {
      const a = amounts.get(key);
      // An output value HR gives wins; otherwise the scheme's formula computes it from the group's inputs.
      const priced = priceCalibratedGroup(doc, list, { ...(a?.pool ? { pool: a.pool } : {}), ...(a?.output_value ? { outputValue: a.output_value } : {}), ...(a?.inputs ? { inputs: a.inputs } : {}) });
      if (!priced.ok) {
        issues.push(...priced.issues.map((i) => ({ ...i, params: { ...i.params, group: key } })));
        continue;
      }
      splits.push(...priced.value.splits);
      for (const m of list)
        pay.set(m.employeeId, { lines: priced.value.lines.filter((l) => l.employeeId === m.employeeId), total: priced.value.totals[m.employeeId] ?? '0.00', trace: priced.value.traces[m.employeeId] ?? [] });
    }
    if (issues.length) assertNoProblems(problemsWithParams(issues));
  }

  let due: string;
  try {
    due = acknowledgementDue(buildWorkCalendar(await loadCalendarYears(db)), ctx.clock.today(), cycle.acknowledgement_working_days);
  } catch (e) {
    if (e instanceof CalendarError) assertNoProblems(problemsWithParams([e.issue]));
    throw e;
  }

  const rows = records.map((r) => {
    const m = memberOf.get(r.appraisal_id);
    const p = pay.get(r.record.employeeId) ?? null;
    const published = publishedResult(r.record, changesOf.get(r.appraisal_id) ?? [], p);
    return {
      appraisalId: r.appraisal_id,
      employeeId: r.record.employeeId,
      resultId: r.result_id,
      total: published.total,
      grade: published.grade ?? m?.grade ?? null,
      payTotal: published.pay?.total ?? null,
      record: published,
      lines: (p?.lines ?? []).map((l) => ({ component: l.component, amount: l.amount, detail: l.detail })),
    };
  });
  return { rows, overridden, splits, due: due! };
}

/**
 * Publishes a cycle in one transaction (HR): refused while appraisals lack a result or quotas are violated,
 * unless HR overrides the violations with a reason; pays every pay group with the scheme's rules (exact to the
 * cent: each pool split is re-added and must equal its pool); writes a `published_result` (the explanation
 * trace with calibration and pay) and `pay_line` rows per appraisal; moves the appraisals to published with the
 * acknowledgement due date on the work calendar; the cycle to published. Idempotent: publishing a published
 * cycle returns it unchanged, and rows already written for an appraisal's current result are skipped.
 * Callable from the seed with any context that has an HR actor.
 */
export async function publishCycle(ctx: RequestContext, cycleId: string, version: number, options: PublishOptions = {}): Promise<CycleNode> {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('publishing cycles');
  const rows = await ctx.db.rows<CycleFacts>(
    sql`select id, state, version, scheme_version_id, pay_group_by, acknowledgement_working_days from cycle where id = ${cycleId}`,
  );
  const cycle = rows[0];
  if (!cycle) throw notFound('Cycle', cycleId);
  if (cycle.state === 'published' || cycle.state === 'closed') return getCycle(ctx, cycleId);
  if (cycle.version !== version) throw staleRecord();
  const plan = await planPublication(ctx, cycle, options);
  await inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    const connection = em.getConnection();
    const locked = await connection.execute<Array<{ version: number; state: string }>>('select version, state from cycle where id = ? for update', [cycleId], 'all', tx);
    if (locked[0]?.version !== version || locked[0]?.state !== cycle.state) throw staleRecord();
    await writePublication(em, cycleId, plan);
    // One approved ledger entry per pay component of each published result (docs/ledger-honors-design.md §5).
    await postPublicationEntries(em, cycleId, actor);
    const overrideReason = plan.overridden.length && options.override ? options.override.reason.trim() : null;
    await connection.execute(
      `update cycle set state = 'published', published_at = now(), quota_override_reason = ?, version = version + 1, updated_at = now() where id = ?`,
      [overrideReason, cycleId],
      'run',
      tx,
    );
    recordAudit(em, ctx, {
      operation: 'publishCycle',
      entityType: 'Cycle',
      entityId: cycleId,
      before: { state: cycle.state },
      after: { state: 'published', appraisals: plan.rows.length, acknowledgementDue: plan.due, overriddenViolations: plan.overridden.map((v) => ({ code: v.code, params: v.params })), overrideReason, splits: plan.splits },
    });
    await em.flush();
    // The appraised people are told their results are out (a generated notice, once per cycle).
    await announceResults(em, ctx, cycleId, plan.due);
  });
  // Roll-ups follow each publication (a quarter from its months...): queued after the commit, once per cycle.
  // The publication is committed: a queue that refuses (no job runner, the demo seed's inline runner) must not turn
  // it into an error; HR can still compute the roll-up (computeRollups). Contexts without a runner skip it.
  if (ctx.jobs !== noJobs)
    await ctx.jobs.send<RollupJobData>('rollup.compute', { cycleId }, `rollup:${cycleId}`).catch((error: unknown) => ctx.log.warn({ err: error, cycleId }, 'rollup.compute not queued after publication'));
  await requestAnalyticsRefresh(ctx);
  return getCycle(ctx, cycleId);
}

/** Bulk writes of a publication: one statement per table, rows as one JSON parameter, skipping what exists. */
async function writePublication(em: EntityManager, cycleId: string, plan: PublicationPlan): Promise<void> {
  const tx = em.getTransactionContext();
  const connection = em.getConnection();
  const fresh = await connection.execute<Array<{ appraisal_id: string }>>(
    `insert into published_result (id, created_at, updated_at, appraisal_id, cycle_id, result_id, total, grade, pay_total, record)
     select gen_random_uuid(), now(), now(), t.a, ?, t.r, t.total::numeric, t.grade, t.pay::numeric, t.record
     from jsonb_to_recordset(?::jsonb) as t(a uuid, r uuid, total text, grade text, pay text, record jsonb)
     on conflict (appraisal_id, result_id) do nothing returning appraisal_id`,
    [cycleId, JSON.stringify(plan.rows.map((r) => ({ a: r.appraisalId, r: r.resultId, total: r.total, grade: r.grade, pay: r.payTotal, record: r.record })))],
    'all',
    tx,
  );
  const written = new Set(fresh.map((f) => f.appraisal_id));
  const lines = plan.rows.filter((r) => written.has(r.appraisalId)).flatMap((r) => r.lines.map((l) => ({ a: r.appraisalId, e: r.employeeId, c: l.component, amount: l.amount, d: l.detail })));
  if (lines.length)
    await connection.execute(
      `insert into pay_line (id, created_at, updated_at, appraisal_id, cycle_id, employee_id, component, amount, detail)
       select gen_random_uuid(), now(), now(), t.a, ?, t.e, t.c, t.amount::numeric, t.d from jsonb_to_recordset(?::jsonb) as t(a uuid, e uuid, c text, amount text, d text)`,
      [cycleId, JSON.stringify(lines)],
      'run',
      tx,
    );
  // appraisalWorkflow: calibrated -> published (HR); the grade is fixed from here (a trigger refuses changes).
  await connection.execute(
    `update appraisal a set state = 'published', published_at = now(), final_grade = t.grade, acknowledgement_due = ?::date, version = a.version + 1, updated_at = now()
     from jsonb_to_recordset(?::jsonb) as t(a uuid, grade text) where a.id = t.a and a.published_at is null`,
    [plan.due, JSON.stringify(plan.rows.map((r) => ({ a: r.appraisalId, grade: r.grade })))],
    'run',
    tx,
  );
}

// ---- acknowledgement ---------------------------------------------------------------------------------------

async function answer(ctx: RequestContext, appraisalId: string, version: number, action: 'acknowledge' | 'refuse_acknowledgement', reason: string | null): Promise<AppraisalNode> {
  const actor = requireActor(ctx);
  const visible = await appraisalInScope(ctx, appraisalId);
  if (!visible) throw notFound('Appraisal', appraisalId);
  const rows = await ctx.db.rows<{ employee_id: string; state: AppraisalState; cycle_id: string; cycle_state: string; published_on: string | null; due: string | null; version: number }>(
    sql`select a.employee_id, a.state, a.cycle_id, c.state as cycle_state, (a.published_at at time zone 'Asia/Shanghai')::date::text as published_on, a.acknowledgement_due::text as due, a.version
        from appraisal a join cycle c on c.id = a.cycle_id where a.id = ${appraisalId}`,
  );
  const row = rows[0];
  if (!row) throw notFound('Appraisal', appraisalId);
  if (row.cycle_state === 'closed')
    throw new AppError('VALIDATION_FAILED', 'The cycle is closed: its results are final.', [{ field: 'appraisalId', rule: 'appraisal_acknowledgement_closed', message: 'the cycle is closed' }]);
  const isSubject = actor.employeeId !== null && row.employee_id === actor.employeeId;
  if (!isSubject) throw forbidden('answering this result: only the appraised employee does');
  const today = ctx.clock.today();
  const { phases, reopenings } = await windowsOf(ctx, row.cycle_id);
  // The window opens on the publication day; a clock set before it (tests, time zones) counts the result as published today.
  const publishedOn = row.published_on && row.published_on > today ? today : row.published_on;
  const window = checkActionWindow({
    action: action === 'acknowledge' ? 'acknowledgement.acknowledge' : 'acknowledgement.refuse',
    today,
    phases,
    target: { appraisalId },
    reopenings,
    ...(publishedOn && row.due ? { acknowledgement: { publishedOn, due: row.due } } : {}),
  });
  if (!window.ok) assertNoProblems(problemsWithParams([window.issue]));
  const step = nextState(appraisalWorkflow, row.state, action, { roles: actor.roles, isSubject, acknowledgementWindowOpen: true, ...(reason !== null ? { refusalReason: reason } : {}) });
  if (!step.ok) assertNoProblems(problemsWithParams([{ ...step.issue, path: action === 'refuse_acknowledgement' && step.issue.code === 'appraisal_refusal_reason' ? ['reason'] : ['appraisalId'] }]));
  const to = (step as { ok: true; to: AppraisalState }).to;
  await inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    const updated = await em.getConnection().execute<Array<{ id: string }>>(
      action === 'acknowledge'
        ? `update appraisal set state = ?, acknowledged_at = now(), version = version + 1, updated_at = now() where id = ? and version = ? returning id`
        : `update appraisal set state = ?, refused_at = now(), refusal_reason = ?, version = version + 1, updated_at = now() where id = ? and version = ? returning id`,
      action === 'acknowledge' ? [to, appraisalId, version] : [to, (reason ?? '').trim(), appraisalId, version],
      'all',
      tx,
    );
    if (!updated.length) throw staleRecord();
    recordAudit(em, ctx, { operation: action === 'acknowledge' ? 'acknowledgeResult' : 'refuseAcknowledgement', entityType: 'Appraisal', entityId: appraisalId, before: { state: row.state }, after: { state: to, reason } });
    // A refusal is where an appeal may start: the refused result stays appealable (appraisalWorkflow `appeal` from
    // `refused`) inside the scheme's appeal window; the employee files it with `fileAppeal` (api/src/modules/appeals).
    await em.flush();
  });
  return (await appraisalInScope(ctx, appraisalId)) as AppraisalNode;
}

/** The appraised employee acknowledges their published result inside the acknowledgement window (or an HR reopening). */
export function acknowledgeResult(ctx: RequestContext, appraisalId: string, version: number): Promise<AppraisalNode> {
  return answer(ctx, appraisalId, version, 'acknowledge', null);
}

/** The appraised employee refuses to acknowledge, with a reason (kept for the appeal), inside the window. */
export function refuseAcknowledgement(ctx: RequestContext, appraisalId: string, version: number, reason: string): Promise<AppraisalNode> {
  return answer(ctx, appraisalId, version, 'refuse_acknowledgement', reason);
}

/** Closes a published cycle (HR): everything of it is frozen from here (database triggers refuse changes). */
export function closeCycle(ctx: RequestContext, cycleId: string, version: number): Promise<CycleNode> {
  return transitionCycle(ctx, cycleId, version, CycleActionValue.CLOSE, null);
}
