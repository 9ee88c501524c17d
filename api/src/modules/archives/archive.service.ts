import { canManageArchives, checkRetention, type PurgeCandidate, purgePlan, type RetentionSetting } from '@appraisal/domain';
import { createHash } from 'node:crypto';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { type SheetColumn, writeSheet } from '../../core/spreadsheet.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { problemsWithParams } from '../cycles/publish.service.js';
import type { FileDownload } from '../org/employee-export.service.js';
import { composedArchive } from './archive.read.js';
import type { ArchivePurgePlanView, ArchiveRetentionInput, ArchiveRetentionView } from './archive.types.js';

function requireManager(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!canManageArchives(actor)) throw forbidden('managing archives');
  return actor;
}

/** The retention setting (one row, written by the migration). */
export async function archiveRetention(ctx: RequestContext): Promise<ArchiveRetentionView> {
  requireManager(ctx);
  const rows = await ctx.db.rows<{ retention: RetentionSetting; version: number }>(sql`select retention, version from archive_setting order by created_at limit 1`);
  const r = rows[0];
  return { years: r?.retention.years ?? 10, byKind: (r?.retention.byKind ?? {}) as Record<string, number>, version: r?.version ?? 1 };
}

const KINDS = ['appraisal', 'acknowledgement', 'appeal', 'ledgerEntry', 'honor', 'probation', 'policyAcknowledgement'];

/** HR sets how many years archives are kept (domain `checkRetention`; audited; stale version: CONFLICT). */
export async function saveArchiveRetention(ctx: RequestContext, input: ArchiveRetentionInput, version: number): Promise<ArchiveRetentionView> {
  requireManager(ctx);
  const byKind = Object.fromEntries(Object.entries(input.byKind ?? {}).filter(([k]) => KINDS.includes(k))) as Record<string, number>;
  const unknown = Object.keys(input.byKind ?? {}).filter((k) => !KINDS.includes(k));
  if (unknown.length) assertNoProblems(unknown.map((k) => ({ field: `input.byKind.${k}`, rule: 'retention_kind_unknown', message: `no archive kind ${k}`, params: { kind: k } })));
  const retention: RetentionSetting = { years: input.years, byKind };
  const issues = checkRetention(retention);
  if (issues.length) assertNoProblems(problemsWithParams(issues).map((p) => ({ ...p, field: `input.${p.field}` })));
  await inTransaction(ctx, async (em) => {
    const before = await em.getConnection().execute<Array<{ retention: unknown }>>('select retention from archive_setting order by created_at limit 1', [], 'all', em.getTransactionContext());
    const done = await em
      .getConnection()
      .execute<Array<{ id: string }>>('update archive_setting set retention = ?::jsonb, version = version + 1, updated_at = now() where version = ? returning id', [JSON.stringify(retention), version], 'all', em.getTransactionContext());
    if (!done.length) throw staleRecord();
    recordAudit(em, ctx, { operation: 'saveArchiveRetention', entityType: 'ArchiveSetting', entityId: done[0]?.id ?? 'retention', before: { retention: before[0]?.retention ?? null }, after: { retention } });
    await em.flush();
  });
  return archiveRetention(ctx);
}

type Col = 'date' | 'kind' | 'title' | 'period' | 'scheme' | 'result' | 'total' | 'grade' | 'money' | 'amount' | 'unit' | 'outcome' | 'explanation' | 'id';
const COLUMNS: ReadonlyArray<SheetColumn<Col>> = [
  { key: 'date', label: 'Date / 日期', width: 12 },
  { key: 'kind', label: 'Kind / 类别', width: 18 },
  { key: 'title', label: 'Title / 名称', width: 36 },
  { key: 'period', label: 'Period / 期间', width: 10 },
  { key: 'scheme', label: 'Scheme version / 方案版本', width: 10 },
  { key: 'result', label: 'Result version / 结果版本', width: 10 },
  { key: 'total', label: 'Total / 总分', width: 10 },
  { key: 'grade', label: 'Grade / 等级', width: 12 },
  { key: 'money', label: 'Money / 金额', width: 12 },
  { key: 'amount', label: 'Amount / 数量', width: 10 },
  { key: 'unit', label: 'Unit / 单位', width: 8 },
  { key: 'outcome', label: 'Outcome / 结果', width: 18 },
  { key: 'explanation', label: 'Explanation / 说明', width: 80 },
  { key: 'id', label: 'Record / 记录', width: 38 },
] as SheetColumn<Col>[];

