import { randomUUID } from 'node:crypto';
import {
  type Actor,
  canEnterMeasuredInputs,
  completionLevelsOf,
  type DomainIssue,
  MEASURED_KINDS,
  type MeasuredEntry,
  type MeasuredInputFacts,
  measuredInputAccess,
  measuredInputRowScope,
  type MeasuredKind,
  PAY_FACT_NAMES,
  rowScopeActor,
  type SchemeDefinition,
  type SubjectRelation,
  validateMeasuredEntry,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, type ReadDb, sql, type Sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, notFound } from '../../core/errors.js';
import { type FileImportReport, importFile, type RowProblem } from '../../core/file-import.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import { type SheetColumn, type SheetRow, writeSheet } from '../../core/spreadsheet.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import type { FileDownload } from '../org/employee-export.service.js';
import { problemsWithParams } from './publish.service.js';
import { schemeDocument } from './cycle-data.js';
import { type MeasuredEntryInput, type MeasuredInputImportReport, MeasuredInputKindValue, type MeasuredInputNode, type MeasuredInputsArgs, type MeasuredInputsSavedView, MeasuredResultStatus, type SaveMeasuredInputsInput } from './measured-input.types.js';
import { computeIfComplete } from './rating.service.js';
import { measuredEntriesOf, rowOfEntry } from './measured-input.data.js';

/** Cycle states in which measured inputs are taken (launched, before publication). */
const TAKING_INPUTS = new Set(['open', 'self_review', 'rating', 'calibration', 'hr_review']);
const MAX_ENTRIES = 500;

/** Writes a person's entries of some kinds (replacing what they had of those kinds) and computes their result if it can be. */
async function replaceEntries(
  ctx: RequestContext,
  em: EntityManager,
  target: { cycleId: string; employeeId: string; appraisalId: string; schemeVersionId: string },
  kinds: readonly MeasuredKind[],
  entries: readonly MeasuredEntry[],
  batchId: string | null,
): Promise<{ before: MeasuredEntry[]; status: MeasuredResultStatus }> {
  const connection = em.getConnection();
  const tx = em.getTransactionContext();
  // One writer per person at a time: the appraisal row is the lock (a result computation takes it too).
  await connection.execute('select id from appraisal where id = ? for update', [target.appraisalId], 'all', tx);
  const before = (await measuredEntriesOf((text, params) => connection.execute(text, params, 'all', tx), target.cycleId, target.employeeId)).filter((e) => kinds.includes(e.kind));
  await connection.execute('delete from measured_input where cycle_id = ? and employee_id = ? and kind = any(?::text[])', [target.cycleId, target.employeeId, `{${kinds.join(',')}}`], 'run', tx);
  if (entries.length) {
    const rows = entries.map((e, i) => ({ ...rowOfEntry(e), n: i }));
    await connection.execute(
      `insert into measured_input (id, created_at, updated_at, version, cycle_id, employee_id, kind, item, payload, import_batch_id, entered_by_user_id)
       select gen_random_uuid(), now() + (t.n * interval '1 microsecond'), now(), 1, ?, ?, t.kind, t.item, t.payload, ?, ? from jsonb_to_recordset(?::jsonb) as t(kind text, item text, payload jsonb, n int)`,
      [target.cycleId, target.employeeId, batchId, ctx.actor?.userId ?? null, JSON.stringify(rows)],
      'run',
      tx,
    );
  }
  const status = await computeIfComplete(ctx, em, target.appraisalId, target.schemeVersionId, 'SUBMISSION');
  return { before, status: status as MeasuredResultStatus };
}

// ---- GraphQL input -> entries -------------------------------------------------------------------------------

