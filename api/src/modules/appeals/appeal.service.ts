import {
  type Actor,
  type AppealAction,
  type AppealContext,
  type AppealDecision,
  type AppealState,
  type AppealTarget,
  appealFlags,
  appealSettingsFor,
  appealWorkflow,
  applyRescore,
  type AppraisalResultRecord,
  type AppraisalState,
  appraisalWorkflow,
  canManageAppeals,
  checkAppealDecision,
  checkAppealFiling,
  checkAppealNote,
  checkStatementRequest,
  type DomainIssue,
  type GroupPay,
  hasRole,
  type InboxItem,
  type ItemInput,
  nextState,
  type PayMember,
  priceCalibratedGroup,
  type PublishedResult,
  publishedResult,
  type RaterRole,
  repriceGroup,
  type StandingPay,
  type Rescore,
  scoreAppraisal,
  taskTitle,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql, type Sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { schemeDocument } from '../cycles/cycle-data.js';
import { payFactsOf, problemsWithParams, WHOLE_CYCLE_GROUP } from '../cycles/publish.service.js';
import { reissueResultEntries } from '../ledger/generated.service.js';
import { reverseLedgerEntry } from '../ledger/ledger.service.js';
import { completeInboxTasks, deliverInbox } from '../notifications/inbox.service.js';
import { appealInScope, NEAR_DUE_WORKING_DAYS, requestCalendar } from './appeal.read.js';
import type { AppealDecisionInput, AppealHandlerRoleValue, AppealNode, FileAppealInput, StatementRequestInput, StatementRequestNode } from './appeal.types.js';

const conflict = () => staleRecord();

/** Statements inside a transaction. */
async function rows<T>(em: EntityManager, query: Sql): Promise<T[]> {
  return em.getConnection().execute<T[]>(query.sql, query.values as unknown[], 'all', em.getTransactionContext());
}

async function node(ctx: RequestContext, id: string): Promise<AppealNode> {
  const found = await appealInScope(ctx, id);
  if (!found) throw notFound('Appeal', id);
  return found;
}

/** People who handle appeals by role: HR's employee records (their inbox receives appeal tasks). */
async function hrEmployees(em: EntityManager): Promise<string[]> {
  const found = await rows<{ id: string }>(em, sql`select distinct u.employee_id as id from app_user u where u.active and u.employee_id is not null and 'HR' = any(u.roles)`);
  return found.map((r) => r.id);
}

interface AppealRow {
  id: string;
  version: number;
  state: AppealState;
  target_kind: 'result' | 'ledgerEntry';
  appellant_employee_id: string;
  appraisal_id: string | null;
  result_id: string | null;
  ledger_entry_id: string | null;
  scheme_version_id: string | null;
  due_on: string;
  outcome: 'upheld' | 'rejected' | null;
  new_result_id: string | null;
  assigned: boolean;
}

async function appealRow(ctx: RequestContext, id: string): Promise<AppealRow> {
  const me = ctx.actor?.employeeId ?? null;
  const found = await ctx.db.rows<AppealRow>(
    sql`select a.id, a.version, a.state, a.target_kind, a.appellant_employee_id, a.appraisal_id, a.result_id, a.ledger_entry_id, a.scheme_version_id, a.due_on::text as due_on,
               a.outcome, a.new_result_id, exists (select 1 from appeal_handler h where h.appeal_id = a.id and h.employee_id = ${me}::uuid) as assigned
          from appeal a where a.id = ${id}::uuid`,
  );
  if (!found[0]) throw notFound('Appeal', id);
  return found[0];
}

/** HR, or someone HR assigned to this appeal; others do not learn it exists (NOT_FOUND unless they may read it). */
async function handlerRow(ctx: RequestContext, id: string): Promise<{ actor: Actor; row: AppealRow }> {
  const actor = requireActor(ctx);
  const row = await appealRow(ctx, id);
  if (canManageAppeals(actor) || row.assigned) return { actor, row };
  if (row.appellant_employee_id === actor.employeeId) throw forbidden('handling this appeal: only HR and the handlers HR assigns do');
  throw notFound('Appeal', id);
}

/** One UPDATE guarded by the version read (stale: CONFLICT). */
async function updateAppeal(em: EntityManager, id: string, version: number, set: Sql): Promise<void> {
  const done = await rows<{ id: string }>(em, sql`update appeal set ${set}, version = version + 1, updated_at = now() where id = ${id}::uuid and version = ${version} returning id`);
  if (!done.length) throw conflict();
}

function step(state: AppealState, action: AppealAction, facts: AppealContext, field = 'id'): AppealState {
  const moved = nextState(appealWorkflow, state, action, facts);
  if (!moved.ok) assertNoProblems(problemsWithParams([{ ...moved.issue, path: [field] }]));
  return (moved as { ok: true; to: AppealState }).to;
}

// ---- filing --------------------------------------------------------------------------------------------------

interface ResultTarget {
  employee_id: string;
  department_id: string;
  state: AppraisalState;
  cycle_state: string;
  published_on: string | null;
  scheme_version_id: string;
  result_id: string | null;
  name: string;
}

/**
 * The appraised person (or the entry's person) files an appeal inside the scheme's appeal window (working days from
 * publication / approval), with grounds and attachment metadata. The due date is the scheme's response working
 * days after filing on the work calendar. The appraisal moves to `appealed`; HR gets an inbox task.
 */
export async function fileAppeal(ctx: RequestContext, input: FileAppealInput): Promise<AppealNode> {
  const actor = requireActor(ctx);
  const me = actor.employeeId;
  if (!me || !hasRole(actor, 'EMPLOYEE', 'SUPERVISOR')) throw forbidden('filing appeals: only appraised people file them');
  if (!!input.appraisalId === !!input.ledgerEntryId)
    assertNoProblems([{ field: 'input.appraisalId', rule: 'appeal_target_required', message: 'name the appealed appraisal or the ledger entry (one of them)' }]);
  const calendar = await requestCalendar(ctx);
  const today = ctx.clock.today();
  const draft = { grounds: input.grounds, attachments: (input.attachments ?? []).map((a) => ({ name: a.name, contentType: a.contentType, size: a.size, sha256: a.sha256 })) };

  let target: AppealTarget;
  let subject: { employeeId: string; departmentId: string; schemeVersionId: string | null; resultId: string | null; appraisalState: AppraisalState | null; publishedOn: string | null; title: string };
  if (input.appraisalId) {
    const found = await ctx.db.rows<ResultTarget>(
      sql`select a.employee_id, e.department_id, a.state, c.state as cycle_state, (a.published_at at time zone 'Asia/Shanghai')::date::text as published_on, c.scheme_version_id, a.result_id, c.name
            from appraisal a join cycle c on c.id = a.cycle_id join employee e on e.id = a.employee_id where a.id = ${input.appraisalId}::uuid`,
    );
    const r = found[0];
    // Someone else's appraisal is NOT_FOUND: filing must not reveal what exists.
    if (!r || r.employee_id !== me) throw notFound('Appraisal', input.appraisalId);
    // A clock set before the publication day (tests, time zones) counts the result as published today.
    const publishedOn = r.published_on && r.published_on > today ? today : r.published_on;
    target = { kind: 'result', appraisalId: input.appraisalId, publishedOn, appealable: ['published', 'refused', 'lapsed', 'appealed'].includes(r.state) && r.cycle_state !== 'closed' };
    subject = { employeeId: r.employee_id, departmentId: r.department_id, schemeVersionId: r.scheme_version_id, resultId: r.result_id, appraisalState: r.state, publishedOn, title: r.name };
  } else {
    const id = input.ledgerEntryId as string;
    const found = await ctx.db.rows<{ employee_id: string; department_id: string; status: string; approved_on: string | null; component: string }>(
      sql`select le.employee_id, e.department_id, le.status, (le.approved_at at time zone 'Asia/Shanghai')::date::text as approved_on, le.component
            from ledger_entry le join employee e on e.id = le.employee_id where le.id = ${id}::uuid`,
    );
    const r = found[0];
    if (!r || r.employee_id !== me) throw notFound('LedgerEntry', id);
    const approvedOn = ['approved', 'paid'].includes(r.status) ? (r.approved_on && r.approved_on > today ? today : r.approved_on) : null;
    target = { kind: 'ledgerEntry', entryId: id, approvedOn };
    subject = { employeeId: r.employee_id, departmentId: r.department_id, schemeVersionId: null, resultId: null, appraisalState: null, publishedOn: approvedOn, title: r.component };
  }
  const doc = subject.schemeVersionId ? await schemeDocument(ctx.db, subject.schemeVersionId) : null;
  const settings = appealSettingsFor(doc ?? {});
  const open = await ctx.db.rows<{ id: string }>(
    sql`select id from appeal where state in ('filed', 'under_review', 'decided') and ${input.appraisalId ? sql`appraisal_id = ${input.appraisalId}::uuid` : sql`ledger_entry_id = ${input.ledgerEntryId}::uuid`}`,
  );
  const checked = checkAppealFiling(target, draft, { filedOn: today, calendar, settings, isSubject: true, openAppeal: open.length > 0 });
  if (checked.issues.length || !checked.dueOn) assertNoProblems(problemsWithParams(checked.issues.map((i) => ({ ...i, path: i.path[0] === 'target' ? [input.appraisalId ? 'appraisalId' : 'ledgerEntryId'] : i.path }))).map((p) => ({ ...p, field: `input.${p.field}` })));
  if (subject.appraisalState && subject.appraisalState !== 'appealed') {
    const moved = nextState(appraisalWorkflow, subject.appraisalState, 'appeal', { roles: ['EMPLOYEE'], isSubject: true, today, calendar, publishedOn: subject.publishedOn ?? today, appealWindowWorkingDays: settings.windowWorkingDays });
    if (!moved.ok) assertNoProblems(problemsWithParams([{ ...moved.issue, path: ['input', 'appraisalId'] }]));
  }
  const dueOn = checked.dueOn as string;
  const id = await inTransaction(ctx, async (em) => {
    const inserted = await rows<{ id: string }>(
      em,
      sql`insert into appeal (id, version, created_at, updated_at, appellant_employee_id, department_id, target_kind, appraisal_id, result_id, ledger_entry_id, scheme_version_id,
            grounds, attachments, filed_on, window_closes, due_on, state)
          values (gen_random_uuid(), 1, now(), now(), ${me}::uuid, ${subject.departmentId}::uuid, ${target.kind}, ${input.appraisalId ?? null}::uuid, ${subject.resultId}::uuid,
            ${input.ledgerEntryId ?? null}::uuid, ${subject.schemeVersionId}::uuid, ${input.grounds.trim()}, ${JSON.stringify(draft.attachments)}::jsonb, ${today}::date,
            ${checked.windowCloses ?? null}::date, ${dueOn}::date, 'filed') returning id`,
    );
    const appealId = (inserted[0] as { id: string }).id;
    if (input.appraisalId) {
      const moved = await rows<{ id: string }>(em, sql`update appraisal set state = 'appealed', version = version + 1, updated_at = now() where id = ${input.appraisalId}::uuid and state = ${subject.appraisalState} returning id`);
      if (!moved.length) throw staleRecord();
    }
    const now = new Date().toISOString();
    const items: InboxItem[] = (await hrEmployees(em)).map((hr) => ({
      key: `appealToHandle:${appealId}:${hr}`,
      recipientId: hr,
      kind: 'task',
      taskKind: 'appealToHandle',
      title: taskTitle('appealToHandle', { en: subject.title, zh: subject.title }),
      link: { type: 'Appeal', id: appealId },
      due: dueOn,
      createdAt: now,
    }));
    await deliverInbox(em, items);
    recordAudit(em, ctx, { operation: 'fileAppeal', entityType: 'Appeal', entityId: appealId, after: { target: target.kind, appraisalId: input.appraisalId ?? null, ledgerEntryId: input.ledgerEntryId ?? null, filedOn: today, dueOn, windowCloses: checked.windowCloses ?? null } });
    await em.flush();
    return appealId;
  });
  return node(ctx, id);
}

// ---- handling ------------------------------------------------------------------------------------------------

/** HR assigns a handler (a supervisor, or a committee member when the scheme lets the committee handle appeals). */
export async function assignAppealHandler(ctx: RequestContext, id: string, employeeId: string, role: AppealHandlerRoleValue): Promise<AppealNode> {
  const actor = requireActor(ctx);
  if (!canManageAppeals(actor)) throw forbidden('assigning appeal handlers');
  const row = await appealRow(ctx, id);
  if (row.state === 'closed' || row.state === 'withdrawn') assertNoProblems([{ field: 'id', rule: 'appeal_not_open', message: `the appeal is ${row.state}` }]);
  if (employeeId === row.appellant_employee_id) assertNoProblems([{ field: 'employeeId', rule: 'appeal_not_handler', message: 'the appellant does not handle their own appeal' }]);
  const person = await ctx.db.rows<{ roles: string[] | null }>(sql`select (select array_agg(distinct r) from app_user u, unnest(u.roles) r where u.employee_id = e.id and u.active) as roles from employee e where e.id = ${employeeId}::uuid`);
  if (!person[0]) throw notFound('Employee', employeeId);
  if (role === 'committee') {
    const doc = row.scheme_version_id ? await schemeDocument(ctx.db, row.scheme_version_id) : null;
    if (!appealSettingsFor(doc ?? {}).committeeHandles) assertNoProblems([{ field: 'role', rule: 'appeal_handler_not_committee', message: 'this scheme does not let the committee handle appeals' }]);
    if (!(person[0].roles ?? []).includes('COMMITTEE')) assertNoProblems([{ field: 'employeeId', rule: 'appeal_handler_not_committee', message: 'the person is not a committee member' }]);
  }
  await inTransaction(ctx, async (em) => {
    await rows(em, sql`insert into appeal_handler (id, created_at, updated_at, appeal_id, employee_id, role, assigned_by_user_id) values (gen_random_uuid(), now(), now(), ${id}::uuid, ${employeeId}::uuid, ${role}, ${actor.userId}::uuid) on conflict (appeal_id, employee_id) do nothing`);
    await deliverInbox(em, [
      { key: `appealToHandle:${id}:${employeeId}`, recipientId: employeeId, kind: 'task', taskKind: 'appealToHandle', title: taskTitle('appealToHandle'), link: { type: 'Appeal', id }, due: row.due_on, createdAt: new Date().toISOString() },
    ]);
    recordAudit(em, ctx, { operation: 'assignAppealHandler', entityType: 'Appeal', entityId: id, after: { employeeId, role } });
    await em.flush();
  });
  return node(ctx, id);
}

/** A handler starts the investigation (filed -> under review). */
export async function startAppealReview(ctx: RequestContext, id: string, version: number): Promise<AppealNode> {
  const { actor, row } = await handlerRow(ctx, id);
  const to = step(row.state, 'start_review', { roles: actor.roles, isHandler: true });
  await inTransaction(ctx, async (em) => {
    await updateAppeal(em, id, version, sql`state = ${to}`);
    recordAudit(em, ctx, { operation: 'startAppealReview', entityType: 'Appeal', entityId: id, before: { state: row.state }, after: { state: to } });
    await em.flush();
  });
  return node(ctx, id);
}

/** A handler adds a note to the investigation (append-only; the appellant does not see notes). */
export async function addAppealNote(ctx: RequestContext, id: string, text: string): Promise<AppealNode> {
  const { row } = await handlerRow(ctx, id);
  const issues = checkAppealNote(text);
  if (issues.length) assertNoProblems(problemsWithParams(issues));
  if (row.state === 'closed' || row.state === 'withdrawn') assertNoProblems([{ field: 'id', rule: 'appeal_not_open', message: `the appeal is ${row.state}` }]);
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (em) => {
    const note = await rows<{ id: string }>(em, sql`insert into appeal_note (id, created_at, updated_at, appeal_id, author_user_id, text) values (gen_random_uuid(), now(), now(), ${id}::uuid, ${actor.userId}::uuid, ${text.trim()}) returning id`);
    recordAudit(em, ctx, { operation: 'addAppealNote', entityType: 'Appeal', entityId: id, after: { noteId: note[0]?.id } });
    await em.flush();
  });
  return node(ctx, id);
}

