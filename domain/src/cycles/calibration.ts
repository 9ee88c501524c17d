import type { DomainIssue } from '../issues.js';
import { Decimal, roundTo } from '../decimal.js';
import { calibrateGroup, checkQuotas, rankMembers, type CalibrationProposal, type QuotaViolation } from '../distribution/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { cycleIssue } from './issue.js';

/** How a cycle's appraisals are grouped for calibration (and for pay): the scheme's distribution group, else by department. */
export type CalibrationGroupBy = 'department' | 'team';

/** The grouping a scheme calibrates by. Example: calibrationGroupBy(seedPrograms.nursing) -> 'department' */
export function calibrationGroupBy(scheme: SchemeDefinition): CalibrationGroupBy {
  return scheme.distribution?.groupBy ?? 'department';
}

/** One appraisal in calibration: its group, total, the engine's grade, the current grade (after HR changes) and section scores for tie-breaks. */
export interface CalibrationMember {
  appraisalId: string;
  employeeId: string;
  groupKey: string;
  total: string;
  engineGrade: string;
  grade: string;
  sections?: Readonly<Record<string, string>>;
}

/** A grade's share of a group. */
export interface GradeCount {
  grade: string;
  count: number;
  /** count / size in percent, 2 places. */
  percent: string;
}

/** One group's calibration view: the distribution, violated quotas (as issues with params) and the engine's proposal. */
export interface CalibrationReport {
  groupKey: string;
  size: number;
  counts: GradeCount[];
  violations: DomainIssue[];
  proposal: CalibrationProposal | null;
}

/** Groups members by their group key, keeping input order inside a group. Example: groupMembers(members).get('ward3')?.length -> 10 */
export function groupMembers<M extends { groupKey: string }>(members: readonly M[]): Map<string, M[]> {
  const out = new Map<string, M[]>();
  for (const m of members) {
    const list = out.get(m.groupKey);
    if (list) list.push(m);
    else out.set(m.groupKey, [m]);
  }
  return out;
}

/** A violated quota as an issue: quota_exceeded (a maximum) or quota_not_met (a minimum), with grade(s), percent, limit, actual, size and group. */
export function violationIssue(v: QuotaViolation, groupKey: string): DomainIssue {
  const grades = v.grades.join(', ');
  const params = { group: groupKey, grade: v.quota.grade, grades, bound: v.quota.bound, percent: v.quota.percent, limit: v.limit, actual: v.actual, size: v.groupSize };
  return v.quota.bound === 'max'
    ? cycleIssue('quota_exceeded', `group ${groupKey}: ${v.actual} of ${v.groupSize} graded ${grades}; at most ${v.quota.percent}% (${v.limit}) allowed`, params)
    : cycleIssue('quota_not_met', `group ${groupKey}: ${v.actual} of ${v.groupSize} graded ${grades}; at least ${v.quota.percent}% (${v.limit}) required`, params);
}

/**
 * The calibration view of one group: how many people hold each grade, the quotas the current grades break, and
 * the engine's proposal (the lowest-ranked move down until the quotas hold; never up).
 * Example: calibrationReport(seedPrograms.nursing, 'ward3', tenNurses).violations.map((v) => v.code) -> ['quota_exceeded', 'quota_not_met']
 */
export function calibrationReport(scheme: SchemeDefinition, groupKey: string, members: readonly CalibrationMember[]): CalibrationReport {
  const bands = scheme.grades?.bands ?? [];
  const size = members.length;
  const counts: GradeCount[] = bands.map((b) => {
    const count = members.filter((m) => m.grade === b.grade).length;
    return { grade: b.grade, count, percent: size === 0 ? '0.00' : roundTo(new Decimal(count).times(100).div(size), 2, 'halfUp').toFixed(2) };
  });
  const rule = scheme.distribution;
  if (!rule || bands.length === 0) return { groupKey, size, counts, violations: [], proposal: null };
  const dm = members.map((m) => ({ employeeId: m.employeeId, total: m.total, grade: m.grade, ...(m.sections ? { sections: m.sections } : {}) }));
  const violations = checkQuotas(bands, rule, dm).map((v) => violationIssue(v, groupKey));
  return { groupKey, size, counts, violations, proposal: calibrateGroup(bands, rule, dm) };
}

/** A grade change in calibration, kept with the appraisal and audited. */
export interface GradeChange {
  appraisalId: string;
  employeeId: string;
  from: string;
  to: string;
  reason: string;
  source: 'hr' | 'proposal';
  /** Rank in the group (1 = best) and group size when the change was made. */
  rank: number;
  groupSize: number;
}

/**
 * Checks an HR grade change: a grade of the scheme, different from the current one, with a reason, and before
 * publication. Returns the change (with the member's rank in the group) or the issues.
 * Example: changeGrade(seedPrograms.nursing, members, { appraisalId: 'a4', to: 'good', reason: '' }, false) -> { ok: false, issues: [{ code: 'calibration_reason_required' }] }
 */
