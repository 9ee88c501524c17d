export const ROLES = ['EMPLOYEE', 'SUPERVISOR', 'HR', 'COMMITTEE', 'ADMIN', 'APPROVER'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** HR writes the organization (departments, positions, employees, import, export); the API allows nobody else. */
export const isOrgManager = (roles: readonly Role[]): boolean => roles.includes('HR');

/** HR and ADMIN read the whole organization; ADMIN read-only (the API's mutations are HR-only). */
export const canReadOrg = (roles: readonly Role[]): boolean => roles.includes('HR') || roles.includes('ADMIN');

/** Roles that may open the employee list; an EMPLOYEE only reaches their own profile. */
export const canListEmployees = (roles: readonly Role[]): boolean =>
  canReadOrg(roles) || roles.includes('SUPERVISOR') || roles.includes('COMMITTEE');

/** The committee reads names, departments and positions only. */
export const isCommitteeOnly = (roles: readonly Role[]): boolean =>
  roles.includes('COMMITTEE') && !canReadOrg(roles) && !roles.includes('SUPERVISOR');

/** Roles that read published schemes (the API's row scope decides which); ADMIN has no scheme access. */
export const canReadSchemes = (roles: readonly Role[]): boolean =>
  roles.some((r) => r === 'HR' || r === 'COMMITTEE' || r === 'SUPERVISOR' || r === 'EMPLOYEE');

/** Raters: supervisors rate their line (the API lists each person's own rating tasks). */
export const canRate = (roles: readonly Role[]): boolean => roles.includes('SUPERVISOR');

/** People appraised in cycles: every employee reads their own appraisals. */
export const isAppraised = (roles: readonly Role[]): boolean => roles.includes('EMPLOYEE');

/** Honors: HR runs the programs, the committee votes and decides, supervisors nominate their line. */
export const canUseHonors = (roles: readonly Role[]): boolean => roles.includes('HR') || roles.includes('COMMITTEE') || roles.includes('SUPERVISOR');

/** The ledger: HR keeps the catalog and approves entries; supervisors read their line's entries and propose for it. */
export const canUseLedger = (roles: readonly Role[]): boolean => roles.includes('HR') || roles.includes('SUPERVISOR');

/** Payout batches: HR prepares them; the APPROVER (finance) approves those submitted. */
export const canUsePayoutBatches = (roles: readonly Role[]): boolean => roles.includes('HR') || roles.includes('APPROVER');

/** Their own ledger entries and statement: everyone appraised with an employee record. */
export const hasOwnLedger = (roles: readonly Role[], employeeId: string | null | undefined): boolean => Boolean(employeeId) && roles.includes('EMPLOYEE');
/** Analytics: HR over the whole group, supervisors over their reporting line (the API scopes the rows). */
export const canUseAnalytics = (roles: readonly Role[]): boolean => roles.includes('HR') || roles.includes('SUPERVISOR');
