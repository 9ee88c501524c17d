import { type Actor, canReadStatement, describeLedgerRange, type LedgerEntryFacts, ledgerEntryAccess, ledgerEntryRowScope, type LedgerRule, ledgerRuleAccess, NO_FACTS, type SubjectRelation } from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, join, raw, sql, type Sql } from '../../core/db.js';
import { assertNoProblems, forbidden, notFound } from '../../core/errors.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import {
  type LedgerEntriesArgs,
  type LedgerEntryFilter,
  LedgerEntryNode,
  type LedgerEntryStatusValue,
  type LedgerRuleFilter,
  type LedgerRuleNode,
  type LedgerRulesArgs,
  type LedgerSourceKindValue,
  type LedgerStatementView,
  type LedgerTotalView,
} from './ledger.types.js';

// ---- rules ------------------------------------------------------------------------------------------

interface RuleRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  code: string;
  document: LedgerRule;
  program: string | null;
  active: boolean;
  revision: number;
}

const RULE_COLUMNS = sql`r.id, r.version, r.created_at, r.updated_at, r.code, r.document, r.program, r.active, r.revision`;

/** A catalog row as the GraphQL LedgerRule (reference data: no per-row facts). */
export function toRuleNode(r: RuleRow): LedgerRuleNode {
  const d = r.document;
  const a = d.amount;
  const node: LedgerRuleNode = {
    __typename: 'LedgerRule',
    id: r.id,
    version: r.version,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    code: r.code,
    name: d.name.en,
    nameZh: d.name.zh,
    kind: d.kind,
    unit: d.unit,
    amount: {
      kind: a.kind,
      value: a.kind === 'fixed' ? a.value : null,
      min: a.kind === 'range' ? a.min : null,
      max: a.kind === 'range' ? a.max : null,
      minExclusive: a.kind === 'range' ? (a.minExclusive ?? false) : false,
      basis: a.kind === 'multiple' ? a.basis.en : null,
      minFactor: a.kind === 'multiple' ? a.minFactor : null,
      maxFactor: a.kind === 'multiple' ? a.maxFactor : null,
      minBasis: a.kind === 'multiple' ? a.minBasis : null,
      maxBasis: a.kind === 'multiple' ? a.maxBasis : null,
      text: describeLedgerRange(d),
    },
    perOccurrence: d.perOccurrence,
    hourRate: d.hourRate ?? null,
    caps: d.caps.map((c) => ({ period: c.period, maxAmount: c.maxAmount ?? null, maxCount: c.maxCount ?? null })),
    settlement: d.settlement,
    accountingMonth: d.accountingMonth ?? null,
    regulation: d.regulation ? { policyCode: d.regulation.policyCode, clause: d.regulation.clause.en, clauseZh: d.regulation.clause.zh } : null,
    component: d.component ?? d.code,
    program: r.program,
    active: r.active,
    revision: r.revision,
    document: d as unknown as Record<string, unknown>,
  };
  return withFacts(node, NO_FACTS);
}

export const ledgerRuleListing = defineListing({
  query: 'ledgerRules',
  access: ledgerRuleAccess,
  filters: { program: 'program', kind: 'kind', unit: 'unit', settlement: 'settlement', active: 'active' },
  search: [
    { field: 'code', sql: raw('r.code') },
    { field: 'name', sql: raw(`(r.document->'name'->>'en')`) },
    { field: 'name', sql: raw(`(r.document->'name'->>'zh')`) },
  ],
  sorts: {
    CODE: { field: 'code', sql: raw('r.code') },
    NAME: { field: 'name', sql: raw(`(r.document->'name'->>'en')`) },
    PROGRAM: { field: 'program', sql: raw(`coalesce(r.program, '')`) },
  },
  defaultSort: [{ field: 'CODE', direction: SortDirection.ASC }],
  id: raw('r.id'),
});

function ruleConditions(f: LedgerRuleFilter | null | undefined): Sql[] {
  const where: Sql[] = [];
  if (f?.program) where.push(sql`r.program = ${f.program}`);
  if (f?.kind) where.push(sql`r.document->>'kind' = ${f.kind}`);
  if (f?.unit) where.push(sql`r.document->>'unit' = ${f.unit}`);
  if (f?.settlement) where.push(sql`r.document->>'settlement' = ${f.settlement}`);
  if (f?.active !== undefined && f?.active !== null) where.push(sql`r.active = ${f.active}`);
  return where;
}

