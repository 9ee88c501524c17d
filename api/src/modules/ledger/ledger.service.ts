import {
  type Actor,
  accountingConventionFor,
  type AccountingConvention,
  canApproveLedgerEntries,
  canManageLedgerRules,
  canProposeLedgerEntry,
  checkLedgerCaps,
  checkLedgerRule,
  type DomainIssue,
  hasRole,
  type LedgerEntryDraft,
  type LedgerEntryRecord,
  ledgerEntryWorkflow,
  type LedgerRule,
  nextState,
  priceLedgerEntry,
  reversalOf,
  type RoleName,
  splitTeamIncident,
  validateLedgerEntry,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { assertNoProblems, type FieldProblem, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { loadCalendarYears } from '../calendar/calendar.service.js';
import { LedgerEntry, LedgerIncident, LedgerRuleRecord } from './ledger.entity.js';
import { entriesByIds, ledgerStatement, ruleById, subjectOf } from './ledger.read.js';
import type { LedgerEntryNode, LedgerRuleNode, LedgerStatementView, ProposeLedgerEntryInput, ProposeTeamIncidentInput } from './ledger.types.js';

const staleConflict = () => staleRecord();

/** Domain issues as VALIDATION_FAILED details, keeping each issue's params (the console words the message). */
export function problemsWithParams(issues: readonly DomainIssue[], prefix: ReadonlyArray<string | number> = []): FieldProblem[] {
  return issues.map((i) => {
    const path = [...prefix, ...i.path].map(String).join('.');
    const params = Object.fromEntries(Object.entries(i.params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) as Record<string, string | number | boolean>;
    return { field: path || 'input', rule: i.code, message: i.message, params };
  });
}

const fail = (issues: readonly DomainIssue[], prefix: ReadonlyArray<string | number> = []): never => {
  assertNoProblems(problemsWithParams(issues, prefix));
  throw new Error('unreachable');
};

// ---- the catalog ------------------------------------------------------------------------------------

/** Creates or changes a catalog rule (HR): validated by the domain, one revision row and one audit entry per save. */
export async function saveLedgerRule(ctx: RequestContext, document: unknown, id: string | null | undefined, version: number | null | undefined): Promise<LedgerRuleNode> {
  const actor = requireActor(ctx);
  if (!canManageLedgerRules(actor)) throw forbidden('the ledger rule catalog');
  const checked = checkLedgerRule(document);
  if (!checked.ok) fail(checked.issues, ['document']);
  const rule = (checked as { ok: true; value: LedgerRule }).value;
  const savedId = await inTransaction(ctx, async (em) => {
    let row: LedgerRuleRecord;
    let before: Record<string, unknown> | null = null;
    if (id) {
      const found = await em.findOne(LedgerRuleRecord, { id });
      if (!found) throw notFound('LedgerRule', id);
      if (found.version !== version) throw staleConflict();
      if (found.code !== rule.code) assertNoProblems([{ field: 'document.code', rule: 'ledger_code_fixed', message: 'a rule keeps its code; retire it and add a new one', params: { code: found.code } }]);
      before = snapshot(found);
      found.document = rule;
      found.program = rule.program ?? null;
      found.active = rule.active;
      found.revision = found.revision + 1;
      row = found;
    } else {
      const taken = await em.count(LedgerRuleRecord, { code: rule.code });
      if (taken) assertNoProblems([{ field: 'document.code', rule: 'ledger_duplicate_code', message: `the rule code ${rule.code} is used twice`, params: { code: rule.code } }]);
      row = em.create(LedgerRuleRecord, { code: rule.code, document: rule, program: rule.program ?? null, active: rule.active });
    }
    await em.flush();
    await em.execute(`insert into ledger_rule_revision (rule_id, revision, document, created_by_user_id) values (?, ?, ?, ?)`, [row.id, row.revision, JSON.stringify(rule), actor.userId], 'run');
    recordAudit(em, ctx, { operation: id ? 'updateLedgerRule' : 'createLedgerRule', entityType: 'LedgerRule', entityId: row.id, before, after: snapshot(row) });
    return row.id;
  });
  return ruleById(ctx, savedId);
}

/** Retires a rule (HR): no new entries; existing entries keep it. */
export async function retireLedgerRule(ctx: RequestContext, id: string, version: number): Promise<LedgerRuleNode> {
  const actor = requireActor(ctx);
  if (!canManageLedgerRules(actor)) throw forbidden('the ledger rule catalog');
  await inTransaction(ctx, async (em) => {
    const row = await em.findOne(LedgerRuleRecord, { id });
    if (!row) throw notFound('LedgerRule', id);
    if (row.version !== version) throw staleConflict();
    const before = snapshot(row);
    row.document = { ...row.document, active: false };
    row.active = false;
    row.revision = row.revision + 1;
    await em.flush();
    await em.execute(`insert into ledger_rule_revision (rule_id, revision, document, created_by_user_id) values (?, ?, ?, ?)`, [row.id, row.revision, JSON.stringify(row.document), actor.userId], 'run');
    recordAudit(em, ctx, { operation: 'retireLedgerRule', entityType: 'LedgerRule', entityId: row.id, before, after: snapshot(row) });
  });
  return ruleById(ctx, id);
}

// ---- entries ----------------------------------------------------------------------------------------

interface LoadedRule {
  rule: LedgerRule;
  revision: number;
}

async function loadRule(ctx: RequestContext, code: string): Promise<LoadedRule> {
  const rows = await ctx.db.rows<{ document: LedgerRule; revision: number }>(sql`select document, revision from ledger_rule where code = ${code}`);
  const row = rows[0];
  if (!row) assertNoProblems([{ field: 'ruleCode', rule: 'ledger_link_unknown', message: `no rule ${code} in the catalog`, params: { code } }]);
  return { rule: (row as { document: LedgerRule }).document, revision: (row as { revision: number }).revision };
}

/** The accounting-month convention of a rule in the year of a date (calendar months unless the rule names one). */
export async function conventionOf(ctx: Pick<RequestContext, 'db'>, rule: Pick<LedgerRule, 'accountingMonth'>, date: string, field = 'occurredOn'): Promise<AccountingConvention> {
  if (!rule.accountingMonth || rule.accountingMonth === 'calendar') return { monthStartDay: 1 };
  const years = await loadCalendarYears(ctx.db);
  const year = Number(date.slice(0, 4));
  // Late-month dates belong to the next year's first accounting month; either year's definition names the convention.
  const checked = accountingConventionFor(years, rule.accountingMonth, year);
  if (checked.ok) return checked.value;
  const next = accountingConventionFor(years, rule.accountingMonth, year + 1);
  if (next.ok) return next.value;
  return fail(checked.issues.map((i) => ({ ...i, path: [field] })));
}

/** Earlier entries of a person and rule that count toward the caps: proposed, approved or paid, not reversed. */
async function capUsage(ctx: RequestContext, employeeId: string, ruleCode: string, except?: string) {
  return ctx.db.rows<{ occurredOn: string; amount: string; count: number }>(sql`
    select le.occurred_on::text as "occurredOn", le.amount::text as amount, le.count from ledger_entry le
    where le.employee_id = ${employeeId}::uuid and le.rule_code = ${ruleCode} and le.status in ('proposed', 'approved', 'paid') and le.source_kind <> 'reversal'
      and le.id <> coalesce(${except ?? null}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
      and not exists (select 1 from ledger_entry r where r.reverses_id = le.id and r.status in ('approved', 'paid'))`);
}

const draftOf = (input: ProposeLedgerEntryInput): LedgerEntryDraft => ({
  ruleCode: input.ruleCode,
  employeeId: input.employeeId,
  occurredOn: input.occurredOn,
  ...(input.quantity !== undefined && input.quantity !== null ? { quantity: input.quantity } : {}),
  ...(input.count !== undefined && input.count !== null ? { count: input.count } : {}),
  ...(input.basis ? { basis: input.basis } : {}),
  ...(input.factor ? { factor: input.factor } : {}),
  evidence: input.evidence,
  attachments: (input.attachments ?? []).map((a) => ({ name: a.name, contentType: a.contentType, size: a.size, sha256: a.sha256 })),
});

async function requireProposer(ctx: RequestContext, actor: Actor, employeeId: string, field: string) {
  const subject = await subjectOf(ctx, actor, employeeId);
  if (!subject) throw notFound('Employee', employeeId);
  if (!canProposeLedgerEntry(actor, subject)) throw forbidden(`proposing entries for this person (${field})`);
}

async function departmentsOf(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await ctx.db.rows<{ id: string; department_id: string }>(sql`select id, department_id from employee where id = any(${ids}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.department_id]));
}

/**
 * Proposes an entry (HR for anyone, a supervisor for their line): priced by its rule inside the range (refused naming
 * it), not in the future, within the caps; written `proposed` for HR to approve.
 */
export async function proposeLedgerEntry(ctx: RequestContext, input: ProposeLedgerEntryInput): Promise<LedgerEntryNode> {
  const actor = requireActor(ctx);
  await requireProposer(ctx, actor, input.employeeId, 'employeeId');
  const { rule, revision } = await loadRule(ctx, input.ruleCode);
  const convention = await conventionOf(ctx, rule, input.occurredOn);
  const draft = draftOf(input);
  const checked = validateLedgerEntry(rule, draft, { convention, today: ctx.clock.today(), existing: await capUsage(ctx, input.employeeId, rule.code) });
  if (!checked.ok) fail(checked.issues);
  const priced = (checked as Extract<typeof checked, { ok: true }>).value;
  const departments = await departmentsOf(ctx, [input.employeeId]);
  const id = await inTransaction(ctx, async (em) => {
    const entry = em.create(LedgerEntry, {
      employeeId: input.employeeId,
      departmentId: departments.get(input.employeeId) as string,
      ruleCode: rule.code,
      ruleRevision: revision,
      kind: rule.kind,
      component: priced.component,
      unit: priced.unit,
      quantity: priced.quantity,
      count: priced.count,
      amount: priced.amount,
      money: priced.money ?? null,
      settlement: priced.settlement,
      accountingMonth: rule.accountingMonth ?? 'calendar',
      periodKey: priced.periodKey,
      occurredOn: input.occurredOn,
      status: 'proposed',
      sourceKind: 'manual',
      evidence: input.evidence.trim(),
      attachments: draft.attachments ? [...draft.attachments] : [],
      proposedByUserId: actor.userId,
      proposedAt: new Date(),
    });
    await em.flush();
    recordAudit(em, ctx, { operation: 'proposeLedgerEntry', entityType: 'LedgerEntry', entityId: entry.id, after: snapshot(entry) });
    return entry.id;
  });
  return (await entriesByIds(ctx, [id]))[0] as LedgerEntryNode;
}

/**
 * Proposes one team incident (joint liability): the rule prices the whole incident (range checked once), the shares
 * are split exactly (largest remainders) and each member's share is checked against the caps; one `team` entry per member.
 */
export async function proposeTeamIncident(ctx: RequestContext, input: ProposeTeamIncidentInput): Promise<LedgerEntryNode[]> {
  const actor = requireActor(ctx);
  for (const [i, m] of input.members.entries()) await requireProposer(ctx, actor, m.employeeId, `members.${i}`);
  const { rule, revision } = await loadRule(ctx, input.ruleCode);
  const convention = await conventionOf(ctx, rule, input.occurredOn);
  const first = input.members[0]?.employeeId ?? '';
  const draft = draftOf({ ...input, employeeId: first });
  const priced = priceLedgerEntry(rule, draft, convention);
  const today = ctx.clock.today();
  const future = input.occurredOn > today ? [{ path: ['occurredOn'], code: 'ledger_date_future', message: `${input.occurredOn} is after today (${today})`, params: { date: input.occurredOn, today } }] : [];
  if (!priced.ok) fail([...priced.issues, ...future]);
  if (future.length) fail(future);
  const incident = (priced as Extract<typeof priced, { ok: true }>).value;
  const members = input.members.map((m) => ({ employeeId: m.employeeId, ...(m.weight ? { weight: m.weight } : {}) }));
  const split = splitTeamIncident(incident, members);
  if (!split.ok) fail(split.issues);
  const shares = (split as Extract<typeof split, { ok: true }>).value;
  const capIssues: DomainIssue[] = [];
  for (const [i, share] of shares.entries()) {
    const issues = checkLedgerCaps(rule, { occurredOn: input.occurredOn, amount: share.amount, count: incident.count }, await capUsage(ctx, share.employeeId, rule.code), convention);
    capIssues.push(...issues.map((x) => ({ ...x, path: ['members', i, ...x.path] })));
  }
  if (capIssues.length) fail(capIssues);
  const departments = await departmentsOf(ctx, shares.map((s) => s.employeeId));
  const ids = await inTransaction(ctx, async (em) => {
    const row = em.create(LedgerIncident, {
      ruleCode: rule.code,
      ruleRevision: revision,
      occurredOn: input.occurredOn,
      quantity: incident.quantity,
      count: incident.count,
      amount: incident.amount,
      money: incident.money ?? null,
      members,
      evidence: input.evidence.trim(),
      attachments: draft.attachments ? [...draft.attachments] : [],
      proposedByUserId: actor.userId,
    });
    // The incident first: its entries reference it.
    await em.flush();
    const entries = shares.map((share) =>
      em.create(LedgerEntry, {
        employeeId: share.employeeId,
        departmentId: departments.get(share.employeeId) as string,
        ruleCode: rule.code,
        ruleRevision: revision,
        kind: rule.kind,
        component: incident.component,
        unit: incident.unit,
        quantity: share.amount.replace('-', ''),
        count: incident.count,
        amount: share.amount,
        money: share.money ?? null,
        settlement: incident.settlement,
        accountingMonth: rule.accountingMonth ?? 'calendar',
        periodKey: incident.periodKey,
        occurredOn: input.occurredOn,
        status: 'proposed',
        sourceKind: 'team',
        incidentId: row.id,
        evidence: input.evidence.trim(),
        attachments: draft.attachments ? [...draft.attachments] : [],
        proposedByUserId: actor.userId,
        proposedAt: new Date(),
      }),
    );
    await em.flush();
    recordAudit(em, ctx, { operation: 'proposeTeamIncident', entityType: 'LedgerIncident', entityId: row.id, after: { ...snapshot(row), entries: entries.map((e) => ({ id: e.id, employeeId: e.employeeId, amount: e.amount, money: e.money })) } });
    return entries.map((e) => e.id);
  });
  return entriesByIds(ctx, ids);
}

async function lockedEntry(em: EntityManager, id: string, version: number): Promise<LedgerEntry> {
  const entry = await em.findOne(LedgerEntry, { id });
  if (!entry) throw notFound('LedgerEntry', id);
  if (entry.version !== version) throw staleConflict();
  return entry;
}

const workflowRoles = (actor: Actor): RoleName[] => [...actor.roles];

/** Issues of an entry at approval: manual entries re-run the rule (caps may have filled); team shares the caps; reversals their original. */
async function approvalIssues(ctx: RequestContext, entry: LedgerEntry): Promise<DomainIssue[]> {
  if (entry.sourceKind === 'reversal') {
    const rows = await ctx.db.rows<{ status: string; reversed: boolean }>(
      sql`select o.status, exists (select 1 from ledger_entry r where r.reverses_id = o.id and r.id <> ${entry.id}::uuid and r.status in ('approved', 'paid')) as reversed from ledger_entry o where o.id = ${entry.reversesId}::uuid`,
    );
    const o = rows[0];
    if (!o || (o.status !== 'approved' && o.status !== 'paid')) return [{ path: ['entryId'], code: 'ledger_reverse_not_approved', message: 'the original is not approved', params: { status: o?.status ?? '' } }];
    if (o.reversed) return [{ path: ['entryId'], code: 'ledger_already_reversed', message: 'this entry is already reversed', params: { entryId: entry.reversesId ?? '' } }];
    return [];
  }
  if (!entry.ruleCode || (entry.sourceKind !== 'manual' && entry.sourceKind !== 'team')) return [];
  const { rule } = await loadRule(ctx, entry.ruleCode);
  const convention = await conventionOf(ctx, rule, entry.occurredOn);
  const existing = await capUsage(ctx, entry.employeeId, rule.code, entry.id);
  if (entry.sourceKind === 'team') {
    const inactive = rule.active ? [] : [{ path: ['ruleCode'], code: 'ledger_rule_inactive', message: `the rule ${rule.code} is retired`, params: { rule: rule.code } }];
    return [...inactive, ...checkLedgerCaps(rule, { occurredOn: entry.occurredOn, amount: entry.amount, count: entry.count }, existing, convention)];
  }
  const draft: LedgerEntryDraft = {
    ruleCode: rule.code,
    employeeId: entry.employeeId,
    occurredOn: entry.occurredOn,
    ...(rule.amount.kind === 'multiple' ? { basis: entry.quantity, factor: '1' } : { quantity: entry.quantity }),
    count: entry.count,
    evidence: entry.evidence ?? '',
  };
  if (rule.amount.kind === 'multiple') {
    const inactive = rule.active ? [] : [{ path: ['ruleCode'], code: 'ledger_rule_inactive', message: `the rule ${rule.code} is retired`, params: { rule: rule.code } }];
    return [...inactive, ...checkLedgerCaps(rule, { occurredOn: entry.occurredOn, amount: entry.amount, count: entry.count }, existing, convention)];
  }
  const checked = validateLedgerEntry(rule, draft, { convention, today: ctx.clock.today(), existing });
  return checked.ok ? [] : checked.issues;
}

/** Approves a proposed entry (HR, never the proposer): the rule is checked again, then the entry is final. */
export async function approveLedgerEntry(ctx: RequestContext, id: string, version: number): Promise<LedgerEntryNode> {
  const actor = requireActor(ctx);
  if (!canApproveLedgerEntries(actor)) throw forbidden('approving ledger entries');
  const current = await ctx.em.fork().findOne(LedgerEntry, { id });
  if (!current) throw notFound('LedgerEntry', id);
  if (current.version !== version) throw staleConflict();
  const issues = await approvalIssues(ctx, current);
  const step = nextState(ledgerEntryWorkflow, current.status, 'approve', { roles: workflowRoles(actor), actorId: actor.userId, proposedBy: current.proposedByUserId ?? '', validationIssues: issues.length });
  if (!step.ok) fail(step.issue.code === 'ledger_entry_invalid' && issues.length ? issues : [{ ...step.issue, params: { ...step.issue.params, count: issues.length } }]);
  await inTransaction(ctx, async (em) => {
    const entry = await lockedEntry(em, id, version);
    const before = snapshot(entry);
    entry.status = 'approved';
    entry.approvedByUserId = actor.userId;
    entry.approvedAt = new Date();
    await em.flush();
    recordAudit(em, ctx, { operation: 'approveLedgerEntry', entityType: 'LedgerEntry', entityId: id, before, after: snapshot(entry) });
  });
  return (await entriesByIds(ctx, [id]))[0] as LedgerEntryNode;
}

/** Rejects a proposed entry with a reason (HR). */
export async function rejectLedgerEntry(ctx: RequestContext, id: string, version: number, reason: string): Promise<LedgerEntryNode> {
  const actor = requireActor(ctx);
  if (!canApproveLedgerEntries(actor)) throw forbidden('rejecting ledger entries');
  await inTransaction(ctx, async (em) => {
    const entry = await lockedEntry(em, id, version);
    const step = nextState(ledgerEntryWorkflow, entry.status, 'reject', { roles: workflowRoles(actor), rejectionReason: reason.trim() });
    if (!step.ok) fail([{ ...step.issue, path: [step.issue.code === 'ledger_rejection_reason' ? 'reason' : 'status'] }]);
    const before = snapshot(entry);
    entry.status = 'rejected';
    entry.rejectedByUserId = actor.userId;
    entry.rejectionReason = reason.trim();
    await em.flush();
    recordAudit(em, ctx, { operation: 'rejectLedgerEntry', entityType: 'LedgerEntry', entityId: id, before, after: snapshot(entry) });
  });
  return (await entriesByIds(ctx, [id]))[0] as LedgerEntryNode;
}

/** Withdraws a proposed entry (its proposer only). */
export async function withdrawLedgerEntry(ctx: RequestContext, id: string, version: number): Promise<LedgerEntryNode> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'SUPERVISOR', 'HR')) throw forbidden('withdrawing ledger entries');
  await inTransaction(ctx, async (em) => {
    const entry = await lockedEntry(em, id, version);
    const step = nextState(ledgerEntryWorkflow, entry.status, 'withdraw', { roles: workflowRoles(actor), actorId: actor.userId, proposedBy: entry.proposedByUserId ?? '' });
    if (!step.ok) fail([{ ...step.issue, path: ['id'] }]);
    const before = snapshot(entry);
    entry.status = 'withdrawn';
    entry.withdrawnAt = new Date();
    await em.flush();
    recordAudit(em, ctx, { operation: 'withdrawLedgerEntry', entityType: 'LedgerEntry', entityId: id, before, after: snapshot(entry) });
  });
  return (await entriesByIds(ctx, [id]))[0] as LedgerEntryNode;
}

const recordOf = (e: LedgerEntry): LedgerEntryRecord => ({
  id: e.id,
  employeeId: e.employeeId,
  departmentId: e.departmentId,
  ruleCode: e.ruleCode,
  component: e.component,
  unit: e.unit,
  amount: e.amount,
  ...(e.money === null ? {} : { money: e.money }),
  settlement: e.settlement,
  periodKey: e.periodKey,
  occurredOn: e.occurredOn,
  status: e.status,
  source: e.sourceKind === 'reversal' ? { kind: 'reversal', reversesId: e.reversesId ?? '' } : { kind: 'manual' },
  batchId: e.batchId,
});

/**
 * Reverses an approved or paid entry (HR) — the only correction the ledger allows: a new `proposed` entry with the
 * negated amount and money, posted today and pointing at the original, which another HR person approves.
 */
export async function reverseLedgerEntry(ctx: RequestContext, id: string, reason: string): Promise<LedgerEntryNode> {
  const actor = requireActor(ctx);
  if (!canApproveLedgerEntries(actor)) throw forbidden('reversing ledger entries');
  const original = await ctx.em.fork().findOne(LedgerEntry, { id });
  if (!original) throw notFound('LedgerEntry', id);
  const existing = await ctx.db.rows<{ id: string }>(sql`select id from ledger_entry where reverses_id = ${id}::uuid and status not in ('rejected', 'withdrawn')`);
  const today = ctx.clock.today();
  const rule = original.ruleCode ? (await loadRule(ctx, original.ruleCode)).rule : null;
  const convention = rule ? await conventionOf(ctx, rule, today) : { monthStartDay: 1 };
  const reversal = reversalOf(recordOf(original), { reason, on: today, convention, existingReversals: existing.map((r) => r.id) });
  if (!reversal.ok) fail(reversal.issues);
  const draft = (reversal as Extract<typeof reversal, { ok: true }>).value;
  const newId = await inTransaction(ctx, async (em) => {
    const entry = em.create(LedgerEntry, {
      employeeId: original.employeeId,
      departmentId: original.departmentId,
      ruleCode: original.ruleCode,
      ruleRevision: original.ruleRevision,
      kind: original.kind,
      component: original.component,
      unit: original.unit,
      quantity: original.quantity,
      count: original.count,
      amount: draft.amount,
      money: draft.money ?? null,
      settlement: original.settlement,
      accountingMonth: original.accountingMonth,
      periodKey: draft.periodKey,
      occurredOn: draft.occurredOn,
      status: 'proposed',
      sourceKind: 'reversal',
      payFromAppraisal: original.payFromAppraisal,
      appraisalId: original.appraisalId,
      resultNumber: original.resultNumber,
      cycleId: original.cycleId,
      reversesId: original.id,
      reason: draft.reason,
      evidence: original.evidence,
      proposedByUserId: actor.userId,
      proposedAt: new Date(),
    });
    await em.flush();
    recordAudit(em, ctx, { operation: 'reverseLedgerEntry', entityType: 'LedgerEntry', entityId: entry.id, after: snapshot(entry) });
    return entry.id;
  });
  return (await entriesByIds(ctx, [newId]))[0] as LedgerEntryNode;
}

/** A person's statement (see ledgerStatement). */
export function statementFor(ctx: RequestContext, employeeId: string, from: string, to: string): Promise<LedgerStatementView> {
  return ledgerStatement(ctx, employeeId, from, to);
}
