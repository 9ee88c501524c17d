import { type ArchiveEvent, type ArchiveFacts, composeArchive, explainPublished, type PublishedResult, type SchemeDefinition } from '@appraisal/domain';
import { withFacts } from '../../core/access.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, type ReadDb, sql } from '../../core/db.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { ArchiveEventView, ArchiveKindValue, EmployeeArchiveView } from './archive.types.js';

interface EventRow {
  kind: ArchiveEvent['kind'];
  date: string;
  id: string;
  title: { en: string; zh: string };
  period_key: string | null;
  scheme_version_id: string | null;
  scheme_version: number | null;
  result_number: number | null;
  total: string | null;
  grade: string | null;
  money: string | null;
  amount: string | null;
  unit: string | null;
  outcome: string | null;
  related_id: string | null;
  record: PublishedResult | null;
  inputs: Record<string, unknown> | null;
}

const day = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date::text`;

/**
 * Every source of a person's archive in ONE statement (a union over the immutable records, each read by its
 * employee index): published result versions with their scheme version, inputs and trace; acknowledgements;
 * appeals; approved or paid ledger entries (reversals included); awards; probation decisions; policy
 * acknowledgements. The explanation needs the scheme versions' names: one more statement for all of them.
 */
export async function archiveEvents(db: ReadDb, employeeId: string): Promise<EventRow[]> {
  const e = employeeId;
  return db.rows<EventRow>(sql`
    select 'appraisal' as kind, ${raw(day('pr.created_at'))} as date, pr.id, jsonb_build_object('en', c.name, 'zh', coalesce(c.name_zh, c.name)) as title,
           c.period_key::text as period_key, c.scheme_version_id, sv.number::int as scheme_version, ar.number::int as result_number, pr.record->>'total' as total,
           pr.grade::text as grade, pr.pay_total::text as money, null::text as amount, null::text as unit, c.state::text as outcome, a.id as related_id,
           pr.record as record, ar.record->'input' as inputs
      from published_result pr join appraisal a on a.id = pr.appraisal_id join cycle c on c.id = pr.cycle_id
      join appraisal_result ar on ar.id = pr.result_id join scheme_version sv on sv.id = c.scheme_version_id
     where a.employee_id = ${e}::uuid
    union all
    select 'acknowledgement', ${raw(day('coalesce(a.acknowledged_at, a.refused_at, a.lapsed_at)'))}, a.id, jsonb_build_object('en', c.name, 'zh', coalesce(c.name_zh, c.name)),
           c.period_key::text, null::uuid, null::int, null::int, null, null, null, null, null,
           case when a.acknowledged_at is not null then 'acknowledged' when a.refused_at is not null then 'refused' else 'lapsed' end, a.id, null::jsonb, null::jsonb
      from appraisal a join cycle c on c.id = a.cycle_id
     where a.employee_id = ${e}::uuid and coalesce(a.acknowledged_at, a.refused_at, a.lapsed_at) is not null
    union all
    select 'appeal', ap.filed_on::text, ap.id,
           case when c.id is null then jsonb_build_object('en', 'Ledger entry', 'zh', '奖惩记录') else jsonb_build_object('en', c.name, 'zh', coalesce(c.name_zh, c.name)) end,
           c.period_key::text, null::uuid, null::int, null::int, null, null, null, null, null,
           ap.state::text || coalesce(':' || ap.outcome, ''), coalesce(ap.appraisal_id, ap.ledger_entry_id), null::jsonb, null::jsonb
      from appeal ap left join appraisal a on a.id = ap.appraisal_id left join cycle c on c.id = a.cycle_id
     where ap.appellant_employee_id = ${e}::uuid
    union all
    select 'ledgerEntry', le.occurred_on::text, le.id, jsonb_build_object('en', coalesce(le.rule_code, le.component), 'zh', coalesce(le.rule_code, le.component)),
           le.period_key::text, null::uuid, null::int, le.result_number::int, null, null, le.money::text, le.amount::text, le.unit::text, le.status::text, le.reverses_id, null::jsonb, null::jsonb
      from ledger_entry le
     where le.employee_id = ${e}::uuid and le.status in ('approved', 'paid')
    union all
    select 'honor', ${raw(day('aw.announced_at'))}, aw.id, aw.title, null, null::uuid, null::int, null::int, null, null, null, null, null, null, aw.program_id, null::jsonb, null::jsonb
      from award aw
     where aw.recipient_employee_id = ${e}::uuid
    union all
    select 'probation', ${raw(day('pv.decided_at'))}, pv.id, jsonb_build_object('en', 'Probation ' || pv.probation_end_date::text, 'zh', '试用期 ' || pv.probation_end_date::text),
           null, null::uuid, null::int, null::int, null, null, null, null, null,
           case pv.state when 'confirmed' then 'confirmed' when 'extended' then 'extended' else 'terminated' end, pv.appraisal_id, null::jsonb, null::jsonb
      from probation_review pv
     where pv.employee_id = ${e}::uuid and pv.state in ('confirmed', 'extended', 'terminated') and pv.decided_at is not null
    union all
    select 'policyAcknowledgement', ${raw(day('pa.acknowledged_at'))}, pa.policy_version_id, v.title, null, null::uuid, v.number::int, null::int, null, null, null, null, null, null, v.policy_id, null::jsonb, null::jsonb
      from policy_acknowledgement pa join policy_version v on v.id = pa.policy_version_id
     where pa.employee_id = ${e}::uuid`);
}

/** The scheme documents of the given versions, in one statement (also when there are none: the count stays the same whatever the history). */
async function schemeDocuments(db: ReadDb, ids: readonly string[]): Promise<Map<string, SchemeDefinition>> {
  const rows = await db.rows<{ id: string; document: SchemeDefinition }>(sql`select id, document from scheme_version where id = any(${[...ids]}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.document]));
}

