import {
  type Actor,
  canManageCycles,
  type ChildResult,
  computeRollup,
  type DomainIssue,
  explain,
  type ExplainLanguage,
  type RollupFacts,
  type RollupRecord,
  rollupAccess,
  rollupForKind,
  rollupRowScope,
  rollupSources,
  type TraceStep,
} from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, sql, type Sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, notFound } from '../../core/errors.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { sameJson } from '../../core/json.js';
import { selectedHere } from '../../core/selection.js';
import type { JobDefinition } from '../../core/jobs.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { schemeDocument } from './cycle-data.js';
import { problemsWithParams } from './publish.service.js';
import type { RollupComputationView, RollupResultNode, RollupResultsArgs } from './rollup.types.js';

/**
 * Computes the roll-up of a published cycle's period for each of its employees (HR): the scheme's roll-up for the
 * cycle's kind (`rollupForKind`), its child periods (`rollupSources`), the child results read in SQL (own =
 * published totals of the scheme's published or closed cycles; result = the latest roll-up of that period), then
 * `computeRollup`. A missing child is refused (`rollup_child_missing`, naming the employee and period) unless the
 * scheme states a policy; nothing is written unless every employee computes. Unchanged inputs are skipped, changed
 * ones get the next number (append-only). One audit entry per run.
 */
export async function computeRollups(ctx: RequestContext, cycleId: string): Promise<RollupComputationView> {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('computing roll-ups');
  return computeCycleRollups(ctx, cycleId);
}

/** `computeRollups` without the HR check: for the `rollup.compute` job (no actor) and HR's mutation. */
async function computeCycleRollups(ctx: RequestContext, cycleId: string): Promise<RollupComputationView> {
  const rows = await ctx.db.rows<{ scheme_id: string; scheme_version_id: string; period_kind: string; period_key: string; state: string }>(
    sql`select scheme_id, scheme_version_id, period_kind, period_key, state from cycle where id = ${cycleId}`,
  );
  const cycle = rows[0];
  if (!cycle) throw notFound('Cycle', cycleId);
  if (cycle.state !== 'published' && cycle.state !== 'closed')
    throw new AppError('VALIDATION_FAILED', `The cycle is ${cycle.state}: roll-ups are computed from published results.`, [
      { field: 'cycleId', rule: 'rollup_cycle_not_published', message: `the cycle is ${cycle.state}`, params: { state: cycle.state } },
    ]);
  const doc = await schemeDocument(ctx.db, cycle.scheme_version_id);
  const kind = cycle.period_kind.toLowerCase();
  const rollup = rollupForKind(doc, kind);
  if (!rollup)
    throw new AppError('VALIDATION_FAILED', `The scheme rolls nothing up for ${kind} cycles.`, [{ field: 'cycleId', rule: 'rollup_period_kind', message: `no roll-up for ${kind} periods`, params: { rollup: '', period: cycle.period_key } }]);
  const sources = rollupSources(doc, rollup.id, cycle.period_key);
  if (!sources.ok) assertNoProblems(problemsWithParams(sources.issues));
  const keys = (sources.ok ? sources.value : []).map((s) => s.periodKey);
  const people = await ctx.db.rows<{ employee_id: string; employee_number: string }>(
    sql`select a.employee_id, e.employee_number from appraisal a join employee e on e.id = a.employee_id where a.cycle_id = ${cycleId} and a.published_at is not null order by e.employee_number`,
  );
  const ids = people.map((p) => p.employee_id);
  const [own, results, previous] = await Promise.all([
    ctx.db.rows<{ employee_id: string; period_key: string; total: string }>(
      sql`select a.employee_id, c.period_key, trim_scale(p.total)::text as total
          from appraisal a join cycle c on c.id = a.cycle_id join published_result p on p.appraisal_id = a.id and p.result_id = a.result_id
          where c.scheme_id = ${cycle.scheme_id} and c.period_key = any(${keys}::text[]) and c.state in ('published', 'closed') and a.employee_id = any(${ids}::uuid[])`,
    ),
    ctx.db.rows<{ employee_id: string; period_key: string; value: string }>(
      sql`select distinct on (employee_id, period_key) employee_id, period_key, trim_scale(value)::text as value from rollup_result
          where scheme_id = ${cycle.scheme_id} and period_key = any(${keys}::text[]) and employee_id = any(${ids}::uuid[]) order by employee_id, period_key, number desc`,
    ),
    ctx.db.rows<{ employee_id: string; number: number; inputs: unknown }>(
      sql`select distinct on (employee_id) employee_id, number, record->'inputs' as inputs from rollup_result
          where scheme_id = ${cycle.scheme_id} and rollup_id = ${rollup.id} and period_key = ${cycle.period_key} order by employee_id, number desc`,
    ),
  ]);
  const children = new Map<string, Map<string, ChildResult>>(ids.map((id) => [id, new Map()]));
  const child = (e: string, k: string): ChildResult => {
    const m = children.get(e) as Map<string, ChildResult>;
    let c = m.get(k);
    if (!c) m.set(k, (c = {}));
    return c;
  };
  for (const r of own) child(r.employee_id, r.period_key).own = r.total;
  for (const r of results) child(r.employee_id, r.period_key).result = r.value;
  const before = new Map(previous.map((p) => [p.employee_id, p]));
  const issues: DomainIssue[] = [];
  const write: Array<{ e: string; n: number; value: string; grade: string | null; record: RollupRecord }> = [];
  let unchanged = 0;
  for (const p of people) {
    const r = computeRollup(doc, rollup.id, cycle.period_key, children.get(p.employee_id) as Map<string, ChildResult>);
    if (!r.ok) {
      issues.push(...r.issues.map((i) => ({ ...i, path: ['employees', p.employee_number, ...i.path], params: { ...i.params, employee: p.employee_number } })));
      continue;
    }
    const last = before.get(p.employee_id);
    if (last && sameJson(last.inputs, r.value.inputs)) {
      unchanged++;
      continue;
    }
    write.push({ e: p.employee_id, n: (last?.number ?? 0) + 1, value: r.value.value, grade: r.value.grade ?? null, record: r.value });
  }
  if (issues.length) assertNoProblems(problemsWithParams(issues));
  await inTransaction(ctx, async (em) => {
    if (write.length)
      await em.getConnection().execute(
        `insert into rollup_result (id, created_at, updated_at, employee_id, scheme_id, rollup_id, period_key, number, value, grade, record, cycle_id)
         select gen_random_uuid(), now(), now(), t.e, ?, ?, ?, t.n, t.value::numeric, t.grade, t.record, ? from jsonb_to_recordset(?::jsonb) as t(e uuid, n int, value text, grade text, record jsonb)
         on conflict do nothing`,
        [cycle.scheme_id, rollup.id, cycle.period_key, cycleId, JSON.stringify(write)],
        'run',
        em.getTransactionContext(),
      );
    recordAudit(em, ctx, { operation: 'computeRollups', entityType: 'Cycle', entityId: cycleId, after: { rollup: rollup.id, periodKey: cycle.period_key, computed: write.length, unchanged } });
    await em.flush();
  });
  return { rollupId: rollup.id, periodKey: cycle.period_key, computed: write.length, unchanged };
}

