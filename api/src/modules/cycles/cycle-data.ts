import {
  type CyclePeriod,
  type DomainIssue,
  formatPath,
  type OrgDirectory,
  type PopulationEmployee,
  type PopulationTarget,
  type SchemeDefinition,
} from '@appraisal/domain';
import type { ReadDb } from '../../core/db.js';
import { sql } from '../../core/db.js';
import { AppError, type FieldProblem } from '../../core/errors.js';
import { storedDocument } from '../schemes/scheme-documents.js';
import type { SchemePeriod } from '../schemes/scheme.entity.js';
import type { IssueView } from './cycle.types.js';

// Published scheme versions never change (a trigger refuses it), so their documents are cached by id for the
// process: the engine's compiled forms (cached per document object) are then reused across requests and jobs.
const documents = new Map<string, SchemeDefinition>();

/** The frozen document of a scheme version. */
export async function schemeDocument(db: ReadDb, versionId: string): Promise<SchemeDefinition> {
  const cached = documents.get(versionId);
  if (cached) return cached;
  const rows = await db.rows<{ document: Record<string, unknown> }>(sql`select document from scheme_version where id = ${versionId}`);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', `SchemeVersion ${versionId} does not exist.`);
  const doc = storedDocument(row.document);
  if (documents.size > 500) documents.clear();
  documents.set(versionId, doc);
  return doc;
}

/** Domain issues as field problems (VALIDATION_FAILED details): the path becomes the field, the code the rule. */
export function problemsOf(issues: readonly DomainIssue[], prefix: ReadonlyArray<string | number> = []): FieldProblem[] {
  return issues.map((i) => ({ field: formatPath([...prefix, ...i.path]) || 'input', rule: i.code, message: i.message, ...(i.params ? { params: i.params } : {}) }));
}

/** Domain issues as GraphQL Issue rows (previews return them as data). */
export function issueViews(issues: ReadonlyArray<Pick<DomainIssue, 'code' | 'message' | 'params'> & { path?: DomainIssue['path'] }>): IssueView[] {
  return issues.map((i) => ({ code: i.code, message: i.message, path: i.path ? formatPath(i.path) : '', params: i.params ? { ...i.params } : null }));
}

/** The domain's period from the stored cycle columns. */
export function periodOf(kind: SchemePeriod | string, key: string, start: string, end: string): CyclePeriod {
  switch (kind) {
    case 'DAY':
      return { kind: 'day', date: start };
    case 'PROBATION':
      return { kind: 'probation', start, end };
    default:
      return { kind: kind.toLowerCase() as 'month' | 'quarter' | 'half' | 'year', key };
  }
}

interface EmployeeFactsRow {
  id: string;
  department_id: string;
  position_id: string;
  position_level: string;
  supervisor_id: string | null;
  employment_status: PopulationEmployee['employmentStatus'];
  category: string | null;
  hire_date: string;
  probation_end_date: string | null;
  disciplinary_flag: boolean;
  active: boolean;
}

/** The organisation as population and rater assignment read it, in three statements for any size. */
export interface OrgSnapshot {
  employees: PopulationEmployee[];
  byId: Map<string, PopulationEmployee>;
  directory: OrgDirectory;
  departmentOf: Map<string, string>;
}

/**
 * Loads every employee's population facts and the organisation directory: supervisors, department lineage,
 * department raters (the middle cadres and seniors of a department rate as DEPARTMENT for it and below), HR
 * reviewers (employees of HR accounts) and the committee (employees of COMMITTEE accounts).
 */
export async function loadOrgSnapshot(db: ReadDb): Promise<OrgSnapshot> {
  const [departments, people, accounts] = await Promise.all([
    db.rows<{ id: string; parent_id: string | null }>(sql`select id, parent_id from department`),
    db.rows<EmployeeFactsRow>(
      sql`select e.id, e.department_id, e.position_id, p.level as position_level, e.supervisor_id, e.employment_status, e.category,
                 e.hire_date, e.probation_end_date, e.disciplinary_flag, e.active
          from employee e join position p on p.id = e.position_id`,
    ),
    db.rows<{ employee_id: string; roles: string[] }>(sql`select employee_id, roles from app_user where active and employee_id is not null`),
  ]);
  const parentOf = new Map(departments.map((d) => [d.id, d.parent_id]));
  const lineageCache = new Map<string, string[]>();
  const lineage = (dept: string): string[] => {
    let l = lineageCache.get(dept);
    if (!l) {
      l = [];
      for (let d: string | null | undefined = dept; d && l.length < 50; d = parentOf.get(d)) l.push(d);
      lineageCache.set(dept, l);
    }
    return l;
  };
  const employees: PopulationEmployee[] = [];
  const supervisorOf = new Map<string, string | null>();
  const lineageOf = new Map<string, readonly string[]>();
  const departmentOf = new Map<string, string>();
  const departmentRaters = new Map<string, string[]>();
  for (const r of people) {
    const l = lineage(r.department_id);
    employees.push({
      employeeId: r.id,
      departmentLineage: l,
      positionId: r.position_id,
      positionLevel: r.position_level,
      employmentStatus: r.employment_status,
      category: r.category,
      hireDate: r.hire_date,
      probationEndDate: r.probation_end_date,
      disciplinaryDecision: r.disciplinary_flag,
      specialApproval: false,
      active: r.active,
    });
    if (!r.active) continue;
    supervisorOf.set(r.id, r.supervisor_id);
    lineageOf.set(r.id, l);
    departmentOf.set(r.id, r.department_id);
    if (r.position_level === 'MIDDLE_CADRE' || r.position_level === 'SENIOR') {
      const list = departmentRaters.get(r.department_id) ?? [];
      list.push(r.id);
      departmentRaters.set(r.department_id, list);
    }
  }
  const withRole = (role: string) => accounts.filter((a) => a.roles.includes(role)).map((a) => a.employee_id).sort();
  for (const list of departmentRaters.values()) list.sort();
  return {
    employees,
    byId: new Map(employees.map((e) => [e.employeeId, e])),
    departmentOf,
    directory: { supervisorOf, lineageOf, departmentRaters, hrReviewers: new Map(), hrDefault: withRole('HR'), committee: withRole('COMMITTEE'), peers: new Map() },
  };
}

/** Candidates of a cycle: everyone in the target (departments with their sub-departments, positions) plus anyone HR changed. */
export function candidatesOf(org: OrgSnapshot, target: PopulationTarget, changed: ReadonlySet<string>): PopulationEmployee[] {
  const everyone = target.departmentIds.length === 0 && target.positionIds.length === 0;
  return org.employees.filter(
    (e) =>
      everyone ||
      changed.has(e.employeeId) ||
      e.departmentLineage.some((d) => target.departmentIds.includes(d)) ||
      (e.positionId !== null && target.positionIds.includes(e.positionId)),
  );
}