/**
 * HR exports a person's archive as an .xlsx (one row per event, both languages in the titles, the explanation in
 * Chinese and English) and records the export (its hash, the day it covers) — the precondition of purging.
 */
export async function exportArchive(ctx: RequestContext, employeeId: string): Promise<FileDownload> {
  const actor = requireManager(ctx);
  const person = await ctx.db.rows<{ employee_number: string; name: string }>(sql`select employee_number, name from employee where id = ${employeeId}::uuid`);
  if (!person[0]) throw notFound('Employee', employeeId);
  const [en, zh] = await Promise.all([composedArchive(ctx.db, employeeId, 'en'), composedArchive(ctx.db, employeeId, 'zh')]);
  const rows = en.map((e, i) => ({
    date: e.date,
    kind: e.kind,
    title: `${e.title.en} / ${e.title.zh}`,
    period: e.periodKey ?? '',
    scheme: e.schemeVersion?.toString() ?? '',
    result: e.resultNumber?.toString() ?? '',
    total: e.total ?? '',
    grade: e.grade ?? '',
    money: e.money ?? '',
    amount: e.amount ?? '',
    unit: e.unit ?? '',
    outcome: e.outcome ?? '',
    explanation: [...(zh[i]?.explanation ?? []), ...e.explanation].join('\n'),
    id: e.id,
  }));
  const buffer = await writeSheet<Col>('Archive', COLUMNS, rows);
  const sha = createHash('sha256').update(buffer).digest('hex');
  const today = ctx.clock.today();
  const fileName = `archive-${person[0].employee_number}-${today}.xlsx`;
  await inTransaction(ctx, async (em) => {
    const made = await em
      .getConnection()
      .execute<Array<{ id: string }>>(
        `insert into archive_export (id, created_at, updated_at, employee_id, up_to, file_sha256, format, events, exported_by_user_id) values (gen_random_uuid(), now(), now(), ?, ?::date, ?, 'xlsx', ?, ?) returning id`,
        [employeeId, today, sha, rows.length, actor.userId],
        'all',
        em.getTransactionContext(),
      );
    recordAudit(em, ctx, { operation: 'exportArchive', entityType: 'Employee', entityId: employeeId, after: { exportId: made[0]?.id, fileName, events: rows.length, sha256: sha, upTo: today } });
    await em.flush();
  });
  return { fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: buffer.toString('base64') };
}

/** The records a purge considers (closed appraisals, closed or withdrawn appeals, approved / rejected / withdrawn ledger entries) with the person's last export. */
async function candidates(ctx: RequestContext): Promise<{ records: PurgeCandidate[]; lastExport: Map<string, string>; retention: RetentionSetting; links: Map<string, string[]> }> {
  const rows = await ctx.db.rows<{ id: string; kind: 'appraisal' | 'appeal' | 'ledgerEntry'; employee_id: string; date: string; held: boolean; links: string[] | null }>(sql`
    select a.id, 'appraisal' as kind, a.employee_id, c.period_end::text as date, exists (select 1 from probation_review p where p.appraisal_id = a.id) as held,
           (select array_agg(ap.id) from appeal ap where ap.appraisal_id = a.id) as links
      from appraisal a join cycle c on c.id = a.cycle_id where c.state = 'closed'
    union all
    select ap.id, 'appeal', ap.appellant_employee_id, ap.filed_on::text, ap.state not in ('closed', 'withdrawn'), null from appeal ap
    union all
    select le.id, 'ledgerEntry', le.employee_id, le.occurred_on::text,
           le.status not in ('approved', 'rejected', 'withdrawn') or exists (select 1 from payout_batch_entry b where b.entry_id = le.id),
           (select array_agg(o.id) from ledger_entry o where o.reverses_id = le.id or o.corrects_id = le.id) || (select array_agg(ap.id) from appeal ap where ap.ledger_entry_id = le.id)
      from ledger_entry le`);
  const exports = await ctx.db.rows<{ employee_id: string; up_to: string }>(sql`select employee_id, max(up_to)::text as up_to from archive_export group by employee_id`);
  const setting = await ctx.db.rows<{ retention: RetentionSetting }>(sql`select retention from archive_setting order by created_at limit 1`);
  return {
    records: rows.map((r) => ({ id: r.id, kind: r.kind, employeeId: r.employee_id, date: r.date, held: r.held })),
    lastExport: new Map(exports.map((e) => [e.employee_id, e.up_to])),
    retention: setting[0]?.retention ?? { years: 10 },
    links: new Map(rows.filter((r) => r.links?.length).map((r) => [r.id, r.links as string[]])),
  };
}

