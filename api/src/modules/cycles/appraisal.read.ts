import {
  type Actor,
  type AppraisalFacts,
  appraisalAccess,
  appraisalRowScope,
  myAppraisalsAccess,
  type RatingFacts,
  ratingAccess,
  ratingRowScope,
  ratingTaskAccess,
  rowScopeActor,
} from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, join, raw, type ReadDb, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage, type ListingSpec } from '../../core/listing.js';
import { attachJoined, toDate } from '../../core/projection.js';
import { selectedHere, selectedNodeFields, selectedNodeRelationFields } from '../../core/selection.js';
import { employeeJoin } from '../org/employee.read.js';
import type { AppraisalFilter, AppraisalNode, AppraisalsArgs, AppraisalStateValue, RatingNode, RatingStateValue, RatingTasksArgs } from './appraisal.types.js';

/**
 * Appraisal rows with their facts computed in SQL for the whole page: the appraised person's relation to the actor
 * (self; line = the actor is on their supervisor path; other), whether the actor rates it, whether it is published,
 * and the cycle's copied visibility. Scope and facts are plain conditions on the row, its employee and its cycle.
 */
function appraisalFactsSql(me: string | null): Sql {
  const subject = me
    ? sql`case when a.employee_id = ${me} then 'self' when e.supervisor_path @> array[${me}]::uuid[] then 'line' else 'other' end`
    : sql`'other'`;
  const rater = me ? sql`exists (select 1 from rating rr where rr.appraisal_id = a.id and rr.rater_employee_id = ${me} and rr.state <> 'reassigned')` : sql`false`;
  return sql`${subject} as "f_subject", ${rater} as "f_rater", a.published_at is not null as "f_published",
    c.vis_supervisor_result as "f_vis_result", c.vis_supervisor_pay as "f_vis_pay", c.vis_subject_ratings as "f_vis_ratings"`;
}

/** The appraisal's columns by row property (the node's and the internal ones its field resolvers read). */
const APPRAISAL_COLUMNS: Readonly<Record<string, Sql>> = {
  id: raw('a.id'),
  version: raw('a.version'),
  createdAt: raw('a.created_at'),
  updatedAt: raw('a.updated_at'),
  cycleId: raw('a.cycle_id'),
  employeeId: raw('a.employee_id'),
  state: raw('a.state'),
  selfReview: raw('a.self_review'),
  selfReviewSubmittedAt: raw('a.self_review_submitted_at'),
  publishedAt: raw('a.published_at'),
  schemeVersionId: raw('c.scheme_version_id'),
  total: raw('trim_scale(r.total)::text'),
  grade: raw('coalesce(a.final_grade, r.engine_grade)'),
  engineGrade: raw('r.engine_grade'),
  resultBasis: raw('r.basis'),
  resultRecord: raw('r.record'),
  ratingsExpected: raw(`(select count(*)::int from rating x where x.appraisal_id = a.id and x.state <> 'reassigned')`),
  ratingsSubmitted: raw(`(select count(*)::int from rating x where x.appraisal_id = a.id and x.state = 'submitted')`),
};

/** What each Appraisal field needs fetched; a field not named needs only the id (its resolver loads by id). */
const APPRAISAL_NEEDS: Readonly<Record<string, readonly string[]>> = {
  version: ['version'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  state: ['state'],
  selfReview: ['selfReview'],
  selfReviewSubmittedAt: ['selfReviewSubmittedAt'],
  publishedAt: ['publishedAt'],
  total: ['total'],
  grade: ['grade'],
  engineGrade: ['engineGrade'],
  resultBasis: ['resultBasis'],
  ratingProgress: ['ratingsExpected', 'ratingsSubmitted'],
  cycle: ['cycleId'],
  employee: ['employeeId'],
  explanation: ['publishedAt', 'resultRecord', 'schemeVersionId'],
};

/** `<expression> as "<property>"` for the given properties (the id always). */
function selectAppraisal(properties: Iterable<string>): Sql {
  const wanted = new Set(properties);
  wanted.add('id');
  return join(
    [...wanted].map((property) => sql`${APPRAISAL_COLUMNS[property] as Sql} as ${raw(`"${property}"`)}`),
    ', ',
  );
}

/** Every column: single appraisals and mutations' answers, whose reader may ask for anything. */
const APPRAISAL_SELECT = selectAppraisal(Object.keys(APPRAISAL_COLUMNS));

/** The columns the selected GraphQL fields of a list's nodes read. */
function appraisalPropertiesFor(selected: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const field of selected) for (const property of APPRAISAL_NEEDS[field] ?? []) out.add(property);
  return out;
}

const APPRAISAL_FROM = sql`appraisal a join employee e on e.id = a.employee_id join cycle c on c.id = a.cycle_id left join appraisal_result r on r.id = a.result_id`;

