import type { DomainIssue } from '../issues.js';
import type { RaterRole, SchemeDefinition } from '../scheme/index.js';
import { scoreAppraisal, type AdjustmentInput, type AppraisalInput, type AppraisalResult, type ItemInput, type RatingInput } from '../scoring/index.js';
import type { AdjustmentEntry } from './forms.js';
import { cycleIssue } from './issue.js';

/** States of a rating (workflow/rating.ts); only submitted ratings count. */
export type StoredRatingState = 'pending' | 'draft' | 'submitted' | 'returned' | 'reassigned';

/** A rating as the API stores it: its slot, state and contents. */
export interface StoredRating {
  slotKey: string;
  section: string;
  role: RaterRole;
  raterId: string | null;
  state: StoredRatingState;
  items: Readonly<Record<string, ItemInput>>;
}

/** Everything recorded for one appraisal that the engine reads. */
export interface AppraisalInputs {
  appraisalId: string;
  employeeId: string;
  /** False when HR records that the person did not take part (nursing: unexplained absence -> lowest grade). */
  participated?: boolean;
  ratings: readonly StoredRating[];
  adjustments: readonly AdjustmentEntry[];
  /** Values of the final formula's declared inputs, if the scheme has one. */
  facts?: Readonly<Record<string, string>>;
}

/** How far the ratings of an appraisal are: expected slots (reassigned ones no longer count), submitted, pending. */
export interface RatingProgress {
  expected: number;
  submitted: number;
  pending: string[];
  complete: boolean;
}

/** Counts an appraisal's ratings. Example: ratingProgress([{ state: 'submitted', ... }, { state: 'draft', slotKey: 's/HR/h1', ... }]) -> { expected: 2, submitted: 1, pending: ['s/HR/h1'], complete: false } */
export function ratingProgress(ratings: readonly StoredRating[]): RatingProgress {
  let expected = 0;
  let submitted = 0;
  const pending: string[] = [];
  for (const r of ratings) {
    if (r.state === 'reassigned') continue;
    expected++;
    if (r.state === 'submitted') submitted++;
    else pending.push(r.slotKey);
  }
  return { expected, submitted, pending, complete: pending.length === 0 };
}

/**
 * The engine input of an appraisal: submitted ratings only (drafts, returned and reassigned ones are not
 * results of anyone's judgement yet), the plus/minus entries and the facts.
 * Example: engineInput(inputs).ratings.length -> the number of submitted ratings
 */
export function engineInput(inputs: AppraisalInputs): AppraisalInput {
  const ratings: RatingInput[] = [];
  for (const r of inputs.ratings) {
    if (r.state !== 'submitted') continue;
    ratings.push({ section: r.section, role: r.role, ...(r.raterId === null ? {} : { raterId: r.raterId }), items: r.items });
  }
  const adjustments: AdjustmentInput[] = inputs.adjustments.map((a) => ({ rule: a.rule, ...(a.count === undefined ? {} : { count: a.count }), ...(a.amount === undefined ? {} : { amount: a.amount }) }));
  return {
    employeeId: inputs.employeeId,
    ...(inputs.participated === false ? { participated: false } : {}),
    ratings,
    ...(adjustments.length ? { adjustments } : {}),
    ...(inputs.facts ? { facts: { ...inputs.facts } } : {}),
  };
}

/** Version of the stored result record format; bump only with a migration. */
export const RESULT_RECORD_FORMAT = 1;

/**
 * A computed result as stored (appraisal_result.record, JSON): the pinned scheme version, exactly what the engine
 * read, and everything it produced with the trace, so it can be recomputed and explained years later.
 */
export interface AppraisalResultRecord {
  format: typeof RESULT_RECORD_FORMAT;
  appraisalId: string;
  employeeId: string;
  schemeVersionId: string;
  /** complete: every expected rating was in; closedWithMissing: HR closed the rating phase and the missing-rater policy applied. */
  basis: 'complete' | 'closedWithMissing';
  /** Slots without a submitted rating when the phase was closed. */
  missingRatings: string[];
  input: AppraisalInput;
  output: AppraisalResult;
}

