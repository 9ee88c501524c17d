import { canReadOrg, isCommitteeOnly } from '../auth/roles';
import { canSeePay, currentRoles } from '../auth/session';
import type { ResourceName } from './resources';

/**
 * Selection sets per resource and role. The API answers a field the caller may not read with a
 * FORBIDDEN error (and a non-null field's error nulls the whole record), so each role asks only for
 * what it may read:
 * - pay bases: HR, or the employee reading their own record;
 * - the supervisor object: HR and ADMIN (an employee may not read their supervisor's record);
 * - reporting line and direct reports are loaded separately (orgApi.employeeRelation) so a denied
 *   relation never hides the record itself;
 * - the committee: names, departments and positions only.
 */
export const NAMED = 'id code name nameZh';

const DEPARTMENT = `${NAMED} parent { ${NAMED} } employeeCount subtreeEmployeeCount active version createdAt updatedAt`;

const POSITION = `${NAMED} level active version department { ${NAMED} } createdAt updatedAt`;

/**
 * People in a reporting line / direct reports. Employee numbers are "details": an employee may read
 * only the identity (name, position) of their own supervisors, so only HR / ADMIN ask for numbers.
 */
export const personSelection = (): string =>
  canReadOrg(currentRoles()) ? `id employeeNumber name position { ${NAMED} }` : `id name position { ${NAMED} }`;

const EMPLOYEE_SUMMARY = `id employeeNumber name email department { ${NAMED} } position { ${NAMED} level }
  hireDate employmentStatus category active version`;

const EMPLOYEE_DETAIL = `${EMPLOYEE_SUMMARY} probationEndDate disciplinaryFlag disciplinaryReference createdAt updatedAt`;

const EMPLOYEE_COMMITTEE = `id name department { ${NAMED} } position { ${NAMED} }`;

const SUPERVISOR = 'supervisor { id employeeNumber name }';

const PAY = 'performancePayBase floatingPayBase';

export type Detail = 'list' | 'detail';

const employeeSelection = (detail: Detail, recordId: string | undefined): string => {
  const roles = currentRoles();
  if (isCommitteeOnly(roles)) return EMPLOYEE_COMMITTEE;
  const parts = [detail === 'list' ? EMPLOYEE_SUMMARY : EMPLOYEE_DETAIL];
  if (canReadOrg(roles)) parts.push(SUPERVISOR);
  if (detail === 'detail' && canSeePay(recordId)) parts.push(PAY);
  return parts.join(' ');
};

const CATEGORY = `${NAMED} active version`;

const INDICATOR_SUMMARY = `${NAMED} category { ${NAMED} } scoringMethod minPoints maxPoints measurementSource tags active version updatedAt`;

const INDICATOR_DETAIL = `${INDICATOR_SUMMARY} description usedBySchemes createdAt
  applicableDepartments { ${NAMED} } applicablePositions { ${NAMED} }`;

const LOCAL = 'en zh';

/** The typed structure of a scheme document (the read-only view every reader of the scheme gets). */
export const SCHEME_DOCUMENT = `code name { ${LOCAL} } period notes { ${LOCAL} } sectionWeighting finalFormula
  sections { id name { ${LOCAL} } weight missingRater itemWeighting raters { role weight }
    items { id indicatorCode name { ${LOCAL} } maxPoints weight passMark method } }
  adjustmentRules { id name { ${LOCAL} } direction unit min max perRuleCap }
  gradeBands { grade label { ${LOCAL} } min minInclusive max maxInclusive }
  quotas { grade bound percent cumulative }
  payComponents { id name { ${LOCAL} } kind }
  rollups { id name { ${LOCAL} } period formula }
  rounding { places mode applyAt }`;

const SCHEME_SUMMARY = `id code name nameZh periodType status owner templateKey version updatedAt latestVersion { id number publishedAt }`;

/**
 * HR reads drafts and every version's JSON (the builder and the comparison need them); everyone else
 * asks only for the published structure, since `draft` is an HR-only field.
 */
const schemeSelection = (detail: Detail): string => {
  if (detail === 'list') return SCHEME_SUMMARY;
  const base = `${SCHEME_SUMMARY} createdAt applicableDepartments { ${NAMED} } applicablePositions { ${NAMED} }`;
  if (currentRoles().includes('HR')) {
    return `${base} draft { json ${SCHEME_DOCUMENT} }
      latestVersion { id number publishedAt publishedBy document { json ${SCHEME_DOCUMENT} } }
      versions { id number publishedAt publishedBy document { json } }`;
  }
  return `${base} latestVersion { id number publishedAt publishedBy document { ${SCHEME_DOCUMENT} } }
    versions { id number publishedAt publishedBy }`;
};

export const selectionFor = (resource: ResourceName, detail: Detail, recordId?: string): string => {
  switch (resource) {
    case 'indicatorCategories':
      return CATEGORY;
    case 'indicators':
      return detail === 'list' ? INDICATOR_SUMMARY : INDICATOR_DETAIL;
    case 'schemes':
      return schemeSelection(detail);
    case 'departments':
      return DEPARTMENT;
    case 'positions':
      return POSITION;
    case 'employees':
      return employeeSelection(detail, recordId);
  }
};