/** A result row as the read model's node; columns the query did not select stay undefined (nothing reads them). */
function toAppraisalRow(r: Record<string, unknown>): AppraisalNode {
  const facts: AppraisalFacts = {
    subject: r.f_subject as AppraisalFacts['subject'],
    actorIsRater: r.f_rater === true,
    published: r.f_published === true,
    supervisorResult: r.f_vis_result as AppraisalFacts['supervisorResult'],
    supervisorPay: r.f_vis_pay === true,
    subjectRatings: r.f_vis_ratings as AppraisalFacts['subjectRatings'],
  };
  const node: AppraisalNode = {
    __typename: 'Appraisal',
    id: r.id as string,
    version: r.version as number,
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    cycleId: r.cycleId as string,
    employeeId: r.employeeId as string,
    schemeVersionId: r.schemeVersionId as string,
    state: r.state as AppraisalStateValue,
    selfReview: r.selfReview as Record<string, string> | null,
    selfReviewSubmittedAt: optionalDate(r.selfReviewSubmittedAt),
    ratingProgress: r.ratingsExpected === undefined ? (undefined as never) : { expected: r.ratingsExpected as number, submitted: r.ratingsSubmitted as number },
    total: r.total as string | null,
    grade: r.grade as string | null,
    engineGrade: r.engineGrade as string | null,
    resultBasis: r.resultBasis as string | null,
    resultRecord: r.resultRecord as Record<string, unknown> | null,
    publishedAt: optionalDate(r.publishedAt),
  };
  return withFacts(node, facts);
}

/** A nullable timestamp column: null stays null, unselected stays undefined. */
const optionalDate = (value: unknown): Date | null => (value === null ? null : toDate(value));

/** The appraisals an actor may list as a condition (null = all, 'none' = nothing); never those of a draft cycle for non-HR. */
export function appraisalScopeSql(actor: Actor): Sql | null | 'none' {
  const scope = appraisalRowScope(rowScopeActor(actor, 'Appraisal'));
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  const me = scope.employeeId;
  const parts: Sql[] = [];
  if (scope.own && me) parts.push(sql`a.employee_id = ${me}`);
  if (scope.line && me) parts.push(sql`e.supervisor_path @> array[${me}]::uuid[]`);
  if (scope.asRater && me) parts.push(sql`exists (select 1 from rating rr where rr.appraisal_id = a.id and rr.rater_employee_id = ${me} and rr.state <> 'reassigned')`);
  if (scope.publishedAll) parts.push(sql`a.published_at is not null`);
  if (!parts.length) return 'none';
  return sql`c.state <> 'draft' and (${join(parts, ' or ')})`;
}

const appraisalSorts = {
  EMPLOYEE_NAME: { field: 'employee', sql: raw('e.name') },
  STATE: { field: 'state', sql: raw('a.state') },
  TOTAL: { field: 'total', sql: raw('coalesce(r.total, -1)') },
  GRADE: { field: 'grade', sql: raw("coalesce(a.final_grade, r.engine_grade, '')") },
  UPDATED_AT: { field: 'updatedAt', sql: raw('a.updated_at') },
};

export const appraisalListing = defineListing({
  query: 'appraisals',
  access: appraisalAccess,
  filters: { cycleId: 'cycle', employeeId: 'employee', departmentId: 'employee', state: 'state', grade: 'grade', totalMin: 'total', totalMax: 'total' },
  search: [{ field: 'employee', sql: raw('e.name') }],
  sorts: appraisalSorts,
  defaultSort: [{ field: 'EMPLOYEE_NAME', direction: SortDirection.ASC }],
  id: raw('a.id'),
});

export const myAppraisalListing = defineListing({
  query: 'myAppraisals',
  access: myAppraisalsAccess,
  filters: { cycleId: 'cycle', employeeId: 'employee', departmentId: 'employee', state: 'state', grade: 'grade', totalMin: 'total', totalMax: 'total' },
  search: [],
  sorts: { STATE: appraisalSorts.STATE, UPDATED_AT: appraisalSorts.UPDATED_AT, TOTAL: appraisalSorts.TOTAL, GRADE: appraisalSorts.GRADE, EMPLOYEE_NAME: appraisalSorts.EMPLOYEE_NAME },
  defaultSort: [{ field: 'UPDATED_AT', direction: SortDirection.DESC }],
  id: raw('a.id'),
});

