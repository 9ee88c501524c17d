import { canManageCycles, Decimal, type DomainIssue, type SchemeDefinition } from '@appraisal/domain';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { assertNoProblems, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { schemeDocument } from './cycle-data.js';
import { type CycleGroupAmountView, GroupAmountKind, type GroupAmountInput } from './group-amounts.types.js';
import { problemsWithParams, WHOLE_CYCLE_GROUP } from './publish.service.js';

/** States in which HR still sets the money a cycle's pay rules split (publishing prices with it; afterwards it is fixed). */
const AMOUNT_STATES = new Set(['draft', 'open', 'self_review', 'rating', 'calibration', 'hr_review']);
/** numeric(14,2): at most 12 digits before the point. */
const MAX_AMOUNT = new Decimal('999999999999.99');

/** Which amount kinds the scheme's pay rules read: a score-weighted pool split needs POOL, an output split OUTPUT_VALUE (or the inputs of its formula). */
export function amountKindsOf(doc: SchemeDefinition): { kinds: Set<GroupAmountKind>; inputs: string[] } {
  const kinds = new Set<GroupAmountKind>();
  const inputs: string[] = [];
  for (const p of doc.pay) {
    if (p.rule.kind !== 'poolSplit') continue;
    kinds.add(p.rule.weightBy === 'score' ? GroupAmountKind.POOL : GroupAmountKind.OUTPUT_VALUE);
    if (p.rule.weightBy !== 'score' && p.outputValue) {
      kinds.add(GroupAmountKind.OUTPUT_INPUT);
      inputs.push(...p.outputValue.inputs.map((i) => i.name));
    }
  }
  return { kinds, inputs };
}

const issue = (code: string, message: string, params: Record<string, string>, path: Array<string | number>): DomainIssue => ({ code, message, params, path });

/** Checks one amount: a non-negative decimal with at most `places` places (2 for money) that fits numeric(14,2). */
function checkAmount(value: string, path: Array<string | number>, places = 2): DomainIssue | null {
  if (!new RegExp(`^\\d{1,12}(\\.\\d{1,${places}})?$`).test(value.trim())) {
    const d = /^-?\d+(\.\d+)?$/.test(value.trim()) ? new Decimal(value.trim()) : null;
    if (d?.isNegative()) return issue('group_amount_negative', `${value} is negative`, { value }, path);
    if (d && d.decimalPlaces() > places) return issue('group_amount_cents', `${value} has more than ${places} decimal places`, { value, places: String(places) }, path);
    if (d && d.gt(MAX_AMOUNT)) return issue('group_amount_too_large', `${value} is more than ${MAX_AMOUNT.toFixed(2)}`, { value, max: MAX_AMOUNT.toFixed(2) }, path);
    return issue('group_amount_not_money', `${value} is not an amount of money`, { value }, path);
  }
  return null;
}

/** The amounts of a cycle's pay groups (HR), ordered by group. */
export async function cycleGroupAmounts(ctx: RequestContext, cycleId: string): Promise<CycleGroupAmountView[]> {
  const rows = await ctx.db.rows<{ group_key: string; pool: string | null; output_value: string | null; inputs: Record<string, string> | null }>(
    sql`select group_key, pool::text as pool, output_value::text as output_value, inputs from cycle_group_amount where cycle_id = ${cycleId} order by group_key`,
  );
  return rows.map((r) => ({ groupKey: r.group_key, pool: r.pool, outputValue: r.output_value, inputs: r.inputs }));
}

/**
 * Sets the money a cycle's pay rules split (HR): per pay group, a bonus pool (Part 5) or an output value
 * (Part 4). The group must be one the cycle pays by (`cycle` when it prices everyone together, else a
 * calibration group of its appraisals), the kind one the scheme's pay rules read, the amount exact money
 * (decimal, at most 2 places, not negative). Refused after publication; the cycle's version guards against
 * concurrent edits (stale: CONFLICT) and moves on; one audit entry with the amounts before and after.
 */
export async function setGroupAmounts(ctx: RequestContext, cycleId: string, version: number, amounts: readonly GroupAmountInput[]): Promise<void> {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('setting group amounts');
  const cycle = (await ctx.db.rows<{ state: string; version: number; scheme_version_id: string; pay_group_by: string }>(sql`select state, version, scheme_version_id, pay_group_by from cycle where id = ${cycleId}`))[0];
  if (!cycle) throw notFound('Cycle', cycleId);
  if (cycle.version !== version) throw staleRecord();
  if (!AMOUNT_STATES.has(cycle.state))
    assertNoProblems(problemsWithParams([issue('group_amount_cycle_state', `the cycle is ${cycle.state}: its amounts are fixed`, { state: cycle.state }, ['cycleId'])]));
  const doc = await schemeDocument(ctx.db, cycle.scheme_version_id);
  const { kinds, inputs } = amountKindsOf(doc);
  const groups =
    cycle.pay_group_by === 'CYCLE'
      ? [WHOLE_CYCLE_GROUP]
      : (await ctx.db.rows<{ group_key: string }>(sql`select distinct group_key from appraisal where cycle_id = ${cycleId} and group_key is not null order by group_key`)).map((g) => g.group_key);
  const issues: DomainIssue[] = [];
  const seen = new Set<string>();
  amounts.forEach((a, i) => {
    if (!groups.includes(a.groupKey)) issues.push(issue('group_amount_unknown_group', `the cycle pays no group "${a.groupKey}"`, { groupKey: a.groupKey, groups: groups.join(', ') }, ['amounts', i, 'groupKey']));
    if (!kinds.has(a.kind)) issues.push(issue('group_amount_kind_unused', `the scheme's pay rules do not split a ${a.kind}`, { kind: a.kind }, ['amounts', i, 'kind']));
    const name = a.name?.trim() ?? '';
    if (a.kind === GroupAmountKind.OUTPUT_INPUT && kinds.has(a.kind) && !inputs.includes(name))
      issues.push(issue('group_amount_unknown_input', `the output value formula has no input "${name}"`, { name, inputs: inputs.join(', ') }, ['amounts', i, 'name']));
    const key = `${a.groupKey}/${a.kind}/${a.kind === GroupAmountKind.OUTPUT_INPUT ? name : ''}`;
    if (seen.has(key)) issues.push(issue('group_amount_duplicate', `${a.kind} of "${a.groupKey}" is given twice`, { groupKey: a.groupKey, kind: a.kind }, ['amounts', i]));
    seen.add(key);
    if (a.amount !== null && a.amount !== undefined) {
      const bad = checkAmount(a.amount, ['amounts', i, 'amount'], a.kind === GroupAmountKind.OUTPUT_INPUT ? 3 : 2);
      if (bad) issues.push(bad);
    }
  });
  if (issues.length) assertNoProblems(problemsWithParams(issues));

  await inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    const connection = em.getConnection();
    const locked = await connection.execute<Array<{ version: number; state: string }>>('select version, state from cycle where id = ? for update', [cycleId], 'all', tx);
    if (locked[0]?.version !== version || locked[0]?.state !== cycle.state) throw staleRecord();
    const before = await connection.execute<Array<{ group_key: string; pool: string | null; output_value: string | null; inputs: Record<string, string> | null }>>(
      'select group_key, pool::text as pool, output_value::text as output_value, inputs from cycle_group_amount where cycle_id = ? order by group_key',
      [cycleId],
      'all',
      tx,
    );
    const next = new Map(before.map((b) => [b.group_key, { pool: b.pool, output_value: b.output_value, inputs: { ...(b.inputs ?? {}) } as Record<string, string> }]));
    for (const a of amounts) {
      const row = next.get(a.groupKey) ?? { pool: null, output_value: null, inputs: {} };
      const given = a.amount === null || a.amount === undefined ? null : new Decimal(a.amount.trim());
      if (a.kind === GroupAmountKind.POOL) row.pool = given?.toFixed(2) ?? null;
      else if (a.kind === GroupAmountKind.OUTPUT_VALUE) row.output_value = given?.toFixed(2) ?? null;
      else if (given) row.inputs[(a.name ?? '').trim()] = given.toFixed();
      else delete row.inputs[(a.name ?? '').trim()];
      next.set(a.groupKey, row);
    }
    const rows = [...next].map(([g, r]) => ({ g, pool: r.pool, output: r.output_value, inputs: Object.keys(r.inputs).length ? r.inputs : null }));
    await connection.execute(
      `insert into cycle_group_amount (cycle_id, group_key, version, created_at, updated_at, pool, output_value, inputs)
       select ?, t.g, 1, now(), now(), t.pool::numeric, t.output::numeric, t.inputs
       from jsonb_to_recordset(?::jsonb) as t(g text, pool text, output text, inputs jsonb)
       on conflict (cycle_id, group_key) do update set pool = excluded.pool, output_value = excluded.output_value, inputs = excluded.inputs,
         version = cycle_group_amount.version + 1, updated_at = now()
       where cycle_group_amount.pool is distinct from excluded.pool or cycle_group_amount.output_value is distinct from excluded.output_value
          or cycle_group_amount.inputs is distinct from excluded.inputs`,
      [cycleId, JSON.stringify(rows)],
      'run',
      tx,
    );
    await connection.execute('update cycle set version = version + 1, updated_at = now() where id = ?', [cycleId], 'run', tx);
    recordAudit(em, ctx, {
      operation: 'setGroupAmounts',
      entityType: 'Cycle',
      entityId: cycleId,
      before: { amounts: before.map((b) => ({ groupKey: b.group_key, pool: b.pool, outputValue: b.output_value, inputs: b.inputs })) },
      after: { amounts: rows.map((r) => ({ groupKey: r.g, pool: r.pool, outputValue: r.output, inputs: r.inputs })) },
    });
    await em.flush();
  });
}
