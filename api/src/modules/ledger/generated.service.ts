import {
  type AccountingConvention,
  accountingConventionFor,
  type Actor,
  CALENDAR_MONTH_CODE,
  type LedgerRule,
  priceLedgerEntry,
  entriesFromPublishedResult,
  type GeneratedEntry,
  periodContaining,
  type PostedGenerated,
  type PublishedResult,
  reissueEntries,
  type SchemeDefinition,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../../core/db.js';
import { sql } from '../../core/db.js';
import { assertNoProblems } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCalendarYears } from '../calendar/calendar.service.js';
import { problemsWithParams } from './ledger.service.js';
import { schemeDocument } from '../cycles/cycle-data.js';

/**
 * Ledger entries generated from published appraisal results (docs/ledger-honors-design.md §5 `ledger.fromPublication`
 * and `ledger.reissue`): one `approved` money entry per pay component of a published result — performance pay by
 * band, floating pay, pool shares, output pay, the day's wage, and the plus/minus hours converted to money — linked
 * to the appraisal, its result number and the pay basis that explains it. The publication is their approval.
 * Re-publishing a corrected result never overwrites: changed or vanished components are reversed (approved
 * reversal entries pointing at them) and the new amounts issued under the new result number.
 */

/** Statements inside the caller's transaction (the publication's or the appeal's). */
async function rows<T>(em: EntityManager, query: Sql): Promise<T[]> {
  return em.getConnection().execute<T[]>(query.sql, query.values as unknown[], 'all', em.getTransactionContext());
}

interface PublishedRow {
  appraisal_id: string;
  employee_id: string;
  department_id: string;
  cycle_id: string;
  scheme_version_id: string;
  period_end: string;
  accounting_month_start: number;
  published_on: string;
  result_number: number;
  record: PublishedResult;
}

// The audit row names the actor; there is no request when a job or the seed posts.
const auditCtx = (actor: Actor | null) => (actor ? { actor, requestId: undefined as unknown as string } : null);

const PUBLISHED = sql`select pr.appraisal_id, a.employee_id, e.department_id, pr.cycle_id, c.scheme_version_id, c.period_end::text as period_end, c.accounting_month_start,
    (pr.created_at at time zone 'Asia/Shanghai')::date::text as published_on, pr.result_number::int as result_number, pr.record
  from (select p.*, row_number() over (partition by p.appraisal_id order by p.created_at, p.id) as result_number,
               row_number() over (partition by p.appraisal_id order by p.created_at desc, p.id desc) as newest
        from published_result p`;
const PUBLISHED_JOIN = sql`) pr join appraisal a on a.id = pr.appraisal_id join employee e on e.id = a.employee_id join cycle c on c.id = pr.cycle_id where pr.newest = 1`;

async function planned(em: EntityManager, r: PublishedRow): Promise<{ entries: GeneratedEntry[]; accountingMonth: string }> {
  const scheme: SchemeDefinition = await schemeDocument({ rows: (q) => rows(em, q) }, r.scheme_version_id);
  const periodKey = periodContaining(r.period_end, 'month', { monthStartDay: r.accounting_month_start || 1 });
  const entries = entriesFromPublishedResult(r.record, scheme, {
    resultNumber: r.result_number,
    cycleId: r.cycle_id,
    departmentId: r.department_id,
    periodKey,
    publishedOn: r.published_on,
  });
  return { entries, accountingMonth: scheme.schedule?.accountingMonth ?? CALENDAR_MONTH_CODE };
}

/** One INSERT of generated entries (approved, idempotent by key); returns the ids written. */
async function insertGenerated(em: EntityManager, entries: ReadonlyArray<GeneratedEntry & { accountingMonth: string }>, actor: Actor | null): Promise<string[]> {
  if (!entries.length) return [];
  const payload = entries.map((g) => ({
    e: g.employeeId,
    d: g.departmentId,
    r: g.ruleCode,
    k: g.amount.startsWith('-') ? 'punishment' : 'reward',
    c: g.component,
    q: g.amount.replace('-', ''),
    a: g.amount,
    am: g.accountingMonth,
    p: g.periodKey,
    o: g.occurredOn,
    ap: g.source.appraisalId,
    n: g.source.resultNumber,
    cy: g.source.cycleId,
    key: g.key,
    b: g.basis ?? null,
    i: g.inputs,
  }));
  const written = await rows<{ id: string }>(
    em,
    sql`insert into ledger_entry (id, version, created_at, updated_at, employee_id, department_id, rule_code, kind, component, unit, quantity, count, amount, money, settlement,
          accounting_month, period_key, occurred_on, status, source_kind, pay_from_appraisal, appraisal_id, result_number, cycle_id, idempotency_key, basis, inputs, attachments,
          approved_by_user_id, approved_at)
        select gen_random_uuid(), 1, now(), now(), t.e, t.d, t.r, t.k, t.c, 'money', t.q::numeric, 1, t.a::numeric, t.a::numeric, 'payroll',
          t.am, t.p, t.o::date, 'approved', 'appraisal', true, t.ap, t.n, t.cy, t.key, t.b, coalesce(array(select jsonb_array_elements_text(t.i))::uuid[], '{}'), '[]'::jsonb,
          ${actor?.userId ?? null}::uuid, now()
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as t(e uuid, d uuid, r text, k text, c text, q text, a text, am text, p text, o text, ap uuid, n int, cy uuid, key text, b jsonb, i jsonb)
        on conflict (idempotency_key) do nothing returning id`,
  );
  return written.map((w) => w.id);
}