/** One page of the catalog (every signed-in person reads it). */
export async function listLedgerRules(ctx: RequestContext, args: LedgerRulesArgs, info: GraphQLResolveInfo): Promise<Page<LedgerRuleNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, ledgerRuleListing, args);
  if (!ledgerRuleAccess.factClasses(actor).length) return Page.empty();
  return fetchPage(ctx.db, { select: RULE_COLUMNS, from: sql`ledger_rule r`, where: ruleConditions(args.filter) }, checked, selectedHere(info).has('totalCount'), (r) => toRuleNode(r as unknown as RuleRow));
}

/** Rules by code (entries' `rule` field, services). */
export async function rulesByCodes(ctx: Pick<RequestContext, 'db'>, codes: readonly string[]): Promise<LedgerRuleNode[]> {
  const rows = await ctx.db.rows<RuleRow>(sql`select ${RULE_COLUMNS} from ledger_rule r where r.code = any(${codes}::text[])`);
  return rows.map(toRuleNode);
}

export async function ruleById(ctx: RequestContext, id: string): Promise<LedgerRuleNode> {
  requireActor(ctx);
  const rows = await ctx.db.rows<RuleRow>(sql`select ${RULE_COLUMNS} from ledger_rule r where r.id = ${id}`);
  if (!rows[0]) throw notFound('LedgerRule', id);
  return toRuleNode(rows[0]);
}

// ---- entries ----------------------------------------------------------------------------------------

/** The actor's ids as SQL values (null when the account has no employee record). */
const me = (actor: Actor) => sql`${actor.employeeId}::uuid`;

/** The per-row facts of entry `le` of person `e` (and its cycle `c`), in SQL. */
function entryFacts(actor: Actor): Sql {
  return sql`case when le.employee_id = ${me(actor)} then 'self' when e.supervisor_path @> array[${me(actor)}]::uuid[] then 'line' else 'other' end as "f_subject",
    coalesce(le.proposed_by_user_id = ${actor.userId}::uuid, false) as "f_proposed",
    le.pay_from_appraisal as "f_pay",
    coalesce(c.vis_supervisor_pay and c.vis_supervisor_result <> 'never', true) as "f_supervisor_pay",
    exists (select 1 from payout_batch_entry be join payout_batch b on b.id = be.batch_id where be.entry_id = le.id and b.status in ('submitted', 'approved')) as "f_in_batch"`;
}

const ENTRY_FROM = sql`ledger_entry le join employee e on e.id = le.employee_id left join cycle c on c.id = le.cycle_id left join ledger_rule lr on lr.code = le.rule_code
  left join app_user pu on pu.id = le.proposed_by_user_id left join app_user au on au.id = le.approved_by_user_id`;

function entryColumns(actor: Actor): Sql {
  return sql`le.id, le.version, le.created_at, le.updated_at, le.employee_id, le.department_id, le.rule_code, le.component, le.unit, le.status, le.occurred_on::text as occurred_on,
    le.period_key, le.source_kind, le.appraisal_id, le.result_number, le.cycle_id, le.award_id, le.incident_id, le.reverses_id, le.corrects_id,
    (select r2.id from ledger_entry r2 where r2.reverses_id = le.id and r2.status not in ('rejected', 'withdrawn') limit 1) as reversed_by,
    le.quantity::text as quantity, le.count, le.amount::text as amount, le.money::text as money,
    coalesce(le.reason, lr.document->'regulation'->'clause'->>'en') as explanation, coalesce(le.reason, lr.document->'regulation'->'clause'->>'zh') as explanation_zh,
    c.name as cycle_name, c.name_zh as cycle_name_zh, c.period_key as cycle_period_key,
    (select jsonb_build_object('id', b.id, 'number', b.number, 'periodKey', b.period_key, 'status', b.status) from payout_batch_entry be join payout_batch b on b.id = be.batch_id where be.entry_id = le.id limit 1) as batch_link,
    le.evidence, le.attachments, pu.display_name as proposed_by, au.display_name as approved_by, le.approved_at, le.rejection_reason, le.paid_at, le.batch_id,
    ${entryFacts(actor)}`;
}

