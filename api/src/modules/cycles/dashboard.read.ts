import { calendarDaysBetween, canManageCycles, compareIsoDates, outstanding } from '@appraisal/domain';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { forbidden, notFound } from '../../core/errors.js';
import { pendingItems } from '../notifications/reminders.service.js';
import type { CyclePhaseName, CycleStateValue } from './cycle.types.js';
import type { CycleDashboardView, DepartmentProgressView } from './dashboard.types.js';

/** At most this many overdue tasks are listed (the count is always complete). */
export const OVERDUE_LISTED = 200;

/**
 * The cycle dashboard (HR), in three statements whatever the cycle's size: the cycle with its phases, the counts
 * per department (appraisals, results, ratings, self-reviews, acknowledgements: one grouped query), and the open
 * tasks (`pendingItems`, the reminders' own query), summarised by the domain's `outstanding`.
 */
export async function cycleDashboard(ctx: RequestContext, cycleId: string): Promise<CycleDashboardView> {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('the cycle dashboard');
  const today = ctx.clock.today();
  const cycles = await ctx.db.rows<{ state: CycleStateValue; phases: Array<{ phase: string; opens: string; closes: string }> }>(
    sql`select c.state, coalesce((select json_agg(json_build_object('phase', p.phase, 'opens', p.opens, 'closes', p.closes) order by p.opens, p.closes) from cycle_phase p where p.cycle_id = c.id), '[]'::json) as phases
        from cycle c where c.id = ${cycleId}`,
  );
  const cycle = cycles[0];
  if (!cycle) throw notFound('Cycle', cycleId);
  const hasSelfReview = cycle.phases.some((p) => p.phase === 'selfReview');
  const counts = await ctx.db.rows<{
    department_id: string;
    department_name: string;
    appraisals: number;
    scored: number;
    ratings_due: number;
    ratings_done: number;
    self_done: number;
    ack_due: number;
    ack_done: number;
  }>(sql`
    select e.department_id, d.name as department_name,
           count(*)::int as appraisals,
           count(*) filter (where a.result_id is not null)::int as scored,
           coalesce(sum(rs.expected), 0)::int as ratings_due,
           coalesce(sum(rs.submitted), 0)::int as ratings_done,
           count(*) filter (where a.self_review_state = 'SUBMITTED')::int as self_done,
           count(*) filter (where a.published_at is not null)::int as ack_due,
           count(*) filter (where a.acknowledged_at is not null)::int as ack_done
      from appraisal a join employee e on e.id = a.employee_id join department d on d.id = e.department_id
      left join lateral (select count(*) filter (where r.state <> 'reassigned') as expected, count(*) filter (where r.state = 'submitted') as submitted
                           from rating r where r.appraisal_id = a.id) rs on true
     where a.cycle_id = ${cycleId} and a.state <> 'excluded'
     group by e.department_id, d.name
     order by d.name, e.department_id`);
  const departments: DepartmentProgressView[] = counts.map((c) => ({
    departmentId: c.department_id,
    departmentName: c.department_name,
    appraisals: c.appraisals,
    scored: c.scored,
    ratingsDue: c.ratings_due,
    ratingsDone: c.ratings_done,
    selfReviewsDue: hasSelfReview ? c.appraisals : 0,
    selfReviewsDone: c.self_done,
    acknowledgementsDue: c.ack_due,
    acknowledged: c.ack_done,
  }));
  const sum = (pick: (d: DepartmentProgressView) => number) => departments.reduce((n, d) => n + pick(d), 0);
  const total: DepartmentProgressView = {
    departmentId: null,
    departmentName: null,
    appraisals: sum((d) => d.appraisals),
    scored: sum((d) => d.scored),
    ratingsDue: sum((d) => d.ratingsDue),
    ratingsDone: sum((d) => d.ratingsDone),
    selfReviewsDue: sum((d) => d.selfReviewsDue),
    selfReviewsDone: sum((d) => d.selfReviewsDone),
    acknowledgementsDue: sum((d) => d.acknowledgementsDue),
    acknowledged: sum((d) => d.acknowledged),
  };
  const items = await pendingItems(ctx.db, cycleId);
  const late = items.filter((i) => compareIsoDates(today, i.due) > 0);
  const phases = cycle.phases.map((p) => {
    const of = items.filter((i) => i.phase === p.phase);
    return {
      phase: p.phase as CyclePhaseName,
      opens: p.opens,
      closes: p.closes,
      status: compareIsoDates(today, p.opens) < 0 ? 'UPCOMING' : compareIsoDates(today, p.closes) > 0 ? 'CLOSED' : 'OPEN',
      open: of.length,
      overdue: of.filter((i) => compareIsoDates(today, i.due) > 0).length,
    };
  });
  return {
    cycleId,
    state: cycle.state,
    today,
    phases,
    total,
    departments,
    outstanding: outstanding(items, today),
    overdueCount: late.length,
    overdue: late
      .map((i) => ({ recipientId: i.recipientId, kind: i.kind, appraisalId: i.appraisalId, subjectName: i.subjectName, due: i.due, daysOverdue: calendarDaysBetween(i.due, today) }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.subjectName.localeCompare(b.subjectName))
      .slice(0, OVERDUE_LISTED),
  };
}
