import {
  accountingConventionFor,
  type Actor,
  type BatchHeader,
  type BatchLine,
  batchChecksum,
  batchPeriod,
  CALENDAR_MONTH_CODE,
  canApproveBatch,
  canExportBatch,
  canPrepareBatches,
  type DomainIssue,
  exportBatch,
  nextState,
  type PayoutBatchAction,
  type PayoutBatchFacts,
  payoutBatchAccess,
  payoutBatchRowScope,
  payoutBatchWorkflow,
  verifyBatchExport,
} from '@appraisal/domain';
import { LockMode } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, sql, type Sql } from '../../core/db.js';
import { assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import { loadExcel } from '../../core/spreadsheet.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, recordExport, snapshot } from '../audit/audit.service.js';
import { loadCalendarYears } from '../calendar/calendar.service.js';
import { PayoutBatch } from './ledger.entity.js';
import { problemsWithParams } from './ledger.service.js';
import { type CreatePayoutBatchInput, type PayoutBatchesArgs, PayoutBatchNode, type PayoutBatchStatusValue, type PayoutBatchExportView, type PayoutBatchLineView, type PayoutBatchTotalView } from './payout.types.js';

const staleConflict = () => staleRecord();
const fail = (issues: readonly DomainIssue[]): never => {
  assertNoProblems(problemsWithParams(issues));
  throw new Error('unreachable');
};
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

// ---- reads ------------------------------------------------------------------------------------------

// "Put before the approver": submitted at least once (submitted, approved, or returned by them and not yet resubmitted).
const BEFORE_APPROVER = raw(`b.submitted_at is not null`);

const BATCH_COLUMNS = (actor: Actor) => sql`b.id, b.version, b.created_at, b.updated_at, b.number, b.period_key, b.accounting_month, b.period_start::text as period_start, b.period_end::text as period_end,
  b.scope, b.status, b.total::text as total, b.entry_count, b.people_count, b.totals, b.checksum, b.prepared_by_user_id, pu.display_name as prepared_by, b.submitted_at,
  au.display_name as approved_by, b.approved_at, b.return_reason, b.cancel_reason,
  ${BEFORE_APPROVER} as f_before_approver, b.prepared_by_user_id = ${actor.userId}::uuid as f_prepared`;
const BATCH_FROM = sql`payout_batch b left join app_user pu on pu.id = b.prepared_by_user_id left join app_user au on au.id = b.approved_by_user_id`;

interface StoredTotals {
  byDepartment: Array<{ departmentId: string; departmentCode: string; departmentName: string; total: string; entries: number }>;
  byComponent: Array<{ component: string; total: string; entries: number }>;
}

function toBatchNode(r: Record<string, unknown>): PayoutBatchNode {
  const totals = (r.totals as StoredTotals | null) ?? { byDepartment: [], byComponent: [] };
  const scope = r.scope as { departmentIds: string[] | null; components: string[] | null; includeEarlier: boolean };
  const node = Object.assign(new PayoutBatchNode(), {
    __typename: 'PayoutBatch' as const,
    id: r.id as string,
    version: r.version as number,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    number: r.number as string,
    periodKey: r.period_key as string,
    accountingMonth: r.accounting_month as string,
    periodStart: r.period_start as string,
    periodEnd: r.period_end as string,
    scope: { departmentIds: scope.departmentIds ?? null, components: scope.components ?? null, includeEarlier: !!scope.includeEarlier },
    status: r.status as PayoutBatchStatusValue,
    total: r.total as string,
    entryCount: r.entry_count as number,
    peopleCount: r.people_count as number,
    totalsByDepartment: totals.byDepartment.map((t): PayoutBatchTotalView => ({ departmentId: t.departmentId, departmentCode: t.departmentCode, departmentName: t.departmentName, component: null, total: t.total, entries: t.entries })),
    totalsByComponent: totals.byComponent.map((t): PayoutBatchTotalView => ({ departmentId: null, departmentCode: null, departmentName: null, component: t.component, total: t.total, entries: t.entries })),
    checksum: (r.checksum as string | null) ?? null,
    preparedBy: r.prepared_by as string | null,
    preparedByUserId: r.prepared_by_user_id as string,
    submittedAt: r.submitted_at ? toDate(r.submitted_at) : null,
    approvedBy: r.approved_by as string | null,
    approvedAt: r.approved_at ? toDate(r.approved_at) : null,
    returnReason: r.return_reason as string | null,
    cancelReason: r.cancel_reason as string | null,
  });
  const facts: PayoutBatchFacts = { beforeApprover: r.f_before_approver as boolean, preparedByActor: r.f_prepared as boolean };
  return withFacts(node, facts);
}

function batchScopeSql(actor: Actor): Sql | null | 'none' {
  const scope = payoutBatchRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  return sql`${BEFORE_APPROVER}`;
}

export const payoutBatchListing = defineListing({
  query: 'payoutBatches',
  access: payoutBatchAccess,
  filters: { status: 'status', periodKey: 'periodKey', accountingMonth: 'accountingMonth' },
  search: [{ field: 'number', sql: raw('b.number') }],
  sorts: {
    PERIOD: { field: 'periodKey', sql: raw('b.period_key') },
    CREATED_AT: { field: 'createdAt', sql: raw('b.created_at') },
    STATUS: { field: 'status', sql: raw('b.status') },
    TOTAL: { field: 'total', sql: raw('b.total') },
  },
  defaultSort: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  id: raw('b.id'),
});

/** One page of the batches the actor may list (HR all; the approver those submitted or approved). */
export async function listPayoutBatches(ctx: RequestContext, args: PayoutBatchesArgs, info: GraphQLResolveInfo): Promise<Page<PayoutBatchNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, payoutBatchListing, args);
  const scope = batchScopeSql(actor);
  if (scope === 'none') return Page.empty();
  const where: Sql[] = scope ? [scope] : [];
  const f = args.filter;
  if (f?.status) where.push(sql`b.status = ${f.status}`);
  if (f?.periodKey) where.push(sql`b.period_key = ${f.periodKey}`);
  if (f?.accountingMonth) where.push(sql`b.accounting_month = ${f.accountingMonth}`);
  return fetchPage(ctx.db, { select: BATCH_COLUMNS(actor), from: BATCH_FROM, countFrom: sql`payout_batch b`, where }, checked, selectedHere(info).has('totalCount'), toBatchNode);
}