export function toEntryNode(r: Record<string, unknown>): LedgerEntryNode {
  const node = Object.assign(new LedgerEntryNode(), {
    __typename: 'LedgerEntry' as const,
    id: r.id as string,
    version: r.version as number,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    employeeId: r.employee_id as string,
    departmentId: r.department_id as string,
    ruleCode: r.rule_code as string | null,
    component: r.component as string,
    unit: r.unit as string,
    status: r.status as LedgerEntryStatusValue,
    occurredOn: r.occurred_on as string,
    periodKey: r.period_key as string,
    source: {
      kind: r.source_kind as LedgerSourceKindValue,
      appraisalId: r.appraisal_id as string | null,
      resultNumber: r.result_number as number | null,
      cycleId: r.cycle_id as string | null,
      awardId: r.award_id as string | null,
      incidentId: r.incident_id as string | null,
      reversesId: r.reverses_id as string | null,
      correctsId: r.corrects_id as string | null,
    },
    reversedBy: r.reversed_by as string | null,
    quantity: r.quantity as string,
    count: r.count as number,
    amount: r.amount as string,
    money: r.money as string | null,
    explanation: r.explanation as string | null,
    explanationZh: r.explanation_zh as string | null,
    evidence: r.evidence as string | null,
    attachments: (r.attachments as unknown[] | null) ?? [],
    proposedBy: r.proposed_by as string | null,
    approvedBy: r.approved_by as string | null,
    approvedAt: r.approved_at ? toDate(r.approved_at) : null,
    rejectionReason: r.rejection_reason as string | null,
    paidAt: r.paid_at ? toDate(r.paid_at) : null,
    batchId: r.batch_id as string | null,
    appraisal:
      r.appraisal_id && r.cycle_id
        ? {
            id: r.appraisal_id as string,
            cycleId: r.cycle_id as string,
            cycleName: (r.cycle_name as string | null) ?? '',
            cycleNameZh: r.cycle_name_zh as string | null,
            periodKey: (r.cycle_period_key as string | null) ?? (r.period_key as string),
            resultNumber: r.result_number as number | null,
          }
        : null,
    batch: (r.batch_link as LedgerEntryNode['batch']) ?? null,
  });
  const facts: LedgerEntryFacts = {
    subject: r.f_subject as SubjectRelation,
    proposedByActor: r.f_proposed as boolean,
    payFromAppraisal: r.f_pay as boolean,
    supervisorPay: r.f_supervisor_pay as boolean,
    inSubmittedBatch: r.f_in_batch as boolean,
  };
  return withFacts(node, facts);
}

/** The entries an actor may list, as a condition on `le`/`e` (null = all, 'none' = nothing). */
export function entryScopeSql(actor: Actor): Sql | null | 'none' {
  const scope = ledgerEntryRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  const parts: Sql[] = [];
  if (scope.own && scope.employeeId) parts.push(sql`le.employee_id = ${scope.employeeId}::uuid`);
  if (scope.line && scope.employeeId) parts.push(sql`e.supervisor_path @> array[${scope.employeeId}]::uuid[]`);
  if (scope.proposed) parts.push(sql`le.proposed_by_user_id = ${actor.userId}::uuid`);
  if (scope.batches) parts.push(sql`exists (select 1 from payout_batch_entry be join payout_batch b on b.id = be.batch_id where be.entry_id = le.id and b.status in ('submitted', 'approved'))`);
  return parts.length ? sql`(${join(parts, ' or ')})` : 'none';
}

export const ledgerEntryListing = defineListing({
  query: 'ledgerEntries',
  access: ledgerEntryAccess,
  filters: {
    employeeId: 'employee',
    departmentId: 'department',
    ruleCode: 'rule',
    component: 'component',
    unit: 'unit',
    status: 'status',
    sourceKind: 'source',
    periodFrom: 'periodKey',
    periodTo: 'periodKey',
    batchId: 'batch',
  },
  search: [{ field: 'employee', sql: raw('e.name') }],
  sorts: {
    OCCURRED_ON: { field: 'occurredOn', sql: raw('le.occurred_on') },
    PERIOD: { field: 'periodKey', sql: raw('le.period_key') },
    STATUS: { field: 'status', sql: raw('le.status') },
    AMOUNT: { field: 'amount', sql: raw('le.amount') },
    PROPOSED_AT: { field: 'proposedBy', sql: raw(`coalesce(le.proposed_at, le.created_at)`) },
  },
  defaultSort: [{ field: 'OCCURRED_ON', direction: SortDirection.DESC }],
  id: raw('le.id'),
});

