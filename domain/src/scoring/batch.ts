import { NumColumn } from '../formula/column.js';
import { parseNum, type Num } from '../formula/fixed.js';
import type { CalibrationColumns } from '../distribution/index.js';
import type { Checked, DomainIssue } from '../issues.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { compileScheme, type CompiledScheme } from './compile.js';
import { planFor, planNumbers, scoreNumbers, type PlanNumbers } from './fast.js';
import { scoreAppraisal, scoreAppraisalReference, type ScoreOptions } from './score.js';
import type { AppraisalInput, AppraisalResult, GradeResult } from './types.js';

/** The numbers of a scored batch, one row per appraisal (rows with issues hold zeros). */
export interface ScoreColumns {
  readonly total: NumColumn;
  readonly weighted: NumColumn;
  readonly adjustmentPoints: NumColumn;
  readonly adjustmentMoney: NumColumn;
  readonly adjustmentHours: NumColumn;
  /** One column per section of the scheme, in the scheme's order (0 for appraisees who did not take part). */
  readonly sections: readonly NumColumn[];
  /** Each row's grade as an index into `ScoredBatch.gradeNames`, NO_GRADE when the scheme has no grades. */
  readonly grade: Uint16Array;
  readonly bandGrade: Uint16Array;
  /** 0 band, 1 failedItemCap, 2 nonParticipation. */
  readonly gradeReason: Uint8Array;
  /** 1 when the appraisee took part. */
  readonly participated: Uint8Array;
}

/** The grade index of a row without a grade (a scheme without a grade scale, or a row with issues). */
export const NO_GRADE = 0xffff;
const REASONS: readonly GradeResult['reason'][] = ['band', 'failedItemCap', 'nonParticipation'];

/**
 * Many appraisals of one scheme scored into columns: what bulk steps read (totals, section scores,
 * grades, money adjustments) as exact numbers, instead of 100,000 result objects with their texts and
 * traces. Every value equals the one scoreAppraisal gives for the same input; `result(i)` gives that full
 * result (trace included) by scoring input i again, so the batch relies on its inputs not changing.
 */
export class ScoredBatch {
  readonly size: number;
  readonly columns: ScoreColumns;
  /** Grade names the grade columns index: the scheme's bands, best first, then any other grade met. */
  readonly gradeNames: string[];
  /** Rows that could not be scored, with the issues scoreAppraisal reports for them. */
  readonly issues = new Map<number, DomainIssue[]>();
  private readonly gradeIndex: Map<string, number>;
  private readonly sectionIndex: ReadonlyMap<string, number>;

  constructor(
    readonly scheme: CompiledScheme,
    readonly inputs: readonly AppraisalInput[],
  ) {
    const n = inputs.length;
    this.size = n;
    const grade = new Uint16Array(n);
    grade.fill(NO_GRADE);
    this.columns = {
      total: new NumColumn(n),
      weighted: new NumColumn(n),
      adjustmentPoints: new NumColumn(n),
      adjustmentMoney: new NumColumn(n),
      adjustmentHours: new NumColumn(n),
      sections: scheme.sections.map(() => new NumColumn(n)),
      grade,
      bandGrade: grade.slice(),
      gradeReason: new Uint8Array(n),
      participated: new Uint8Array(n),
    };
    this.gradeNames = (scheme.bands ?? []).map((b) => b.grade);
    this.gradeIndex = new Map(this.gradeNames.map((g, i) => [g, i]));
    this.sectionIndex = new Map(scheme.sections.map((s, i) => [s.section.id, i]));
  }

  /** True when row i was scored (false: see `issues`). Example: batch.ok(0) -> true */
  ok(i: number): boolean {
    return !this.issues.has(i);
  }

  /** Row i's employee id (from its input). Example: batch.employeeId(0) -> 'e000000' */
  employeeId(i: number): string {
    return this.inputs[i]?.employeeId ?? '';
  }

  /** Whether row i's appraisee took part. Example: batch.participated(0) -> true */
  participated(i: number): boolean {
    return this.columns.participated[i] === 1;
  }