/**
 * A handler asks a rater of the appealed result for a statement, sharing only the excerpt they choose; the rater
 * gets an inbox task and sees the question and the excerpt (never the appeal). Due within the appeal's due date.
 */
export async function requestStatement(ctx: RequestContext, id: string, input: StatementRequestInput): Promise<AppealNode> {
  const { actor, row } = await handlerRow(ctx, id);
  if (row.state !== 'filed' && row.state !== 'under_review') assertNoProblems([{ field: 'id', rule: 'appeal_not_open', message: `the appeal is ${row.state}` }]);
  const raters = row.appraisal_id
    ? (await ctx.db.rows<{ id: string }>(sql`select distinct rater_employee_id as id from rating where appraisal_id = ${row.appraisal_id}::uuid and state = 'submitted' and rater_employee_id is not null`)).map((r) => r.id)
    : [];
  const checked = checkStatementRequest(
    { raterId: input.raterEmployeeId, question: input.question, sharedExcerpt: input.sharedExcerpt, dueWorkingDays: input.dueWorkingDays },
    { raters, appellantId: row.appellant_employee_id, today: ctx.clock.today(), appealDue: row.due_on, calendar: await requestCalendar(ctx) },
  );
  if (checked.issues.length || !checked.dueOn) assertNoProblems(problemsWithParams(checked.issues).map((p) => ({ ...p, field: p.field === 'raterId' ? 'input.raterEmployeeId' : `input.${p.field}` })));
  await inTransaction(ctx, async (em) => {
    const made = await rows<{ id: string }>(
      em,
      sql`insert into statement_request (id, version, created_at, updated_at, appeal_id, rater_employee_id, question, shared_excerpt, due_on, asked_by_user_id)
          values (gen_random_uuid(), 1, now(), now(), ${id}::uuid, ${input.raterEmployeeId}::uuid, ${input.question.trim()}, ${input.sharedExcerpt.trim()}, ${checked.dueOn}::date, ${actor.userId}::uuid) returning id`,
    );
    const requestId = (made[0] as { id: string }).id;
    await deliverInbox(em, [
      { key: `appealStatement:${requestId}`, recipientId: input.raterEmployeeId, kind: 'task', taskKind: 'appealStatement', title: taskTitle('appealStatement'), link: { type: 'StatementRequest', id: requestId }, due: checked.dueOn as string, createdAt: new Date().toISOString() },
    ]);
    recordAudit(em, ctx, { operation: 'requestStatement', entityType: 'Appeal', entityId: id, after: { statementRequestId: requestId, raterEmployeeId: input.raterEmployeeId, dueOn: checked.dueOn } });
    await em.flush();
  });
  return node(ctx, id);
}

