import { type Actor, percentText as percent, policyAccess, type PolicyVersionFacts, policyVersionRowScope } from '@appraisal/domain';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, raw, type ReadDb, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import type { AcknowledgementStatusView, PoliciesArgs, PolicyAcknowledgementEntryView, PolicyNode, PolicyScopeKindValue, PolicyVersionNode, PolicyVersionStateValue } from './policy.types.js';

/** Where the actor works: their department with its ancestors and their position (one statement per request). */
export interface ActorPlacement {
  employeeId: string;
  lineage: string[];
  positionId: string | null;
}

const placements = new WeakMap<RequestContext, Promise<ActorPlacement | null>>();

export function actorPlacement(ctx: RequestContext): Promise<ActorPlacement | null> {
  let found = placements.get(ctx);
  if (!found) {
    const me = ctx.actor?.employeeId ?? null;
    found = me
      ? ctx.db
          .rows<{ lineage: string[]; position_id: string | null }>(sql`select d.lineage, e.position_id from employee e join department d on d.id = e.department_id where e.id = ${me}`)
          .then((rows) => (rows[0] ? { employeeId: me, lineage: rows[0].lineage, positionId: rows[0].position_id } : null))
      : Promise.resolve(null);
    placements.set(ctx, found);
  }
  return found;
}

/** The version row `v` covers the actor (the SQL of the domain's `policyScopeCovers`); false without a placement. */
export function coversActorSql(v: string, placement: ActorPlacement | null): Sql {
  if (!placement) return sql`false`;
  return sql`(${raw(v)}.scope_kind = 'all' or (${raw(v)}.scope_kind = 'departments' and ${raw(v)}.scope_ids && ${placement.lineage}::uuid[])
    or (${raw(v)}.scope_kind = 'positions' and ${raw(v)}.scope_ids @> array[${placement.positionId}]::uuid[]))`;
}

/** The version row `v` covers employee `e` in department `d` (people in scope, for tracking and delivery). */
export function coversEmployeeSql(v: string, e: string, d: string): Sql {
  return raw(`(${v}.scope_kind = 'all' or (${v}.scope_kind = 'departments' and ${d}.lineage && ${v}.scope_ids) or (${v}.scope_kind = 'positions' and ${e}.position_id = any(${v}.scope_ids)))`);
}

// ---- versions ------------------------------------------------------------------------------------------------

const VERSION_SELECT = sql`v.id, v.version, v.created_at, v.updated_at, v.policy_id, v.number, v.title, v.body, v.effective_from::text as effective_from, v.scope_kind, v.scope_ids,
  v.state, v.published_at, v.requires_acknowledgement, v.author_user_id, v.reviewer_user_id`;

function versionFactsSql(placement: ActorPlacement | null): Sql {
  const mine = placement ? sql`(select a.acknowledged_at from policy_acknowledgement a where a.policy_version_id = v.id and a.employee_id = ${placement.employeeId})` : sql`null::timestamptz`;
  return sql`v.state in ('published', 'superseded') as f_published, ${coversActorSql('v', placement)} as f_in_scope, ${mine} as my_ack`;
}

function toVersionRow(r: Record<string, unknown>): PolicyVersionNode {
  const facts: PolicyVersionFacts = { published: r.f_published === true, inScope: r.f_in_scope === true };
  return withFacts(
    {
      __typename: 'PolicyVersion' as const,
      id: r.id as string,
      version: r.version as number,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      policyId: r.policy_id as string,
      authorUserId: r.author_user_id as string,
      reviewerUserId: (r.reviewer_user_id as string | null) ?? null,
      number: r.number as number,
      title: r.title as { en: string; zh: string },
      body: r.body as { en: string; zh: string },
      effectiveFrom: r.effective_from as string,
      scope: { kind: r.scope_kind as PolicyScopeKindValue, ids: (r.scope_ids as string[] | null) ?? [] },
      state: r.state as PolicyVersionStateValue,
      publishedAt: r.published_at ? toDate(r.published_at) : null,
      requiresAcknowledgement: r.requires_acknowledgement === true,
      myAcknowledgement: r.my_ack ? toDate(r.my_ack) : null,
    },
    facts,
  );
}

