import { randomUUID } from 'node:crypto';
import { applyMeasuredInputs, computeResult, type DomainIssue, type ItemInput, type MeasuredEntry, type RaterRole, type StoredRating } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../core/context.js';
import { executeBound } from '../../core/db.js';
import { sameJson } from '../../core/json.js';
import { recordAuditRows } from '../audit/audit.service.js';
import { schemeDocument } from './cycle-data.js';
import { entryOfRow } from './measured-input.data.js';

/** What computing one appraisal's result did. */
export type ComputeOutcome = 'computed' | 'waiting' | 'blocked' | 'unchanged';

export interface ComputeResultsOptions {
  schemeVersionId: string;
  computedBy: 'SUBMISSION' | 'CLOSE_JOB';
  /** HR closed the rating phase: ratings not submitted count as missing (the scheme's missing-rater policy). */
  closing?: boolean;
  /** Only appraisals without a result (the close job): one that got a result meanwhile is left as it is ('unchanged'). */
  onlyMissing?: boolean;
  /** Called with the engine's issues of each appraisal it cannot score. */
  onBlocked?: (appraisalId: string, employeeId: string, issues: readonly DomainIssue[]) => void;
}

/** A uuid list as one array parameter (ids come from the database: no quoting needed beyond the literal). */
const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;

/**
 * Computes the results of a set of appraisals of one cycle in the caller's transaction, in a constant number of
 * statements for any number of appraisals (the close job passes ~1,000 at a time; a submission passes one):
 * the appraisal rows are locked (`for update`, in id order, so a rating submitted at the same moment computes
 * once and two batches never deadlock), their ratings, plus/minus entries, measured inputs and latest result
 * number are read with one statement each, the engine computes each result with the scheme version's compiled
 * form (cached per version for the process), and the new `appraisal_result` rows, `appraisal.result_id` (with a
 * version bump, so a concurrent editor holding the old version gets a CONFLICT) and one audit row per appraisal
 * are written with one multi-row statement each. An appraisal whose current result was computed from the same
 * engine input is 'unchanged' (idempotent).
 */