/** The rater answers their statement request once (others: NOT_FOUND). */
export async function answerStatement(ctx: RequestContext, requestId: string, statement: string): Promise<StatementRequestNode> {
  const actor = requireActor(ctx);
  const found = await ctx.db.rows<{ rater_employee_id: string; statement: string | null }>(sql`select rater_employee_id, statement from statement_request where id = ${requestId}::uuid`);
  const r = found[0];
  if (!r || !actor.employeeId || r.rater_employee_id !== actor.employeeId) throw notFound('StatementRequest', requestId);
  if (r.statement !== null) assertNoProblems([{ field: 'requestId', rule: 'appeal_statement_answered', message: 'the statement was already given' }]);
  if (!statement.trim()) assertNoProblems([{ field: 'statement', rule: 'appeal_statement_required', message: 'write the statement' }]);
  await inTransaction(ctx, async (em) => {
    const done = await rows<{ id: string }>(em, sql`update statement_request set statement = ${statement.trim()}, answered_at = now(), version = version + 1, updated_at = now() where id = ${requestId}::uuid and statement is null returning id`);
    if (!done.length) throw new AppError('CONFLICT', 'The statement was given meanwhile.');
    await completeInboxTasks(em, 'StatementRequest', requestId, actor.employeeId as string);
    recordAudit(em, ctx, { operation: 'answerStatement', entityType: 'StatementRequest', entityId: requestId, after: { answered: true } });
    await em.flush();
  });
  const { myStatementRequests } = await import('./appeal.read.js');
  return (await myStatementRequests(ctx, null)).find((s) => s.id === requestId) as StatementRequestNode;
}