function appraisalConditions(f: AppraisalFilter | null | undefined): Sql[] {
  const where: Sql[] = [];
  if (f?.cycleId) where.push(sql`a.cycle_id = ${f.cycleId}`);
  if (f?.employeeId) where.push(sql`a.employee_id = ${f.employeeId}`);
  if (f?.departmentId) where.push(sql`e.department_id = ${f.departmentId}`);
  if (f?.state) where.push(sql`a.state = ${f.state}`);
  if (f?.grade) where.push(sql`coalesce(a.final_grade, r.engine_grade) = ${f.grade}`);
  if (f?.totalMin) where.push(sql`r.total >= ${f.totalMin}::numeric`);
  if (f?.totalMax) where.push(sql`r.total <= ${f.totalMax}::numeric`);
  return where;
}

async function pageOfAppraisals(ctx: RequestContext, spec: ListingSpec<AppraisalFacts>, args: AppraisalsArgs, info: GraphQLResolveInfo, only: Sql | null): Promise<Page<AppraisalNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, spec, args);
  const scope = appraisalScopeSql(actor);
  if (scope === 'none') return Page.empty();
  const where = [...(scope ? [scope] : []), ...(only ? [only] : []), ...appraisalConditions(args.filter)];
  // Only the columns the query reads: the result record (the engine's trace), the self-review and the rating counts
  // are the heavy ones, and a results page reads none of them. The employee is already joined (scope, sort): when the
  // query reads them, their columns come in the same statement instead of a second one through the loader.
  const selected = selectedNodeFields(info);
  const employee = selected.has('employee') ? employeeJoin(ctx.loaders.employeeRelation(), 'e', selectedNodeRelationFields(info, 'employee')) : null;
  const columns = [selectAppraisal(appraisalPropertiesFor(selected)), appraisalFactsSql(actor.employeeId)];
  if (employee) columns.push(employee.columns);
  return fetchPage(
    ctx.db,
    { select: join(columns, ', '), from: APPRAISAL_FROM, where },
    checked,
    selectedHere(info).has('totalCount'),
    employee
      ? (r) => {
          const row = toAppraisalRow(r);
          attachJoined(row, 'employee', employee.read(r));
          return row;
        }
      : toAppraisalRow,
  );
}

/** A page of appraisals in the actor's scope: one statement with facts, result columns and counts. */
export function listAppraisals(ctx: RequestContext, args: AppraisalsArgs, info: GraphQLResolveInfo): Promise<Page<AppraisalNode>> {
  return pageOfAppraisals(ctx, appraisalListing, args, info, null);
}

/** The actor's own appraisals. */
export function listMyAppraisals(ctx: RequestContext, args: AppraisalsArgs, info: GraphQLResolveInfo): Promise<Page<AppraisalNode>> {
  const me = requireActor(ctx).employeeId;
  if (!me) return Promise.resolve(Page.empty());
  return pageOfAppraisals(ctx, myAppraisalListing, args, info, sql`a.employee_id = ${me}`);
}

/** One appraisal in the actor's scope, else null. */
export async function appraisalInScope(ctx: RequestContext, id: string): Promise<AppraisalNode | null> {
  const actor = requireActor(ctx);
  const scope = appraisalScopeSql(actor);
  if (scope === 'none') return null;
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select ${APPRAISAL_SELECT}, ${appraisalFactsSql(actor.employeeId)} from ${APPRAISAL_FROM} where a.id = ${id}${scope ? sql` and ${scope}` : empty}`,
  );
  return rows[0] ? toAppraisalRow(rows[0]) : null;
}

/** Appraisals by id in the actor's scope, one statement (federation's reference resolver batches with it). */
export async function appraisalsInScope(ctx: RequestContext, ids: readonly string[]): Promise<AppraisalNode[]> {
  const actor = requireActor(ctx);
  const scope = appraisalScopeSql(actor);
  if (scope === 'none' || ids.length === 0) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select ${APPRAISAL_SELECT}, ${appraisalFactsSql(actor.employeeId)} from ${APPRAISAL_FROM} where a.id = any(${ids}::uuid[])${scope ? sql` and ${scope}` : empty}`,
  );
  return rows.map(toAppraisalRow);
}

// ---- ratings ------------------------------------------------------------------------------------------------

function ratingFactsSql(me: string | null): Sql {
  const subject = me
    ? sql`case when a.employee_id = ${me} then 'self' when e.supervisor_path @> array[${me}]::uuid[] then 'line' else 'other' end`
    : sql`'other'`;
  return sql`${subject} as "f_subject", ${me ? sql`rt.rater_employee_id is not distinct from ${me}::uuid` : sql`false`} as "f_rater", a.published_at is not null as "f_published",
    c.vis_supervisor_result as "f_vis_result", c.vis_subject_ratings as "f_vis_ratings", c.vis_subject_rater_names as "f_vis_names"`;
}

const RATING_SELECT = sql`rt.id, rt.version, rt.created_at, rt.updated_at, rt.appraisal_id, rt.rater_employee_id, rt.section, rt.role, rt.state, rt.submitted_at, rt.items,
  rt.comment, rt.item_comments, rt.return_reason, c.scheme_version_id`;