/** Turns an entry of the GraphQL input into the domain's entry; the fields its kind needs are required. */
function entryOfInput(i: MeasuredEntryInput, at: number, problems: DomainIssue[]): MeasuredEntry | null {
  const need = (field: keyof MeasuredEntryInput): boolean => {
    const v = i[field];
    if (v !== undefined && v !== null && v !== '') return true;
    problems.push({ code: 'required', message: `${String(field)} is required for ${i.kind}`, params: { kind: i.kind }, path: ['entries', at, String(field)] });
    return false;
  };
  const values = (): Record<string, string> | null => {
    const out: Record<string, string> = {};
    for (const [n, v] of (i.values ?? []).entries()) {
      if (Object.hasOwn(out, v.name)) problems.push({ code: 'measured_duplicate_value', message: `${v.name} is given twice`, params: { name: v.name }, path: ['entries', at, 'values', n] });
      out[v.name] = v.value.trim();
    }
    return out;
  };
  switch (i.kind) {
    case MeasuredInputKindValue.ITEM_VALUES:
      return need('item') ? { kind: 'ITEM_VALUES', item: i.item as string, values: values() ?? {} } : null;
    case MeasuredInputKindValue.PAY_FACT:
      return { kind: 'PAY_FACT', values: values() ?? {} };
    case MeasuredInputKindValue.OCCURRENCE: {
      const okItem = need('item');
      const okRule = need('rule');
      const okDate = need('date');
      const okCount = need('count');
      return okItem && okRule && okDate && okCount ? { kind: 'OCCURRENCE', item: i.item as string, rule: i.rule as string, date: i.date as string, count: i.count as number, ...(i.note ? { note: i.note } : {}) } : null;
    }
    case MeasuredInputKindValue.WORK_TICKET: {
      const okTicket = need('ticket');
      const okHours = need('hours');
      const okLevel = need('level');
      return okTicket && okHours && okLevel ? { kind: 'WORK_TICKET', ticket: (i.ticket as string).trim(), hours: (i.hours as string).trim(), level: i.level as string } : null;
    }
  }
}

interface CycleMeta {
  id: string;
  state: string;
  scheme_version_id: string;
  period_start: string;
  period_end: string;
}

async function cycleMeta(db: ReadDb, cycleId: string): Promise<CycleMeta> {
  const row = (await db.rows<CycleMeta>(sql`select id, state, scheme_version_id, period_start::text as period_start, period_end::text as period_end from cycle where id = ${cycleId}`))[0];
  if (!row) throw notFound('Cycle', cycleId);
  return row;
}

function assertTakingInputs(cycle: CycleMeta): void {
  if (!TAKING_INPUTS.has(cycle.state))
    assertNoProblems([{ field: 'cycleId', rule: 'measured_cycle_not_launched', message: `the cycle is ${cycle.state}: measured inputs are taken once it is launched and until publication`, params: { state: cycle.state } }]);
}

/**
 * Saves a person's measured inputs in a cycle (HR, or a supervisor of their line): every entry is checked
 * against the scheme's input definitions (unknown items and inputs, negative or non-numeric values, a survey's
 * satisfied above returned, rules, levels, groups, occurrence days inside the period: VALIDATION_FAILED naming the
 * entry's field and the rule); the entries replace the person's inputs of those kinds, audited; then the
 * person's result is computed when every rating is in (the measured values are part of the engine input).
 */
