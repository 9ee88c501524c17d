import type { IsoDate } from '../../calendar/dates.js';
import type { WorkCalendarYear } from '../../calendar/definition.js';
import type { SchemeDefinition } from '../../scheme/index.js';
import type { ItemInput, PayFacts } from '../../scoring/index.js';
import { nextState } from '../../workflow/engine.js';
import { ratingWorkflow } from '../../workflow/rating.js';
import {
  applyGradeChanges,
  calibrationReport,
  checkPublish,
  groupMembers,
  proposalChanges,
  type CalibrationMember,
  type CalibrationReport,
  type GradeChange,
  type PublishDecision,
} from '../calibration.js';
import { validateAdjustmentEntry, validateRating, type AdjustmentEntry } from '../forms.js';
import { validateItemValues } from '../measured.js';
import { priceCalibratedGroup, type GroupPay, type PayGroupAmounts } from '../pay.js';
import type { CyclePeriod } from '../period.js';
import { buildPopulation, type Population, type PopulationChange, type PopulationEmployee, type PopulationTarget } from '../population.js';
import { publishedResult, type PublishedResult } from '../publication.js';
import { assignRaters, type OrgDirectory, type RaterAssignment, type RaterSlot } from '../raters.js';
import { computeResult, type AppraisalResultRecord, type StoredRating } from '../results.js';
import { computePhaseSchedule, type CycleSchedule } from '../schedule.js';
import { checkActionWindow } from '../windows.js';

/** What a test states about one cycle run; everything else goes through the domain functions as the API would call them. */
export interface CycleRunSpec {
  scheme: SchemeDefinition;
  schemeVersionId: string;
  period: CyclePeriod;
  calendar: readonly WorkCalendarYear[];
  target: PopulationTarget;
  employees: readonly PopulationEmployee[];
  changes?: readonly PopulationChange[];
  org: OrgDirectory;
  /** The day raters submit (must be inside the rating window). */
  ratingDay: IsoDate;
  /** What a person enters in a slot; undefined leaves it unsubmitted. */
  rate: (slot: RaterSlot, employeeId: string) => Record<string, ItemInput> | undefined;
  /** Measured values of data slots (surveys): item -> input values. */
  data?: (slot: RaterSlot, employeeId: string) => Record<string, Record<string, string>>;
  adjustments?: Readonly<Record<string, AdjustmentEntry[]>>;
  /** The calibration group (department or team) of each person. */
  groupOf: (employeeId: string) => string;
  acceptProposal?: boolean;
  payFacts?: Readonly<Record<string, PayFacts>>;
  payAmounts?: PayGroupAmounts;
}

/** Everything a run produced, for the test to check. */
export interface CycleRun {
  schedule: CycleSchedule;
  population: Population;
  assignments: Map<string, RaterAssignment>;
  records: Map<string, AppraisalResultRecord>;
  reports: CalibrationReport[];
  reportsAfter: CalibrationReport[];
  changes: GradeChange[];
  publish: PublishDecision;
  pay: GroupPay;
  published: Map<string, PublishedResult>;
}

function ok(what: string, issues: readonly { code: string }[]): void {
  if (issues.length > 0) throw new Error(`${what}: ${JSON.stringify(issues)}`);
}

/**
 * Runs one cycle through the domain like the API does: schedule, population, raters, rating forms (window,
 * validation, workflow), measured inputs, plus/minus entries, results, calibration, publication check, group pay
 * and the published result. Every check must pass; the first failure throws with its issues.
 */