/** The `rollup.compute` job's payload: the cycle just published. */
export interface RollupJobData {
  cycleId: string;
}

/** What the `rollup.compute` job did for one cycle. */
export type RollupJobOutcome = { kind: 'computed'; computation: RollupComputationView } | { kind: 'none' } | { kind: 'blocked'; codes: string[] };

/**
 * The `rollup.compute` job's work: computes the published cycle's roll-up when the scheme has one for the cycle's
 * kind (a quarter, half year or year), as HR's `computeRollups` would; a monthly cycle rolls nothing up. Idempotent:
 * unchanged inputs are skipped, so running it again writes nothing. A missing child result (a month not published
 * yet) writes nothing and is logged, not retried: HR computes once the child is published.
 */
export async function runRollupJob(ctx: RequestContext, cycleId: string): Promise<RollupJobOutcome> {
  const rows = await ctx.db.rows<{ scheme_version_id: string; period_kind: string; state: string }>(sql`select scheme_version_id, period_kind, state from cycle where id = ${cycleId}`);
  const cycle = rows[0];
  if (!cycle || (cycle.state !== 'published' && cycle.state !== 'closed')) return { kind: 'none' };
  if (!rollupForKind(await schemeDocument(ctx.db, cycle.scheme_version_id), cycle.period_kind.toLowerCase())) return { kind: 'none' };
  try {
    const computation = await computeCycleRollups(ctx, cycleId);
    ctx.log.info({ cycleId, ...computation }, 'roll-ups computed after publication');
    return { kind: 'computed', computation };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
    const codes = [...new Set((error.details ?? []).map((d) => d.rule))];
    ctx.log.warn({ cycleId, codes }, 'roll-ups not computed after publication');
    return { kind: 'blocked', codes };
  }
}

/** `rollup.compute`: queued after each publication (one per cycle); see runRollupJob. */
export const rollupComputeJob: JobDefinition<RollupJobData> = {
  name: 'rollup.compute',
  run: async (ctx, data) => {
    await runRollupJob(ctx, data.cycleId);
  },
};

// ---- read side ---------------------------------------------------------------------------------------------

const ROLLUP_SELECT = sql`rr.id, rr.employee_id, rr.rollup_id, rr.period_key, rr.number, rr.created_at, trim_scale(rr.value)::text as value, rr.grade,
  rr.record->'inputs' as inputs, rr.record->'trace' as trace, rr.cycle_id, c.scheme_version_id`;
const ROLLUP_FROM = sql`rollup_result rr join employee e on e.id = rr.employee_id left join cycle c on c.id = rr.cycle_id`;
// Only the latest computation of each employee, roll-up and period.
const LATEST = sql`not exists (select 1 from rollup_result n where n.employee_id = rr.employee_id and n.scheme_id = rr.scheme_id and n.rollup_id = rr.rollup_id and n.period_key = rr.period_key and n.number > rr.number)`;