  /** Row i's total as scoreAppraisal's result prints it. Example: batch.total(0) -> '87.25' */
  total(i: number): string {
    return this.scored(i).columns.total.text(i);
  }

  /** Row i's weighted section total, as the result prints it. Example: batch.weighted(0) -> '86.8' */
  weighted(i: number): string {
    return this.scored(i).columns.weighted.text(i);
  }

  /** Row i's plus/minus points. Example: batch.adjustmentPoints(0) -> '0.5' */
  adjustmentPoints(i: number): string {
    return this.scored(i).columns.adjustmentPoints.text(i);
  }

  /** Row i's money from money and hour adjustments (signed). Example: batch.adjustmentMoney(0) -> '-40.25' */
  adjustmentMoney(i: number): string {
    return this.scored(i).columns.adjustmentMoney.text(i);
  }

  /** Row i's work-hour adjustments (signed). Example: batch.adjustmentHours(0) -> '0' */
  adjustmentHours(i: number): string {
    return this.scored(i).columns.adjustmentHours.text(i);
  }

  /** The column of a section's scores, or undefined for an id the scheme does not have. Example: batch.sectionColumn('headNurse')?.text(0) -> '27' */
  sectionColumn(id: string): NumColumn | undefined {
    const at = this.sectionIndex.get(id);
    return at === undefined ? undefined : this.columns.sections[at];
  }

  /** Row i's score of a section (undefined when the appraisee did not take part). Example: batch.sectionScore(0, 'headNurse') -> '27' */
  sectionScore(i: number, id: string): string | undefined {
    this.scored(i);
    if (!this.participated(i)) return undefined;
    return this.sectionColumn(id)?.text(i);
  }

  /** Row i's grade (undefined when the scheme has no grade scale). Example: batch.grade(0) -> 'good' */
  grade(i: number): string | undefined {
    return this.gradeNames[this.scored(i).columns.grade[i] ?? NO_GRADE];
  }

  /** Row i's grade with its band and reason, as in scoreAppraisal's result. Example: batch.gradeResult(0) -> { grade: 'qualified', bandGrade: 'good', reason: 'failedItemCap' } */
  gradeResult(i: number): GradeResult | undefined {
    const c = this.scored(i).columns;
    const grade = this.gradeNames[c.grade[i] ?? NO_GRADE];
    if (grade === undefined) return undefined;
    return { grade, bandGrade: this.gradeNames[c.bandGrade[i] ?? NO_GRADE] ?? grade, reason: REASONS[c.gradeReason[i] ?? 0] ?? 'band' };
  }

  /**
   * Row i's full result, trace included unless `{ trace: false }`: scoreAppraisal on input i, so it equals
   * the columns (explanations are built for the few results someone reads, not for every row).
   * Example: explain(batch.result(7).value.trace, 'zh')
   */
  result(i: number, options: ScoreOptions = {}): Checked<AppraisalResult> {
    const input = this.inputs[i];
    if (!input) throw new RangeError(`row ${i} is outside the batch`);
    return scoreAppraisal(this.scheme, input, options);
  }

  /**
   * The rows as calibration columns (totals, the rule's tie-break sections, ids, grades), for calibrateRows.
   * A row without a grade counts as `fallbackGrade`.
   * Example: calibrateRows(bands, rule, batch.calibrationColumns(rule.tieBreak.sections, 'unqualified'), rows)
   */
  calibrationColumns(tieBreakSections: readonly string[], fallbackGrade: string): CalibrationColumns {
    // A section the scheme does not have ranks as 0 for everyone, as rankMembers reads a missing score.
    let zero: NumColumn | undefined;
    return {
      total: this.columns.total,
      tieBreak: tieBreakSections.map((s) => this.sectionColumn(s) ?? (zero ??= new NumColumn(this.size))),
      employeeId: (row) => this.employeeId(row),
      grade: (row) => this.gradeNames[this.columns.grade[row] ?? NO_GRADE] ?? fallbackGrade,
    };
  }