/** The archive's events in time order (domain `composeArchive`), with explanations in `lang`: two statements whatever the history's length. */
export async function composedArchive(db: ReadDb, employeeId: string, lang: 'en' | 'zh', range: { from?: string | null; to?: string | null } = {}): Promise<ArchiveEventView[]> {
  const rows = await archiveEvents(db, employeeId);
  const docs = await schemeDocuments(db, [...new Set(rows.map((r) => r.scheme_version_id).filter((v): v is string => !!v))]);
  const byKey = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
  // composeArchive orders by date, then kind, then id; it reads only those fields.
  const ordered = composeArchive([rows.map((r) => ({ kind: r.kind, date: r.date, id: r.id }) as ArchiveEvent)], { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
  return ordered.map((o) => {
    const r = byKey.get(`${o.kind}:${o.id}`) as EventRow;
    const doc = r.scheme_version_id ? docs.get(r.scheme_version_id) : undefined;
    return {
      kind: r.kind as ArchiveKindValue,
      date: r.date,
      id: r.id,
      title: r.title,
      periodKey: r.period_key,
      schemeVersionId: r.scheme_version_id,
      schemeVersion: r.scheme_version,
      resultNumber: r.result_number,
      total: r.total,
      grade: r.grade,
      money: r.money,
      amount: r.amount,
      unit: r.unit,
      outcome: r.outcome,
      relatedId: r.related_id,
      explanation: r.record && doc ? explainPublished(r.record, lang, doc) : [],
      inputs: r.inputs,
    };
  });
}

/**
 * A person's archive for the caller: HR anyone's, a person their own (domain `archiveAccess`); anyone else
 * FORBIDDEN for an existing person (the archive holds pay), NOT_FOUND for an unknown id.
 */
export async function employeeArchive(ctx: RequestContext, employeeId: string, lang: 'en' | 'zh', range: { from?: string | null; to?: string | null }): Promise<EmployeeArchiveView> {
  const actor = requireActor(ctx);
  const exists = await ctx.db.rows<{ id: string }>(sql`select id from employee where id = ${employeeId}::uuid`);
  if (!exists.length) throw notFound('Employee', employeeId);
  const self = actor.employeeId === employeeId;
  const facts: ArchiveFacts = { subject: self ? 'self' : 'other' };
  if (!actor.roles.includes('HR') && !self) throw forbidden('this archive: HR and the person themself read it');
  return withFacts({ __typename: 'Archive' as const, employeeId, events: await composedArchive(ctx.db, employeeId, lang, range) }, facts);
}
