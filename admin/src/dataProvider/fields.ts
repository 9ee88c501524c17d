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

const DEPARTMENT = `${NAMED} parent { ${NAMED} } employeeCount active version createdAt updatedAt`;

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

export const selectionFor = (resource: ResourceName, detail: Detail, recordId?: string): string => {
  switch (resource) {
    case 'departments':
      return DEPARTMENT;
    case 'positions':
      return POSITION;
    case 'employees':
      return employeeSelection(detail, recordId);
  }
};