// ---- decision ------------------------------------------------------------------------------------------------

function rescoreOf(input: AppealDecisionInput): Rescore {
  const c = input.correction;
  return {
    items: (c?.items ?? []).map((i) => {
      const value: ItemInput = {};
      if (i.points !== undefined && i.points !== null) value.points = i.points;
      if (i.level !== undefined && i.level !== null) value.level = i.level;
      if (i.occurrences) value.occurrences = i.occurrences;
      if (i.passed !== undefined && i.passed !== null) value.passed = i.passed;
      return { section: i.section, role: i.role as RaterRole, item: i.item, value };
    }),
    removeAdjustments: c?.removeAdjustments ?? [],
  };
}

/** What re-scoring an upheld result appeal writes, computed before the transaction. */
interface RescorePlan {
  appraisalId: string;
  cycleId: string;
  employeeId: string;
  number: number;
  schemeVersionId: string;
  basis: string;
  record: AppraisalResultRecord;
  published: ReturnType<typeof publishedResult>;
  grade: string | null;
  payTotal: string | null;
  lines: Array<{ component: string; amount: string; detail: string }>;
  /** Colleagues in the pay group whose share the re-split moves (pool and output splits; empty for individual pay). */
  others: RepricedColleague[];
  /** Each split of the group: its amount, what the group held before and after (always the amount). */
  pools: Array<{ component: string; amount: string; before: string; after: string }>;
}

/** A colleague's pay re-issued by the pool re-split: a REPRICE result version with the same score and the new pay. */
interface RepricedColleague {
  appraisalId: string;
  employeeId: string;
  number: number;
  schemeVersionId: string;
  basis: string;
  record: AppraisalResultRecord;
  published: PublishedResult;
  lines: Array<{ component: string; amount: string; detail: string }>;
  changes: Array<{ component: string; from: string; to: string }>;
}

/**
 * Re-scores the appealed result: the correction applied to the recorded engine input, scored with the cycle's scheme
 * version, priced again in its pay group (the others' published pay is not touched). Issues come back as field problems.
 */
