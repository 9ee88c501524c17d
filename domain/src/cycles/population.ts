import type { DomainIssue } from '../issues.js';
import { compareIsoDates, type IsoDate } from '../calendar/dates.js';
import { decideEligibility, describeEligibilityCheck, type EligibilityCheck, type EmployeeFacts } from '../eligibility/index.js';
import type { EmploymentStatus } from '../org/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { cycleIssue, type IssueParams } from './issue.js';
import type { PeriodSpan } from './period.js';

/** What population rules read about one employee (the API selects it in one query for the candidates). */
export interface PopulationEmployee {
  employeeId: string;
  /** The employee's department first, then each parent up to the root. */
  departmentLineage: readonly string[];
  positionId: string | null;
  positionLevel?: string;
  employmentStatus: EmploymentStatus;
  category?: string | null;
  hireDate: IsoDate;
  probationEndDate?: IsoDate | null;
  disciplinaryDecision: boolean;
  specialApproval: boolean;
  active: boolean;
}

/** Whom a cycle targets: departments (with their sub-departments) and/or positions; both empty = everyone. */
export interface PopulationTarget {
  departmentIds: readonly string[];
  positionIds: readonly string[];
}

/** HR adding or removing one person before launch, with the reason the audit keeps. */
export interface PopulationChange {
  employeeId: string;
  action: 'add' | 'remove';
  reason: string;
}

/** Why a person is in or out: a stable code, params, an English message, and the eligibility tests behind it. */
export interface PopulationReason {
  code: string;
  message: string;
  params: IssueParams;
  checks?: EligibilityCheck[];
}

/** One person of the pre-launch list. */
export interface PopulationEntry {
  employeeId: string;
  reasons: PopulationReason[];
  /** Set when HR's change decided it. */
  manual?: 'add' | 'remove';
}

/** The pre-launch list: who is included and excluded and why, and problems with HR's changes. */
export interface Population {
  included: PopulationEntry[];
  excluded: PopulationEntry[];
  issues: DomainIssue[];
}

/** Input of buildPopulation. `employees` are the candidates: everyone in the target plus anyone HR added. */
export interface PopulationInput {
  scheme: SchemeDefinition;
  span: PeriodSpan;
  target: PopulationTarget;
  employees: readonly PopulationEmployee[];
  changes?: readonly PopulationChange[];
}

const reason = (code: string, message: string, params: IssueParams = {}, checks?: EligibilityCheck[]): PopulationReason =>
  checks ? { code, message, params, checks } : { code, message, params };

function targetReason(t: PopulationTarget, e: PopulationEmployee): PopulationReason | undefined {
  if (t.departmentIds.length === 0 && t.positionIds.length === 0) return reason('population_in_target', 'the cycle targets everyone', { via: 'all' });
  const dept = e.departmentLineage.find((d) => t.departmentIds.includes(d));
  if (dept !== undefined) return reason('population_in_target', `works in targeted department ${dept}`, { via: 'department', id: dept });
  if (e.positionId !== null && t.positionIds.includes(e.positionId)) return reason('population_in_target', `holds targeted position ${e.positionId}`, { via: 'position', id: e.positionId });
  return undefined;
}

/**
 * The eligibility facts of an employee at the end of a period: on probation while the status says so or the
 * probation end date is after the period (a re-positioned employee keeps REGULAR but has a new probation).
 * Example: eligibilityFacts(newCook, { start: '2026-05-01', end: '2026-05-31' }).onProbation -> true
 */
export function eligibilityFacts(e: PopulationEmployee, span: PeriodSpan): EmployeeFacts {
  const onProbation = e.employmentStatus === 'PROBATION' || (e.probationEndDate != null && compareIsoDates(e.probationEndDate, span.end) > 0);
  return {
    employmentStatus: e.employmentStatus,
    onProbation,
    specialApproval: e.specialApproval,
    disciplinaryDecision: e.disciplinaryDecision,
    ...(e.category ? { category: e.category } : {}),
    ...(e.positionLevel ? { positionLevel: e.positionLevel } : {}),
    ...(e.departmentLineage[0] ? { departmentId: e.departmentLineage[0] } : {}),
    ...(e.positionId ? { positionId: e.positionId } : {}),
  };
}