/** Versions the actor may list: HR all; people the published and superseded versions that cover them. */
function versionScopeSql(actor: Actor, placement: ActorPlacement | null): Sql | null | 'none' {
  const scope = policyVersionRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none' || !placement) return 'none';
  return sql`v.state in ('published', 'superseded') and ${coversActorSql('v', placement)}`;
}

async function versionsWhere(ctx: RequestContext, condition: Sql): Promise<PolicyVersionNode[]> {
  const actor = requireActor(ctx);
  const placement = await actorPlacement(ctx);
  const scope = versionScopeSql(actor, placement);
  if (scope === 'none') return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select ${VERSION_SELECT}, ${versionFactsSql(placement)} from policy_version v where ${condition}${scope ? sql` and ${scope}` : empty} order by v.policy_id, v.number desc`,
  );
  return rows.map(toVersionRow);
}

/** One version in the actor's scope, else null. */
export async function policyVersionInScope(ctx: RequestContext, id: string): Promise<PolicyVersionNode | null> {
  return (await versionsWhere(ctx, sql`v.id = ${id}`))[0] ?? null;
}

const versionLoaders = new WeakMap<RequestContext, DataLoader<string, PolicyVersionNode[]>>();

/** The versions of a page of policies the actor may see, newest first: one statement per page. */
export function versionsOfPolicy(ctx: RequestContext): DataLoader<string, PolicyVersionNode[]> {
  let loader = versionLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await versionsWhere(ctx, sql`v.policy_id = any(${[...ids]}::uuid[])`);
      return ids.map((id) => rows.filter((r) => r.policyId === id));
    });
    versionLoaders.set(ctx, loader);
  }
  return loader;
}

const statusLoaders = new WeakMap<RequestContext, DataLoader<string, AcknowledgementStatusView>>();

/**
 * Acknowledgement counts of a page of versions in one grouped statement (the SQL of the domain's
 * `acknowledgementStatus`: active people the scope covers; an acknowledgement of someone now out of scope does not count).
 */
export function acknowledgementStatusOf(ctx: RequestContext): DataLoader<string, AcknowledgementStatusView> {
  let loader = statusLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.db.rows<{ id: string; in_scope: number; acknowledged: number }>(
        sql`select v.id, count(e.id)::int as in_scope, count(a.employee_id)::int as acknowledged
              from policy_version v
              join employee e on e.active
              join department d on d.id = e.department_id and ${coversEmployeeSql('v', 'e', 'd')}
              left join policy_acknowledgement a on a.policy_version_id = v.id and a.employee_id = e.id
             where v.id = any(${[...ids]}::uuid[]) group by v.id`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => {
        const r = byId.get(id);
        const inScope = r?.in_scope ?? 0;
        const acknowledged = r?.acknowledged ?? 0;
        return { inScope, acknowledged, pending: inScope - acknowledged, percent: percent(acknowledged, inScope) };
      });
    });
    statusLoaders.set(ctx, loader);
  }
  return loader;
}

/** People in a version's scope who have (or have not) acknowledged it, by name; at most `first`. */
export async function acknowledgementEntries(db: ReadDb, versionId: string, acknowledged: boolean, first: number): Promise<PolicyAcknowledgementEntryView[]> {
  const rows = await db.rows<{ employee_id: string; acknowledged_at: string | null }>(
    sql`select e.id as employee_id, a.acknowledged_at
          from policy_version v
          join employee e on e.active
          join department d on d.id = e.department_id and ${coversEmployeeSql('v', 'e', 'd')}
          left join policy_acknowledgement a on a.policy_version_id = v.id and a.employee_id = e.id
         where v.id = ${versionId} and a.employee_id is ${acknowledged ? raw('not null') : raw('null')}
         order by e.name, e.id limit ${Math.max(1, Math.min(first, 500))}`,
  );
  return rows.map((r) => ({ employeeId: r.employee_id, acknowledgedAt: r.acknowledged_at ? toDate(r.acknowledged_at) : null }));
}

// ---- policies ------------------------------------------------------------------------------------------------

export const policyListing = defineListing({
  query: 'policies',
  access: policyAccess,
  filters: { scopeKind: 'currentVersion', published: 'currentVersion' },
  search: [
    { field: 'code', sql: raw('p.code') },
    { field: 'currentVersion', sql: raw(`coalesce(v.title->>'en', '') || ' ' || coalesce(v.title->>'zh', '')`) },
  ],
  sorts: {
    CODE: { field: 'code', sql: raw('p.code') },
    TITLE: { field: 'currentVersion', sql: raw(`coalesce(v.title->>'en', '')`) },
    EFFECTIVE_FROM: { field: 'currentVersion', sql: raw(`coalesce(v.effective_from, '0001-01-01'::date)`) },
  },
  defaultSort: [{ field: 'CODE', direction: SortDirection.ASC }],
  id: raw('p.id'),
});

const POLICY_SELECT = sql`p.id, p.version, p.created_at, p.updated_at, p.code, p.current_version_id`;

function toPolicyRow(r: Record<string, unknown>): PolicyNode {
  return withFacts(
    {
      __typename: 'Policy' as const,
      id: r.id as string,
      version: r.version as number,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      code: r.code as string,
      currentVersionId: (r.current_version_id as string | null) ?? null,
    },
    { published: r.f_published === true, inScope: r.f_in_scope === true } satisfies PolicyVersionFacts,
  );
}

function policyScopeSql(actor: Actor, placement: ActorPlacement | null): Sql | null | 'none' {
  const scope = policyVersionRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none' || !placement) return 'none';
  return sql`v.id is not null and ${coversActorSql('v', placement)}`;
}

const POLICY_FROM = sql`policy p left join policy_version v on v.id = p.current_version_id`;

/** A page of policies in the actor's scope: one statement (HR all; people those whose current version covers them). */
export async function listPolicies(ctx: RequestContext, args: PoliciesArgs, info: GraphQLResolveInfo): Promise<Page<PolicyNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, policyListing, args);
  const placement = await actorPlacement(ctx);
  const scope = policyScopeSql(actor, placement);
  if (scope === 'none') return Page.empty();
  const where: Sql[] = scope ? [scope] : [];
  const f = args.filter;
  if (f?.scopeKind) where.push(sql`v.scope_kind = ${f.scopeKind}`);
  if (f?.published === true) where.push(sql`v.id is not null`);
  if (f?.published === false) where.push(sql`v.id is null`);
  const facts = sql`v.id is not null as f_published, coalesce(${coversActorSql('v', placement)}, false) as f_in_scope`;
  return fetchPage(ctx.db, { select: sql`${POLICY_SELECT}, ${facts}`, from: POLICY_FROM, where }, checked, selectedHere(info).has('totalCount'), toPolicyRow);
}

/** One policy in the actor's scope, else null. */
export async function policyInScope(ctx: RequestContext, id: string): Promise<PolicyNode | null> {
  const actor = requireActor(ctx);
  const placement = await actorPlacement(ctx);
  const scope = policyScopeSql(actor, placement);
  if (scope === 'none') return null;
  const facts = sql`v.id is not null as f_published, coalesce(${coversActorSql('v', placement)}, false) as f_in_scope`;
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${POLICY_SELECT}, ${facts} from ${POLICY_FROM} where p.id = ${id}${scope ? sql` and ${scope}` : empty}`);
  return rows[0] ? toPolicyRow(rows[0]) : null;
}

const policyLoaders = new WeakMap<RequestContext, DataLoader<string, PolicyNode | null>>();

/** Policies by id in the actor's scope (null outside it): one statement per batch (schemes and ledger rules name theirs). */
export function policyById(ctx: RequestContext): DataLoader<string, PolicyNode | null> {
  let loader = policyLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const actor = requireActor(ctx);
      const placement = await actorPlacement(ctx);
      const scope = policyScopeSql(actor, placement);
      if (scope === 'none') return ids.map(() => null);
      const facts = sql`v.id is not null as f_published, coalesce(${coversActorSql('v', placement)}, false) as f_in_scope`;
      const rows = await ctx.db.rows<Record<string, unknown>>(
        sql`select ${POLICY_SELECT}, ${facts} from ${POLICY_FROM} where p.id = any(${[...ids]}::uuid[])${scope ? sql` and ${scope}` : empty}`,
      );
      const byId = new Map(rows.map((r) => [r.id as string, toPolicyRow(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    policyLoaders.set(ctx, loader);
  }
  return loader;
}