async function planRescore(ctx: RequestContext, row: AppealRow, rescore: Rescore): Promise<RescorePlan> {
  const found = await ctx.db.rows<{ cycle_id: string; employee_id: string; group_key: string | null; pay_group_by: string; scheme_version_id: string; record: AppraisalResultRecord; basis: string; max: number }>(
    sql`select a.cycle_id, a.employee_id, a.group_key, c.pay_group_by, c.scheme_version_id, r.record, r.basis, (select max(number) from appraisal_result x where x.appraisal_id = a.id)::int as max
          from appraisal a join cycle c on c.id = a.cycle_id join appraisal_result r on r.id = a.result_id where a.id = ${row.appraisal_id}::uuid`,
  );
  const a = found[0];
  if (!a) throw notFound('Appraisal', row.appraisal_id ?? '');
  const corrected = applyRescore(a.record.input, rescore);
  if (!corrected.ok) assertNoProblems(problemsWithParams(corrected.issues.map((i) => ({ ...i, path: ['decision', ...i.path] }))));
  const input = (corrected as { ok: true; value: AppraisalResultRecord['input'] }).value;
  const doc = await schemeDocument(ctx.db, a.scheme_version_id);
  const scored = scoreAppraisal(doc, input);
  if (!scored.ok) assertNoProblems(problemsWithParams(scored.issues.map((i) => ({ ...i, path: ['decision', 'correction', ...i.path] }))));
  const output = JSON.parse(JSON.stringify((scored as { ok: true; value: AppraisalResultRecord['output'] }).value)) as AppraisalResultRecord['output'];
  const record: AppraisalResultRecord = { ...a.record, input: JSON.parse(JSON.stringify(input)) as AppraisalResultRecord['input'], output };
  let pay: { lines: GroupPay['lines']; total: string; trace: GroupPay['traces'][string] } | null = null;
  let others: RepricedColleague[] = [];
  let pools: RescorePlan['pools'] = [];
  if (doc.pay.length > 0) {
    const groupCondition = a.pay_group_by === 'CALIBRATION_GROUP' ? sql`and a.group_key is not distinct from ${a.group_key}` : sql``;
    const members = await ctx.db.rows<{ id: string; employee_id: string; final_grade: string | null; output: AppraisalResultRecord['output'] }>(
      sql`select a.id, a.employee_id, a.final_grade, r.record->'output' as output from appraisal a join appraisal_result r on r.id = a.result_id
           where a.cycle_id = ${a.cycle_id}::uuid and a.state <> 'excluded' ${groupCondition}`,
    );
    const facts = await payFactsOf(ctx.db, doc, a.cycle_id);
    const list: PayMember[] = members.map((m) =>
      m.id === row.appraisal_id
        ? { employeeId: m.employee_id, result: output, facts: facts.get(m.employee_id) ?? {} }
        : { employeeId: m.employee_id, result: m.output, ...(m.final_grade ? { grade: m.final_grade } : {}), facts: facts.get(m.employee_id) ?? {} },
    );
    const key = a.pay_group_by === 'CALIBRATION_GROUP' ? (a.group_key ?? '') : WHOLE_CYCLE_GROUP;
    const amounts = (await ctx.db.rows<{ pool: string | null; output_value: string | null }>(sql`select pool::text as pool, output_value::text as output_value from cycle_group_amount where cycle_id = ${a.cycle_id}::uuid and group_key = ${key}`))[0];
    const priced = priceCalibratedGroup(doc, list, { ...(amounts?.pool ? { pool: amounts.pool } : {}), ...(amounts?.output_value ? { outputValue: amounts.output_value } : {}) });
    if (!priced.ok) assertNoProblems(problemsWithParams(priced.issues));
    else {
      pay = { lines: priced.value.lines.filter((l) => l.employeeId === a.employee_id), total: priced.value.totals[a.employee_id] ?? '0.00', trace: priced.value.traces[a.employee_id] ?? [] };
      // The whole group is re-split (domain repriceGroup): every colleague whose share moved is re-issued too.
      const repriced = repriceGroup(await standingPay(ctx, members), priced.value);
      if (!repriced.ok) assertNoProblems(problemsWithParams(repriced.issues.map((i) => ({ ...i, path: ['decision', ...i.path] }))));
      else {
        pools = repriced.value.pools;
        const moved = repriced.value.members.filter((m) => m.employeeId !== a.employee_id);
        const appraisalOf = new Map(members.map((m) => [m.employee_id, m.id]));
        others = await colleaguesRepriced(ctx, moved.map((m) => ({ appraisalId: appraisalOf.get(m.employeeId) as string, member: m, trace: priced.value.traces[m.employeeId] ?? [] })));
      }
    }
  }
  const published = publishedResult(record, [], pay);
  return {
    appraisalId: row.appraisal_id as string,
    cycleId: a.cycle_id,
    employeeId: a.employee_id,
    number: a.max + 1,
    schemeVersionId: a.scheme_version_id,
    basis: a.basis,
    record,
    published,
    grade: published.grade ?? null,
    payTotal: published.pay?.total ?? null,
    lines: (pay?.lines ?? []).map((l) => ({ component: l.component, amount: l.amount, detail: l.detail })),
    others,
    pools,
  };
}

/** What each member of the pay group holds now: their pay lines summed per component (one statement). */
async function standingPay(ctx: RequestContext, members: ReadonlyArray<{ id: string; employee_id: string }>): Promise<StandingPay[]> {
  const held = await ctx.db.rows<{ appraisal_id: string; component: string; amount: string }>(
    sql`select l.appraisal_id, l.component, sum(l.amount)::text as amount from pay_line l where l.appraisal_id = any(${`{${members.map((m) => m.id).join(',')}}`}::uuid[]) group by l.appraisal_id, l.component`,
  );
  return members.map((m) => ({ employeeId: m.employee_id, components: Object.fromEntries(held.filter((h) => h.appraisal_id === m.id).map((h) => [h.component, h.amount])) }));
}

/**
 * The colleagues' side of a re-split: for each, a REPRICE result version (the current record unchanged: same input,
 * output, score and grade) whose published result keeps its calibration and carries the new pay.
 */