  /** Stores one row's numbers (the plan's, or a reference result's); scoreBatch fills the batch with it. Example: batch.write(0, numbers) */
  write(i: number, out: PlanNumbers): void {
    const c = this.columns;
    c.participated[i] = out.participated ? 1 : 0;
    c.total.set(i, out.total);
    c.weighted.set(i, out.weighted);
    c.adjustmentPoints.set(i, out.points);
    c.adjustmentMoney.set(i, out.money);
    c.adjustmentHours.set(i, out.hours);
    const sections = c.sections;
    if (out.participated) for (let k = 0; k < sections.length; k++) sections[k]?.set(i, out.sections[k] ?? 0);
    if (out.grade !== undefined) {
      c.grade[i] = this.indexOfGrade(out.grade);
      c.bandGrade[i] = out.bandGrade === out.grade ? (c.grade[i] ?? NO_GRADE) : this.indexOfGrade(out.bandGrade);
      c.gradeReason[i] = out.reason === 'band' ? 0 : out.reason === 'failedItemCap' ? 1 : 2;
    }
  }

  private indexOfGrade(grade: string): number {
    let at = this.gradeIndex.get(grade);
    if (at === undefined) {
      at = this.gradeNames.length;
      if (at >= NO_GRADE) throw new RangeError('too many grade names');
      this.gradeNames.push(grade);
      this.gradeIndex.set(grade, at);
    }
    return at;
  }

  private scored(i: number): this {
    if (i < 0 || i >= this.size || !Number.isInteger(i)) throw new RangeError(`row ${i} is outside the batch`);
    if (this.issues.has(i)) throw new RangeError(`row ${i} has issues and no score; see batch.issues`);
    return this;
  }
}

/** A decimal text of a result as an exact Num (result texts always parse). */
function numOf(text: string): Num {
  const n = parseNum(text);
  if (n === undefined) throw new RangeError(`not a decimal: ${text}`);
  return n;
}

/** The numbers of a reference result, in the form the plan writes them. */
function numbersOf(c: CompiledScheme, r: AppraisalResult, out: PlanNumbers): PlanNumbers {
  out.participated = r.participated;
  out.total = numOf(r.total);
  out.weighted = numOf(r.weighted);
  out.points = numOf(r.adjustmentPoints);
  out.money = numOf(r.adjustmentMoney);
  out.hours = numOf(r.adjustmentHours);
  out.sections.length = 0;
  for (const s of c.sections) {
    const score = r.sections.find((x) => x.id === s.section.id)?.score;
    out.sections.push(score === undefined ? 0 : numOf(score));
  }
  out.grade = r.grade?.grade;
  out.bandGrade = r.grade?.bandGrade ?? '';
  out.reason = r.grade?.reason ?? 'band';
  return out;
}

/**
 * Scores many appraisals of one scheme into a ScoredBatch (bulk runs such as a whole cycle): the same
 * exact numbers as scoreAppraisal for each input, kept as columns; inputs with issues are listed in
 * `batch.issues`. An invalid scheme comes back as issues.
 * Example: const b = scoreBatch(seedPrograms.nursing, inputs); if (b.ok) b.value.total(0) -> '87.25'
 */
export function scoreBatch(scheme: SchemeDefinition | CompiledScheme, inputs: readonly AppraisalInput[]): Checked<ScoredBatch> {
  let compiled: CompiledScheme;
  if ('sectionById' in scheme) compiled = scheme;
  else {
    const c = compileScheme(scheme);
    if (!c.ok) return c;
    compiled = c.value;
  }
  const batch = new ScoredBatch(compiled, inputs);
  const plan = planFor(compiled);
  const out = planNumbers();
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    if (!input) throw new RangeError(`inputs[${i}] is missing`);
    if (plan && scoreNumbers(plan, input, out)) {
      batch.write(i, out);
      continue;
    }
    // The plan declined (an issue to report, or an input it does not take): the reference decides.
    const r = scoreAppraisalReference(compiled, input, { trace: false });
    if (r.ok) batch.write(i, numbersOf(compiled, r.value, out));
    else batch.issues.set(i, r.issues);
  }
  return { ok: true, value: batch };
}
