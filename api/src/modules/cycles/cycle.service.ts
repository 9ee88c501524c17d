import { announceCyclePhase } from '../notices/notice.service.js';
import {
  buildPopulation,
  canManageCycles,
  checkReopening,
  computePhaseSchedule,
  type CycleAction,
  type CycleContext,
  type CyclePeriod,
  cyclePeriodKey,
  type CycleState,
  cycleWorkflow,
  nextState,
  type PhaseOverride,
  type PhaseReopening as DomainReopening,
  planLaunch,
  type Population,
  type PopulationChange,
  type SchemeDefinition,
  visibilityFacts,
} from '@appraisal/domain';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { loadCalendarYears } from '../calendar/calendar.service.js';
import { Employee } from '../org/employee.entity.js';
import { SchemeVersion } from '../schemes/scheme-version.entity.js';
import { Scheme, SchemePeriod } from '../schemes/scheme.entity.js';
import { candidatesOf, issueViews, loadOrgSnapshot, periodOf, problemsOf, schemeDocument } from './cycle-data.js';
import { Cycle, CyclePhase, CyclePopulationChange, type CyclePhaseKey, PhaseReopening } from './cycle.entity.js';
import { cycleInScope } from './cycle.read.js';
import type {
  CreateCycleInput,
  CycleActionValue,
  CycleNode,
  CycleProgressView,
  CyclePeriodInput,
  PhaseOverrideInput,
  PopulationChangeInput,
  PopulationPreviewView,
  ReopenWindowInput,
} from './cycle.types.js';
import { PopulationStatus } from './cycle.types.js';

function requireManager(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('managing cycles');
  return actor;
}

const conflict = () => staleRecord();

/** The cycle as the actor may see it; NOT_FOUND when absent or out of scope. */
export async function getCycle(ctx: RequestContext, id: string): Promise<CycleNode> {
  const cycle = await cycleInScope(ctx, id);
  if (!cycle) throw notFound('Cycle', id);
  return cycle;
}

function toPeriod(input: CyclePeriodInput): CyclePeriod {
  switch (input.kind) {
    case SchemePeriod.DAY:
      return { kind: 'day', date: input.date ?? '' };
    case SchemePeriod.PROBATION:
      return { kind: 'probation', start: input.start ?? '', end: input.end ?? '' };
    default:
      return { kind: input.kind.toLowerCase() as 'month', key: input.key ?? '' };
  }
}

const toOverrides = (input: readonly PhaseOverrideInput[] | null | undefined): PhaseOverride[] =>
  (input ?? []).map((o) => ({ phase: o.phase, ...(o.opens ? { opens: o.opens } : {}), ...(o.closes ? { closes: o.closes } : {}) }));

/** Computes the schedule on HR's calendar or throws VALIDATION_FAILED with the domain's issues. */
async function schedule(ctx: RequestContext, doc: SchemeDefinition, period: CyclePeriod, overrides: PhaseOverride[]) {
  const calendar = await loadCalendarYears(ctx.db);
  const computed = computePhaseSchedule({ scheme: doc, period, calendar, overrides });
  if (!computed.ok) assertNoProblems(problemsOf(computed.issues));
  return (computed as Extract<typeof computed, { ok: true }>).value;
}

function writePhases(em: Parameters<Parameters<typeof inTransaction>[1]>[0], cycle: Cycle, phases: Awaited<ReturnType<typeof schedule>>['phases']) {
  for (const p of phases)
    em.create(CyclePhase, { cycle, phase: p.phase as CyclePhaseKey, opens: p.opens, closes: p.closes, nominalCloses: p.nominalCloses, postponed: p.postponed, overridden: p.overridden });
}

const phaseOverridesOf = async (ctx: RequestContext, cycleId: string): Promise<PhaseOverride[]> =>
  (await ctx.db.rows<{ phase: string; opens: string; closes: string }>(sql`select phase, opens, closes from cycle_phase where cycle_id = ${cycleId} and overridden`)).map((p) => ({
    phase: p.phase as PhaseOverride['phase'],
    opens: p.opens,
    closes: p.closes,
  }));