async function colleaguesRepriced(
  ctx: RequestContext,
  moved: ReadonlyArray<{ appraisalId: string; member: { employeeId: string; lines: GroupPay['lines']; total: string; changes: Array<{ component: string; from: string; to: string }> }; trace: GroupPay['traces'][string] }>,
): Promise<RepricedColleague[]> {
  if (!moved.length) return [];
  const current = await ctx.db.rows<{ id: string; scheme_version_id: string; basis: string; record: AppraisalResultRecord; published: PublishedResult; max: number }>(
    sql`select a.id, r.scheme_version_id, r.basis, r.record, p.record as published, (select max(number) from appraisal_result x where x.appraisal_id = a.id)::int as max
          from appraisal a join appraisal_result r on r.id = a.result_id join published_result p on p.appraisal_id = a.id and p.result_id = a.result_id
         where a.id = any(${`{${moved.map((m) => m.appraisalId).join(',')}}`}::uuid[])`,
  );
  const byId = new Map(current.map((c) => [c.id, c]));
  return moved.map(({ appraisalId, member, trace }) => {
    const c = byId.get(appraisalId);
    if (!c) throw notFound('Appraisal', appraisalId);
    return {
      appraisalId,
      employeeId: member.employeeId,
      number: c.max + 1,
      schemeVersionId: c.scheme_version_id,
      basis: c.basis,
      record: c.record,
      published: publishedResult(c.record, c.published.gradeChanges ?? [], { lines: member.lines, total: member.total, trace }),
      lines: member.lines.map((l) => ({ component: l.component, amount: l.amount, detail: l.detail })),
      changes: member.changes,
    };
  });
}

/**
 * Writes the re-scored result (inside the decision's transaction): a new `appraisal_result` number computed by
 * APPEAL, its `published_result` (the old version stays), pay lines reversing the old pay and issuing the new one
 * (pay lines are append-only), the appraisal pointing at the new result, and the ledger entries re-issued.
 */
async function writeRescore(em: EntityManager, ctx: RequestContext, appealId: string, plan: RescorePlan): Promise<string> {
  const made = await rows<{ id: string }>(
    em,
    sql`insert into appraisal_result (id, created_at, updated_at, appraisal_id, number, scheme_version_id, basis, total, engine_grade, record, computed_by)
        values (gen_random_uuid(), now(), now(), ${plan.appraisalId}::uuid, ${plan.number}, ${plan.schemeVersionId}::uuid, ${plan.basis}, ${plan.record.output.total}::numeric,
                ${plan.record.output.grade?.grade ?? null}, ${JSON.stringify(plan.record)}::jsonb, 'APPEAL') returning id`,
  );
  const resultId = (made[0] as { id: string }).id;
  await rows(
    em,
    sql`insert into published_result (id, created_at, updated_at, appraisal_id, cycle_id, result_id, total, grade, pay_total, record)
        values (gen_random_uuid(), now(), now(), ${plan.appraisalId}::uuid, ${plan.cycleId}::uuid, ${resultId}::uuid, ${plan.published.total}::numeric, ${plan.grade}, ${plan.payTotal}::numeric, ${JSON.stringify(plan.published)}::jsonb)`,
  );
  await reissuePayLines(em, plan.appraisalId, plan.cycleId, plan.employeeId, plan.lines, `appeal ${appealId}`, `result ${plan.number}, appeal ${appealId}`);
  // The appraisal is `appealed`: the trigger lets its result and grade change only in that state.
  await rows(em, sql`update appraisal set result_id = ${resultId}::uuid, final_grade = ${plan.grade}, version = version + 1, updated_at = now() where id = ${plan.appraisalId}::uuid and state = 'appealed'`);
  await reissueLedger(em, ctx, plan.appraisalId, `appeal ${appealId}: result ${plan.number}`);
  for (const o of plan.others) await writeColleagueShare(em, ctx, appealId, plan.cycleId, o);
  return resultId;
}

/** Pay lines are append-only: the standing amount of each component is reversed, then the new amounts issued. */
async function reissuePayLines(em: EntityManager, appraisalId: string, cycleId: string, employeeId: string, lines: RescorePlan['lines'], why: string, note: string): Promise<void> {
  await rows(
    em,
    sql`insert into pay_line (id, created_at, updated_at, appraisal_id, cycle_id, employee_id, component, amount, detail)
        select gen_random_uuid(), now(), now(), l.appraisal_id, l.cycle_id, l.employee_id, l.component, -sum(l.amount), ${`${why}: reversal`}
          from pay_line l where l.appraisal_id = ${appraisalId}::uuid group by l.appraisal_id, l.cycle_id, l.employee_id, l.component having sum(l.amount) <> 0`,
  );
  if (lines.length)
    await rows(
      em,
      sql`insert into pay_line (id, created_at, updated_at, appraisal_id, cycle_id, employee_id, component, amount, detail)
          select gen_random_uuid(), now(), now(), ${appraisalId}::uuid, ${cycleId}::uuid, ${employeeId}::uuid, t.c, t.a::numeric, t.d
            from jsonb_to_recordset(${JSON.stringify(lines.map((l) => ({ c: l.component, a: l.amount, d: `${l.detail} (${note})` })))}::jsonb) as t(c text, a text, d text)`,
    );
}

/**
 * A colleague's share after the re-split (same transaction): a REPRICE result version and its published result, the
 * pay lines reversed and re-issued, the appraisal pointing at the new version (the trigger allows it only with the
 * score, grade and output unchanged), the ledger's generated entries re-issued, and a notice to the person.
 */
