import { type Actor, cycleAccess, cycleRowScope, NO_FACTS, rowScopeActor } from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, join, raw, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { type ColumnMap, propertiesFor, readColumns, selectColumns, toDate } from '../../core/projection.js';
import { selectedHere, selectedNodeFields } from '../../core/selection.js';
import type { SchemePeriod } from '../schemes/scheme.entity.js';
import type { CycleFilter, CycleNode, CyclePhaseView, CyclesArgs, CycleStateValue, LaunchStatusValue } from './cycle.types.js';

type CycleColumns = Pick<
  CycleNode,
  | 'id'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'schemeId'
  | 'schemeVersionId'
  | 'name'
  | 'nameZh'
  | 'periodKind'
  | 'periodKey'
  | 'periodStart'
  | 'periodEnd'
  | 'state'
  | 'acknowledgementWorkingDays'
  | 'publishedAt'
  | 'closedAt'
  | 'quotaOverrideReason'
> & { launchStatus: string; launchProgress: unknown; createdByUserId: string | null };

const CYCLE_COLUMNS: ColumnMap<CycleColumns> = {
  id: 'id',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  schemeId: 'scheme_id',
  schemeVersionId: 'scheme_version_id',
  name: 'name',
  nameZh: 'name_zh',
  periodKind: 'period_kind',
  periodKey: 'period_key',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  state: 'state',
  acknowledgementWorkingDays: 'acknowledgement_working_days',
  publishedAt: 'published_at',
  closedAt: 'closed_at',
  quotaOverrideReason: 'quota_override_reason',
  launchStatus: 'launch_status',
  launchProgress: 'launch_progress',
  createdByUserId: 'created_by_user_id',
};

/** What each Cycle field needs fetched; phases, reopenings and the creator come as sub-selects. */
const CYCLE_NEEDS: Readonly<Record<string, readonly string[]>> = {
  scheme: ['schemeId'],
  schemeVersion: ['schemeVersionId'],
  launch: ['launchStatus', 'launchProgress'],
  phases: [],
  phaseOverrides: [],
  reopenings: [],
  createdBy: [],
  population: ['id'],
  progress: ['id'],
};

const PHASES = sql`(select coalesce(json_agg(json_build_object('phase', p.phase, 'opens', p.opens, 'closes', p.closes, 'nominalCloses', p.nominal_closes, 'postponed', p.postponed, 'overridden', p.overridden) order by p.opens, p.closes), '[]'::json) from cycle_phase p where p.cycle_id = c.id)`;
const REOPENINGS = sql`(select coalesce(json_agg(json_build_object('id', o.id, 'window', o.window, 'scopeKind', o.scope_kind, 'appraisalId', o.appraisal_id, 'ratingId', o.rating_id, 'until', o.until, 'reason', o.reason, 'createdAt', o.created_at) order by o.created_at), '[]'::json) from phase_reopening o where o.cycle_id = c.id)`;
const CREATOR = sql`(select u.display_name from app_user u where u.id = c.created_by_user_id)`;

/** The projection of cycle `c`: the columns the query reads plus the sub-selects it asks for. */
function selectCycle(only: ReadonlySet<string> | undefined, wanted: ReadonlySet<string> | undefined): Sql {
  const extra: Sql[] = [];
  if (!wanted || wanted.has('phases') || wanted.has('phaseOverrides')) extra.push(sql`${PHASES} as "phases"`);
  if (!wanted || wanted.has('reopenings')) extra.push(sql`${REOPENINGS} as "reopenings"`);
  if (!wanted || wanted.has('createdBy')) extra.push(sql`${CREATOR} as "createdBy"`);
  return sql`${selectColumns('c', '', CYCLE_COLUMNS, only)}${extra.length ? sql`, ${join(extra, ', ')}` : empty}`;
}

function toCycleRow(r: Record<string, unknown>): CycleNode {
  const c = readColumns(r, '', CYCLE_COLUMNS);
  const phases = (r.phases as CyclePhaseView[] | undefined) ?? [];
  const node: CycleNode = {
    __typename: 'Cycle',
    id: c.id as string,
    version: c.version as number,
    createdAt: toDate(c.createdAt),
    updatedAt: toDate(c.updatedAt),
    schemeId: c.schemeId as string,
    schemeVersionId: c.schemeVersionId as string,
    name: c.name as string,
    nameZh: c.nameZh as string | null,
    periodKind: c.periodKind as SchemePeriod,
    periodKey: c.periodKey as string,
    periodStart: c.periodStart as string,
    periodEnd: c.periodEnd as string,
    state: c.state as CycleStateValue,
    phases,
    phaseOverrides: phases.filter((p) => p.overridden),
    acknowledgementWorkingDays: c.acknowledgementWorkingDays as number,
    publishedAt: c.publishedAt ? toDate(c.publishedAt) : null,
    closedAt: c.closedAt ? toDate(c.closedAt) : null,
    launch: { status: c.launchStatus as LaunchStatusValue, progress: (c.launchProgress as Record<string, unknown> | null) ?? null },
    reopenings: ((r.reopenings as Array<Record<string, unknown>> | undefined) ?? []).map((o) => ({ ...o, createdAt: toDate(o.createdAt) })) as CycleNode['reopenings'],
    quotaOverrideReason: c.quotaOverrideReason as string | null,
    createdBy: (r.createdBy as string | null | undefined) ?? null,
  };
  return withFacts(node, NO_FACTS);
}