/**
 * Creates a cycle (HR) pinned to a published scheme version: the period checked against the scheme, the phase
 * windows computed on HR's calendar and stored, the version's visibility copied onto the row. One cycle per
 * scheme, kind and period (probations excepted); a taken period is a CONFLICT.
 */
export async function createCycle(ctx: RequestContext, input: CreateCycleInput): Promise<CycleNode> {
  requireManager(ctx);
  const problems = [];
  if (!input.name.trim()) problems.push({ field: 'name', rule: 'required', message: 'a cycle needs a name' });
  assertNoProblems(problems);
  const doc = await schemeDocument(ctx.db, input.schemeVersionId);
  const period = toPeriod(input.period);
  const computed = await schedule(ctx, doc, period, toOverrides(input.phaseOverrides));
  const vis = visibilityFacts(doc.visibility);
  const id = await inTransaction(ctx, async (em) => {
    const version = await em.findOneOrFail(SchemeVersion, { id: input.schemeVersionId }, { populate: ['scheme'] });
    const cycle = em.create(Cycle, {
      scheme: version.scheme as Scheme,
      schemeVersion: version,
      name: input.name.trim(),
      nameZh: input.nameZh?.trim() || null,
      periodKind: period.kind.toUpperCase() as SchemePeriod,
      periodKey: cyclePeriodKey(period),
      periodStart: computed.span.start,
      periodEnd: computed.span.end,
      accountingMonthStart: computed.convention.monthStartDay,
      targetDepartmentIds: input.targetDepartmentIds ?? [],
      targetPositionIds: input.targetPositionIds ?? [],
      acknowledgementWorkingDays: computed.acknowledgementWorkingDays,
      visSupervisorResult: vis.supervisorResult,
      visSupervisorPay: vis.supervisorPay,
      visSubjectRatings: vis.subjectRatings,
      visSubjectRaterNames: doc.visibility?.subject.raterNames ?? false,
      createdByUserId: ctx.actor?.userId ?? null,
      populationSnapshot: null,
      launchProgress: null,
    });
    writePhases(em, cycle, computed.phases);
    await em.flush().catch((error: unknown) => {
      if (error instanceof Error && error.message.includes('cycle_scheme_period_unique'))
        throw new AppError('CONFLICT', `A cycle of this scheme for ${cyclePeriodKey(period)} exists already.`, [
          { field: 'period', rule: 'cycle_period_taken', message: `a cycle of this scheme for ${cyclePeriodKey(period)} exists already` },
        ]);
      throw error;
    });
    recordAudit(em, ctx, { operation: 'createCycle', entityType: 'Cycle', entityId: cycle.id, after: { ...snapshot(cycle), phases: computed.phases } });
    return cycle.id;
  });
  return getCycle(ctx, id);
}

async function lockedCycle(em: Parameters<Parameters<typeof inTransaction>[1]>[0], id: string, version: number): Promise<Cycle> {
  const cycle = await em.findOne(Cycle, { id });
  if (!cycle) throw notFound('Cycle', id);
  if (cycle.version !== version) throw conflict();
  return cycle;
}

async function replacePhases(ctx: RequestContext, id: string, version: number, overrides: PhaseOverride[] | 'keep', operation: string): Promise<CycleNode> {
  requireManager(ctx);
  const current = await ctx.db.rows<{ scheme_version_id: string; period_kind: string; period_key: string; period_start: string; period_end: string; state: CycleState }>(
    sql`select scheme_version_id, period_kind, period_key, period_start, period_end, state from cycle where id = ${id}`,
  );
  const row = current[0];
  if (!row) throw notFound('Cycle', id);
  if (['published', 'closed', 'cancelled'].includes(row.state))
    throw new AppError('VALIDATION_FAILED', `phases: the cycle is ${row.state}; its phases no longer change.`, [{ field: 'phases', rule: 'cycle_phases_final', message: `the cycle is ${row.state}` }]);
  const doc = await schemeDocument(ctx.db, row.scheme_version_id);
  const wanted = overrides === 'keep' ? await phaseOverridesOf(ctx, id) : overrides;
  const computed = await schedule(ctx, doc, periodOf(row.period_kind, row.period_key, row.period_start, row.period_end), wanted);
  await inTransaction(ctx, async (em) => {
    const cycle = await lockedCycle(em, id, version);
    const before = await em.find(CyclePhase, { cycle });
    const beforeView = before.map((p) => ({ phase: p.phase, opens: p.opens, closes: p.closes, overridden: p.overridden }));
    for (const p of before) em.remove(p);
    await em.flush();
    writePhases(em, cycle, computed.phases);
    cycle.updatedAt = new Date();
    em.persist(cycle);
    await em.flush();
    recordAudit(em, ctx, { operation, entityType: 'Cycle', entityId: id, before: { phases: beforeView }, after: { phases: computed.phases } });
  });
  return getCycle(ctx, id);
}