async function writeColleagueShare(em: EntityManager, ctx: RequestContext, appealId: string, cycleId: string, o: RepricedColleague): Promise<void> {
  const made = await rows<{ id: string }>(
    em,
    sql`insert into appraisal_result (id, created_at, updated_at, appraisal_id, number, scheme_version_id, basis, total, engine_grade, record, computed_by)
        values (gen_random_uuid(), now(), now(), ${o.appraisalId}::uuid, ${o.number}, ${o.schemeVersionId}::uuid, ${o.basis}, ${o.record.output.total}::numeric,
                ${o.record.output.grade?.grade ?? null}, ${JSON.stringify(o.record)}::jsonb, 'REPRICE') returning id`,
  );
  const resultId = (made[0] as { id: string }).id;
  await rows(
    em,
    sql`insert into published_result (id, created_at, updated_at, appraisal_id, cycle_id, result_id, total, grade, pay_total, record)
        values (gen_random_uuid(), now(), now(), ${o.appraisalId}::uuid, ${cycleId}::uuid, ${resultId}::uuid, ${o.published.total}::numeric, ${o.published.grade ?? null}, ${o.published.pay?.total ?? null}::numeric, ${JSON.stringify(o.published)}::jsonb)`,
  );
  await reissuePayLines(em, o.appraisalId, cycleId, o.employeeId, o.lines, `pool re-split after appeal ${appealId}`, `result ${o.number}, pool re-split after appeal ${appealId}`);
  await rows(em, sql`update appraisal set result_id = ${resultId}::uuid, version = version + 1, updated_at = now() where id = ${o.appraisalId}::uuid`);
  await reissueLedger(em, ctx, o.appraisalId, `pool re-split after appeal ${appealId}: result ${o.number}`);
  await deliverInbox(em, [
    {
      key: `poolResplit:${appealId}:${o.employeeId}`,
      recipientId: o.employeeId,
      kind: 'notice',
      title: { en: 'Your share of the bonus pool was re-split after an upheld appeal in your group', zh: '因同组申诉成立，您的奖金池份额已重新分配' },
      link: { type: 'Appraisal', id: o.appraisalId },
      createdAt: new Date().toISOString(),
    },
  ]);
}

/**
 * The ledger side of a re-score (after the new `published_result` exists, in the same transaction): standing entries
 * generated from the old result whose amount changed are reversed and the new amounts issued under the new result
 * number (the ledger module's `reissueResultEntries`; unchanged components stay).
 */
async function reissueLedger(em: EntityManager, ctx: RequestContext, appraisalId: string, reason: string): Promise<void> {
  await reissueResultEntries(em, appraisalId, ctx.actor, reason);
}

/**
 * A handler decides an appeal under review: rejected with a reason, or upheld. An upheld result appeal is re-scored
 * in the same transaction (new result version, pay and ledger re-issued); an upheld entry appeal reverses the entry
 * (a reversal HR approves). Issues name the field and the rule.
 */
export async function decideAppeal(ctx: RequestContext, id: string, version: number, input: AppealDecisionInput): Promise<AppealNode> {
  const { actor, row } = await handlerRow(ctx, id);
  const decision: AppealDecision =
    input.outcome === 'upheld'
      ? { outcome: 'upheld', reason: input.reason, correction: row.target_kind === 'result' ? { kind: 'rescore', description: input.correction?.description ?? '' } : { kind: 'reverseEntry', replace: false } }
      : { outcome: 'rejected', reason: input.reason };
  const issues: DomainIssue[] = checkAppealDecision(decision, row.target_kind);
  if (issues.length) assertNoProblems(problemsWithParams(issues.map((i) => ({ ...i, path: ['decision', ...i.path] }))));
  step(row.state, 'decide', { roles: actor.roles, isHandler: true, decisionValid: true });
  if (row.version !== version) throw conflict();
  const rescore = input.outcome === 'upheld' && row.target_kind === 'result' ? rescoreOf(input) : null;
  const plan = rescore ? await planRescore(ctx, row, rescore) : null;
  if (input.outcome === 'upheld' && row.target_kind === 'ledgerEntry') await reverseLedgerEntry(ctx, row.ledger_entry_id as string, `appeal ${id}: ${input.reason.trim()}`);
  const correction = rescore ? { description: input.correction?.description ?? '', ...rescore } : input.outcome === 'upheld' ? { reverseEntry: true } : null;
  await inTransaction(ctx, async (em) => {
    const newResultId = plan ? await writeRescore(em, ctx, id, plan) : null;
    await updateAppeal(
      em,
      id,
      version,
      sql`state = 'decided', outcome = ${input.outcome}, reason = ${input.reason.trim()}, correction = ${correction ? JSON.stringify(correction) : null}::jsonb,
          new_result_id = ${newResultId}::uuid, decided_by_user_id = ${actor.userId}::uuid, decided_at = now()`,
    );
    await deliverInbox(em, [
      { key: `appealDecided:${id}`, recipientId: row.appellant_employee_id, kind: 'notice', title: { en: `Your appeal was ${input.outcome}`, zh: input.outcome === 'upheld' ? '您的申诉已获支持' : '您的申诉已被驳回' }, link: { type: 'Appeal', id }, createdAt: new Date().toISOString() },
    ]);
    recordAudit(em, ctx, {
      operation: 'decideAppeal',
      entityType: 'Appeal',
      entityId: id,
      before: { state: row.state },
      after: {
        state: 'decided', outcome: input.outcome, reason: input.reason.trim(), correction, newResultId, total: plan?.record.output.total ?? null, grade: plan?.grade ?? null, payTotal: plan?.payTotal ?? null,
        pools: plan?.pools ?? [], repriced: (plan?.others ?? []).map((o) => ({ employeeId: o.employeeId, appraisalId: o.appraisalId, result: o.number, changes: o.changes })),
      },
    });
    await em.flush();
  });
  return node(ctx, id);
}