export function changeGrade(
  scheme: SchemeDefinition,
  group: readonly CalibrationMember[],
  change: { appraisalId: string; to: string; reason: string },
  published: boolean,
): { ok: true; value: GradeChange } | { ok: false; issues: DomainIssue[] } {
  const issues: DomainIssue[] = [];
  const member = group.find((m) => m.appraisalId === change.appraisalId);
  if (!member) return { ok: false, issues: [cycleIssue('calibration_unknown_appraisal', `appraisal ${change.appraisalId} is not in this group`, { appraisalId: change.appraisalId }, ['appraisalId'])] };
  if (published) issues.push(cycleIssue('calibration_after_publication', 'the result is published; a correction goes through an appeal', { appraisalId: change.appraisalId }));
  if (!scheme.grades?.bands.some((b) => b.grade === change.to)) issues.push(cycleIssue('calibration_unknown_grade', `the scheme has no grade "${change.to}"`, { grade: change.to }, ['to']));
  else if (member.grade === change.to) issues.push(cycleIssue('calibration_no_change', `the grade is ${change.to} already`, { grade: change.to }, ['to']));
  if (change.reason.trim() === '') issues.push(cycleIssue('calibration_reason_required', 'changing a grade needs a reason', {}, ['reason']));
  if (issues.length) return { ok: false, issues };
  const ranked = rankMembers(
    group.map((m) => ({ employeeId: m.employeeId, total: m.total, grade: m.grade, ...(m.sections ? { sections: m.sections } : {}) })),
    scheme.distribution?.tieBreak.sections ?? [],
  );
  const rank = ranked.findIndex((m) => m.employeeId === member.employeeId) + 1;
  return { ok: true, value: { appraisalId: member.appraisalId, employeeId: member.employeeId, from: member.grade, to: change.to, reason: change.reason, source: 'hr', rank, groupSize: group.length } };
}

/**
 * The grade changes that accept the engine's proposal for a group, each with the proposal's reason and rank.
 * Example: proposalChanges(report, members).map((c) => [c.employeeId, c.from, c.to]) -> [['n3', 'excellent', 'good'], ...]
 */
export function proposalChanges(report: CalibrationReport, members: readonly CalibrationMember[]): GradeChange[] {
  if (!report.proposal) return [];
  const byEmployee = new Map(members.map((m) => [m.employeeId, m]));
  const out: GradeChange[] = [];
  for (const row of report.proposal.rows) {
    const m = byEmployee.get(row.employeeId);
    if (!m || row.from === row.to) continue;
    out.push({
      appraisalId: m.appraisalId,
      employeeId: m.employeeId,
      from: row.from,
      to: row.to,
      reason: `quota proposal: ranked ${row.rank} of ${report.size}`,
      source: 'proposal',
      rank: row.rank,
      groupSize: report.size,
    });
  }
  return out;
}

/** Applies grade changes to members (later changes win). Example: applyGradeChanges(members, changes).find((m) => m.employeeId === 'n3')?.grade -> 'good' */
export function applyGradeChanges(members: readonly CalibrationMember[], changes: readonly GradeChange[]): CalibrationMember[] {
  const to = new Map(changes.map((c) => [c.appraisalId, c.to]));
  return members.map((m) => {
    const g = to.get(m.appraisalId);
    return g === undefined ? m : { ...m, grade: g };
  });
}

/** HR's decision to publish despite violations, with the reason the audit keeps. */
export interface PublishOverride {
  reason: string;
}

/** The publication decision: allowed (listing the violations HR overrode), or refused with issues. */
export type PublishDecision = { ok: true; overridden: DomainIssue[] } | { ok: false; issues: DomainIssue[] };

/**
 * Decides whether a cycle may publish: every appraisal has a result, and no group breaks a quota unless HR
 * overrides with a reason (the overridden violations are returned for the audit row).
 * Example: checkPublish({ reports, unscored: 0 }) -> { ok: false, issues: [{ code: 'quota_exceeded', params: { group: 'ward3', grade: 'excellent', limit: 3, actual: 5, ... } }] }
 */
export function checkPublish(input: { reports: readonly CalibrationReport[]; unscored: number; override?: PublishOverride }): PublishDecision {
  const issues: DomainIssue[] = [];
  if (input.unscored > 0) issues.push(cycleIssue('publish_unscored', `${input.unscored} appraisal(s) have no result yet`, { count: input.unscored }));
  const violations = input.reports.flatMap((r) => r.violations);
  const override = input.override;
  if (override && override.reason.trim() === '') issues.push(cycleIssue('publish_override_reason', 'publishing despite quota violations needs a reason', {}, ['override', 'reason']));
  // Without a valid override every violation is listed, so HR sees all that stands in the way at once.
  if (!override && violations.length > 0) issues.push(...violations);
  if (issues.length) return { ok: false, issues };
  return { ok: true, overridden: override ? violations : [] };
}