/** HR sets the dates of some phases for this cycle; the others are recomputed (later phases follow). */
export function updateCyclePhases(ctx: RequestContext, id: string, version: number, overrides: PhaseOverrideInput[]): Promise<CycleNode> {
  return replacePhases(ctx, id, version, toOverrides(overrides), 'updateCyclePhases');
}

/** Recomputes the stored phase dates on the current calendar (after HR edited a calendar year), keeping HR's overrides. */
export function recomputeCycleSchedule(ctx: RequestContext, id: string, version: number): Promise<CycleNode> {
  return replacePhases(ctx, id, version, 'keep', 'recomputeCycleSchedule');
}

interface PopulationComputation {
  population: Population;
  doc: SchemeDefinition;
  org: Awaited<ReturnType<typeof loadOrgSnapshot>>;
}

/** The population of a draft cycle from the organisation now and HR's stored changes. */
async function computePopulation(ctx: Pick<RequestContext, 'db'>, cycleId: string, extra?: readonly PopulationChange[]): Promise<PopulationComputation> {
  const rows = await ctx.db.rows<{ scheme_version_id: string; period_kind: string; period_start: string; period_end: string; target_department_ids: string[]; target_position_ids: string[] }>(
    sql`select scheme_version_id, period_kind, period_start, period_end, target_department_ids, target_position_ids from cycle where id = ${cycleId}`,
  );
  const c = rows[0];
  if (!c) throw notFound('Cycle', cycleId);
  const doc = await schemeDocument(ctx.db, c.scheme_version_id);
  const stored = await ctx.db.rows<{ employee_id: string; action: string; reason: string }>(sql`select employee_id, action, reason from cycle_population_change where cycle_id = ${cycleId} order by created_at`);
  const changes: PopulationChange[] = stored.map((s) => ({ employeeId: s.employee_id, action: s.action === 'ADD' ? 'add' : 'remove', reason: s.reason }));
  for (const change of extra ?? []) {
    const i = changes.findIndex((x) => x.employeeId === change.employeeId);
    if (i >= 0) changes.splice(i, 1);
    changes.push(change);
  }
  const org = await loadOrgSnapshot(ctx.db);
  const target = { departmentIds: c.target_department_ids, positionIds: c.target_position_ids };
  const changed = new Set(changes.map((x) => x.employeeId));
  // A probation cycle rates the people HR added (startProbationReview adds the person), never a whole target.
  const candidates = c.period_kind === 'PROBATION' ? org.employees.filter((e) => changed.has(e.employeeId)) : candidatesOf(org, target, changed);
  const population = buildPopulation({ scheme: doc, span: { start: c.period_start, end: c.period_end }, target, employees: candidates, changes });
  return { population, doc, org };
}