/** One batch if the actor's scope holds it, else NOT_FOUND. */
export async function payoutBatchById(ctx: RequestContext, id: string): Promise<PayoutBatchNode> {
  const actor = requireActor(ctx);
  const scope = batchScopeSql(actor);
  if (scope === 'none') throw notFound('PayoutBatch', id);
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${BATCH_COLUMNS(actor)} from ${BATCH_FROM} where b.id = ${id}::uuid${scope ? sql` and ${scope}` : sql``}`);
  if (!rows[0]) throw notFound('PayoutBatch', id);
  return toBatchNode(rows[0]);
}

/** The frozen payroll lines of an approved batch (empty before approval). */
export async function batchLinesOf(ctx: Pick<RequestContext, 'db'>, batchId: string): Promise<PayoutBatchLineView[]> {
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select line_no, employee_id, employee_number, name, department_code, department_name, component, amount::text as amount, entries from payout_batch_line where batch_id = ${batchId}::uuid order by line_no`,
  );
  return rows.map((r) => ({
    lineNo: r.line_no as number,
    employeeId: r.employee_id as string,
    employeeNumber: r.employee_number as string,
    name: r.name as string,
    departmentCode: r.department_code as string,
    departmentName: r.department_name as string,
    component: r.component as string,
    amount: r.amount as string,
    entries: r.entries as number,
  }));
}

// ---- writes -----------------------------------------------------------------------------------------

/** Statements inside the write transaction. */
async function exec<T>(em: import('@mikro-orm/postgresql').EntityManager, query: Sql): Promise<T[]> {
  return em.getConnection().execute<T[]>(query.sql, query.values as unknown[], 'all', em.getTransactionContext());
}

/** The totals of a batch's entries in one GROUPING SETS statement (exact numeric sums, never JavaScript floats). */
async function totalsOf(em: import('@mikro-orm/postgresql').EntityManager, batchId: string): Promise<{ total: string; entries: number; people: number; totals: StoredTotals }> {
  const rows = await exec<{ g_dep: number; g_comp: number; department_id: string | null; code: string | null; name: string | null; component: string | null; total: string; entries: number; people: number }>(
    em,
    sql`select grouping(le.department_id) as g_dep, grouping(le.component) as g_comp, le.department_id, min(d.code) as code, min(d.name) as name, le.component,
          coalesce(sum(le.money), 0)::numeric(16,2)::text as total, count(*)::int as entries, count(distinct le.employee_id)::int as people
        from payout_batch_entry be join ledger_entry le on le.id = be.entry_id join department d on d.id = le.department_id
        where be.batch_id = ${batchId}::uuid
        group by grouping sets ((), (le.department_id), (le.component))`,
  );
  const all = rows.find((r) => Number(r.g_dep) === 1 && Number(r.g_comp) === 1);
  return {
    total: all?.total ?? '0.00',
    entries: all?.entries ?? 0,
    people: all?.people ?? 0,
    totals: {
      byDepartment: rows
        .filter((r) => Number(r.g_dep) === 0)
        .map((r) => ({ departmentId: r.department_id as string, departmentCode: r.code ?? '', departmentName: r.name ?? '', total: r.total, entries: r.entries }))
        .sort((a, b) => (a.departmentCode < b.departmentCode ? -1 : a.departmentCode > b.departmentCode ? 1 : 0)),
      byComponent: rows
        .filter((r) => Number(r.g_comp) === 0)
        .map((r) => ({ component: r.component as string, total: r.total, entries: r.entries }))
        .sort((a, b) => (a.component < b.component ? -1 : a.component > b.component ? 1 : 0)),
    },
  };
}