function entryConditions(f: LedgerEntryFilter | null | undefined): Sql[] {
  const where: Sql[] = [];
  if (f?.employeeId) where.push(sql`le.employee_id = ${f.employeeId}::uuid`);
  if (f?.departmentId)
    where.push(sql`le.department_id in (with recursive sub as (select id from department where id = ${f.departmentId}::uuid union all select d.id from department d join sub on d.parent_id = sub.id) select id from sub)`);
  if (f?.ruleCode) where.push(sql`le.rule_code = ${f.ruleCode}`);
  if (f?.component) where.push(sql`le.component = ${f.component}`);
  if (f?.unit) where.push(sql`le.unit = ${f.unit}`);
  if (f?.status) where.push(sql`le.status = ${f.status}`);
  if (f?.sourceKind) where.push(sql`le.source_kind = ${f.sourceKind}`);
  if (f?.periodFrom) where.push(sql`le.period_key >= ${f.periodFrom}`);
  if (f?.periodTo) where.push(sql`le.period_key <= ${f.periodTo}`);
  if (f?.batchId) where.push(sql`exists (select 1 from payout_batch_entry be where be.entry_id = le.id and be.batch_id = ${f.batchId}::uuid)`);
  return where;
}

/** One page of the entries the actor may list, in one statement (names, rule clause and facts joined in). */
export async function listLedgerEntries(ctx: RequestContext, args: LedgerEntriesArgs, info: GraphQLResolveInfo, extra: Sql[] = []): Promise<Page<LedgerEntryNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, ledgerEntryListing, args);
  const scope = entryScopeSql(actor);
  if (scope === 'none') return Page.empty();
  const where = [...(scope ? [scope] : []), ...entryConditions(args.filter), ...extra];
  return fetchPage(ctx.db, { select: entryColumns(actor), from: ENTRY_FROM, countFrom: sql`ledger_entry le join employee e on e.id = le.employee_id`, where }, checked, selectedHere(info).has('totalCount'), toEntryNode);
}

/** One entry if the actor's scope holds it, else NOT_FOUND. */
export async function entryInScope(ctx: RequestContext, id: string): Promise<LedgerEntryNode> {
  const actor = requireActor(ctx);
  const scope = entryScopeSql(actor);
  if (scope === 'none') throw notFound('LedgerEntry', id);
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${entryColumns(actor)} from ${ENTRY_FROM} where le.id = ${id}::uuid${scope ? sql` and ${scope}` : empty}`);
  if (!rows[0]) throw notFound('LedgerEntry', id);
  return toEntryNode(rows[0]);
}

/** Entries by id that the actor's scope holds, with facts (links such as a reversal's original); others are absent. */
export async function entriesInScope(ctx: RequestContext, ids: readonly string[]): Promise<LedgerEntryNode[]> {
  const actor = requireActor(ctx);
  const scope = entryScopeSql(actor);
  if (scope === 'none' || ids.length === 0) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${entryColumns(actor)} from ${ENTRY_FROM} where le.id = any(${ids}::uuid[])${scope ? sql` and ${scope}` : empty}`);
  return rows.map(toEntryNode);
}