/**
 * The cycles an actor may list, as a condition on cycle `c` (null = all, 'none' = nothing). Non-HR actors see
 * launched cycles they take part in: their own appraisal, one of their line's (supervisor path), a rating they
 * fill; the committee every published cycle. Never drafts (a half-launched cycle is still a draft).
 */
export function cycleScopeSql(actor: Actor): Sql | null | 'none' {
  const scope = cycleRowScope(rowScopeActor(actor, 'Cycle'));
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  const me = scope.employeeId;
  const parts: Sql[] = [];
  if (me) {
    parts.push(sql`exists (select 1 from appraisal a where a.cycle_id = c.id and a.employee_id = ${me})`);
    if (scope.line)
      parts.push(sql`exists (select 1 from appraisal a join employee e on e.id = a.employee_id where a.cycle_id = c.id and e.supervisor_path @> array[${me}]::uuid[])`);
    parts.push(sql`exists (select 1 from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = c.id and r.rater_employee_id = ${me} and r.state <> 'reassigned')`);
  }
  if (scope.publishedAll) parts.push(sql`c.state in ('published', 'closed')`);
  return sql`c.state <> 'draft' and (${join(parts, ' or ')})`;
}

export const cycleListing = defineListing({
  query: 'cycles',
  access: cycleAccess,
  filters: { state: 'state', periodKind: 'periodKind', schemeId: 'scheme', periodFrom: 'periodEnd', periodTo: 'periodEnd' },
  search: [
    { field: 'name', sql: raw('c.name') },
    { field: 'periodKey', sql: raw('c.period_key') },
  ],
  sorts: {
    PERIOD_END: { field: 'periodEnd', sql: raw('c.period_end') },
    NAME: { field: 'name', sql: raw('c.name') },
    STATE: { field: 'state', sql: raw('c.state') },
    CREATED_AT: { field: 'createdAt', sql: raw('c.created_at') },
  },
  defaultSort: [{ field: 'PERIOD_END', direction: SortDirection.DESC }],
  id: raw('c.id'),
});

function cycleConditions(f: CycleFilter | null | undefined): Sql[] {
  const where: Sql[] = [];
  if (f?.state) where.push(sql`c.state = ${f.state}`);
  if (f?.periodKind) where.push(sql`c.period_kind = ${f.periodKind}`);
  if (f?.schemeId) where.push(sql`c.scheme_id = ${f.schemeId}`);
  if (f?.periodFrom) where.push(sql`c.period_end >= ${f.periodFrom}::date`);
  if (f?.periodTo) where.push(sql`c.period_end <= ${f.periodTo}::date`);
  return where;
}

/** One page of the cycles the actor may list, in one statement (phases and reopenings as JSON sub-selects). */
export async function listCycles(ctx: RequestContext, args: CyclesArgs, info: GraphQLResolveInfo): Promise<Page<CycleNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, cycleListing, args);
  const scope = cycleScopeSql(actor);
  if (scope === 'none') return Page.empty();
  const where = [...(scope ? [scope] : []), ...cycleConditions(args.filter)];
  const wanted = selectedNodeFields(info);
  return fetchPage(ctx.db, { select: selectCycle(propertiesFor(wanted, CYCLE_NEEDS), wanted), from: sql`cycle c`, where }, checked, selectedHere(info).has('totalCount'), toCycleRow);
}

/** One cycle if the actor's scope includes it, else null. */
export async function cycleInScope(ctx: RequestContext, id: string): Promise<CycleNode | null> {
  const actor = requireActor(ctx);
  const scope = cycleScopeSql(actor);
  if (scope === 'none') return null;
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${selectCycle(undefined, undefined)} from cycle c where c.id = ${id}${scope ? sql` and ${scope}` : empty}`);
  return rows[0] ? toCycleRow(rows[0]) : null;
}

/** Cycles by id in the actor's scope, one statement (federation's reference resolver batches with it). */
export async function cyclesInScope(ctx: RequestContext, ids: readonly string[]): Promise<CycleNode[]> {
  const actor = requireActor(ctx);
  const scope = cycleScopeSql(actor);
  if (scope === 'none' || ids.length === 0) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${selectCycle(undefined, undefined)} from cycle c where c.id = any(${ids}::uuid[])${scope ? sql` and ${scope}` : empty}`);
  return rows.map(toCycleRow);
}

/** Cycles by id without scope (field policies decide), for loaders of appraisals' cycle field. */
export async function cyclesByIds(ctx: Pick<RequestContext, 'db'>, ids: readonly string[]): Promise<CycleNode[]> {
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${selectCycle(undefined, undefined)} from cycle c where c.id = any(${ids}::uuid[])`);
  return rows.map(toCycleRow);
}
