import type { Checked, DomainIssue } from '../issues.js';
import type { MissingRaterPolicy, RaterRole, SchemeDefinition } from '../scheme/index.js';
import { cycleIssue, fail, type IssueParams } from './issue.js';

/**
 * The organisation as rater assignment needs it (the API loads it once per launch). Maps so that 10,000
 * employees resolve in one pass without repeated lookups.
 */
export interface OrgDirectory {
  /** Each employee's direct supervisor (null at the top of the tree). */
  supervisorOf: ReadonlyMap<string, string | null>;
  /** Each employee's department first, then its parents up to the root. */
  lineageOf: ReadonlyMap<string, readonly string[]>;
  /** Who rates as DEPARTMENT for a department and everything below it (the nearest department in the lineage wins); usually its head. */
  departmentRaters: ReadonlyMap<string, readonly string[]>;
  /** HR reviewers responsible for a department subtree (nearest wins). */
  hrReviewers: ReadonlyMap<string, readonly string[]>;
  /** HR reviewers for everyone without a department-specific one. */
  hrDefault: readonly string[];
  /** Members of the appraisal committee (each rates; their ratings are averaged). */
  committee: readonly string[];
  /** Peers chosen by HR or the supervisor for each employee. */
  peers: ReadonlyMap<string, readonly string[]>;
}

/** One rating expected for an appraisal: who rates which section in which role; SURVEY slots are filled by data. */
export interface RaterSlot {
  /** Unique within the appraisal: section/role/rater. */
  key: string;
  section: string;
  role: RaterRole;
  /** The rating employee; null for data slots. */
  raterId: string | null;
  source: 'person' | 'data';
}

/** A rater role that could not be resolved from the organisation, with what the scheme's missing-rater policy makes of it. */
export interface UnresolvedSlot {
  section: string;
  role: RaterRole;
  code: string;
  message: string;
  params: IssueParams;
  policy: MissingRaterPolicy['policy'];
  /** True when the appraisal cannot be scored without it: the fail policy, or no rater left in the section. */
  blocking: boolean;
}

/** The raters of one appraisal. */
export interface RaterAssignment {
  employeeId: string;
  slots: RaterSlot[];
  unresolved: UnresolvedSlot[];
}

/** The slot key of a rater. Example: slotKey('scale', 'HR', 'e9') -> 'scale/HR/e9' */
export function slotKey(section: string, role: RaterRole, raterId: string | null): string {
  return `${section}/${role}/${raterId ?? 'data'}`;
}

const NONE: readonly string[] = [];

/** The nearest department in the lineage with entries in the map, skipping the subject themself. */
function nearest(map: ReadonlyMap<string, readonly string[]>, lineage: readonly string[], subject: string): readonly string[] {
  for (const d of lineage) {
    const people = (map.get(d) ?? NONE).filter((p) => p !== subject);
    if (people.length > 0) return people;
  }
  return NONE;
}

const MISSING: Record<Exclude<RaterRole, 'SELF' | 'SURVEY'>, { code: string; what: string }> = {
  DIRECT_SUPERVISOR: { code: 'rater_no_supervisor', what: 'no direct supervisor' },
  SECOND_LEVEL_SUPERVISOR: { code: 'rater_no_second_level_supervisor', what: 'no second-level supervisor' },
  DEPARTMENT: { code: 'rater_no_department_rater', what: 'no department rater for their department or any parent' },
  HR: { code: 'rater_no_hr_reviewer', what: 'no HR reviewer' },
  PEER: { code: 'rater_no_peers', what: 'no peers chosen yet' },
  COMMITTEE: { code: 'rater_no_committee', what: 'no committee members' },
};

/**
 * The people who rate a role for one employee: SELF themself; DIRECT_SUPERVISOR their supervisor;
 * SECOND_LEVEL_SUPERVISOR the supervisor's supervisor (Part 4 Art. 12 level by level, Part 5 "supervisor in
 * charge"); DEPARTMENT and HR the nearest department's designated raters; PEER the chosen peers; COMMITTEE every
 * member. Nobody rates themself in another role. Example: ratersFor('SECOND_LEVEL_SUPERVISOR', 'welder', org) -> ['director']
 */
export function ratersFor(role: RaterRole, employeeId: string, org: OrgDirectory): readonly string[] {
  const lineage = org.lineageOf.get(employeeId) ?? NONE;
  const notSelf = (ids: readonly string[]) => [...new Set(ids)].filter((id) => id !== employeeId);
  switch (role) {
    case 'SELF':
      return [employeeId];
    case 'SURVEY':
      return NONE;
    case 'DIRECT_SUPERVISOR': {
      const s = org.supervisorOf.get(employeeId);
      return s ? notSelf([s]) : NONE;
    }
    case 'SECOND_LEVEL_SUPERVISOR': {
      const s = org.supervisorOf.get(employeeId);
      const s2 = s ? org.supervisorOf.get(s) : null;
      return s2 ? notSelf([s2]) : NONE;
    }
    case 'DEPARTMENT':
      return nearest(org.departmentRaters, lineage, employeeId);
    case 'HR': {
      const own = nearest(org.hrReviewers, lineage, employeeId);
      return own.length > 0 ? own : notSelf(org.hrDefault);
    }
    case 'PEER':
      return notSelf(org.peers.get(employeeId) ?? NONE);
    case 'COMMITTEE':
      return notSelf(org.committee);
  }
}