function factsSql(me: string | null): Sql {
  const subject = me ? sql`case when rr.employee_id = ${me} then 'self' when e.supervisor_path @> array[${me}]::uuid[] then 'line' else 'other' end` : sql`'other'`;
  return sql`${subject} as "f_subject", coalesce(c.vis_supervisor_result, 'afterPublication') as "f_vis_result"`;
}

function toRow(r: Record<string, unknown>): RollupResultNode {
  const facts: RollupFacts = { subject: r.f_subject as RollupFacts['subject'], supervisorResult: r.f_vis_result as RollupFacts['supervisorResult'] };
  return withFacts(
    {
      __typename: 'RollupResult' as const,
      id: r.id as string,
      employeeId: r.employee_id as string,
      cycleId: (r.cycle_id as string | null) ?? null,
      schemeVersionId: (r.scheme_version_id as string | null) ?? null,
      rollupId: r.rollup_id as string,
      periodKey: r.period_key as string,
      number: r.number as number,
      createdAt: toDate(r.created_at),
      value: r.value as string,
      grade: (r.grade as string | null) ?? null,
      inputs: (r.inputs as Record<string, unknown>) ?? {},
      trace: (r.trace as unknown[]) ?? [],
    },
    facts,
  );
}

function scopeSql(actor: Actor): Sql | null | 'none' {
  const scope = rollupRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  return scope.line ? sql`(rr.employee_id = ${scope.employeeId} or e.supervisor_path @> array[${scope.employeeId}]::uuid[])` : sql`rr.employee_id = ${scope.employeeId}`;
}

export const rollupListing = defineListing({
  query: 'rollupResults',
  access: rollupAccess,
  filters: { cycleId: 'periodKey', employeeId: 'employee', rollupId: 'rollupId', periodKey: 'periodKey' },
  search: [],
  sorts: { PERIOD_KEY: { field: 'periodKey', sql: raw('rr.period_key') }, VALUE: { field: 'value', sql: raw('rr.value') }, CREATED_AT: { field: 'createdAt', sql: raw('rr.created_at') } },
  defaultSort: [{ field: 'PERIOD_KEY', direction: SortDirection.DESC }],
  id: raw('rr.id'),
});

/** A page of the latest roll-up results in the actor's scope: one statement with the facts. */
export async function listRollupResults(ctx: RequestContext, args: RollupResultsArgs, info: GraphQLResolveInfo): Promise<Page<RollupResultNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, rollupListing, args);
  const scope = scopeSql(actor);
  if (scope === 'none') return Page.empty();
  const where: Sql[] = [LATEST, ...(scope ? [scope] : [])];
  const f = args.filter;
  if (f?.cycleId) where.push(sql`(rr.scheme_id, rr.period_key) = (select scheme_id, period_key from cycle where id = ${f.cycleId})`);
  if (f?.employeeId) where.push(sql`rr.employee_id = ${f.employeeId}`);
  if (f?.rollupId) where.push(sql`rr.rollup_id = ${f.rollupId}`);
  if (f?.periodKey) where.push(sql`rr.period_key = ${f.periodKey}`);
  return fetchPage(ctx.db, { select: sql`${ROLLUP_SELECT}, ${factsSql(actor.employeeId)}`, from: ROLLUP_FROM, where }, checked, selectedHere(info).has('totalCount'), toRow);
}

/** The explanation of a roll-up (filled inputs, the formula, the grade), in English or Chinese. */
export async function explainRollup(ctx: RequestContext, r: RollupResultNode, lang: ExplainLanguage): Promise<string[]> {
  if (!r.schemeVersionId) return [];
  return explain(r.trace as TraceStep[], lang, await schemeDocument(ctx.db, r.schemeVersionId));
}

/**
 * `Appraisal.rollup` for a page of appraisals: the latest roll-up results of each appraisal's employee for the
 * appraisal's scheme and period (a quarter's appraisal carries the quarter's roll-up), in one statement, each row
 * with its rollupAccess facts so the RollupResult fields are guarded as in `rollupResults`.
 */
export async function rollupsOfAppraisals(ctx: RequestContext, appraisalIds: readonly string[]): Promise<Map<string, RollupResultNode[]>> {
  const me = ctx.actor?.employeeId ?? null;
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select a.id as appraisal_id, ${ROLLUP_SELECT}, ${factsSql(me)}
        from appraisal a join cycle ac on ac.id = a.cycle_id
        join rollup_result rr on rr.employee_id = a.employee_id and rr.scheme_id = ac.scheme_id and rr.period_key = ac.period_key
        join employee e on e.id = rr.employee_id left join cycle c on c.id = rr.cycle_id
        where a.id = any(${[...appraisalIds]}::uuid[]) and ${LATEST}
        order by rr.rollup_id`,
  );
  const by = new Map<string, RollupResultNode[]>(appraisalIds.map((id) => [id, []]));
  for (const r of rows) by.get(r.appraisal_id as string)?.push(toRow(r));
  return by;
}