export async function saveMeasuredInputs(ctx: RequestContext, input: SaveMeasuredInputsInput): Promise<MeasuredInputsSavedView> {
  const actor = requireActor(ctx);
  const cycle = await cycleMeta(ctx.db, input.cycleId);
  const me = actor.employeeId;
  const target = (
    await ctx.db.rows<{ appraisal_id: string; published: boolean; state: string; subject: SubjectRelation }>(
      sql`select a.id as appraisal_id, a.published_at is not null as published, a.state,
                 ${me ? sql`case when a.employee_id = ${me} then 'self' when e.supervisor_path @> array[${me}]::uuid[] then 'line' else 'other' end` : sql`'other'`} as subject
          from appraisal a join employee e on e.id = a.employee_id where a.cycle_id = ${cycle.id} and a.employee_id = ${input.employeeId}`,
    )
  )[0];
  if (!canEnterMeasuredInputs(actor, target?.subject ?? 'other')) throw forbidden('entering measured inputs of this person (HR or a supervisor of their line)');
  assertTakingInputs(cycle);
  if (!target || target.state === 'excluded')
    assertNoProblems([{ field: 'employeeId', rule: 'measured_not_in_cycle', message: 'this person has no appraisal in the cycle', params: { employeeId: input.employeeId } }]);
  if (target?.published) assertNoProblems([{ field: 'employeeId', rule: 'measured_after_publication', message: 'the result is published; measured inputs no longer change' }]);
  if (input.entries.length > MAX_ENTRIES) throw new AppError('BAD_USER_INPUT', `entries: at most ${MAX_ENTRIES}.`, [{ field: 'entries', rule: 'max', message: `at most ${MAX_ENTRIES} entries`, params: { max: MAX_ENTRIES } }]);
  const doc = await schemeDocument(ctx.db, cycle.scheme_version_id);
  const span = { start: cycle.period_start, end: cycle.period_end };
  const issues: DomainIssue[] = [];
  const entries: MeasuredEntry[] = [];
  input.entries.forEach((raw, at) => {
    const entry = entryOfInput(raw, at, issues);
    if (!entry) return;
    issues.push(...validateMeasuredEntry(doc, entry, span).map((i) => ({ ...i, path: ['entries', at, ...i.path] })));
    entries.push(entry);
  });
  const seen = new Map<string, number>();
  entries.forEach((e, at) => {
    if (e.kind !== 'ITEM_VALUES' && e.kind !== 'PAY_FACT') return;
    const key = e.kind === 'ITEM_VALUES' ? `item:${e.item}` : 'pay';
    if (seen.has(key)) issues.push({ code: 'measured_duplicate_value', message: `${e.kind === 'ITEM_VALUES' ? e.item : 'pay facts'} given twice (entries ${seen.get(key)} and ${at})`, params: { name: e.kind === 'ITEM_VALUES' ? e.item : 'PAY_FACT' }, path: ['entries', at] });
    else seen.set(key, at);
  });
  if (issues.length) assertNoProblems(problemsWithParams(issues).map((p) => ({ ...p, field: `input.${p.field}` })));
  const kinds = [...new Set<MeasuredKind>([...input.kinds, ...entries.map((e) => e.kind)])];
  const appraisalId = (target as { appraisal_id: string }).appraisal_id;
  const { status } = await inTransaction(ctx, async (em) => {
    const done = await replaceEntries(ctx, em, { cycleId: cycle.id, employeeId: input.employeeId, appraisalId, schemeVersionId: cycle.scheme_version_id }, kinds, entries, null);
    recordAudit(em, ctx, { operation: 'saveMeasuredInputs', entityType: 'Appraisal', entityId: appraisalId, before: { kinds, entries: done.before }, after: { kinds, entries, result: done.status } });
    await em.flush();
    return done;
  });
  const page = await listMeasuredInputs(ctx, { first: MAX_ENTRIES, filter: { cycleId: cycle.id, employeeId: input.employeeId } } as MeasuredInputsArgs, null);
  return { entries: page.nodes, result: status };
}

// ---- read side ---------------------------------------------------------------------------------------------

const MEASURED_SELECT = sql`m.id, m.version, m.created_at, m.updated_at, m.cycle_id, m.employee_id, m.kind, m.item, m.payload, m.import_batch_id`;
const MEASURED_FROM = sql`measured_input m join employee e on e.id = m.employee_id`;

function factsSql(me: string | null): Sql {
  const subject = me ? sql`case when m.employee_id = ${me} then 'self' when e.supervisor_path @> array[${me}]::uuid[] then 'line' else 'other' end` : sql`'other'`;
  return sql`${subject} as "f_subject"`;
}