/**
 * Builds a payout batch (HR): the accounting month's dates from the work calendar (calendar months, or the
 * workshop's 26th-25th), then ONE `INSERT … SELECT` collects the approved, unpaid payroll entries of that month and
 * convention (and earlier months when asked) inside the scope, and one GROUPING SETS statement totals them by
 * department and component. Entries already in another batch are never collected twice (unique entry_id).
 */
export async function createPayoutBatch(ctx: RequestContext, input: CreatePayoutBatchInput): Promise<PayoutBatchNode> {
  const actor = requireActor(ctx);
  if (!canPrepareBatches(actor)) throw forbidden('preparing payout batches');
  const periodKey = input.periodKey.trim();
  if (!PERIOD.test(periodKey)) assertNoProblems([{ field: 'periodKey', rule: 'ledger_period_invalid', message: 'an accounting month is YYYY-MM', params: { value: periodKey } }]);
  const accountingMonth = input.accountingMonth?.trim() || CALENDAR_MONTH_CODE;
  const year = Number(periodKey.slice(0, 4));
  const convention = accountingConventionFor(await loadCalendarYears(ctx.db), accountingMonth, year);
  if (!convention.ok) fail(convention.issues);
  const period = batchPeriod({ periodKey }, (convention as Extract<typeof convention, { ok: true }>).value);
  const departmentIds = input.departmentIds?.length ? [...new Set(input.departmentIds)] : null;
  const components = input.components?.length ? [...new Set(input.components.map((c) => c.trim()).filter(Boolean))] : null;
  const includeEarlier = !!input.includeEarlier;
  const id = await inTransaction(ctx, async (em) => {
    const seq = await exec<{ n: number }>(em, sql`select count(*)::int + 1 as n from payout_batch where period_key = ${periodKey}`);
    const batch = em.create(PayoutBatch, {
      number: `PB-${periodKey}-${String(seq[0]?.n ?? 1).padStart(3, '0')}`,
      periodKey,
      accountingMonth,
      periodStart: period.start,
      periodEnd: period.end,
      scope: { departmentIds, components, includeEarlier },
      preparedByUserId: actor.userId,
    });
    await em.flush();
    await collectEntries(em, batch, { periodKey, accountingMonth, departmentIds, components, includeEarlier });
    await em.flush();
    recordAudit(em, ctx, { operation: 'createPayoutBatch', entityType: 'PayoutBatch', entityId: batch.id, after: snapshot(batch) });
    return batch.id;
  });
  return payoutBatchById(ctx, id);
}