/**
 * Assigns the raters of one appraisal from the scheme's sections and the organisation. Roles nobody can fill
 * come back as unresolved with the section's missing-rater policy: blocking under `fail`, or when no rater of the
 * section is left; otherwise the engine spreads the weight (renormalise) or counts the fixed value.
 * Example: assignRaters(seedPrograms.headquarters, 'ceo', org).unresolved.map((u) => u.code) -> ['rater_no_supervisor', 'rater_no_second_level_supervisor']
 */
export function assignRaters(scheme: SchemeDefinition, employeeId: string, org: OrgDirectory): RaterAssignment {
  const slots: RaterSlot[] = [];
  const unresolved: UnresolvedSlot[] = [];
  for (const section of scheme.sections) {
    const policy = section.missingRater.policy;
    const before = unresolved.length;
    let resolvedRoles = 0;
    for (const { role } of section.raters) {
      if (role === 'SURVEY') {
        slots.push({ key: slotKey(section.id, role, null), section: section.id, role, raterId: null, source: 'data' });
        resolvedRoles++;
        continue;
      }
      const people = ratersFor(role, employeeId, org);
      if (people.length === 0 && role !== 'SELF') {
        const m = MISSING[role];
        unresolved.push({
          section: section.id,
          role,
          code: m.code,
          message: `section "${section.id}": ${m.what} to rate as ${role}`,
          params: { section: section.id, role, employeeId, policy },
          policy,
          blocking: policy === 'fail',
        });
        continue;
      }
      resolvedRoles++;
      for (const raterId of people) slots.push({ key: slotKey(section.id, role, raterId), section: section.id, role, raterId, source: 'person' });
    }
    // Renormalising needs at least one rater left in the section.
    if (resolvedRoles === 0 && policy === 'renormalise') for (const u of unresolved.slice(before)) u.blocking = true;
  }
  return { employeeId, slots, unresolved };
}

/** A change HR (or the supervisor, for peers) makes to an appraisal's raters: replace `from`, or add a rater to a role. */
export interface RaterChange {
  section: string;
  role: RaterRole;
  /** The rater to replace; absent to fill an unresolved role or add a peer. */
  from?: string;
  to: string;
  reason: string;
}

/** The result of a change: the slot removed (if any) and the slot added; the audit records both with the reason. */
export interface RaterChangeResult {
  removed?: RaterSlot;
  added: RaterSlot;
}

/**
 * Checks and applies a rater change: a reason, a section and role of the scheme, a person slot (SELF and SURVEY
 * cannot be reassigned), a rating not yet submitted (HR returns it first), not the appraised person, and not
 * someone already rating that section in that role.
 * Example: changeRater(seedPrograms.headquarters, assignment, { section: 'scale', role: 'HR', from: 'hr1', to: 'hr2', reason: 'hr1 on leave' }, new Set()) -> { ok: true, value: { removed: { key: 'scale/HR/hr1', ... }, added: { key: 'scale/HR/hr2', ... } } }
 */
export function changeRater(scheme: SchemeDefinition, a: RaterAssignment, change: RaterChange, submittedKeys: ReadonlySet<string>): Checked<RaterChangeResult> {
  const issues: DomainIssue[] = [];
  if (change.reason.trim() === '') issues.push(cycleIssue('rater_change_reason', 'changing a rater needs a reason', {}, ['reason']));
  const section = scheme.sections.find((s) => s.id === change.section);
  if (!section || !section.raters.some((r) => r.role === change.role)) {
    return fail(...issues, cycleIssue('rater_role_not_in_section', `section "${change.section}" is not rated by ${change.role}`, { section: change.section, role: change.role }, ['role']));
  }
  if (change.role === 'SELF' || change.role === 'SURVEY') {
    issues.push(cycleIssue('rater_slot_fixed', `${change.role} ratings belong to the appraised person or to data and cannot be reassigned`, { role: change.role }, ['role']));
  }
  if (change.to === a.employeeId) issues.push(cycleIssue('rater_is_subject', 'nobody rates themself except in the SELF role', { employeeId: change.to }, ['to']));
  let removed: RaterSlot | undefined;
  if (change.from !== undefined) {
    removed = a.slots.find((s) => s.section === change.section && s.role === change.role && s.raterId === change.from);
    if (!removed) issues.push(cycleIssue('rater_slot_unknown', `${change.from} does not rate section "${change.section}" as ${change.role}`, { section: change.section, role: change.role, raterId: change.from }, ['from']));
    else if (submittedKeys.has(removed.key)) {
      issues.push(cycleIssue('rater_reassign_submitted', `${change.from} has submitted; HR returns the rating before reassigning it`, { raterId: change.from }, ['from']));
    }
  }
  if (a.slots.some((s) => s.section === change.section && s.role === change.role && s.raterId === change.to)) {
    issues.push(cycleIssue('rater_duplicate', `${change.to} already rates section "${change.section}" as ${change.role}`, { section: change.section, role: change.role, raterId: change.to }, ['to']));
  }
  if (issues.length) return { ok: false, issues };
  const added: RaterSlot = { key: slotKey(change.section, change.role, change.to), section: change.section, role: change.role, raterId: change.to, source: 'person' };
  return { ok: true, value: removed ? { removed, added } : { added } };
}
