import { dec } from '../decimal.js';
import { parseIsoDate, type IsoDate } from '../calendar/dates.js';
import { decideEligibility, type EmployeeFacts } from '../eligibility/index.js';
import type { HonorProgram } from './program.js';

/** A finalized (published, not under appeal) annual result of a candidate. */
export interface AnnualResult {
  cycleId: string;
  schemeCode: string;
  periodKey: string;
  total: string;
  grade?: string;
}

/** What the API loads about a candidate person for a program year. */
export interface CandidateFacts {
  employeeId: string;
  departmentId: string;
  hireDate: IsoDate;
  /** The annual result of the program year (a year cycle or a year roll-up), if finalized. */
  annual?: AnnualResult;
  /** A written disciplinary decision dated in the program year. */
  disciplinaryDecisionInYear: boolean;
  employee: EmployeeFacts;
}

/** One test of an eligibility explanation: machine-readable, with the numbers, in the order HR reads them. */
export interface HonorCheck {
  code: string;
  passed: boolean;
  params: Readonly<Record<string, string | number | boolean>>;
}

/** Whether a candidate qualifies, and every test with its outcome (shown with the nomination). */
export interface HonorEligibility {
  eligible: boolean;
  checks: HonorCheck[];
}

/** Full months from the hire date to a day. Example: tenureMonths('2025-03-15', '2026-12-31') -> 21 */
export function tenureMonths(hireDate: IsoDate, asOf: IsoDate): number {
  const h = parseIsoDate(hireDate);
  const a = parseIsoDate(asOf);
  let months = (a.year - h.year) * 12 + (a.month - h.month);
  if (a.day < h.day) months -= 1;
  return Math.max(0, months);
}

/**
 * The engine predicates of a program for one person: a finalized annual result, its grade among the accepted
 * grades, its total at least the minimum, no disciplinary decision in the year, the tenure at the year's end, and
 * the program's employee-record rule (reusing eligibility/). Every check is listed, passed or not.
 * Example: candidateEligibility(program, { ..., annual: { grade: 'good', total: '86', ... } }).checks[1] -> { code: 'honor_grade', passed: false, params: { grade: 'good', accepted: 'excellent' } }
 */
export function candidateEligibility(program: HonorProgram, c: CandidateFacts): HonorEligibility {
  const e = program.eligibility;
  const checks: HonorCheck[] = [];
  checks.push({ code: 'honor_annual_result', passed: c.annual !== undefined, params: { year: program.year } });
  if (c.annual) {
    if (e.acceptedGrades.length) checks.push({ code: 'honor_grade', passed: c.annual.grade !== undefined && e.acceptedGrades.includes(c.annual.grade), params: { grade: c.annual.grade ?? '', accepted: e.acceptedGrades.join(', ') } });
    if (e.minScore !== undefined) checks.push({ code: 'honor_score', passed: dec(c.annual.total).gte(dec(e.minScore)), params: { score: c.annual.total, min: e.minScore } });
  }
  if (e.noDisciplinaryDecision) checks.push({ code: 'honor_discipline', passed: !c.disciplinaryDecisionInYear, params: { year: program.year } });
  const months = tenureMonths(c.hireDate, `${program.year}-12-31`);
  checks.push({ code: 'honor_tenure', passed: months >= e.minTenureMonths, params: { months, min: e.minTenureMonths } });
  if (e.employees) {
    const d = decideEligibility(e.employees, c.employee);
    checks.push({ code: 'honor_employee_rule', passed: d.eligible, params: { conditions: d.checks.map((x) => `${x.field} ${x.op} ${Array.isArray(x.expected) ? x.expected.join('|') : String(x.expected)}`).join('; ') } });
  }
  return { eligible: checks.every((x) => x.passed), checks };
}

/**
 * A team's eligibility: the team itself (at least the fewest members, their average annual total at least the
 * minimum) and no member with a disciplinary decision in the year when the program says so.
 * Example: teamEligibility(teamProgram, members).checks.map((c) => c.code) -> ['honor_team_size', 'honor_team_average', 'honor_team_discipline']
 */
export function teamEligibility(program: HonorProgram, members: readonly CandidateFacts[]): HonorEligibility {
  const t = program.eligibility.team;
  const checks: HonorCheck[] = [];
  const min = t?.minMembers ?? 2;
  checks.push({ code: 'honor_team_size', passed: members.length >= min, params: { members: members.length, min } });
  if (t?.minAverageScore !== undefined) {
    const scored = members.filter((m) => m.annual);
    const average = scored.length ? scored.reduce((s, m) => s.plus(dec(m.annual?.total ?? '0')), dec(0)).div(scored.length) : dec(0);
    checks.push({ code: 'honor_team_average', passed: scored.length > 0 && average.gte(dec(t.minAverageScore)), params: { average: average.toDecimalPlaces(2).toFixed(2), min: t.minAverageScore } });
  }
  if (program.eligibility.noDisciplinaryDecision) {
    const n = members.filter((m) => m.disciplinaryDecisionInYear).length;
    checks.push({ code: 'honor_team_discipline', passed: n === 0, params: { members: n } });
  }
  return { eligible: checks.every((x) => x.passed), checks };
}