async function populationView(ctx: RequestContext, computation: PopulationComputation): Promise<PopulationPreviewView> {
  const { population, doc, org } = computation;
  const ids = [...population.included, ...population.excluded].map((e) => e.employeeId);
  const names = new Map(
    (await ctx.db.rows<{ id: string; name: string; employee_number: string }>(sql`select id, name, employee_number from employee where id = any(${ids}::uuid[])`)).map((r) => [r.id, r]),
  );
  const entry = (status: PopulationStatus) => (e: Population['included'][number]) => ({
    employeeId: e.employeeId,
    name: names.get(e.employeeId)?.name ?? '',
    employeeNumber: names.get(e.employeeId)?.employee_number ?? '',
    status,
    manual: e.manual ?? null,
    reasons: issueViews(e.reasons),
  });
  const plan = planLaunch(doc, population, org.directory);
  return {
    includedCount: population.included.length,
    excludedCount: population.excluded.length,
    entries: [...population.included.map(entry(PopulationStatus.INCLUDED)), ...population.excluded.map(entry(PopulationStatus.EXCLUDED))],
    issues: issueViews(population.issues),
    blocked: issueViews(plan.blocked.flatMap((b) => b.unresolved.map((u) => ({ code: u.code, message: `${names.get(b.employeeId)?.name ?? b.employeeId}: ${u.message}`, params: u.params })))),
  };
}

/**
 * Who the cycle includes and excludes, with reasons (HR). Before launch it is computed from the organisation now;
 * after launch it is the snapshot the launch froze.
 */
export async function previewPopulation(ctx: RequestContext, cycleId: string): Promise<PopulationPreviewView> {
  requireManager(ctx);
  const frozen = await ctx.db.rows<{ population_snapshot: PopulationPreviewView | null; state: string }>(sql`select population_snapshot, state from cycle where id = ${cycleId}`);
  if (!frozen[0]) throw notFound('Cycle', cycleId);
  if (frozen[0].state !== 'draft' && frozen[0].population_snapshot) return frozen[0].population_snapshot;
  return populationView(ctx, await computePopulation(ctx, cycleId));
}

/** HR adds or removes people of a draft cycle, each with a reason; checked by the domain, stored and audited. */
export async function changePopulation(ctx: RequestContext, cycleId: string, version: number, input: PopulationChangeInput[]): Promise<PopulationPreviewView> {
  requireManager(ctx);
  const changes: PopulationChange[] = input.map((c, i) => {
    if (c.action !== 'add' && c.action !== 'remove')
      throw new AppError('VALIDATION_FAILED', `changes[${i}].action: "add" or "remove"`, [{ field: `changes[${i}].action`, rule: 'population_action', message: 'expected "add" or "remove"' }]);
    return { employeeId: c.employeeId, action: c.action, reason: c.reason };
  });
  const known = await ctx.db.rows<{ id: string }>(sql`select id from employee where id = any(${changes.map((c) => c.employeeId)}::uuid[])`);
  const knownIds = new Set(known.map((k) => k.id));
  const unknown = changes.map((c, i) => [c, i] as const).filter(([c]) => !knownIds.has(c.employeeId));
  assertNoProblems(unknown.map(([c, i]) => ({ field: `changes[${i}].employeeId`, rule: 'population_unknown_employee', message: `employee ${c.employeeId} is not among the candidates` })));
  const computed = await computePopulation(ctx, cycleId, changes);
  if (computed.population.issues.length) assertNoProblems(problemsOf(computed.population.issues));
  await inTransaction(ctx, async (em) => {
    const cycle = await lockedCycle(em, cycleId, version);
    if (cycle.state !== 'draft')
      throw new AppError('VALIDATION_FAILED', 'changes: the population changes only before launch.', [{ field: 'changes', rule: 'population_after_launch', message: 'the cycle is launched' }]);
    for (const c of changes) {
      const existing = await em.findOne(CyclePopulationChange, { cycle, employee: c.employeeId });
      const before = existing ? snapshot(existing) : null;
      const row = existing ?? em.create(CyclePopulationChange, { cycle, employee: em.getReference(Employee, c.employeeId), action: 'ADD', reason: '' });
      row.action = c.action === 'add' ? 'ADD' : 'REMOVE';
      row.reason = c.reason.trim();
      row.createdByUserId = ctx.actor?.userId ?? null;
      await em.flush();
      recordAudit(em, ctx, { operation: 'changePopulation', entityType: 'Cycle', entityId: cycleId, before, after: snapshot(row) });
    }
    cycle.updatedAt = new Date();
    await em.flush();
  });
  return populationView(ctx, await computePopulation(ctx, cycleId));
}