/**
 * Posts the entries of every published result of a cycle that has none yet (called in the publication's
 * transaction; idempotent: keys `appraisal:<id>:<resultNumber>:<component>`). Returns how many were written.
 */
export async function postPublicationEntries(em: EntityManager, cycleId: string, actor: Actor | null): Promise<number> {
  const published = await rows<PublishedRow>(em, sql`${PUBLISHED} where p.cycle_id = ${cycleId}::uuid ${PUBLISHED_JOIN}`);
  const all: Array<GeneratedEntry & { accountingMonth: string }> = [];
  for (const r of published) {
    const { entries, accountingMonth } = await planned(em, r);
    all.push(...entries.map((e) => ({ ...e, accountingMonth })));
  }
  let written = 0;
  for (let i = 0; i < all.length; i += 1000) written += (await insertGenerated(em, all.slice(i, i + 1000), actor)).length;
  if (written) recordAudit(em, auditCtx(actor), { operation: 'postPublicationEntries', entityType: 'Cycle', entityId: cycleId, after: { entries: written } });
  return written;
}

/** What a re-issue did. */
export interface ReissueSummary {
  appraisalId: string;
  resultNumber: number;
  reversed: string[];
  posted: string[];
  kept: string[];
}

/**
 * Re-issues the ledger entries of an appraisal from its newest published result (an upheld appeal, a corrected
 * result): standing generated entries whose amount changed or whose component vanished are REVERSED (approved
 * reversal entries, reason naming the new result), the new amounts are posted under the new result number, and
 * unchanged components stay as they are. Never overwrites. Idempotent: a second call finds nothing to do.
 * Call it inside the transaction that publishes the corrected result (after its `published_result` row exists).
 * Example: await reissueResultEntries(em, appraisalId, actor) -> { reversed: ['…'], posted: ['…'], kept: [] }
 */
export async function reissueResultEntries(em: EntityManager, appraisalId: string, actor: Actor | null, reason?: string): Promise<ReissueSummary> {
  const published = (await rows<PublishedRow>(em, sql`${PUBLISHED} where p.appraisal_id = ${appraisalId}::uuid ${PUBLISHED_JOIN}`))[0];
  if (!published) return { appraisalId, resultNumber: 0, reversed: [], posted: [], kept: [] };
  const { entries, accountingMonth } = await planned(em, published);
  // Standing generated entries: approved or paid, not reversed; locked so two re-issues cannot both reverse one.
  const posted = await rows<PostedGenerated & { id: string; result_number: number }>(
    em,
    sql`select le.id, le.component, le.amount::text as amount, le.result_number as "resultNumber" from ledger_entry le
        where le.appraisal_id = ${appraisalId}::uuid and le.source_kind = 'appraisal' and le.status in ('approved', 'paid')
          and not exists (select 1 from ledger_entry r where r.reverses_id = le.id and r.status not in ('rejected', 'withdrawn'))
        order by le.component, le.id for update of le`,
  );
  const plan = reissueEntries(posted, entries);
  const why = reason?.trim() || `re-issued from result ${published.result_number}`;
  const reversed = plan.reverse.length
    ? (
        await rows<{ id: string }>(
          em,
          sql`insert into ledger_entry (id, version, created_at, updated_at, employee_id, department_id, rule_code, rule_revision, kind, component, unit, quantity, count, amount, money,
                settlement, accounting_month, period_key, occurred_on, status, source_kind, pay_from_appraisal, appraisal_id, result_number, cycle_id, reverses_id, basis, attachments,
                reason, approved_by_user_id, approved_at)
              select gen_random_uuid(), 1, now(), now(), o.employee_id, o.department_id, o.rule_code, o.rule_revision, o.kind, o.component, o.unit, o.quantity, o.count, -o.amount, -o.money,
                o.settlement, o.accounting_month, coalesce(${entries[0]?.periodKey ?? null}::text, o.period_key), ${published.published_on}::date, 'approved', 'reversal', o.pay_from_appraisal, o.appraisal_id,
                ${published.result_number}::int, o.cycle_id, o.id, o.basis, '[]'::jsonb, ${why}, ${actor?.userId ?? null}::uuid, now()
              from ledger_entry o where o.id = any(${`{${plan.reverse.map((p) => p.id).join(',')}}`}::uuid[]) returning id`,
        )
      ).map((r) => r.id)
    : [];
  const postedIds = await insertGenerated(em, plan.post.map((e) => ({ ...e, accountingMonth })), actor);
  recordAudit(em, auditCtx(actor), {
    operation: 'reissueResultEntries',
    entityType: 'Appraisal',
    entityId: appraisalId,
    after: { resultNumber: published.result_number, reversed, posted: postedIds, kept: plan.keep.map((k) => k.id), reason: why },
  });
  return { appraisalId, resultNumber: published.result_number, reversed, posted: postedIds, kept: plan.keep.map((k) => k.id) };
}

