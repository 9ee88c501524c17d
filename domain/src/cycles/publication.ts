import { explain, type ExplainLanguage } from '../explain/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import type { PayLine, TraceStep } from '../scoring/index.js';
import type { GradeChange } from './calibration.js';
import type { AppraisalResultRecord } from './results.js';

/**
 * The published result of an appraisal (what the employee sees after publication, frozen with the cycle): the
 * engine's total, the grade after calibration with its changes, the pay lines, and the whole explanation trace.
 */
export interface PublishedResult {
  appraisalId: string;
  employeeId: string;
  schemeVersionId: string;
  total: string;
  engineGrade?: string;
  grade?: string;
  gradeChanges: GradeChange[];
  pay: { lines: PayLine[]; total: string } | null;
  trace: TraceStep[];
}

/**
 * Assembles the published result from the computed record, the calibration changes (last one wins) and the
 * person's pay: the trace gains a calibration step per change and the pay steps, so one explanation covers all.
 * Example: publishedResult(record, [change], { lines, total: '1125.00', trace }).grade -> 'good'
 */
export function publishedResult(
  record: AppraisalResultRecord,
  changes: readonly GradeChange[],
  pay: { lines: readonly PayLine[]; total: string; trace: readonly TraceStep[] } | null,
): PublishedResult {
  const engineGrade = record.output.grade?.grade;
  const own = changes.filter((c) => c.appraisalId === record.appraisalId);
  const last = own[own.length - 1];
  const trace: TraceStep[] = [...record.output.trace];
  for (const c of own) trace.push({ step: 'calibration', from: c.from, to: c.to, rank: c.rank, groupSize: c.groupSize });
  if (pay) trace.push(...pay.trace);
  const grade = last?.to ?? engineGrade;
  return {
    appraisalId: record.appraisalId,
    employeeId: record.employeeId,
    schemeVersionId: record.schemeVersionId,
    total: record.output.total,
    ...(engineGrade === undefined ? {} : { engineGrade }),
    ...(grade === undefined ? {} : { grade }),
    gradeChanges: [...own],
    pay: pay ? { lines: [...pay.lines], total: pay.total } : null,
    trace,
  };
}

/**
 * The explanation the employee reads, in their language, with the scheme version's names.
 * Example: explainPublished(result, 'zh', scheme).at(-1) -> '薪酬 浮动工资：1125.00 元（...）'
 */
export function explainPublished(result: PublishedResult, lang: ExplainLanguage, scheme: SchemeDefinition): string[] {
  return explain(result.trace, lang, scheme);
}