/** Counts behind the cycle guards and the progress view, in one statement. */
async function cycleCounts(ctx: Pick<RequestContext, 'db'>, cycleId: string) {
  const rows = await ctx.db.rows<{ appraisals: number; scored: number; pending_self: number; self_submitted: number; expected: number; submitted: number }>(
    sql`select
          (select count(*)::int from appraisal a where a.cycle_id = ${cycleId} and a.state <> 'excluded') as appraisals,
          (select count(*)::int from appraisal a where a.cycle_id = ${cycleId} and a.state <> 'excluded' and a.result_id is not null) as scored,
          (select count(*)::int from appraisal a where a.cycle_id = ${cycleId} and a.state = 'self_review' and a.self_review_state <> 'SUBMITTED') as pending_self,
          (select count(*)::int from appraisal a where a.cycle_id = ${cycleId} and a.self_review_state = 'SUBMITTED') as self_submitted,
          (select count(*)::int from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = ${cycleId} and r.state <> 'reassigned') as expected,
          (select count(*)::int from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = ${cycleId} and r.state = 'submitted') as submitted`,
  );
  return rows[0] as NonNullable<(typeof rows)[number]>;
}

export async function cycleProgress(ctx: RequestContext, cycleId: string): Promise<CycleProgressView> {
  const c = await cycleCounts(ctx, cycleId);
  return { appraisals: c.appraisals, scored: c.scored, ratingsExpected: c.expected, ratingsSubmitted: c.submitted, selfReviewsSubmitted: c.self_submitted };
}

/** How the appraisals of a cycle move with a cycle step (bulk, in the same transaction). */
const APPRAISAL_MOVES: Partial<Record<CycleAction, { from: string[]; to: string; needsResult?: boolean }>> = {
  start_self_review: { from: ['pending'], to: 'self_review' },
  skip_self_review: { from: ['pending'], to: 'rating' },
  start_rating: { from: ['self_review'], to: 'rating' },
  start_calibration: { from: ['rating'], to: 'calibrated', needsResult: true },
  return_to_rating: { from: ['calibrated'], to: 'rating' },
};

/**
 * Takes a step of the cycle workflow (HR) with the facts its guards read computed in SQL; the cycle's
 * appraisals follow (pending -> self_review or rating, ... -> calibrated). Audited with before and after.
 */
/** Appeals of a cycle's appraisals that are not closed or withdrawn yet. */
async function openAppealsOf(ctx: RequestContext, cycleId: string): Promise<number> {
  const rows = await ctx.db.rows<{ n: number }>(
    sql`select count(*)::int as n from appeal ap join appraisal a on a.id = ap.appraisal_id where a.cycle_id = ${cycleId} and ap.state in ('filed', 'under_review', 'decided')`,
  );
  return rows[0]?.n ?? 0;
}