/** The INSERT … SELECT of a batch's entries (the SQL form of batchSkipReason) and its totals. */
async function collectEntries(
  em: import('@mikro-orm/postgresql').EntityManager,
  batch: PayoutBatch,
  spec: { periodKey: string; accountingMonth: string; departmentIds: string[] | null; components: string[] | null; includeEarlier: boolean },
): Promise<void> {
  const period = spec.includeEarlier ? sql`le.period_key <= ${spec.periodKey}` : sql`le.period_key = ${spec.periodKey}`;
  const departments = spec.departmentIds
    ? sql` and le.department_id in (with recursive sub as (select id from department where id = any(${`{${spec.departmentIds.join(',')}}`}::uuid[]) union select d.id from department d join sub on d.parent_id = sub.id) select id from sub)`
    : sql``;
  const components = spec.components ? sql` and le.component = any(${`{${spec.components.map((c) => `"${c.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])` : sql``;
  await exec(
    em,
    sql`insert into payout_batch_entry (batch_id, entry_id)
        select ${batch.id}::uuid, le.id from ledger_entry le
        where le.status = 'approved' and le.settlement = 'payroll' and le.money is not null and le.batch_id is null
          and le.accounting_month = ${spec.accountingMonth} and ${period}${departments}${components}
        on conflict (entry_id) do nothing`,
  );
  const t = await totalsOf(em, batch.id);
  batch.total = t.total;
  batch.entryCount = t.entries;
  batch.peopleCount = t.people;
  batch.totals = t.totals as unknown as Record<string, unknown>;
}

/** Totals as comparable text (jsonb reorders keys, so objects are not compared as stored). */
const totalsKey = (t: StoredTotals | null): string =>
  t ? [...t.byDepartment.map((d) => `d:${d.departmentId}:${d.total}:${d.entries}`), ...t.byComponent.map((c) => `c:${c.component}:${c.total}:${c.entries}`)].join('|') : '';

const ROLE_ACTIONS: Record<PayoutBatchAction, (actor: Actor, batch: PayoutBatch) => boolean> = {
  submit: (actor) => canPrepareBatches(actor),
  cancel: (actor) => canPrepareBatches(actor),
  return: (actor, b) => canPrepareBatches(actor) || canApproveBatch(actor, { beforeApprover: b.status === 'submitted', preparedByActor: false }),
  approve: (actor) => actor.roles.includes('APPROVER'),
};

/**
 * Moves a batch (audited): SUBMIT (HR; the totals are recomputed in SQL and stored), REJECT (back to draft with a
 * reason), CANCEL (HR, draft, reason: its entries are released), APPROVE (an APPROVER who did not prepare it; the
 * totals recomputed now must equal the stored ones): the payroll lines are frozen (one INSERT … SELECT), the
 * checksum stored, the entries become paid (one UPDATE … FROM) and the batch is frozen by the database.
 */
export async function transitionPayoutBatch(ctx: RequestContext, id: string, version: number, action: PayoutBatchAction, reason?: string | null): Promise<PayoutBatchNode> {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (em) => {
    const batch = await em.findOne(PayoutBatch, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!batch) throw notFound('PayoutBatch', id);
    if (!canPrepareBatches(actor) && !actor.roles.includes('APPROVER')) throw notFound('PayoutBatch', id);
    if (batch.version !== version) throw staleConflict();
    if (!ROLE_ACTIONS[action](actor, batch)) throw forbidden(`${action === 'return' ? 'rejecting' : `${action === 'submit' ? 'submitting' : action === 'cancel' ? 'cancelling' : 'approving'}`} payout batches`);
    const before = snapshot(batch);
    const recomputed = await totalsOf(em, batch.id);
    const totalsMatch = recomputed.total === batch.total && recomputed.entries === batch.entryCount && totalsKey(recomputed.totals) === totalsKey(batch.totals as unknown as StoredTotals | null);
    const step = nextState(payoutBatchWorkflow, batch.status, action, {
      roles: [...actor.roles],
      actorId: actor.userId,
      preparedBy: batch.preparedByUserId,
      entryCount: recomputed.entries,
      totalsMatch,
      reason: reason?.trim() ?? '',
    });
    if (!step.ok) fail([{ ...step.issue, path: [step.issue.code.endsWith('_reason') ? 'reason' : 'id'] }]);
    const now = new Date();
    if (action === 'submit') {
      batch.total = recomputed.total;
      batch.entryCount = recomputed.entries;
      batch.peopleCount = recomputed.people;
      batch.totals = recomputed.totals as unknown as Record<string, unknown>;
      batch.submittedAt = now;
      batch.returnReason = null;
    } else if (action === 'return') {
      batch.returnReason = (reason ?? '').trim();
    } else if (action === 'cancel') {
      batch.cancelReason = (reason ?? '').trim();
      // Its entries go back to the pool (rows leave only draft batches; the trigger checks).
      await exec(em, sql`delete from payout_batch_entry where batch_id = ${batch.id}::uuid`);
    } else {
      // Lines: one per person per component, payee as of now, ordered as batchLines orders them.
      await exec(
        em,
        sql`insert into payout_batch_line (batch_id, line_no, employee_id, employee_number, name, department_code, department_name, component, amount, entries)
            select ${batch.id}::uuid, row_number() over (order by e.employee_number, e.id, g.component), e.id, e.employee_number, e.name, d.code, d.name, g.component, g.amount, g.entries
            from (select le.employee_id, le.component, sum(le.money)::numeric(16,2) as amount, count(*)::int as entries
                  from payout_batch_entry be join ledger_entry le on le.id = be.entry_id where be.batch_id = ${batch.id}::uuid group by le.employee_id, le.component) g
            join employee e on e.id = g.employee_id join department d on d.id = e.department_id`,
      );
      await exec(
        em,
        sql`update ledger_entry le set status = 'paid', batch_id = ${batch.id}::uuid, paid_at = now()
            from payout_batch_entry be where be.entry_id = le.id and be.batch_id = ${batch.id}::uuid and le.status = 'approved'`,
      );
      const lines = await linesForChecksum(em, batch.id);
      batch.checksum = batchChecksum(headerOf(batch), lines);
      batch.approvedByUserId = actor.userId;
      batch.approvedAt = now;
    }
    batch.status = (step as { ok: true; to: PayoutBatch['status'] }).to;
    await em.flush();
    const names = { submit: 'submitPayoutBatch', return: 'rejectPayoutBatch', cancel: 'cancelPayoutBatch', approve: 'approvePayoutBatch' } as const;
    recordAudit(em, ctx, { operation: names[action], entityType: 'PayoutBatch', entityId: batch.id, before, after: { ...snapshot(batch), reason: reason?.trim() || null } });
  });
  return payoutBatchById(ctx, id);
}

const headerOf = (b: Pick<PayoutBatch, 'id' | 'number' | 'periodKey' | 'accountingMonth'>): BatchHeader => ({ batchId: b.id, number: b.number, periodKey: b.periodKey, accountingMonth: b.accountingMonth, currency: 'CNY' });

async function linesForChecksum(em: import('@mikro-orm/postgresql').EntityManager, batchId: string): Promise<BatchLine[]> {
  const rows = await exec<Record<string, unknown>>(
    em,
    sql`select employee_id, employee_number, name, department_code, department_name, component, amount::text as amount, entries from payout_batch_line where batch_id = ${batchId}::uuid order by line_no`,
  );
  return rows.map(lineOf);
}

const lineOf = (r: Record<string, unknown>): BatchLine => ({
  employeeId: r.employee_id as string,
  employeeNumber: r.employee_number as string,
  name: r.name as string,
  departmentCode: r.department_code as string,
  departmentName: r.department_name as string,
  component: r.component as string,
  amount: r.amount as string,
  entries: Number(r.entries),
});

/**
 * The payroll workbook of an approved batch (HR, APPROVER): one row per person per component from the frozen lines,
 * exact cents as text, a totals row and a checksum row; the checksum also in the file's properties. The export is
 * verified against the stored total and checksum (a mismatch is a defect: refused). Re-exports are identical: the
 * lines are frozen and the workbook's dates are the approval time.
 */
export async function exportPayoutBatch(ctx: RequestContext, id: string): Promise<PayoutBatchExportView> {
  const actor = requireActor(ctx);
  if (!canExportBatch(actor)) throw forbidden('exporting payout batches');
  const batch = await payoutBatchById(ctx, id);
  if (batch.status !== 'approved' || !batch.checksum || !batch.approvedAt)
    assertNoProblems([{ field: 'id', rule: 'batch_export_not_approved', message: 'only an approved (frozen) batch is exported for payroll', params: { status: batch.status } }]);
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select employee_id, employee_number, name, department_code, department_name, component, amount::text as amount, entries from payout_batch_line where batch_id = ${id}::uuid order by line_no`,
  );
  const exported = exportBatch(headerOf(batch), rows.map(lineOf));
  const issues = verifyBatchExport(exported, { total: batch.total, checksum: batch.checksum ?? '' });
  if (issues.length) {
    ctx.log.error({ batchId: id, issues }, 'payout batch export does not match the frozen batch');
    fail(issues);
  }
  const approvedAt = batch.approvedAt as Date;
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Appraisal platform';
  workbook.created = approvedAt;
  workbook.modified = approvedAt;
  workbook.title = batch.number;
  workbook.subject = `Payout batch ${batch.number} (${batch.periodKey}, ${batch.accountingMonth})`;
  workbook.keywords = `sha256:${exported.checksum}`;
  workbook.description = `checksum sha256 ${exported.checksum}`;
  const sheet = workbook.addWorksheet(batch.number);
  sheet.columns = exported.columns.map((c) => ({ header: c, key: c, width: c === 'name' || c === 'departmentName' ? 28 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of exported.rows) sheet.addRow(row);
  const totals = sheet.addRow(exported.totals);
  totals.font = { bold: true };
  sheet.addRow(['CHECKSUM', `sha256:${exported.checksum}`]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileName = `${batch.number}.xlsx`;
  await recordExport(ctx, { operation: 'exportPayoutBatch', entityType: 'PayoutBatchExport', fileName, rows: exported.lineCount, filter: { batchId: id, checksum: exported.checksum } });
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: buffer.toString('base64'),
    checksum: exported.checksum,
    lineCount: exported.lineCount,
    total: exported.total,
  };
}