function toNode(r: Record<string, unknown>): MeasuredInputNode {
  const payload = (r.payload as Record<string, unknown>) ?? {};
  const kind = r.kind as MeasuredInputKindValue;
  const named = kind === MeasuredInputKindValue.ITEM_VALUES || kind === MeasuredInputKindValue.PAY_FACT;
  const text = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : null);
  return withFacts(
    {
      __typename: 'MeasuredInput' as const,
      id: r.id as string,
      version: r.version as number,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      cycleId: r.cycle_id as string,
      employeeId: r.employee_id as string,
      kind,
      item: (r.item as string | null) ?? null,
      values: named ? Object.entries(payload).map(([name, value]) => ({ name, value: String(value) })) : null,
      rule: kind === MeasuredInputKindValue.OCCURRENCE ? text('rule') : null,
      date: kind === MeasuredInputKindValue.OCCURRENCE ? text('date') : null,
      count: kind === MeasuredInputKindValue.OCCURRENCE && typeof payload.count === 'number' ? payload.count : null,
      note: kind === MeasuredInputKindValue.OCCURRENCE ? text('note') : null,
      ticket: kind === MeasuredInputKindValue.WORK_TICKET ? text('ticket') : null,
      hours: kind === MeasuredInputKindValue.WORK_TICKET ? text('hours') : null,
      level: kind === MeasuredInputKindValue.WORK_TICKET ? text('level') : null,
      importBatchId: (r.import_batch_id as string | null) ?? null,
    },
    { subject: r.f_subject as MeasuredInputFacts['subject'] },
  );
}

function scopeSql(actor: Actor): Sql | null | 'none' {
  const scope = measuredInputRowScope(rowScopeActor(actor, 'MeasuredInput'));
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  return sql`e.supervisor_path @> array[${scope.employeeId}]::uuid[]`;
}

export const measuredInputListing = defineListing({
  query: 'measuredInputs',
  access: measuredInputAccess,
  filters: { cycleId: 'cycle', employeeId: 'employee', kind: 'kind', item: 'item' },
  search: [],
  sorts: {
    EMPLOYEE_NUMBER: { field: 'employee', sql: raw('e.employee_number') },
    KIND: { field: 'kind', sql: raw('m.kind') },
    CREATED_AT: { field: 'createdAt', sql: raw('m.created_at') },
  },
  defaultSort: [{ field: 'EMPLOYEE_NUMBER', direction: SortDirection.ASC }],
  id: raw('m.id'),
});

/** A page of measured inputs in the actor's scope (HR all, supervisors their line): one statement with the facts. */
export async function listMeasuredInputs(ctx: RequestContext, args: MeasuredInputsArgs, info: GraphQLResolveInfo | null): Promise<Page<MeasuredInputNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, measuredInputListing, args);
  const scope = scopeSql(actor);
  if (scope === 'none') return Page.empty();
  const where: Sql[] = scope ? [scope] : [];
  const f = args.filter;
  if (f?.cycleId) where.push(sql`m.cycle_id = ${f.cycleId}`);
  if (f?.employeeId) where.push(sql`m.employee_id = ${f.employeeId}`);
  if (f?.kind) where.push(sql`m.kind = ${f.kind}`);
  if (f?.item) where.push(sql`m.item = ${f.item}`);
  return fetchPage(ctx.db, { select: sql`${MEASURED_SELECT}, ${factsSql(actor.employeeId)}`, from: MEASURED_FROM, where }, checked, info ? selectedHere(info).has('totalCount') : false, toNode);
}

// ---- sheets: import with dry run, template ------------------------------------------------------------------

type Column = 'employeeNumber' | 'employeeName' | 'kind' | 'item' | 'input' | 'value' | 'date' | 'level' | 'note';