export async function transitionCycle(ctx: RequestContext, id: string, version: number, action: CycleActionValue, reason: string | null | undefined): Promise<CycleNode> {
  const actor = requireManager(ctx);
  const rows = await ctx.db.rows<{ state: CycleState; scheme_version_id: string }>(sql`select state, scheme_version_id from cycle where id = ${id}`);
  const row = rows[0];
  if (!row) throw notFound('Cycle', id);
  const doc = await schemeDocument(ctx.db, row.scheme_version_id);
  const counts = await cycleCounts(ctx, id);
  const selfPhase = await ctx.db.rows<{ closes: string }>(sql`select closes from cycle_phase where cycle_id = ${id} and phase = 'selfReview'`);
  const facts: CycleContext = {
    roles: actor.roles,
    participantCount: counts.appraisals,
    selfReviewRequired: doc.sections.some((s) => s.raters.some((r) => r.role === 'SELF')),
    pendingSelfReviews: counts.pending_self,
    selfReviewDeadlinePassed: selfPhase[0] ? selfPhase[0].closes < ctx.clock.today() : true,
    unscoredAppraisals: counts.appraisals - counts.scored,
    // Appeals against the cycle's results (filed, under review or decided) keep it from closing: closing freezes them.
    openAppeals: (action as string) === 'close' ? await openAppealsOf(ctx, id) : 0,
    ...(reason ? { cancelReason: reason } : {}),
  };
  const step = nextState(cycleWorkflow, row.state, action as CycleAction, facts);
  if (!step.ok) assertNoProblems(problemsOf([{ ...step.issue, path: ['action'] }]));
  const to = (step as { ok: true; to: CycleState }).to;
  await inTransaction(ctx, async (em) => {
    const cycle = await lockedCycle(em, id, version);
    const before = cycle.state;
    cycle.state = to;
    if (to === 'cancelled') cycle.cancelReason = reason?.trim() ?? null;
    if (to === 'closed') cycle.closedAt = new Date();
    await em.flush();
    const move = APPRAISAL_MOVES[action as CycleAction];
    if (move)
      await em.getConnection().execute(
        `update appraisal set state = ?, version = version + 1, updated_at = now()
         where cycle_id = ? and state in (select json_array_elements_text(?::json))${move.needsResult ? ' and result_id is not null' : ''}`,
        [move.to, id, JSON.stringify(move.from)],
        'run',
        em.getTransactionContext(),
      );
    recordAudit(em, ctx, { operation: 'transitionCycle', entityType: 'Cycle', entityId: id, before: { state: before }, after: { state: to, action, reason: reason ?? null } });
    // A phase opens: its participants are told (a generated notice, once per cycle and phase).
    await announceCyclePhase(em, ctx, id, to);
  });
  return getCycle(ctx, id);
}

/** HR reopens a window (cycle, appraisal or rating) until a date, with a reason; checked by the domain, append-only, audited. */
export async function reopenWindow(ctx: RequestContext, cycleId: string, input: ReopenWindowInput): Promise<CycleNode> {
  requireManager(ctx);
  const phases = await ctx.db.rows<{ phase: string; opens: string; closes: string; nominal_closes: string; postponed: boolean; overridden: boolean }>(
    sql`select phase, opens, closes, nominal_closes, postponed, overridden from cycle_phase where cycle_id = ${cycleId}`,
  );
  const scope: DomainReopening['scope'] =
    input.scope === 'APPRAISAL' ? { kind: 'appraisal', appraisalId: input.appraisalId ?? '' } : input.scope === 'RATING' ? { kind: 'rating', ratingId: input.ratingId ?? '' } : { kind: 'cycle' };
  const problems = [];
  if (input.scope === 'APPRAISAL' && !input.appraisalId) problems.push({ field: 'appraisalId', rule: 'required', message: 'an APPRAISAL reopening names the appraisal' });
  if (input.scope === 'RATING' && !input.ratingId) problems.push({ field: 'ratingId', rule: 'required', message: 'a RATING reopening names the rating' });
  assertNoProblems(problems);
  if (input.appraisalId || input.ratingId) {
    const belongs = input.ratingId
      ? await ctx.db.rows(sql`select 1 from rating r join appraisal a on a.id = r.appraisal_id where r.id = ${input.ratingId} and a.cycle_id = ${cycleId}`)
      : await ctx.db.rows(sql`select 1 from appraisal a where a.id = ${input.appraisalId} and a.cycle_id = ${cycleId}`);
    if (!belongs.length) throw notFound(input.ratingId ? 'Rating' : 'Appraisal', input.ratingId ?? input.appraisalId ?? '');
  }
  const issues = checkReopening(
    { window: input.window, scope, until: input.until, reason: input.reason },
    ctx.clock.today(),
    phases.map((p) => ({ phase: p.phase as PhaseOverride['phase'], opens: p.opens, closes: p.closes, nominalCloses: p.nominal_closes, postponed: p.postponed, overridden: p.overridden })),
  );
  assertNoProblems(problemsOf(issues));
  await inTransaction(ctx, async (em) => {
    const cycle = await em.findOne(Cycle, { id: cycleId });
    if (!cycle) throw notFound('Cycle', cycleId);
    const reopening = em.create(PhaseReopening, {
      cycle,
      window: input.window,
      scopeKind: input.scope,
      appraisal: input.appraisalId ? em.getReference('Appraisal', input.appraisalId) : null,
      rating: input.ratingId ? em.getReference('Rating', input.ratingId) : null,
      until: input.until,
      reason: input.reason.trim(),
      createdByUserId: ctx.actor?.userId ?? null,
    } as never);
    await em.flush();
    recordAudit(em, ctx, { operation: 'reopenWindow', entityType: 'Cycle', entityId: cycleId, after: snapshot(reopening) });
  });
  return getCycle(ctx, cycleId);
}