const RATING_FROM = sql`rating rt join appraisal a on a.id = rt.appraisal_id join employee e on e.id = a.employee_id join cycle c on c.id = a.cycle_id`;

function toRatingRow(r: Record<string, unknown>): RatingNode {
  const facts: RatingFacts = {
    subject: r.f_subject as RatingFacts['subject'],
    actorIsRater: r.f_rater === true,
    state: r.state as RatingFacts['state'],
    published: r.f_published === true,
    supervisorResult: r.f_vis_result as RatingFacts['supervisorResult'],
    subjectRatings: r.f_vis_ratings as RatingFacts['subjectRatings'],
    subjectRaterNames: r.f_vis_names === true,
  };
  return withFacts(
    {
      __typename: 'Rating' as const,
      id: r.id as string,
      version: r.version as number,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      appraisalId: r.appraisal_id as string,
      raterEmployeeId: (r.rater_employee_id as string | null) ?? null,
      schemeVersionId: r.scheme_version_id as string,
      section: r.section as string,
      role: r.role as string,
      state: r.state as RatingStateValue,
      submittedAt: r.submitted_at ? toDate(r.submitted_at) : null,
      items: (r.items as Record<string, unknown>) ?? {},
      comment: (r.comment as string | null) ?? null,
      itemComments: (r.item_comments as Record<string, string> | null) ?? null,
      returnReason: (r.return_reason as string | null) ?? null,
    },
    facts,
  );
}

function ratingScopeSql(actor: Actor): Sql | null | 'none' {
  const scope = ratingRowScope(rowScopeActor(actor, 'Rating'));
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  const me = scope.employeeId;
  const parts: Sql[] = [];
  if (scope.asRater) parts.push(sql`rt.rater_employee_id = ${me}`);
  if (scope.line) parts.push(sql`e.supervisor_path @> array[${me}]::uuid[]`);
  if (scope.ownPublished) parts.push(sql`(a.employee_id = ${me} and a.published_at is not null)`);
  return sql`c.state <> 'draft' and (${join(parts, ' or ')})`;
}

/** The ratings of some appraisals the actor may see (one statement for a whole page of appraisals). */
export async function ratingsOfAppraisals(db: ReadDb, actor: Actor, appraisalIds: readonly string[]): Promise<RatingNode[]> {
  const scope = ratingScopeSql(actor);
  if (scope === 'none') return [];
  const rows = await db.rows<Record<string, unknown>>(
    sql`select ${RATING_SELECT}, ${ratingFactsSql(actor.employeeId)} from ${RATING_FROM}
        where rt.appraisal_id = any(${appraisalIds}::uuid[]) and rt.state <> 'reassigned'${scope ? sql` and ${scope}` : empty} order by rt.section, rt.role, rt.slot_key`,
  );
  return rows.map(toRatingRow);
}

/** One rating with its facts, without scope (services check what the actor may do with it). */
export async function ratingById(db: ReadDb, actor: Actor | null, id: string): Promise<RatingNode | null> {
  const rows = await db.rows<Record<string, unknown>>(sql`select ${RATING_SELECT}, ${ratingFactsSql(actor?.employeeId ?? null)} from ${RATING_FROM} where rt.id = ${id}`);
  return rows[0] ? toRatingRow(rows[0]) : null;
}

export const ratingTaskListing = defineListing({
  query: 'myRatingTasks',
  access: ratingTaskAccess,
  filters: { cycleId: 'appraisal', state: 'state' },
  search: [],
  sorts: { STATE: { field: 'state', sql: raw('rt.state') }, UPDATED_AT: { field: 'updatedAt', sql: raw('rt.updated_at') } },
  defaultSort: [{ field: 'STATE', direction: SortDirection.ASC }],
  id: raw('rt.id'),
});

/** The ratings the actor fills, in launched cycles. */
export async function listMyRatingTasks(ctx: RequestContext, args: RatingTasksArgs, info: GraphQLResolveInfo): Promise<Page<RatingNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, ratingTaskListing, args);
  if (!actor.employeeId) return Page.empty();
  const where: Sql[] = [sql`rt.rater_employee_id = ${actor.employeeId}`, sql`rt.state <> 'reassigned'`, sql`c.state <> 'draft'`];
  if (args.filter?.cycleId) where.push(sql`a.cycle_id = ${args.filter.cycleId}`);
  if (args.filter?.state) where.push(sql`rt.state = ${args.filter.state}`);
  return fetchPage(ctx.db, { select: sql`${RATING_SELECT}, ${ratingFactsSql(actor.employeeId)}`, from: RATING_FROM, where }, checked, selectedHere(info).has('totalCount'), toRatingRow);
}

export { ratingAccess };
