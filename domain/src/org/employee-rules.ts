import type { DomainIssue } from '../issues.js';

export const EMPLOYMENT_STATUSES = ['PROBATION', 'REGULAR', 'INTERN', 'LEFT'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** The employee fields the organization rules look at; absent means "not being set". */
export interface EmployeeFields {
  employeeNumber?: string;
  name?: string;
  email?: string | null;
  hireDate?: string;
  probationEndDate?: string | null;
  employmentStatus?: string;
  performancePayBase?: string | null;
  floatingPayBase?: string | null;
  disciplinaryFlag?: boolean;
  disciplinaryReference?: string | null;
}

const EMPLOYEE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Money as HR types it: up to 10 integer digits and 2 decimals, never negative. */
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

/** True for a real calendar date in YYYY-MM-DD. Example: isIsoDate('2026-02-30') -> false */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** True for a non-negative amount with at most 2 decimals. Example: isMoney('900.5') -> true */
export function isMoney(value: string): boolean {
  return MONEY.test(value);
}

/** Normalises a valid amount to 2 places without floats. Example: normalizeMoney('900.5') -> '900.50' */
export function normalizeMoney(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

const issue = (field: string, code: string, message: string): DomainIssue => ({ path: [field], code, message });

/**
 * Checks the field-level rules of an employee record (every broken rule, not only the first).
 * `complete` demands the fields a new record must have.
 * Example: validateEmployeeFields({ hireDate: '2026-05-01', probationEndDate: '2026-04-01' }, false)
 *   -> [{ path: ['probationEndDate'], code: 'before_hire_date', ... }]
 */
export function validateEmployeeFields(fields: EmployeeFields, complete: boolean): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const required: Array<keyof EmployeeFields> = ['employeeNumber', 'name', 'hireDate', 'employmentStatus'];
  if (complete) {
    for (const key of required) {
      const value = fields[key];
      if (value === undefined || value === null || value === '') issues.push(issue(key, 'required', `${key} is required`));
    }
  }
  const { employeeNumber, name, email, hireDate, probationEndDate, employmentStatus } = fields;
  if (employeeNumber !== undefined && employeeNumber !== '' && !EMPLOYEE_NUMBER.test(employeeNumber))
    issues.push(issue('employeeNumber', 'format', 'employee number must be 1-32 letters, digits or dashes'));
  if (name !== undefined && name.trim() === '' && !complete) issues.push(issue('name', 'required', 'name must not be empty'));
  if (name !== undefined && name.length > 100) issues.push(issue('name', 'max_length', 'name must be at most 100 characters'));
  if (email && !EMAIL.test(email)) issues.push(issue('email', 'format', 'email must look like name@example.com'));
  if (hireDate !== undefined && hireDate !== '' && !isIsoDate(hireDate))
    issues.push(issue('hireDate', 'date', 'hire date must be a real date in YYYY-MM-DD'));
  if (probationEndDate && !isIsoDate(probationEndDate))
    issues.push(issue('probationEndDate', 'date', 'probation end date must be a real date in YYYY-MM-DD'));
  else if (probationEndDate && hireDate && isIsoDate(hireDate) && probationEndDate < hireDate)
    issues.push(issue('probationEndDate', 'before_hire_date', 'probation cannot end before the hire date'));
  if (employmentStatus !== undefined && employmentStatus !== '' && !(EMPLOYMENT_STATUSES as readonly string[]).includes(employmentStatus))
    issues.push(issue('employmentStatus', 'one_of', `employment status must be one of ${EMPLOYMENT_STATUSES.join(', ')}`));
  // An update states the end date it will keep (possibly null); only a partial check that omits it skips this rule.
  if (employmentStatus === 'PROBATION' && !probationEndDate && (complete || probationEndDate !== undefined))
    issues.push(issue('probationEndDate', 'required_on_probation', 'an employee on probation needs a probation end date'));
  for (const key of ['performancePayBase', 'floatingPayBase'] as const) {
    const value = fields[key];
    if (value !== undefined && value !== null && value !== '' && !isMoney(value))
      issues.push(issue(key, 'money', `${key} must be a non-negative amount with at most 2 decimals`));
  }
  if (fields.disciplinaryFlag === true && complete && !fields.disciplinaryReference)
    issues.push(issue('disciplinaryReference', 'required_with_flag', 'a disciplinary flag needs the reference of the decision'));
  return issues;
}

/**
 * Would making `supervisorId` the supervisor of `employeeId` close a loop? Walks up from the proposed
 * supervisor through the current chain. `supervisorOf` answers the current direct supervisor of anyone.
 * Example: wouldCreateSupervisorCycle('a', 'b', (id) => (id === 'b' ? 'a' : null)) -> true
 */
export function wouldCreateSupervisorCycle(
  employeeId: string,
  supervisorId: string,
  supervisorOf: (id: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  for (let current: string | null | undefined = supervisorId; current; current = supervisorOf(current)) {
    if (current === employeeId) return true;
    // A loop that does not pass through employeeId already exists; stop rather than spin.
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}