/**
 * Decides who a cycle includes: people in the target, not gone, hired by the period's end and eligible under the
 * scheme's rule (Part 4 Art. 3: probationers and interns out unless specially approved, disciplinary decisions
 * out); then HR's additions and removals, which win and are recorded with their reasons. Every entry carries
 * machine-readable reasons with English messages; invalid changes come back as issues.
 * Example: buildPopulation({ scheme: seedPrograms.workshop, span, target: { departmentIds: ['workshop'], positionIds: [] }, employees }).excluded[0].reasons[0].code -> 'population_not_eligible'
 */
export function buildPopulation(input: PopulationInput): Population {
  const { scheme, span, target } = input;
  const issues: DomainIssue[] = [];
  const known = new Set(input.employees.map((e) => e.employeeId));
  const changes = new Map<string, PopulationChange>();
  (input.changes ?? []).forEach((c, i) => {
    const path = ['changes', i];
    if (c.reason.trim() === '') issues.push(cycleIssue('population_reason_required', `adding or removing ${c.employeeId} needs a reason`, { employeeId: c.employeeId }, [...path, 'reason']));
    if (!known.has(c.employeeId)) issues.push(cycleIssue('population_unknown_employee', `employee ${c.employeeId} is not among the candidates`, { employeeId: c.employeeId }, [...path, 'employeeId']));
    const earlier = changes.get(c.employeeId);
    if (earlier && earlier.action !== c.action) issues.push(cycleIssue('population_change_conflict', `${c.employeeId} is both added and removed`, { employeeId: c.employeeId }, path));
    changes.set(c.employeeId, c);
  });

  const included: PopulationEntry[] = [];
  const excluded: PopulationEntry[] = [];
  for (const e of input.employees) {
    const inRule: PopulationReason[] = [];
    const outRule: PopulationReason[] = [];
    const t = targetReason(target, e);
    if (t) inRule.push(t);
    else outRule.push(reason('population_outside_target', 'outside the departments and positions the cycle targets'));
    if (e.employmentStatus === 'LEFT' || !e.active) outRule.push(reason('population_left', 'no longer employed', { status: e.employmentStatus }));
    if (compareIsoDates(e.hireDate, span.end) > 0) {
      outRule.push(reason('population_hired_after_period', `hired on ${e.hireDate}, after the period ends on ${span.end}`, { hireDate: e.hireDate, periodEnd: span.end }));
    }
    if (scheme.eligibility) {
      const d = decideEligibility(scheme.eligibility, eligibilityFacts(e, span));
      const text = d.checks.map(describeEligibilityCheck).join('; ');
      if (d.eligible) inRule.push(reason('population_eligible', `meets the scheme's eligibility rule: ${text}`, { conditions: text }, d.checks));
      else outRule.push(reason('population_not_eligible', `does not meet the scheme's eligibility rule: ${text}`, { conditions: text }, d.checks));
    } else {
      inRule.push(reason('population_no_eligibility_rule', 'the scheme has no eligibility rule: everyone targeted takes part'));
    }
    const change = changes.get(e.employeeId);
    if (change?.action === 'add' && change.reason.trim() !== '') {
      // Kept with the rule's own verdict, so the list shows what HR overrode.
      included.push({ employeeId: e.employeeId, manual: 'add', reasons: [reason('population_added_by_hr', `added by HR: ${change.reason}`, { reason: change.reason }), ...outRule, ...inRule] });
    } else if (change?.action === 'remove' && change.reason.trim() !== '') {
      excluded.push({ employeeId: e.employeeId, manual: 'remove', reasons: [reason('population_removed_by_hr', `removed by HR: ${change.reason}`, { reason: change.reason }), ...outRule] });
    } else if (outRule.length === 0) {
      included.push({ employeeId: e.employeeId, reasons: inRule });
    } else {
      excluded.push({ employeeId: e.employeeId, reasons: outRule });
    }
  }
  return { included, excluded, issues };
}