export async function computeResults(ctx: Pick<RequestContext, 'db' | 'actor' | 'requestId'>, em: EntityManager, appraisalIds: readonly string[], options: ComputeResultsOptions): Promise<Map<string, ComputeOutcome>> {
  const outcomes = new Map<string, ComputeOutcome>();
  if (!appraisalIds.length) return outcomes;
  const tx = em.getTransactionContext();
  const connection = em.getConnection();
  const run = <T>(text: string, params: unknown[]) => connection.execute<T[]>(text, params, 'all', tx);
  const ids = uuidArray([...appraisalIds].sort());
  const locked = await run<{ id: string; cycle_id: string; employee_id: string; participated: boolean; result_id: string | null }>(
    `select id, cycle_id, employee_id, participated, result_id from appraisal where id = any(?::uuid[])${options.onlyMissing ? ` and result_id is null and state <> 'excluded'` : ''} order by id for update`,
    [ids],
  );
  for (const id of appraisalIds) outcomes.set(id, options.onlyMissing ? 'unchanged' : 'blocked');
  if (!locked.length) return outcomes;
  const lockedIds = uuidArray(locked.map((a) => a.id));
  const [ratings, adjustments, measured, previous] = [
    await run<{ appraisal_id: string; slot_key: string; section: string; role: RaterRole; rater_employee_id: string | null; state: StoredRating['state']; items: Record<string, ItemInput> }>(
      'select appraisal_id, slot_key, section, role, rater_employee_id, state, items from rating where appraisal_id = any(?::uuid[]) order by appraisal_id, slot_key',
      [lockedIds],
    ),
    await run<{ appraisal_id: string; rule: string; count: number | null; amount: string | null }>(
      'select appraisal_id, rule, count, amount::text as amount from appraisal_adjustment where appraisal_id = any(?::uuid[]) and removed_at is null order by appraisal_id, created_at',
      [lockedIds],
    ),
    // Measured inputs (surveys, occurrence logs) are engine input: they fill their items and data slots.
    await run<{ cycle_id: string; employee_id: string; kind: string; item: string | null; payload: Record<string, unknown> }>(
      `select m.cycle_id, m.employee_id, m.kind, m.item, m.payload from measured_input m join appraisal a on a.cycle_id = m.cycle_id and a.employee_id = m.employee_id
       where a.id = any(?::uuid[]) order by m.created_at, m.id`,
      [lockedIds],
    ),
    // The latest result number of each appraisal; its engine input only where the appraisal has a current result.
    await run<{ appraisal_id: string; number: number; input: unknown }>(
      `select distinct on (r.appraisal_id) r.appraisal_id, r.number, case when a.result_id is not null then r.record->'input' end as input
       from appraisal_result r join appraisal a on a.id = r.appraisal_id where r.appraisal_id = any(?::uuid[]) order by r.appraisal_id, r.number desc`,
      [lockedIds],
    ),
  ];
  const group = <R, K>(rows: readonly R[], key: (r: R) => K): Map<K, R[]> => {
    const out = new Map<K, R[]>();
    for (const r of rows) {
      const list = out.get(key(r));
      if (list) list.push(r);
      else out.set(key(r), [r]);
    }
    return out;
  };
  const ratingsOf = group(ratings, (r) => r.appraisal_id);
  const adjustmentsOf = group(adjustments, (a) => a.appraisal_id);
  const measuredOf = group(measured, (m) => `${m.cycle_id}/${m.employee_id}`);
  const previousOf = new Map(previous.map((p) => [p.appraisal_id, p]));
  const doc = await schemeDocument(ctx.db, options.schemeVersionId);

  const results: Array<{ id: string; a: string; n: number; b: string; total: string; g: string | null; record: unknown }> = [];
  for (const appraisal of locked) {
    const stored: StoredRating[] = (ratingsOf.get(appraisal.id) ?? []).map((r) => ({ slotKey: r.slot_key, section: r.section, role: r.role, raterId: r.rater_employee_id, state: r.state, items: r.items }));
    const entries = (measuredOf.get(`${appraisal.cycle_id}/${appraisal.employee_id}`) ?? []).map((r) => entryOfRow(r.kind, r.item, r.payload)).filter((e): e is MeasuredEntry => e !== null);
    const outcome = computeResult({
      scheme: doc,
      schemeVersionId: options.schemeVersionId,
      closing: options.closing === true,
      inputs: {
        appraisalId: appraisal.id,
        employeeId: appraisal.employee_id,
        participated: appraisal.participated,
        ratings: applyMeasuredInputs(doc, stored, entries),
        adjustments: (adjustmentsOf.get(appraisal.id) ?? []).map((a) => ({ rule: a.rule, ...(a.count === null ? {} : { count: a.count }), ...(a.amount === null ? {} : { amount: a.amount }) })),
      },
    });
    if (outcome.status === 'blocked') options.onBlocked?.(appraisal.id, appraisal.employee_id, outcome.issues);
    if (outcome.status !== 'computed') {
      outcomes.set(appraisal.id, outcome.status);
      continue;
    }
    const last = previousOf.get(appraisal.id);
    // Canonical comparison: the stored input is jsonb, which keeps its keys in its own order, not the engine's.
    if (last && appraisal.result_id && sameJson(last.input, outcome.record.input)) {
      outcomes.set(appraisal.id, 'unchanged');
      continue;
    }
    const record = outcome.record;
    results.push({
      id: randomUUID(),
      a: appraisal.id,
      n: (last?.number ?? 0) + 1,
      b: record.basis === 'complete' ? 'COMPLETE' : 'CLOSED_WITH_MISSING',
      total: record.output.total,
      g: record.output.grade?.grade ?? null,
      record,
    });
    outcomes.set(appraisal.id, 'computed');
  }
  if (!results.length) return outcomes;
  // The writes carry the chunk as one JSON parameter each: bound, not inlined (executeBound).
  await executeBound(
    em,
    `insert into appraisal_result (id, created_at, updated_at, appraisal_id, number, scheme_version_id, basis, total, engine_grade, record, computed_by)
     select t.id, now(), now(), t.a, t.n, ?, t.b, t.total::numeric, t.g, t.record, ?
     from jsonb_to_recordset(?::jsonb) as t(id uuid, a uuid, n int, b text, total text, g text, record jsonb)`,
    [options.schemeVersionId, options.computedBy, JSON.stringify(results)],
  );
  await executeBound(
    em,
    `update appraisal a set result_id = t.r, version = a.version + 1, updated_at = now() from jsonb_to_recordset(?::jsonb) as t(a uuid, r uuid) where a.id = t.a`,
    [JSON.stringify(results.map((r) => ({ a: r.a, r: r.id })))],
  );
  await recordAuditRows(
    em,
    ctx,
    results.map((r) => ({
      operation: 'computeResult',
      entityType: 'Appraisal',
      entityId: r.a,
      after: { resultId: r.id, number: r.n, total: r.total, grade: r.g, basis: r.b === 'COMPLETE' ? 'complete' : 'closedWithMissing', computedBy: options.computedBy },
    })),
  );
  return outcomes;
}