/** An approved reward (or punishment) decided elsewhere: an honours award, a committee decision. */
export interface ApprovedEntryInput {
  /** Catalog rule, e.g. 'group.honorExcellentEmployee' (its range is checked). */
  ruleCode: string;
  employeeId: string;
  /** The day of the decision (YYYY-MM-DD); its accounting month under the rule's convention is the entry's. */
  occurredOn: string;
  /** Amount of one occurrence in the rule's unit (e.g. '2000' yuan), inside the rule's range. */
  quantity: string;
  /** Why (shown as evidence), e.g. the award citation. */
  evidence: string;
  /** Where it comes from: 'award' (with awardId) or 'manual'. */
  sourceKind?: 'award' | 'manual';
  awardId?: string | null;
  /** Makes the call idempotent, e.g. `award:<awardId>:<employeeId>`; a second call returns the first entry. */
  idempotencyKey: string;
}

/**
 * Posts one APPROVED ledger entry in the caller's transaction (the decision that called it is its approval): the
 * rule prices it (range, retired rule, evidence; `VALIDATION_FAILED` naming the range otherwise), the accounting
 * month follows the rule's convention, and the idempotency key makes retries safe. Returns the entry id.
 * For the honours module: `await postApprovedEntry(em, { ruleCode: 'group.honorExcellentEmployee', employeeId,
 * occurredOn, quantity: '2000', evidence: citation, sourceKind: 'award', awardId, idempotencyKey: `award:${awardId}:${employeeId}` }, actor)`.
 */
export async function postApprovedEntry(em: EntityManager, input: ApprovedEntryInput, actor: Actor | null): Promise<string> {
  const found = await rows<{ id: string }>(em, sql`select id from ledger_entry where idempotency_key = ${input.idempotencyKey}`);
  if (found[0]) return found[0].id;
  const ruleRow = (await rows<{ document: LedgerRule; revision: number }>(em, sql`select document, revision from ledger_rule where code = ${input.ruleCode}`))[0];
  if (!ruleRow) assertNoProblems([{ field: 'ruleCode', rule: 'ledger_link_unknown', message: `no rule ${input.ruleCode} in the catalog`, params: { code: input.ruleCode } }]);
  const rule = (ruleRow as { document: LedgerRule }).document;
  let convention: AccountingConvention = { monthStartDay: 1 };
  if (rule.accountingMonth && rule.accountingMonth !== CALENDAR_MONTH_CODE) {
    const checked = accountingConventionFor(await loadCalendarYears({ rows: (q) => rows(em, q) }), rule.accountingMonth, Number(input.occurredOn.slice(0, 4)));
    if (!checked.ok) assertNoProblems(problemsWithParams(checked.issues));
    convention = (checked as Extract<typeof checked, { ok: true }>).value;
  }
  const priced = priceLedgerEntry(rule, { ruleCode: rule.code, employeeId: input.employeeId, occurredOn: input.occurredOn, quantity: input.quantity, evidence: input.evidence }, convention);
  if (!priced.ok) assertNoProblems(problemsWithParams(priced.issues));
  const p = (priced as Extract<typeof priced, { ok: true }>).value;
  const written = await rows<{ id: string }>(
    em,
    sql`insert into ledger_entry (id, version, created_at, updated_at, employee_id, department_id, rule_code, rule_revision, kind, component, unit, quantity, count, amount, money, settlement,
          accounting_month, period_key, occurred_on, status, source_kind, award_id, idempotency_key, evidence, attachments, approved_by_user_id, approved_at)
        select gen_random_uuid(), 1, now(), now(), e.id, e.department_id, ${rule.code}, ${(ruleRow as { revision: number }).revision}::int, ${rule.kind}, ${p.component}, ${p.unit}, ${p.quantity}::numeric, ${p.count}::int,
          ${p.amount}::numeric, ${p.money ?? null}::numeric, ${p.settlement}, ${rule.accountingMonth ?? CALENDAR_MONTH_CODE}, ${p.periodKey}, ${input.occurredOn}::date, 'approved', ${input.sourceKind ?? 'award'},
          ${input.awardId ?? null}::uuid, ${input.idempotencyKey}, ${input.evidence.trim()}, '[]'::jsonb, ${actor?.userId ?? null}::uuid, now()
        from employee e where e.id = ${input.employeeId}::uuid
        on conflict (idempotency_key) do nothing returning id`,
  );
  const id = written[0]?.id ?? (await rows<{ id: string }>(em, sql`select id from ledger_entry where idempotency_key = ${input.idempotencyKey}`))[0]?.id;
  if (!id) assertNoProblems([{ field: 'employeeId', rule: 'not_found', message: `no employee ${input.employeeId}`, params: { id: input.employeeId } }]);
  recordAudit(em, auditCtx(actor), { operation: 'postApprovedEntry', entityType: 'LedgerEntry', entityId: id as string, after: { ...input } });
  return id as string;
}