/** What computing a result gave: a record, still waiting for ratings, or blocked (the fail policy, an unrated section, invalid input). */
export type ResultOutcome =
  | { status: 'computed'; record: AppraisalResultRecord }
  | { status: 'waiting'; pending: string[] }
  | { status: 'blocked'; issues: DomainIssue[] };

/** Input of computeResult. `closing` is true when HR closes the rating phase (missing raters are then missing). */
export interface ComputeResultInput {
  scheme: SchemeDefinition;
  schemeVersionId: string;
  inputs: AppraisalInputs;
  closing?: boolean;
}

// The engine's result may hold a lazily built trace; the record is plain JSON data, the same after a round trip.
const plainCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Computes an appraisal's result with the engine: on the last required submission (waiting until every expected
 * rating is in), or when HR closes the rating phase (ratings not submitted count as missing and the scheme's
 * missing-rater policy applies; the fail policy or a section nobody rated blocks with the engine's issues).
 * Example: computeResult({ scheme: seedPrograms.nursing, schemeVersionId: 'v1', inputs }) -> { status: 'computed', record: { output: { total: '93.1', grade: { grade: 'excellent', ... } }, ... } }
 */
export function computeResult(input: ComputeResultInput): ResultOutcome {
  const { inputs } = input;
  const progress = ratingProgress(inputs.ratings);
  const participated = inputs.participated !== false;
  if (participated && !progress.complete && !input.closing) return { status: 'waiting', pending: progress.pending };
  const engine = engineInput(inputs);
  const scored = scoreAppraisal(input.scheme, engine);
  if (!scored.ok) return { status: 'blocked', issues: scored.issues };
  const missing = participated ? progress.pending : [];
  return {
    status: 'computed',
    record: {
      format: RESULT_RECORD_FORMAT,
      appraisalId: inputs.appraisalId,
      employeeId: inputs.employeeId,
      schemeVersionId: input.schemeVersionId,
      basis: missing.length ? 'closedWithMissing' : 'complete',
      missingRatings: missing,
      input: plainCopy(engine),
      output: plainCopy(scored.value),
    },
  };
}

/** A difference found when recomputing a stored result: where, and both values. */
export interface ResultDifference {
  path: string;
  stored: unknown;
  recomputed: unknown;
}

function diff(a: unknown, b: unknown, path: string, out: ResultDifference[], limit: number): void {
  if (out.length >= limit) return;
  if (Object.is(a, b)) return;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    out.push({ path, stored: a, recomputed: b });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push({ path: `${path}.length`, stored: a.length, recomputed: b.length });
    for (let i = 0; i < Math.min(a.length, b.length); i++) diff(a[i], b[i], `${path}[${i}]`, out, limit);
    return;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) diff(ra[k], rb[k], path ? `${path}.${k}` : k, out, limit);
}

/** The outcome of recomputing a stored result. */
export type RecomputeOutcome = { same: true } | { same: false; differences: ResultDifference[]; issues: DomainIssue[] };

/**
 * Recomputes a stored result from its recorded input with the scheme version it names and lists every
 * difference (total, grade, sections, trace...). Used by audits, appeals and engine upgrades.
 * Example: recomputeResult({ id: 'v1', document: seedPrograms.nursing }, record) -> { same: true }
 */
export function recomputeResult(version: { id: string; document: SchemeDefinition }, record: AppraisalResultRecord, options: { limit?: number } = {}): RecomputeOutcome {
  if (version.id !== record.schemeVersionId) {
    return {
      same: false,
      differences: [],
      issues: [cycleIssue('result_scheme_version_mismatch', `the result was computed with scheme version ${record.schemeVersionId}, not ${version.id}`, { stored: record.schemeVersionId, given: version.id })],
    };
  }
  const scored = scoreAppraisal(version.document, record.input);
  if (!scored.ok) return { same: false, differences: [], issues: scored.issues };
  const differences: ResultDifference[] = [];
  diff(record.output, plainCopy(scored.value), 'output', differences, options.limit ?? 50);
  return differences.length === 0 ? { same: true } : { same: false, differences, issues: [] };
}