const KIND_CHOICES = [
  { code: 'ITEM_VALUES', en: 'Item values', zh: '测量值' },
  { code: 'OCCURRENCE', en: 'Occurrence', zh: '扣分记录' },
  { code: 'WORK_TICKET', en: 'Work ticket', zh: '工票' },
  { code: 'PAY_FACT', en: 'Pay fact', zh: '工资依据' },
] as const;

/** The measured-input sheet: one row per value. `input` is the value's name (ITEM_VALUES, PAY_FACT), the deduction rule (OCCURRENCE) or the ticket number (WORK_TICKET); `value` the value, the count or the ticket's man-hours. */
export const MEASURED_COLUMNS: ReadonlyArray<SheetColumn<Column>> = [
  { key: 'employeeNumber', label: 'Employee number', labelZh: '工号', width: 16 },
  { key: 'employeeName', label: 'Name', labelZh: '姓名', width: 16 },
  { key: 'kind', label: 'Kind', labelZh: '类型', choices: KIND_CHOICES, width: 14 },
  { key: 'item', label: 'Item', labelZh: '项目', width: 22 },
  { key: 'input', label: 'Input', labelZh: '输入项', width: 18 },
  { key: 'value', label: 'Value', labelZh: '数值', width: 12 },
  { key: 'date', label: 'Date', labelZh: '日期', width: 12 },
  { key: 'level', label: 'Completion level', labelZh: '完成等级', width: 16 },
  { key: 'note', label: 'Note', labelZh: '备注', width: 30 },
];

interface PlannedPerson {
  employeeId: string;
  appraisalId: string;
  kinds: Set<MeasuredKind>;
  entries: MeasuredEntry[];
}