/** Upheld appeals close once the correction is in place: the re-scored result exists, or the entry's reversal is approved. */
async function correctionApplied(ctx: RequestContext, row: AppealRow): Promise<boolean> {
  if (row.outcome !== 'upheld') return true;
  if (row.target_kind === 'result') return row.new_result_id !== null;
  const found = await ctx.db.rows<{ n: number }>(sql`select count(*)::int as n from ledger_entry where reverses_id = ${row.ledger_entry_id}::uuid and status in ('approved', 'paid')`);
  return (found[0]?.n ?? 0) > 0;
}

/** The appraisal leaves `appealed`: published again (with its corrected result when upheld), for acknowledgement. */
async function resolveAppraisal(em: EntityManager, appraisalId: string | null): Promise<void> {
  if (!appraisalId) return;
  await rows(em, sql`update appraisal set state = 'published', version = version + 1, updated_at = now() where id = ${appraisalId}::uuid and state = 'appealed'`);
}

/** HR closes a decided appeal (an upheld one once its correction is in place); the appraisal is published again. */
export async function closeAppeal(ctx: RequestContext, id: string, version: number): Promise<AppealNode> {
  const actor = requireActor(ctx);
  if (!canManageAppeals(actor)) throw forbidden('closing appeals');
  const row = await appealRow(ctx, id);
  const to = step(row.state, 'close', { roles: actor.roles, isHandler: true, ...(row.outcome ? { outcome: row.outcome } : {}), correctionApplied: await correctionApplied(ctx, row) });
  await inTransaction(ctx, async (em) => {
    await updateAppeal(em, id, version, sql`state = ${to}, closed_at = now()`);
    await resolveAppraisal(em, row.appraisal_id);
    await completeInboxTasks(em, 'Appeal', id);
    recordAudit(em, ctx, { operation: 'closeAppeal', entityType: 'Appeal', entityId: id, before: { state: row.state }, after: { state: to } });
    await em.flush();
  });
  return node(ctx, id);
}

/** The appellant withdraws their appeal before it is decided, with a reason; the appraisal is published again. */
export async function withdrawAppeal(ctx: RequestContext, id: string, version: number, reason: string): Promise<AppealNode> {
  const actor = requireActor(ctx);
  const row = await appealRow(ctx, id);
  const isAppellant = actor.employeeId !== null && row.appellant_employee_id === actor.employeeId;
  if (!isAppellant && !canManageAppeals(actor) && !row.assigned) throw notFound('Appeal', id);
  const to = step(row.state, 'withdraw', { roles: actor.roles, isAppellant, withdrawalReason: reason }, isAppellant ? 'reason' : 'id');
  await inTransaction(ctx, async (em) => {
    await updateAppeal(em, id, version, sql`state = ${to}, withdrawn_at = now(), withdrawal_reason = ${reason.trim()}`);
    await resolveAppraisal(em, row.appraisal_id);
    await completeInboxTasks(em, 'Appeal', id);
    recordAudit(em, ctx, { operation: 'withdrawAppeal', entityType: 'Appeal', entityId: id, before: { state: row.state }, after: { state: to, reason: reason.trim() } });
    await em.flush();
  });
  return node(ctx, id);
}

// ---- daily flags -----------------------------------------------------------------------------------------------

/**
 * The daily flags run (`appeal.flags`): for every open appeal, near due (within two working days) → a task to HR and
 * the assigned handlers keyed by appeal and day; overdue → a task to HR. Idempotent: a second run on the same day
 * delivers nothing new (inbox keys). Returns how many items were newly delivered.
 */
export async function runAppealFlags(ctx: RequestContext): Promise<{ nearDue: number; overdue: number; delivered: number }> {
  const today = ctx.clock.today();
  const calendar = await requestCalendar(ctx);
  const open = await ctx.db.rows<{ id: string; state: AppealState; due_on: string; handlers: string[] | null; appellant: string }>(
    sql`select a.id, a.state, a.due_on::text as due_on, e.name as appellant, (select array_agg(h.employee_id) from appeal_handler h where h.appeal_id = a.id) as handlers
          from appeal a join employee e on e.id = a.appellant_employee_id where a.state in ('filed', 'under_review') order by a.due_on`,
  );
  const em = ctx.em.fork();
  return em.transactional(async (tx) => {
    const hr = await hrEmployees(tx);
    const items: InboxItem[] = [];
    let nearDue = 0;
    let overdue = 0;
    const now = new Date().toISOString();
    for (const a of open) {
      const flags = appealFlags({ state: a.state, dueOn: a.due_on }, today, calendar, NEAR_DUE_WORKING_DAYS);
      if (!flags.nearDue && !flags.overdue) continue;
      if (flags.nearDue) nearDue++;
      else overdue++;
      const recipients = flags.nearDue ? [...new Set([...hr, ...(a.handlers ?? [])])] : hr;
      const title = flags.nearDue
        ? { en: `Appeal of ${a.appellant} due ${a.due_on} (${flags.workingDaysLeft} working days left)`, zh: `${a.appellant} 的申诉将于 ${a.due_on} 到期（剩 ${flags.workingDaysLeft} 个工作日）` }
        : { en: `Appeal of ${a.appellant} is overdue (due ${a.due_on})`, zh: `${a.appellant} 的申诉已逾期（截止 ${a.due_on}）` };
      for (const r of recipients)
        items.push({ key: `${flags.nearDue ? 'appealDue' : 'appealOverdue'}:${a.id}@${today}:${r}`, recipientId: r, kind: 'task', taskKind: 'appealToHandle', title, link: { type: 'Appeal', id: a.id }, due: a.due_on, createdAt: now });
    }
    const delivered = await deliverInbox(tx, items);
    if (delivered.length) recordAudit(tx, null, { operation: 'appealFlags', entityType: 'Appeal', entityId: today, after: { nearDue, overdue, delivered: delivered.length } });
    await tx.flush();
    return { nearDue, overdue, delivered: delivered.length };
  });
}