export function runCycle(spec: CycleRunSpec): CycleRun {
  const sched = computePhaseSchedule({ scheme: spec.scheme, period: spec.period, calendar: spec.calendar });
  if (!sched.ok) throw new Error(`schedule: ${JSON.stringify(sched.issues)}`);
  const schedule = sched.value;
  const population = buildPopulation({ scheme: spec.scheme, span: schedule.span, target: spec.target, employees: spec.employees, ...(spec.changes ? { changes: spec.changes } : {}) });
  ok('population', population.issues);

  const assignments = new Map<string, RaterAssignment>();
  const records = new Map<string, AppraisalResultRecord>();
  for (const { employeeId } of population.included) {
    const appraisalId = `appraisal-${employeeId}`;
    const a = assignRaters(spec.scheme, employeeId, spec.org);
    ok(`raters of ${employeeId}`, a.unresolved.filter((u) => u.blocking));
    assignments.set(employeeId, a);
    const ratings: StoredRating[] = [];
    for (const slot of a.slots) {
      const ratingId = `${appraisalId}/${slot.key}`;
      if (slot.source === 'data') {
        const values = spec.data?.(slot, employeeId) ?? {};
        for (const [item, v] of Object.entries(values)) ok(`data ${ratingId}`, validateItemValues(spec.scheme, item, v));
        const items = Object.fromEntries(Object.entries(values).map(([item, v]) => [item, { values: v }]));
        ratings.push({ slotKey: slot.key, section: slot.section, role: slot.role, raterId: null, state: 'submitted', items });
        continue;
      }
      const items = spec.rate(slot, employeeId);
      if (items === undefined) {
        ratings.push({ slotKey: slot.key, section: slot.section, role: slot.role, raterId: slot.raterId, state: 'pending', items: {} });
        continue;
      }
      const window = checkActionWindow({ action: 'rating.submit', today: spec.ratingDay, phases: schedule.phases, target: { appraisalId, ratingId }, ratingRole: slot.role });
      if (!window.ok) throw new Error(`window ${ratingId}: ${JSON.stringify(window.issue)}`);
      const draft = { section: slot.section, role: slot.role, items };
      ok(`rating ${ratingId}`, validateRating(spec.scheme, draft, 'submit'));
      const ctx = { roles: ['EMPLOYEE' as const], isRater: true, windowOpen: true, validationIssues: 0 };
      const saved = nextState(ratingWorkflow, 'pending', 'save', ctx);
      const submitted = saved.ok ? nextState(ratingWorkflow, saved.to, 'submit', ctx) : saved;
      if (!submitted.ok) throw new Error(`workflow ${ratingId}: ${JSON.stringify(submitted.issue)}`);
      ratings.push({ slotKey: slot.key, section: slot.section, role: slot.role, raterId: slot.raterId, state: submitted.to, items });
    }
    const adjustments = spec.adjustments?.[employeeId] ?? [];
    for (const e of adjustments) ok(`adjustment of ${employeeId}`, validateAdjustmentEntry(spec.scheme, e));
    const outcome = computeResult({ scheme: spec.scheme, schemeVersionId: spec.schemeVersionId, inputs: { appraisalId, employeeId, ratings, adjustments } });
    if (outcome.status !== 'computed') throw new Error(`result of ${employeeId}: ${JSON.stringify(outcome)}`);
    records.set(employeeId, outcome.record);
  }

  const members: CalibrationMember[] = [...records.values()].map((r) => ({
    appraisalId: r.appraisalId,
    employeeId: r.employeeId,
    groupKey: spec.groupOf(r.employeeId),
    total: r.output.total,
    engineGrade: r.output.grade?.grade ?? '',
    grade: r.output.grade?.grade ?? '',
    sections: Object.fromEntries(r.output.sections.map((s) => [s.id, s.score])),
  }));
  const groups = groupMembers(members);
  const reports = [...groups].map(([key, list]) => calibrationReport(spec.scheme, key, list));
  const changes = spec.acceptProposal ? reports.flatMap((r) => proposalChanges(r, groups.get(r.groupKey) ?? [])) : [];
  const calibrated = applyGradeChanges(members, changes);
  const reportsAfter = [...groupMembers(calibrated)].map(([key, list]) => calibrationReport(spec.scheme, key, list));
  const publish = checkPublish({ reports: reportsAfter, unscored: population.included.length - records.size });

  const gradeOf = new Map(calibrated.map((m) => [m.employeeId, m.grade]));
  const priced = priceCalibratedGroup(
    spec.scheme,
    [...records.values()].map((r) => {
      const grade = gradeOf.get(r.employeeId);
      return { employeeId: r.employeeId, result: r.output, ...(grade ? { grade } : {}), facts: spec.payFacts?.[r.employeeId] ?? {} };
    }),
    spec.payAmounts ?? {},
  );
  if (!priced.ok) throw new Error(`pay: ${JSON.stringify(priced.issues)}`);
  const published = new Map<string, PublishedResult>();
  for (const r of records.values()) {
    const lines = priced.value.lines.filter((l) => l.employeeId === r.employeeId);
    const total = priced.value.totals[r.employeeId];
    published.set(r.employeeId, publishedResult(r, changes, lines.length && total ? { lines, total, trace: priced.value.traces[r.employeeId] ?? [] } : null));
  }
  return { schedule, population, assignments, records, reports, reportsAfter, changes, publish, pay: priced.value, published };
}

/** An employee record for population tests with sensible defaults. */
export function staff(employeeId: string, departmentLineage: string[], over: Partial<PopulationEmployee> = {}): PopulationEmployee {
  return {
    employeeId,
    departmentLineage,
    positionId: null,
    employmentStatus: 'REGULAR',
    category: null,
    hireDate: '2020-01-01',
    probationEndDate: null,
    disciplinaryDecision: false,
    specialApproval: false,
    active: true,
    ...over,
  };
}

/** An organisation where everyone listed reports to one supervisor, with optional second level, department raters, HR and peers. */
export function simpleOrg(over: Partial<OrgDirectory> & { supervisors: Record<string, string | null>; lineage: Record<string, string[]> }): OrgDirectory {
  return {
    supervisorOf: new Map(Object.entries(over.supervisors)),
    lineageOf: new Map(Object.entries(over.lineage)),
    departmentRaters: over.departmentRaters ?? new Map(),
    hrReviewers: over.hrReviewers ?? new Map(),
    hrDefault: over.hrDefault ?? [],
    committee: over.committee ?? [],
    peers: over.peers ?? new Map(),
  };
}