/** Reads the sheet's rows into people's entries, checks each against the scheme, reports problems by row. */
async function planImport(db: ReadDb, cycle: CycleMeta, doc: SchemeDefinition, rows: Array<SheetRow<Column>>): Promise<{ plan: PlannedPerson[]; errors: RowProblem[] }> {
  const errors: RowProblem[] = [];
  const fail = (row: number, field: string | null, code: string, message: string, params?: RowProblem['params']) => errors.push({ row, field, code, message, ...(params ? { params } : {}) });
  const people = new Map(
    (
      await db.rows<{ employee_number: string; employee_id: string; appraisal_id: string; state: string; published: boolean }>(
        sql`select e.employee_number, a.employee_id, a.id as appraisal_id, a.state, a.published_at is not null as published from appraisal a join employee e on e.id = a.employee_id where a.cycle_id = ${cycle.id}`,
      )
    ).map((p) => [p.employee_number, p]),
  );
  const span = { start: cycle.period_start, end: cycle.period_end };
  const plan = new Map<string, PlannedPerson>();
  // Values of one item (or one person's pay facts) come on several rows and make one entry: remember each value's row.
  const merged = new Map<string, { person: PlannedPerson; entry: { kind: 'ITEM_VALUES' | 'PAY_FACT'; item?: string; values: Record<string, string> }; rowOf: Map<string, number>; firstRow: number }>();
  const single: Array<{ person: PlannedPerson; entry: MeasuredEntry; row: number }> = [];
  for (const { row, values: v } of rows) {
    const number = v.employeeNumber ?? '';
    const p = people.get(number);
    if (!number) {
      fail(row, 'employeeNumber', 'required', 'employeeNumber is required');
      continue;
    }
    if (!p || p.state === 'excluded') {
      fail(row, 'employeeNumber', 'measured_not_in_cycle', `${number} has no appraisal in the cycle`);
      continue;
    }
    if (p.published) {
      fail(row, 'employeeNumber', 'measured_after_publication', `the result of ${number} is published; measured inputs no longer change`);
      continue;
    }
    const kind = v.kind ?? '';
    if (!(MEASURED_KINDS as readonly string[]).includes(kind)) {
      fail(row, 'kind', kind ? 'measured_kind_unknown' : 'required', kind ? `"${kind}" is not a kind of measured input (${MEASURED_KINDS.join(', ')})` : 'kind is required', kind ? { value: kind, kinds: MEASURED_KINDS.join(', ') } : undefined);
      continue;
    }
    const person = plan.get(p.employee_id) ?? { employeeId: p.employee_id, appraisalId: p.appraisal_id, kinds: new Set<MeasuredKind>(), entries: [] };
    plan.set(p.employee_id, person);
    person.kinds.add(kind as MeasuredKind);
    const required = (...fields: Column[]): boolean => {
      const missing = fields.filter((f) => !v[f]);
      for (const f of missing) fail(row, f, 'required', `${f} is required for ${kind}`);
      return missing.length === 0;
    };
    if (kind === 'ITEM_VALUES' || kind === 'PAY_FACT') {
      if (!required(...(kind === 'ITEM_VALUES' ? (['item', 'input', 'value'] as Column[]) : (['input', 'value'] as Column[])))) continue;
      const key = `${p.employee_id}|${kind}|${kind === 'ITEM_VALUES' ? v.item : ''}`;
      const m = merged.get(key) ?? { person, entry: { kind, ...(kind === 'ITEM_VALUES' ? { item: v.item as string } : {}), values: {} }, rowOf: new Map<string, number>(), firstRow: row };
      merged.set(key, m);
      const name = v.input as string;
      if (m.rowOf.has(name)) {
        fail(row, 'input', 'measured_duplicate_in_file', `${name} of ${number} also appears in row ${m.rowOf.get(name)}`, { other: m.rowOf.get(name) ?? 0 });
        continue;
      }
      m.rowOf.set(name, row);
      m.entry.values[name] = v.value as string;
    } else if (kind === 'OCCURRENCE') {
      if (!required('item', 'input', 'date', 'value')) continue;
      const count = /^\d+$/.test(v.value as string) ? Number(v.value) : Number.NaN;
      single.push({ person, row, entry: { kind, item: v.item as string, rule: v.input as string, date: v.date as string, count, ...(v.note ? { note: v.note } : {}) } });
    } else {
      if (!required('input', 'value', 'level')) continue;
      single.push({ person, row, entry: { kind: 'WORK_TICKET', ticket: v.input as string, hours: v.value as string, level: v.level as string } });
    }
  }
  // The sheet's column for an issue's path in the entry.
  const columnOf = (path: ReadonlyArray<string | number>, kind: MeasuredKind): Column => {
    const head = String(path[0] ?? '');
    if (head === 'values') return path.length > 1 ? 'value' : 'input';
    if (head === 'item') return 'item';
    if (head === 'rule' || head === 'ticket') return 'input';
    if (head === 'count' || head === 'hours') return 'value';
    if (head === 'date' || head === 'level') return head;
    return kind === 'OCCURRENCE' || kind === 'WORK_TICKET' ? 'value' : 'input';
  };
  for (const m of merged.values()) {
    const entry = m.entry.kind === 'ITEM_VALUES' ? { kind: 'ITEM_VALUES' as const, item: m.entry.item as string, values: m.entry.values } : { kind: 'PAY_FACT' as const, values: m.entry.values };
    for (const i of validateMeasuredEntry(doc, entry, span)) {
      const name = i.path[0] === 'values' ? String(i.path[1] ?? '') : '';
      fail(m.rowOf.get(name) ?? m.firstRow, columnOf(i.path, entry.kind), i.code, i.message, i.params);
    }
    m.person.entries.push(entry);
  }
  for (const s of single) {
    for (const i of validateMeasuredEntry(doc, s.entry, span)) fail(s.row, columnOf(i.path, s.entry.kind), i.code, i.message, i.params);
    s.person.entries.push(s.entry);
  }
  errors.sort((a, b) => a.row - b.row);
  return { plan: [...plan.values()], errors };
}

