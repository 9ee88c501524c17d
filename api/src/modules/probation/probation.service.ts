import {
  canDecideProbation,
  decideProbation as decideProbationRule,
  nextState,
  type ProbationEmployee,
  type ProbationOutcome,
  type ProbationReviewAction,
  probationDue,
  probationReviewWorkflow,
  type ProbationReviewState,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { problemsOf } from '../cycles/cycle-data.js';
import { Cycle, CyclePopulationChange } from '../cycles/cycle.entity.js';
import { createCycle, launchCycle } from '../cycles/cycle.service.js';
import { Employee, type EmploymentStatus } from '../org/employee.entity.js';
import { SchemePeriod } from '../schemes/scheme.entity.js';
import { ProbationReview } from './probation-review.entity.js';
import { reviewInScope } from './probation.read.js';
import type { DecideProbationInput, ProbationReviewNode, StartProbationReviewInput } from './probation.types.js';

/**
 * The organisation's probation limit (labour law: at most six months for contracts of three years or more). The
 * design leaves where HR configures it open (docs/cycles-design.md §10); until then it is this constant.
 */
export const PROBATION_LIMITS = { maxMonths: 6 } as const;


function requireDecider(ctx: RequestContext, what: string) {
  const actor = requireActor(ctx);
  if (!canDecideProbation(actor)) throw forbidden(what);
  return actor;
}

interface EmployeeRow {
  id: string;
  name: string;
  employment_status: ProbationEmployee['employmentStatus'];
  active: boolean;
  hire_date: string;
  probation_end_date: string | null;
}

async function probationEmployee(ctx: RequestContext, employeeId: string): Promise<{ row: EmployeeRow; facts: ProbationEmployee }> {
  const rows = await ctx.db.rows<EmployeeRow>(
    sql`select id, name, employment_status, active, hire_date::text as hire_date, probation_end_date::text as probation_end_date from employee where id = ${employeeId}`,
  );
  const row = rows[0];
  if (!row) throw notFound('Employee', employeeId);
  return { row, facts: { employeeId: row.id, employmentStatus: row.employment_status, active: row.active, hireDate: row.hire_date, probationEndDate: row.probation_end_date } };
}

const reviewOf = async (ctx: RequestContext, id: string): Promise<ProbationReviewNode> => {
  const found = await reviewInScope(ctx, id);
  if (!found) throw notFound('ProbationReview', id);
  return found;
};

/** Takes a workflow step or throws VALIDATION_FAILED with the workflow's issue. */
function step(from: ProbationReviewState, action: ProbationReviewAction, facts: Parameters<typeof nextState<ProbationReviewState, ProbationReviewAction, object>>[3]): ProbationReviewState {
  const next = nextState(probationReviewWorkflow, from, action, facts as never);
  if (!next.ok) assertNoProblems(problemsOf([{ ...next.issue, path: ['outcome'] }]));
  return (next as { ok: true; to: ProbationReviewState }).to;
}

/**
 * Starts the review of one person's probation (HR): checks the person is on probation (`probationDue` over the
 * record), creates a PROBATION cycle for hire date .. probation end on the chosen scheme's form with the person
 * as its only participant, records the review (a `scheduled` one from the daily scan is taken over) as `rating`,
 * and launches the cycle; the probation appraisal is then rated like any other. Audited.
 */
export async function startProbationReview(ctx: RequestContext, input: StartProbationReviewInput): Promise<ProbationReviewNode> {
  const actor = requireDecider(ctx, 'starting a probation review');
  const { row, facts } = await probationEmployee(ctx, input.employeeId);
  // Far horizon: the question here is only whether the record shows an undecided probation.
  const due = probationDue([facts], ctx.clock.today(), 100_000);
  if (!due[0] || !row.probation_end_date)
    assertNoProblems([{ field: 'employeeId', rule: 'probation_not_on_probation', message: `${row.name} is not on probation`, params: { employeeId: row.id } }]);
  const end = row.probation_end_date as string;
  const existing = await ctx.db.rows<{ id: string; state: string }>(
    sql`select id, state from probation_review where employee_id = ${row.id} and probation_end_date = ${end}::date and state <> 'cancelled'`,
  );
  if (existing[0] && existing[0].state !== 'scheduled')
    throw new AppError('CONFLICT', `The probation of ${row.name} ending on ${end} is already under review.`, [
      { field: 'employeeId', rule: 'probation_review_exists', message: `the probation ending on ${end} is already under review`, params: { employeeId: row.id, probationEndDate: end } },
    ]);
  const to = step('scheduled', 'start', { roles: actor.roles });
  const cycle = await createCycle(ctx, {
    schemeVersionId: input.schemeVersionId,
    name: input.name?.trim() || `Probation ${row.name} ${end}`,
    nameZh: `试用期考核 ${row.name} ${end}`,
    period: { kind: SchemePeriod.PROBATION, start: row.hire_date, end },
  });
  const reviewId = await inTransaction(ctx, async (em) => {
    const cycleRef = em.getReference(Cycle, cycle.id);
    em.create(CyclePopulationChange, { cycle: cycleRef, employee: em.getReference(Employee, row.id), action: 'ADD', reason: 'probation review', createdByUserId: actor.userId });
    const review =
      (existing[0] ? await em.findOne(ProbationReview, { id: existing[0].id }) : null) ??
      em.create(ProbationReview, { employee: em.getReference(Employee, row.id), probationStart: row.hire_date, probationEndDate: end });
    const before = existing[0] ? snapshot(review) : null;
    review.state = to;
    review.cycle = cycleRef;
    await em.flush().catch((error: unknown) => {
      if (error instanceof Error && error.message.includes('probation_review_employee_end_unique'))
        throw new AppError('CONFLICT', `The probation of ${row.name} ending on ${end} is already under review.`, [
          { field: 'employeeId', rule: 'probation_review_exists', message: `the probation ending on ${end} is already under review`, params: { probationEndDate: end } },
        ]);
      throw error;
    });
    recordAudit(em, ctx, { operation: 'startProbationReview', entityType: 'ProbationReview', entityId: review.id, before, after: { ...snapshot(review), cycleId: cycle.id } });
    return review.id;
  });
  await launchCycle(ctx, cycle.id, cycle.version);
  return reviewOf(ctx, reviewId);
}

function outcomeOf(input: DecideProbationInput): ProbationOutcome {
  switch (input.outcome) {
    case 'extend':
      return { kind: 'extend', newEndDate: input.newEndDate ?? '' };
    case 'terminate':
      return { kind: 'terminate', lastWorkingDay: input.lastWorkingDay ?? '' };
    default:
      return { kind: 'confirm' };
  }
}

/**
 * HR's decision (confirm / extend with a new end date / terminate with a last working day): the domain's
 * `decideProbation` checks it and derives the employee-record changes, the review workflow guards the step (a
 * review whose appraisal has a result moves to `awaiting_decision` first; terminating needs no result). The review
 * is written with its decision; the record changes apply at once when they take effect today or earlier (an
 * extension always), else the daily `probation.apply` job applies them on their day. Audited.
 */
export async function decideProbation(ctx: RequestContext, reviewId: string, version: number, input: DecideProbationInput): Promise<ProbationReviewNode> {
  const actor = requireDecider(ctx, 'deciding a probation');
  const rows = await ctx.db.rows<{ employee_id: string; state: ProbationReviewState; probation_end_date: string; probation_start: string; has_result: boolean }>(
    sql`select pr.employee_id, pr.state, pr.probation_end_date::text as probation_end_date, pr.probation_start::text as probation_start,
          exists (select 1 from appraisal a where a.employee_id = pr.employee_id and a.cycle_id = pr.cycle_id and a.result_id is not null) as has_result
        from probation_review pr where pr.id = ${reviewId}`,
  );
  const current = rows[0];
  if (!current) throw notFound('ProbationReview', reviewId);
  const today = ctx.clock.today();
  const { facts } = await probationEmployee(ctx, current.employee_id);
  const reason = input.reason?.trim() ?? '';
  const decided = decideProbationRule({ ...facts, probationStart: current.probation_start }, outcomeOf(input), reason, today, PROBATION_LIMITS);
  if (!decided.ok) assertNoProblems(problemsOf(decided.issues));
  const decision = (decided as Extract<typeof decided, { ok: true }>).value;
  // The appraisal's result moves the review on before the decision (the result may have come since the last read).
  const from: ProbationReviewState = current.state === 'rating' && current.has_result && input.outcome !== 'terminate' ? step('rating', 'result_ready', { roles: actor.roles, hasResult: true }) : current.state;
  const to = step(from, input.outcome as ProbationReviewAction, { roles: actor.roles, hasResult: current.has_result, decisionIssues: 0, reason });
  await inTransaction(ctx, async (em) => {
    const review = await em.findOne(ProbationReview, { id: reviewId });
    if (!review) throw notFound('ProbationReview', reviewId);
    if (review.version !== version) throw staleRecord();
    const before = snapshot(review);
    review.state = to;
    review.outcome = decision.outcome;
    review.newEndDate = decision.outcome === 'extend' ? (input.newEndDate ?? null) : null;
    review.lastWorkingDay = decision.outcome === 'terminate' ? (input.lastWorkingDay ?? null) : null;
    review.effectiveOn = decision.effectiveOn;
    review.decisionReason = reason || null;
    review.decidedByUserId = actor.userId;
    review.decidedAt = ctx.clock.now();
    await em.flush();
    recordAudit(em, ctx, { operation: 'decideProbation', entityType: 'ProbationReview', entityId: reviewId, before, after: { ...snapshot(review), employeeChanges: decision.employeeChanges } });
    if (decision.effectiveOn <= today) await applyDecision(em, ctx, review, decision.employeeChanges);
  });
  return reviewOf(ctx, reviewId);
}

type EmployeeChanges = ReturnType<typeof decideProbationRule> extends infer R ? (R extends { ok: true; value: infer V } ? V extends { employeeChanges: infer C } ? C : never : never) : never;

/** Writes a decision's changes onto the employee record (versioned, audited) and marks the review applied. */
async function applyDecision(em: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId' | 'clock'>, review: ProbationReview, changes: EmployeeChanges): Promise<void> {
  const employee = await em.findOneOrFail(Employee, { id: review.employee.id });
  const before = { employmentStatus: employee.employmentStatus, probationEndDate: employee.probationEndDate, active: employee.active };
  if (changes.employmentStatus) employee.employmentStatus = changes.employmentStatus as EmploymentStatus;
  if (changes.probationEndDate) employee.probationEndDate = changes.probationEndDate;
  if (changes.active !== undefined) employee.active = changes.active;
  review.appliedAt = ctx.clock.now();
  await em.flush();
  recordAudit(em, ctx, {
    operation: 'applyProbationDecision',
    entityType: 'Employee',
    entityId: employee.id,
    before,
    after: { employmentStatus: employee.employmentStatus, probationEndDate: employee.probationEndDate, active: employee.active, probationReviewId: review.id, outcome: review.outcome },
  });
}

/** The changes a stored decision implies, derived again by the domain from the stored outcome. */
function storedChanges(review: ProbationReview, employee: ProbationEmployee): EmployeeChanges | null {
  const outcome: ProbationOutcome | null =
    review.outcome === 'confirm'
      ? { kind: 'confirm' }
      : review.outcome === 'extend' && review.newEndDate
        ? { kind: 'extend', newEndDate: review.newEndDate }
        : review.outcome === 'terminate' && review.lastWorkingDay
          ? { kind: 'terminate', lastWorkingDay: review.lastWorkingDay }
          : null;
  if (!outcome) return null;
  // Derived against the record as it was decided on: only the changes matter here, the checks passed at the decision
  // (the decision day is taken as the last working day for a termination, so the past-date check cannot refuse it now).
  const decidedOn = outcome.kind === 'terminate' ? outcome.lastWorkingDay : review.probationStart;
  const decided = decideProbationRule({ ...employee, probationEndDate: review.probationEndDate }, outcome, review.decisionReason ?? 'decided', decidedOn);
  return decided.ok ? decided.value.employeeChanges : null;
}

/**
 * The `probation.apply` job: decisions that take effect today or earlier and are not applied yet are written
 * onto the employee records, one transaction each. Idempotent: `applied_at` marks what is done.
 */
export async function applyDueProbationDecisions(ctx: RequestContext): Promise<number> {
  const today = ctx.clock.today();
  const due = await ctx.db.rows<{ id: string }>(
    sql`select id from probation_review where state in ('confirmed', 'extended', 'terminated') and applied_at is null and effective_on <= ${today}::date order by effective_on, id`,
  );
  let applied = 0;
  for (const { id } of due) {
    await inTransaction(ctx, async (em) => {
      const review = await em.findOne(ProbationReview, { id }, { populate: ['employee'] });
      if (!review || review.appliedAt) return;
      const e = review.employee;
      const changes = storedChanges(review, { employeeId: e.id, employmentStatus: e.employmentStatus, active: e.active, hireDate: e.hireDate, probationEndDate: e.probationEndDate, probationStart: review.probationStart });
      if (!changes) return;
      await applyDecision(em, ctx, review, changes);
      applied++;
    });
  }
  return applied;
}
