import type { Checked, DomainIssue } from '../issues.js';
import { Decimal } from '../decimal.js';
import { CalendarError } from '../calendar/errors.js';
import { childPeriodKeys, parsePeriodKey } from '../calendar/periods.js';
import { describeBand, gradeForScore } from '../distribution/index.js';
import { plain } from '../formula/index.js';
import { rollUp, type TraceStep } from '../scoring/index.js';
import type { Rollup, RollupSource, SchemeDefinition } from '../scheme/index.js';
import { cycleIssue, fail } from './issue.js';

/** The roll-up a scheme computes for cycles of a period kind, if any. Example: rollupForKind(seedPrograms.headquarters, 'quarter')?.id -> 'quarterly' */
export function rollupForKind(scheme: SchemeDefinition, kind: string): Rollup | undefined {
  return scheme.rollups.find((r) => r.period === kind);
}

/** Where one roll-up input comes from for a concrete period. */
export interface RollupInputSource {
  name: string;
  periodKey: string;
  period: RollupSource['period'];
  use: RollupSource['use'];
}

/**
 * The child period each input of a roll-up reads for one period: Part 5's Q2 reads April and May (own totals)
 * and the quarter's own appraisal. An input without a source cannot be placed and is an issue.
 * Example: rollupSources(seedPrograms.headquarters, 'quarterly', '2026-Q2').value.map((s) => s.periodKey) -> ['2026-04', '2026-05', '2026-Q2']
 */
export function rollupSources(scheme: SchemeDefinition, rollupId: string, periodKey: string): Checked<RollupInputSource[]> {
  const r = scheme.rollups.find((x) => x.id === rollupId);
  if (!r) return fail(cycleIssue('unknown_rollup', `unknown roll-up "${rollupId}"`, { rollup: rollupId }, ['rollup']));
  try {
    if (parsePeriodKey(periodKey).kind !== r.period) {
      return fail(cycleIssue('rollup_period_kind', `roll-up "${rollupId}" is computed for ${r.period} periods, not ${periodKey}`, { rollup: rollupId, period: periodKey }, ['period']));
    }
    const out: RollupInputSource[] = [];
    const issues: DomainIssue[] = [];
    r.inputs.forEach((input, i) => {
      const src = input.source;
      if (!src) {
        issues.push(cycleIssue('rollup_input_unmapped', `input "${input.name}" of "${rollupId}" states no child period`, { rollup: rollupId, input: input.name }, ['inputs', i]));
        return;
      }
      const key = childPeriodKeys(periodKey, src.period)[src.index - 1];
      if (key === undefined) {
        issues.push(cycleIssue('rollup_source_index', `${periodKey} has no ${src.period} number ${src.index}`, { rollup: rollupId, input: input.name, index: src.index }, ['inputs', i]));
        return;
      }
      out.push({ name: input.name, periodKey: key, period: src.period, use: src.use });
    });
    return issues.length ? { ok: false, issues } : { ok: true, value: out };
  } catch (e) {
    if (e instanceof CalendarError) return fail(e.issue);
    throw e;
  }
}

/** A child period's numbers for one employee: its own appraisal total and, where the scheme rolls that period up, its roll-up result. */
export interface ChildResult {
  own?: string;
  result?: string;
}

/** A computed roll-up for one employee and period, as stored with the appraisal (JSON). */
export interface RollupRecord {
  rollup: string;
  periodKey: string;
  value: string;
  grade?: string;
  /** Each input's value and where it came from. */
  inputs: Record<string, { value: string; periodKey: string; filled: boolean }>;
  trace: TraceStep[];
}

/**
 * Computes a roll-up for one employee from their child results (keyed by period key). A missing child is an
 * error naming the period unless the scheme states a policy: `averageOfPresent` (the average of the inputs
 * present, with an optional minimum) or `treatAs` a value; a filled input is recorded and explained, never a
 * silent 0. The value is graded with the scheme's bands when it has them.
 * Example: computeRollup(seedPrograms.headquarters, 'quarterly', '2026-Q2', new Map([['2026-04', { own: '80' }], ['2026-05', { own: '90' }], ['2026-Q2', { own: '85' }]])) -> { ok: true, value: { value: '85', ... } }
 */
export function computeRollup(scheme: SchemeDefinition, rollupId: string, periodKey: string, children: ReadonlyMap<string, ChildResult>): Checked<RollupRecord> {
  const sources = rollupSources(scheme, rollupId, periodKey);
  if (!sources.ok) return sources;
  const rollup = scheme.rollups.find((r) => r.id === rollupId);
  if (!rollup) return fail(cycleIssue('unknown_rollup', `unknown roll-up "${rollupId}"`, { rollup: rollupId }));
  const policy = rollup.missing ?? { policy: 'error' as const };
  const inputs: RollupRecord['inputs'] = {};
  const missing: RollupInputSource[] = [];
  for (const s of sources.value) {
    const child = children.get(s.periodKey);
    // "result" of a period the scheme does not roll up is simply its own total.
    const value = s.use === 'result' && rollupForKind(scheme, s.period) ? child?.result : child?.own;
    if (value === undefined) missing.push(s);
    else inputs[s.name] = { value, periodKey: s.periodKey, filled: false };
  }
  const filledSteps: TraceStep[] = [];
  if (missing.length > 0) {
    if (policy.policy === 'error') {
      return {
        ok: false,
        issues: missing.map((m) =>
          cycleIssue('rollup_child_missing', `${rollup.id} for ${periodKey} needs the ${m.use === 'own' ? 'appraisal' : 'result'} of ${m.periodKey} (${m.name})`, { rollup: rollup.id, period: periodKey, input: m.name, child: m.periodKey }, ['children', m.periodKey]),
        ),
      };
    }
    let fill: string;
    if (policy.policy === 'treatAs') {
      fill = policy.value;
    } else {
      const present = Object.values(inputs);
      const min = policy.minPresent ?? 1;
      if (present.length < min) {
        return fail(cycleIssue('rollup_too_few_children', `${rollup.id} for ${periodKey} has ${present.length} of ${sources.value.length} results; at least ${min} needed`, { rollup: rollup.id, period: periodKey, present: present.length, minPresent: min }));
      }
      fill = plain(present.reduce((s, p) => s.plus(p.value), new Decimal(0)).div(present.length));
    }
    for (const m of missing) {
      inputs[m.name] = { value: fill, periodKey: m.periodKey, filled: true };
      filledSteps.push({ step: 'rollupFilled', rollup: rollup.id, input: m.name, period: m.periodKey, policy: policy.policy, value: fill });
    }
  }
  const values = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.value]));
  const r = rollUp(scheme, rollupId, values);
  if (!r.ok) return r;
  const grade = scheme.grades ? gradeForScore(scheme.grades.bands, r.value.value) : undefined;
  return {
    ok: true,
    value: {
      rollup: rollup.id,
      periodKey,
      value: r.value.value,
      ...(grade === undefined ? {} : { grade }),
      inputs,
      trace: [...filledSteps, ...r.value.trace, ...(grade === undefined ? [] : [{ step: 'grade' as const, grade, band: bandText(scheme, grade) }])],
    },
  };
}

function bandText(scheme: SchemeDefinition, grade: string): string {
  const b = scheme.grades?.bands.find((x) => x.grade === grade);
  return b ? describeBand(b) : '';
}
