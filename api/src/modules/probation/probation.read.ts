import { type Actor, type ProbationFacts, probationDue, type ProbationEmployee, probationRowScope } from '@appraisal/domain';
import { withFacts } from '../../core/access.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, type ReadDb, sql, type Sql } from '../../core/db.js';
import { toDate } from '../../core/projection.js';
import type { ProbationDueView, ProbationOutcomeValue, ProbationReviewNode, ProbationReviewStateValue } from './probation.types.js';

/** Decided states: the decision is made and reaches the employee. */
export const DECIDED_STATES = ['confirmed', 'extended', 'terminated'] as const;
/** Live states: a review still running for its end date. */
export const OPEN_STATES = ['scheduled', 'rating', 'awaiting_decision'] as const;

/**
 * Probation review rows with their facts computed in SQL: the person's relation to the actor (self; line = the
 * actor is on their supervisor path; other) and whether HR has decided. The appraisal is the review's stored one or
 * the person's appraisal in the review's cycle (the launch job creates it after the review).
 */
function reviewSelect(me: string | null, today: string): Sql {
  const subject = me
    ? sql`case when pr.employee_id = ${me} then 'self' when e.supervisor_path @> array[${me}]::uuid[] then 'line' else 'other' end`
    : sql`'other'`;
  return sql`pr.id, pr.version, pr.created_at, pr.updated_at, pr.employee_id, pr.probation_start::text as probation_start, pr.probation_end_date::text as probation_end_date,
    pr.state, pr.outcome, pr.new_end_date::text as new_end_date, pr.effective_on::text as effective_on, pr.decision_reason, pr.decided_at,
    pr.recommendation, pr.recommended_outcome, (pr.probation_end_date - ${today}::date)::int as due_in_days,
    coalesce(pr.appraisal_id, (select a.id from appraisal a where a.cycle_id = pr.cycle_id and a.employee_id = pr.employee_id)) as appraisal_id,
    ${subject} as f_subject, pr.state in ('confirmed', 'extended', 'terminated') as f_decided`;
}

const REVIEW_FROM = sql`probation_review pr join employee e on e.id = pr.employee_id`;

function toReviewRow(r: Record<string, unknown>): ProbationReviewNode {
  const facts: ProbationFacts = { subject: r.f_subject as ProbationFacts['subject'], decided: r.f_decided === true };
  const node: ProbationReviewNode = {
    __typename: 'ProbationReview',
    id: r.id as string,
    version: r.version as number,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    employeeId: r.employee_id as string,
    appraisalId: (r.appraisal_id as string | null) ?? null,
    probationStart: r.probation_start as string,
    probationEndDate: r.probation_end_date as string,
    state: r.state as ProbationReviewStateValue,
    dueInDays: r.due_in_days as number,
    outcome: (r.outcome as ProbationOutcomeValue | null) ?? null,
    newEndDate: (r.new_end_date as string | null) ?? null,
    effectiveOn: (r.effective_on as string | null) ?? null,
    decisionReason: (r.decision_reason as string | null) ?? null,
    decidedAt: r.decided_at ? toDate(r.decided_at) : null,
    recommendation: (r.recommendation as string | null) ?? null,
    recommendedOutcome: (r.recommended_outcome as ProbationOutcomeValue | null) ?? null,
  };
  return withFacts(node, facts);
}

/** The reviews an actor may see as a condition on `pr`/`e` (null = all, 'none' = nothing). */
export function probationScopeSql(actor: Actor): Sql | null | 'none' {
  const scope = probationRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  if (scope.kind === 'self') return sql`pr.employee_id = ${scope.employeeId}`;
  return sql`(pr.employee_id = ${scope.employeeId} or e.supervisor_path @> array[${scope.employeeId}]::uuid[])`;
}

/** Reviews by id within the actor's scope (one statement for any number of ids). */
export async function reviewsInScope(ctx: RequestContext, ids: readonly string[]): Promise<ProbationReviewNode[]> {
  const actor = requireActor(ctx);
  const scope = probationScopeSql(actor);
  if (scope === 'none' || ids.length === 0) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select ${reviewSelect(actor.employeeId, ctx.clock.today())} from ${REVIEW_FROM} where pr.id = any(${ids}::uuid[])${scope ? sql` and ${scope}` : empty}`,
  );
  return rows.map(toReviewRow);
}

/** One review in the actor's scope, else null. */
export async function reviewInScope(ctx: RequestContext, id: string): Promise<ProbationReviewNode | null> {
  return (await reviewsInScope(ctx, [id]))[0] ?? null;
}

/** The reviews of the actor's scope for some employees (latest first), for the Employee and due lists. */
export async function reviewsOfEmployees(ctx: RequestContext, employeeIds: readonly string[]): Promise<ProbationReviewNode[]> {
  const actor = requireActor(ctx);
  const scope = probationScopeSql(actor);
  if (scope === 'none' || employeeIds.length === 0) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select ${reviewSelect(actor.employeeId, ctx.clock.today())} from ${REVIEW_FROM} where pr.employee_id = any(${employeeIds}::uuid[])${scope ? sql` and ${scope}` : empty}
        order by pr.probation_end_date desc, pr.created_at desc`,
  );
  return rows.map(toReviewRow);
}

/** What probationDue reads about people on probation, with the state of a review for their current end date. */
export async function probationCandidates(db: ReadDb, horizon: string): Promise<Array<ProbationEmployee & { reviewId: string | null }>> {
  const rows = await db.rows<{ id: string; employment_status: ProbationEmployee['employmentStatus']; active: boolean; hire_date: string; probation_end_date: string; review_id: string | null; review_state: string | null }>(
    sql`select e.id, e.employment_status, e.active, e.hire_date::text as hire_date, e.probation_end_date::text as probation_end_date, pr.id as review_id, pr.state as review_state
        from employee e
        left join probation_review pr on pr.employee_id = e.id and pr.probation_end_date = e.probation_end_date and pr.state <> 'cancelled'
        where e.active and e.employment_status <> 'LEFT' and e.probation_end_date is not null and e.probation_end_date <= ${horizon}::date`,
  );
  return rows.map((r) => ({
    employeeId: r.id,
    employmentStatus: r.employment_status,
    active: r.active,
    hireDate: r.hire_date,
    probationEndDate: r.probation_end_date,
    reviewId: r.review_id,
    ...(r.review_state ? { review: (DECIDED_STATES as readonly string[]).includes(r.review_state) ? ('decided' as const) : ('open' as const) } : {}),
  }));
}

/**
 * Everyone whose probation ends within `days` calendar days (and overdue ones), from the employee records: SQL
 * narrows to end dates up to the horizon, the domain's `probationDue` decides and orders (overdue first).
 */
export async function listProbationsDue(ctx: RequestContext, today: string, days: number): Promise<ProbationDueView[]> {
  const horizon = (await ctx.db.rows<{ d: string }>(sql`select (${today}::date + ${days}::int)::text as d`))[0]?.d as string;
  const candidates = await probationCandidates(ctx.db, horizon);
  const reviewOf = new Map(candidates.map((c) => [c.employeeId, c.reviewId]));
  return probationDue(candidates, today, days).map((d) => ({ ...d, reviewId: reviewOf.get(d.employeeId) ?? null }));
}