// ---- launch -----------------------------------------------------------------------------------------------

/** The launch job's payload. */
export interface LaunchJobData {
  cycleId: string;
}

/**
 * Starts the launch of a draft cycle (HR): checks that someone is included, marks the launch RUNNING (audited)
 * and queues the `cycle.launch` job. Launching again while it runs changes nothing; after a failure it restarts.
 */
export async function launchCycle(ctx: RequestContext, id: string, version: number): Promise<CycleNode> {
  requireManager(ctx);
  const { population } = await computePopulation(ctx, id);
  if (population.included.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The cycle has no eligible participants.', [{ field: 'population', rule: 'cycle_no_participants', message: 'the cycle has no eligible participants' }]);
  await inTransaction(ctx, async (em) => {
    const cycle = await lockedCycle(em, id, version);
    if (cycle.state !== 'draft')
      throw new AppError('VALIDATION_FAILED', `The cycle is ${cycle.state}: it was launched already.`, [{ field: 'id', rule: 'cycle_launched', message: 'the cycle was launched already' }]);
    if (cycle.launchStatus === 'RUNNING') return;
    cycle.launchStatus = 'RUNNING';
    cycle.launchProgress = { total: population.included.length, done: 0, batches: 0, startedAt: new Date().toISOString() };
    await em.flush();
    recordAudit(em, ctx, { operation: 'launchCycle', entityType: 'Cycle', entityId: id, before: { launchStatus: 'NOT_STARTED' }, after: { launchStatus: 'RUNNING', included: population.included.length } });
  });
  await ctx.jobs.send<LaunchJobData>('cycle.launch', { cycleId: id }, `launch:${id}`);
  return getCycle(ctx, id);
}

export interface LaunchOptions {
  batchSize?: number;
  /** Called after each committed batch (tests inject a crash here). */
  afterBatch?: (batch: number) => void | Promise<void>;
}

/**
 * The launch job: the deterministic plan (`planLaunch`, sorted by employee id) inserted in batches, each batch
 * its own transaction with `on conflict do nothing`, so a rerun after a crash inserts only what is missing and
 * a second run inserts nothing. The cycle stays `draft` (hidden from everyone but HR) until the last statement
 * freezes the population and opens it in one transaction: no half-launched cycle is ever visible as open.
 */
export async function runLaunch(ctx: RequestContext, cycleId: string, options: LaunchOptions = {}): Promise<void> {
  const rows = await ctx.db.rows<{ state: string; launch_status: string }>(sql`select state, launch_status from cycle where id = ${cycleId}`);
  const row = rows[0];
  if (!row || row.state !== 'draft' || row.launch_status === 'DONE') return;
  const started = Date.now();
  try {
    const computation = await computePopulation(ctx, cycleId);
    const { population, doc, org } = computation;
    const plan = planLaunch(doc, population, org.directory);
    const manual = new Set(population.included.filter((e) => e.manual === 'add').map((e) => e.employeeId));
    const batchSize = options.batchSize ?? 1000;
    const connection = ctx.em.getConnection();
    let batch = 0;
    for (let i = 0; i < plan.appraisals.length; i += batchSize) {
      const slice = plan.appraisals.slice(i, i + batchSize);
      const employeeIds = slice.map((a) => a.employeeId);
      await ctx.em.transactional(async (em) => {
        const tx = em.getTransactionContext();
        // One JSON parameter per batch: 1,000 rows in one statement, bound, never inlined.
        const appraisalRows = employeeIds.map((e) => ({ e, g: org.departmentOf.get(e) ?? null, m: manual.has(e) }));
        await connection.execute(
          `insert into appraisal (id, created_at, updated_at, cycle_id, employee_id, group_key, included_manually)
           select gen_random_uuid(), now(), now(), ?, t.e, t.g, t.m from json_to_recordset(?::json) as t(e uuid, g text, m boolean)
           on conflict (cycle_id, employee_id) do nothing`,
          [cycleId, JSON.stringify(appraisalRows)],
          'run',
          tx,
        );
        const ids = await connection.execute<Array<{ id: string; employee_id: string }>>(
          'select a.id, a.employee_id from appraisal a join json_array_elements_text(?::json) as t(e) on t.e::uuid = a.employee_id where a.cycle_id = ?',
          [JSON.stringify(employeeIds), cycleId],
          'all',
          tx,
        );
        const appraisalOf = new Map(ids.map((r) => [r.employee_id, r.id]));
        const ratingRows: Array<{ a: string; k: string; s: string; r: string; p: string | null; src: string }> = [];
        for (const a of slice)
          for (const slot of a.slots)
            ratingRows.push({ a: appraisalOf.get(a.employeeId) as string, k: slot.key, s: slot.section, r: slot.role, p: slot.raterId, src: slot.source === 'data' ? 'DATA' : 'PERSON' });
        if (ratingRows.length)
          await connection.execute(
            `insert into rating (id, created_at, updated_at, appraisal_id, slot_key, section, role, rater_employee_id, source, items)
             select gen_random_uuid(), now(), now(), t.a, t.k, t.s, t.r, t.p, t.src, '{}'::jsonb from json_to_recordset(?::json) as t(a uuid, k text, s text, r text, p uuid, src text)
             on conflict (appraisal_id, slot_key) where state <> 'reassigned' do nothing`,
            [JSON.stringify(ratingRows)],
            'run',
            tx,
          );
        batch++;
        await connection.execute(
          `update cycle set launch_progress = jsonb_set(jsonb_set(coalesce(launch_progress, '{}'::jsonb), '{done}', to_jsonb(?::int)), '{batches}', to_jsonb(?::int)) where id = ?`,
          [Math.min(i + batchSize, plan.appraisals.length), batch, cycleId],
          'run',
          tx,
        );
      });
      await options.afterBatch?.(batch);
    }
    const snapshotView = await populationView(ctx, computation);
    await ctx.em.transactional(async (em) => {
      const cycle = await em.findOneOrFail(Cycle, { id: cycleId });
      if (cycle.state !== 'draft') return;
      const step = nextState(cycleWorkflow, 'draft', 'open', { roles: ['HR'], participantCount: plan.appraisals.length });
      if (!step.ok) throw new Error(step.issue.message);
      cycle.state = step.to;
      cycle.launchStatus = 'DONE';
      cycle.populationSnapshot = snapshotView as unknown as Record<string, unknown>;
      cycle.launchProgress = { ...(cycle.launchProgress ?? { total: 0, done: 0 }), total: plan.appraisals.length, done: plan.appraisals.length, batches: batch, blocked: plan.blocked.length, finishedAt: new Date().toISOString() };
      await em.flush();
      recordAudit(em, ctx, { operation: 'launchCycleDone', entityType: 'Cycle', entityId: cycleId, after: { state: cycle.state, appraisals: plan.counts.appraisals, slots: plan.counts.slots, blocked: plan.blocked.length, ms: Date.now() - started } });
    });
  } catch (error) {
    ctx.log.error({ err: error, cycleId }, 'cycle launch failed');
    await ctx.db.rows(sql`update cycle set launch_progress = coalesce(launch_progress, '{}'::jsonb) || jsonb_build_object('error', ${String((error as Error).message).slice(0, 500)}::text) where id = ${cycleId} and state = 'draft' returning id`);
    throw error;
  }
}

/** Cycles whose launch was interrupted (the replica died): queued again at start-up. */
export async function interruptedLaunches(ctx: RequestContext): Promise<Array<{ data: LaunchJobData; singletonKey: string }>> {
  const rows = await ctx.db.rows<{ id: string }>(sql`select id from cycle where state = 'draft' and launch_status = 'RUNNING'`);
  return rows.map((r) => ({ data: { cycleId: r.id }, singletonKey: `launch:${r.id}` }));
}

