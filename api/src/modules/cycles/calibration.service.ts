import {
  applyGradeChanges,
  type CalibrationMember,
  calibrationReport,
  type CalibrationReport,
  canManageCycles,
  changeGrade as checkGradeChange,
  type GradeChange as DomainGradeChange,
  groupMembers,
  proposalChanges,
  type SchemeDefinition,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { type ReadDb, sql, type Sql } from '../../core/db.js';
import { AppError, assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { Appraisal, GradeChange } from './appraisal.entity.js';
import { issueViews, problemsOf, schemeDocument } from './cycle-data.js';
import type { CalibrationGroupView } from './results.types.js';

/** Cycle states in which grades may still change (after the rating phase, before publication). */
export const CALIBRATING_STATES: ReadonlySet<string> = new Set(['calibration', 'hr_review']);

/** A cycle's calibration members with their groups: one statement (the `(cycle_id, group_key, final_grade)` index). */
export async function calibrationMembers(db: ReadDb, cycleId: string): Promise<CalibrationMember[]> {
  const rows = await db.rows<{ id: string; employee_id: string; group_key: string | null; total: string; engine_grade: string | null; grade: string | null; sections: Array<{ id: string; score: string }> | null }>(
    sql`select a.id, a.employee_id, a.group_key, trim_scale(r.total)::text as total, r.engine_grade, coalesce(a.final_grade, r.engine_grade) as grade,
               r.record->'output'->'sections' as sections
        from appraisal a join appraisal_result r on r.id = a.result_id
        where a.cycle_id = ${cycleId} and a.state <> 'excluded'
        order by a.group_key, a.employee_id`,
  );
  return rows.map((r) => ({
    appraisalId: r.id,
    employeeId: r.employee_id,
    groupKey: r.group_key ?? '',
    total: r.total,
    engineGrade: r.engine_grade ?? '',
    grade: r.grade ?? '',
    sections: Object.fromEntries((r.sections ?? []).map((s) => [s.id, s.score])),
  }));
}

/** The calibration reports of every group of a cycle (domain `calibrationReport` per group). */
export function reportsOf(doc: SchemeDefinition, members: readonly CalibrationMember[]): { reports: CalibrationReport[]; groups: Map<string, CalibrationMember[]> } {
  const groups = groupMembers(members);
  return { reports: [...groups].map(([key, list]) => calibrationReport(doc, key, list)), groups };
}

async function cycleRow(db: ReadDb, cycleId: string) {
  const rows = await db.rows<{ id: string; state: string; scheme_version_id: string; version: number }>(sql`select id, state, scheme_version_id, version from cycle where id = ${cycleId}`);
  if (!rows[0]) throw notFound('Cycle', cycleId);
  return rows[0];
}

/** The calibration view of a cycle (HR): per group the distribution, violations and the engine's proposal. */
export async function cycleCalibration(ctx: RequestContext, cycleId: string): Promise<CalibrationGroupView[]> {
  const cycle = await cycleRow(ctx.db, cycleId);
  const doc = await schemeDocument(ctx.db, cycle.scheme_version_id);
  const members = await calibrationMembers(ctx.db, cycleId);
  const { reports, groups } = reportsOf(doc, members);
  const keys = reports.map((r) => r.groupKey);
  const names = new Map(
    (await ctx.db.rows<{ id: string; name: string; name_zh: string | null }>(sql`select id::text as id, name, name_zh from department where id::text = any(${keys}::text[])`)).map((d) => [d.id, d]),
  );
  return reports.map((r) => {
    const byEmployee = new Map((groups.get(r.groupKey) ?? []).map((m) => [m.employeeId, m]));
    return {
      groupKey: r.groupKey,
      groupName: names.get(r.groupKey)?.name ?? null,
      groupNameZh: names.get(r.groupKey)?.name_zh ?? null,
      size: r.size,
      counts: r.counts,
      violations: issueViews(r.violations),
      proposal: (r.proposal?.rows ?? [])
        .filter((row) => row.from !== row.to)
        .map((row) => ({ appraisalId: byEmployee.get(row.employeeId)?.appraisalId ?? '', employeeId: row.employeeId, rank: row.rank, from: row.from, to: row.to })),
    };
  });
}

function requireCalibrator(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('calibrating grades');
  return actor;
}

function notCalibrating(state: string): AppError {
  return new AppError('VALIDATION_FAILED', `The cycle is ${state}: grades change only in calibration.`, [
    { field: 'cycle', rule: 'calibration_not_open', message: `the cycle is ${state}; grades change only in calibration or HR review`, params: { state } },
  ]);
}

/** Writes grade changes: a grade_change row each, the appraisal's final grade (version + 1), one audit entry each. */
async function writeChanges(em: EntityManager, ctx: RequestContext, changes: readonly DomainGradeChange[], operation: string): Promise<void> {
  const tx = em.getTransactionContext();
  for (const c of changes) {
    em.create(GradeChange, {
      appraisal: em.getReference(Appraisal, c.appraisalId),
      fromGrade: c.from || null,
      toGrade: c.to,
      reason: c.reason.trim(),
      source: c.source === 'hr' ? 'HR' : 'PROPOSAL',
      rank: c.rank,
      groupSize: c.groupSize,
      createdByUserId: ctx.actor?.userId ?? null,
    });
    recordAudit(em, ctx, { operation, entityType: 'Appraisal', entityId: c.appraisalId, before: { grade: c.from }, after: { grade: c.to, reason: c.reason, source: c.source, rank: c.rank, groupSize: c.groupSize } });
  }
  await em.flush();
  if (changes.length)
    await em.getConnection().execute(
      `update appraisal a set final_grade = t.g, version = a.version + 1, updated_at = now() from json_to_recordset(?::json) as t(id uuid, g text) where a.id = t.id`,
      [JSON.stringify(changes.map((c) => ({ id: c.appraisalId, g: c.to })))],
      'run',
      tx,
    );
}

/**
 * HR changes one appraisal's grade in calibration, with a reason (domain `changeGrade`: a grade of the scheme,
 * different from the current one, before publication). Stale version -> CONFLICT. Appends a grade_change row
 * with the member's rank, sets the final grade and writes an audit entry.
 */
export async function changeAppraisalGrade(ctx: RequestContext, appraisalId: string, version: number, to: string, reason: string): Promise<string> {
  requireCalibrator(ctx);
  const rows = await ctx.db.rows<{ cycle_id: string; version: number; group_key: string | null; published_at: string | null; state: string; scheme_version_id: string }>(
    sql`select a.cycle_id, a.version, a.group_key, a.published_at, c.state, c.scheme_version_id from appraisal a join cycle c on c.id = a.cycle_id where a.id = ${appraisalId}`,
  );
  const row = rows[0];
  if (!row) throw notFound('Appraisal', appraisalId);
  if (!row.published_at && !CALIBRATING_STATES.has(row.state)) throw notCalibrating(row.state);
  const doc = await schemeDocument(ctx.db, row.scheme_version_id);
  await inTransaction(ctx, async (em) => {
    // Lock the group's rows so concurrent changes in one group rank against the same grades.
    await em.getConnection().execute('select id from appraisal where cycle_id = ? and group_key is not distinct from ? for update', [row.cycle_id, row.group_key], 'all', em.getTransactionContext());
    const current = await em.getConnection().execute<Array<{ version: number }>>('select version from appraisal where id = ?', [appraisalId], 'all', em.getTransactionContext());
    if (current[0]?.version !== version) throw staleRecord();
    const group = (await calibrationMembersTx(em, row.cycle_id)).filter((m) => m.groupKey === (row.group_key ?? ''));
    const checked = checkGradeChange(doc, group, { appraisalId, to, reason }, row.published_at !== null);
    if (!checked.ok) assertNoProblems(problemsOf(checked.issues));
    await writeChanges(em, ctx, [(checked as { ok: true; value: DomainGradeChange }).value], 'changeGrade');
  });
  return appraisalId;
}

/** Reads inside a transaction with the ReadDb interface (statements keep their bind parameters). */
export function txDb(em: EntityManager): ReadDb {
  const tx = em.getTransactionContext();
  return { rows: async <T>(q: Sql) => (await em.getConnection().execute(q.sql, q.values as unknown[], 'all', tx)) as T[] };
}

/** The members inside a transaction (after the locks). */
async function calibrationMembersTx(em: EntityManager, cycleId: string): Promise<CalibrationMember[]> {
  return calibrationMembers(txDb(em), cycleId);
}

/**
 * HR accepts the engine's proposal for one group (or every group when groupKey is null): each move becomes a
 * grade_change (source PROPOSAL, reason naming the rank) with an audit entry. The cycle's version guards against
 * accepting a proposal computed from grades that changed since (CONFLICT).
 */
export async function applyCalibrationProposal(ctx: RequestContext, cycleId: string, version: number, groupKey: string | null): Promise<number> {
  requireCalibrator(ctx);
  const cycle = await cycleRow(ctx.db, cycleId);
  if (!CALIBRATING_STATES.has(cycle.state)) throw notCalibrating(cycle.state);
  const doc = await schemeDocument(ctx.db, cycle.scheme_version_id);
  return inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    const locked = await em.getConnection().execute<Array<{ version: number }>>('select version from cycle where id = ? for update', [cycleId], 'all', tx);
    if (locked[0]?.version !== version) throw staleRecord();
    const members = await calibrationMembersTx(em, cycleId);
    const { reports, groups } = reportsOf(doc, members);
    const chosen = reports.filter((r) => groupKey === null || r.groupKey === groupKey);
    if (groupKey !== null && chosen.length === 0) throw notFound('CalibrationGroup', groupKey);
    const changes = chosen.flatMap((r) => proposalChanges(r, groups.get(r.groupKey) ?? []));
    await writeChanges(em, ctx, changes, 'applyCalibrationProposal');
    // The cycle's version moves so a second acceptance of the same (now stale) proposal is a CONFLICT.
    await em.getConnection().execute('update cycle set version = version + 1, updated_at = now() where id = ?', [cycleId], 'run', tx);
    recordAudit(em, ctx, { operation: 'applyCalibrationProposal', entityType: 'Cycle', entityId: cycleId, after: { groupKey, changes: changes.length, remaining: applyGradeChanges(members, changes).length } });
    await em.flush();
    return changes.length;
  });
}