/** Entries by id with facts, no scope (services return what they wrote; field guards decide). */
export async function entriesByIds(ctx: RequestContext, ids: readonly string[]): Promise<LedgerEntryNode[]> {
  const actor = requireActor(ctx);
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${entryColumns(actor)} from ${ENTRY_FROM} where le.id = any(${ids}::uuid[]) order by le.employee_id, le.id`);
  return rows.map(toEntryNode);
}

/** How a person relates to the actor: themself, in their line, or anyone else (null: no such person). */
export async function subjectOf(ctx: RequestContext, actor: Actor, employeeId: string): Promise<SubjectRelation | null> {
  const rows = await ctx.db.rows<{ subject: SubjectRelation }>(
    sql`select case when e.id = ${me(actor)} then 'self' when e.supervisor_path @> array[${me(actor)}]::uuid[] then 'line' else 'other' end as subject from employee e where e.id = ${employeeId}::uuid`,
  );
  return rows[0]?.subject ?? null;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A person's statement over accounting months: totals per unit and money in one GROUP BY with FILTERs (opening
 * before `from`, movement within), the period's counted entries and the pending ones (HR, the person, their line).
 */
export async function ledgerStatement(ctx: RequestContext, employeeId: string, from: string, to: string): Promise<LedgerStatementView> {
  const actor = requireActor(ctx);
  const subject = await subjectOf(ctx, actor, employeeId);
  if (!subject) throw notFound('Employee', employeeId);
  if (!canReadStatement(actor, subject)) throw forbidden('this statement');
  assertNoProblems([
    ...(PERIOD.test(from) ? [] : [{ field: 'from', rule: 'ledger_period_invalid', message: 'an accounting month is YYYY-MM', params: { value: from } }]),
    ...(PERIOD.test(to) && from <= to ? [] : [{ field: 'to', rule: 'ledger_period_invalid', message: 'an accounting month is YYYY-MM, not before from', params: { value: to } }]),
  ]);
  const sums = await ctx.db.rows<{ unit: string | null; opening: string; movement: string; m_opening: string; m_movement: string }>(sql`
    select grouping(unit) = 1 as all_units, unit,
      coalesce(sum(amount) filter (where period_key < ${from}), 0)::numeric(16,2)::text as opening,
      coalesce(sum(amount) filter (where period_key between ${from} and ${to}), 0)::numeric(16,2)::text as movement,
      coalesce(sum(money) filter (where period_key < ${from}), 0)::numeric(16,2)::text as m_opening,
      coalesce(sum(money) filter (where period_key between ${from} and ${to}), 0)::numeric(16,2)::text as m_movement
    from ledger_entry where employee_id = ${employeeId}::uuid and status in ('approved', 'paid') and period_key <= ${to}
    group by grouping sets ((unit), ())`);
  const add = (a: string, b: string) => {
    const cents = BigInt(a.replace('.', '')) + BigInt(b.replace('.', ''));
    const neg = cents < 0n;
    const abs = (neg ? -cents : cents).toString().padStart(3, '0');
    return `${neg ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  };
  const totals = (['points', 'hours', 'money'] as const).map((unit) => {
    const row = sums.find((s) => s.unit === unit);
    const opening = row?.opening ?? '0.00';
    const movement = row?.movement ?? '0.00';
    return { unit, opening, movement, closing: add(opening, movement) };
  });
  const all = sums.find((s) => s.unit === null && (s as unknown as { all_units: boolean }).all_units);
  const mOpen = all?.m_opening ?? '0.00';
  const mMove = all?.m_movement ?? '0.00';
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${entryColumns(actor)} from ${ENTRY_FROM}
    where le.employee_id = ${employeeId}::uuid and le.status in ('approved', 'paid', 'proposed') and le.period_key between ${from} and ${to}
    order by le.occurred_on, le.id limit 2000`);
  const nodes = rows.map(toEntryNode);
  return {
    employeeId,
    from,
    to,
    totals,
    money: { opening: mOpen, movement: mMove, closing: add(mOpen, mMove) },
    entries: nodes.filter((n) => n.status !== 'proposed'),
    pending: nodes.filter((n) => n.status === 'proposed'),
  };
}

/** Department totals over accounting months (HR): one GROUP BY of counted entries by department, unit and component. */
export async function ledgerTotals(ctx: RequestContext, from: string, to: string, departmentId: string | null | undefined): Promise<LedgerTotalView[]> {
  requireActor(ctx);
  const scope = departmentId
    ? sql`and le.department_id in (with recursive sub as (select id from department where id = ${departmentId}::uuid union all select d.id from department d join sub on d.parent_id = sub.id) select id from sub)`
    : empty;
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`
    select le.department_id, d.code as department_code, d.name as department_name, le.unit, le.component,
      coalesce(sum(le.amount) filter (where le.amount > 0), 0)::numeric(16,2)::text as rewards,
      coalesce(sum(le.amount) filter (where le.amount < 0), 0)::numeric(16,2)::text as punishments,
      sum(le.amount)::numeric(16,2)::text as net, coalesce(sum(le.money), 0)::numeric(16,2)::text as money,
      count(*)::int as entries, count(distinct le.employee_id)::int as people
    from ledger_entry le join department d on d.id = le.department_id
    where le.status in ('approved', 'paid') and le.period_key between ${from} and ${to} ${scope}
    group by le.department_id, d.code, d.name, le.unit, le.component
    order by d.code, array_position(array['points', 'hours', 'money'], le.unit::text), le.component`);
  return rows.map((r) => ({
    departmentId: r.department_id as string,
    departmentCode: r.department_code as string,
    departmentName: r.department_name as string,
    unit: r.unit as string,
    component: r.component as string,
    rewards: r.rewards as string,
    punishments: r.punishments as string,
    net: r.net as string,
    money: r.money as string,
    entries: r.entries as number,
    people: r.people as number,
  }));
}