/**
 * The domain's purgePlan over the candidates, then one rule it cannot see: a record goes only together with the
 * records that point at it (an appraisal with its appeals, an entry with its reversals and appeals), so the
 * database's foreign keys never break. Today is the database's day: the purge function re-checks with it.
 */
async function plan(ctx: RequestContext): Promise<{ purge: Map<string, PurgeCandidate['kind']>; keep: Record<string, number>; retention: RetentionSetting }> {
  const c = await candidates(ctx);
  const today = (await ctx.db.rows<{ d: string }>(sql`select current_date::text as d`))[0]?.d ?? ctx.clock.today();
  const planned = purgePlan(c.records, c.retention, today, c.lastExport);
  const kindOf = new Map(c.records.map((r) => [r.id, r.kind]));
  const purge = new Set(planned.purge);
  const keep: Record<string, number> = {};
  for (const k of planned.keep) keep[k.reason] = (keep[k.reason] ?? 0) + 1;
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of [...purge])
      if ((c.links.get(id) ?? []).some((linked) => !purge.has(linked))) {
        purge.delete(id);
        keep.held = (keep.held ?? 0) + 1;
        changed = true;
      }
  }
  return { purge: new Map([...purge].map((id) => [id, kindOf.get(id) as PurgeCandidate['kind']])), keep, retention: c.retention };
}

function countsOf(purge: Map<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of purge.values()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** What a purge would remove today and why the rest stays (HR; nothing changes). */
export async function archivePurgePlan(ctx: RequestContext): Promise<ArchivePurgePlanView> {
  requireManager(ctx);
  const p = await plan(ctx);
  return { purge: countsOf(p.purge), keep: p.keep };
}

/**
 * HR purges what is past retention and exported (never automatic). The deletion runs in the database function
 * `archive_purge`, the only path around the immutability triggers: it re-checks every id and writes the
 * `archive_purge` row and the audit entry in the same transaction. Returns the counts per kind.
 */
export async function purgeArchives(ctx: RequestContext): Promise<ArchivePurgePlanView> {
  const actor = requireManager(ctx);
  const p = await plan(ctx);
  const ids = (kind: string) => [...p.purge].filter(([, k]) => k === kind).map(([id]) => id);
  if (!p.purge.size) assertNoProblems([{ field: 'input', rule: 'archive_purge_nothing', message: 'nothing is due for purging' }]);
  const counts = await inTransaction(ctx, async (em) => {
    const done = await em
      .getConnection()
      .execute<Array<{ counts: Record<string, number> }>>(
        'select archive_purge(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid, ?) as counts',
        [`{${ids('appraisal').join(',')}}`, `{${ids('appeal').join(',')}}`, `{${ids('ledgerEntry').join(',')}}`, actor.userId, ctx.requestId],
        'all',
        em.getTransactionContext(),
      );
    return done[0]?.counts ?? {};
  });
  return { purge: counts, keep: p.keep };
}