/**
 * Imports a measured-input sheet for a cycle (HR): a dry run reports every problem by row and column; applying
 * writes every row or none, replacing each person's inputs of the kinds the file holds for them (audited per
 * person and for the import), then computes the results the new inputs complete.
 */
export async function importMeasuredInputs(ctx: RequestContext, input: { cycleId: string; fileName: string; contentBase64: string; dryRun: boolean }): Promise<MeasuredInputImportReport> {
  const cycle = await cycleMeta(ctx.db, input.cycleId);
  assertTakingInputs(cycle);
  const doc = await schemeDocument(ctx.db, cycle.scheme_version_id);
  let results = 0;
  const report: FileImportReport = await importFile(ctx, input, {
    columns: MEASURED_COLUMNS,
    requiredColumn: 'employeeNumber',
    audit: { operation: 'importMeasuredInputs', entityType: 'MeasuredInputImport' },
    plan: async (_em, rows) => planImport(ctx.db, cycle, doc, rows),
    apply: async (c, em, plan: PlannedPerson[]) => {
      const batchId = randomUUID();
      let created = 0;
      for (const p of plan) {
        const done = await replaceEntries(c, em, { cycleId: cycle.id, employeeId: p.employeeId, appraisalId: p.appraisalId, schemeVersionId: cycle.scheme_version_id }, [...p.kinds], p.entries, batchId);
        created += p.entries.length;
        if (done.status === MeasuredResultStatus.COMPUTED) results++;
        recordAudit(em, c, { operation: 'importMeasuredInputs', entityType: 'Appraisal', entityId: p.appraisalId, before: { kinds: [...p.kinds], entries: done.before }, after: { kinds: [...p.kinds], entries: p.entries, result: done.status, importBatchId: batchId } });
      }
      await em.flush();
      return { created, updated: plan.length };
    },
  });
  return { ...report, results };
}

/**
 * The sheet to fill in for a cycle (HR): the columns import reads and, per participant, one row per value the
 * scheme measures (each formula item's inputs; the output-pay group when pay is split by group; man-hours when
 * pay weighs them without tickets). Occurrences and tickets are added as rows of their own.
 */
export async function measuredInputTemplate(ctx: RequestContext, cycleId: string): Promise<FileDownload> {
  const cycle = await cycleMeta(ctx.db, cycleId);
  const doc = await schemeDocument(ctx.db, cycle.scheme_version_id);
  const people = await ctx.db.rows<{ employee_number: string; name: string }>(
    sql`select e.employee_number, e.name from appraisal a join employee e on e.id = a.employee_id where a.cycle_id = ${cycleId} and a.state <> 'excluded' order by e.employee_number`,
  );
  const formulaInputs = doc.sections.flatMap((s) => s.items.flatMap((i) => (i.method.kind === 'formula' ? i.method.inputs.map((name) => ({ item: i.id, name })) : [])));
  const output = doc.pay.find((p) => p.rule.kind === 'poolSplit' && (p.groups?.length ?? 0) > 0);
  const facts: string[] = [...(output ? ['groupId'] : []), ...(output && !completionLevelsOf(doc) ? ['manHours'] : [])].filter((n) => (PAY_FACT_NAMES as readonly string[]).includes(n));
  const blank = { date: '', level: '', note: '', value: '' };
  const rows: Array<Record<Column, string>> = people.flatMap((p) => [
    ...formulaInputs.map((f) => ({ ...blank, employeeNumber: p.employee_number, employeeName: p.name, kind: 'ITEM_VALUES', item: f.item, input: f.name })),
    ...facts.map((name) => ({ ...blank, employeeNumber: p.employee_number, employeeName: p.name, kind: 'PAY_FACT', item: '', input: name })),
  ]);
  const buffer = await writeSheet('Measured inputs', MEASURED_COLUMNS, rows);
  return { fileName: `measured-inputs-${cycleId.slice(0, 8)}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: buffer.toString('base64') };
}
