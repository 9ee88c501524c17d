import { canListEmployees, canRate, canUseAnalytics, canReadOrg, canUseHonors, canUseLedger, canUsePayoutBatches, hasOwnLedger, isAppraised, canReadSchemes, isOrgManager, type Role } from './roles';

/** One place of the console a person can go to: its menu entry and its line on the dashboard. */
export interface ConsoleEntry {
  /** Stable id: `app.entry.<key>` describes it on the dashboard, `data-testid="menu-<key>"` in the menu. */
  key: 'departments' | 'positions' | 'employees' | 'my_team' | 'import' | 'indicators' | 'indicatorCategories' | 'schemes' | 'calendar' | 'cycles' | 'probation' | 'to_rate' | 'team_results' | 'honors' | 'analytics' | 'ledger' | 'payout_batches' | 'my_appraisals' | 'my_ledger' | 'inbox' | 'policies' | 'notices' | 'appeals' | 'statements' | 'my_profile';
  to: string;
  /** The entry's name: the resource's plural name, so the menu, the page title and the buttons agree. */
  label: string;
}

/**
 * Everything the given roles may open, in menu order; the menu and the dashboard both come from here,
 * so neither offers what the role cannot do (the API enforces the same rules).
 */
export const entriesFor = (roles: readonly Role[], employeeId: string | null | undefined): ConsoleEntry[] => {
  const reader = canReadOrg(roles);
  const manager = isOrgManager(roles);
  const entries: ConsoleEntry[] = [];
  if (reader) {
    entries.push({ key: 'departments', to: '/departments', label: 'resources.departments.name' });
    entries.push({ key: 'positions', to: '/positions', label: 'resources.positions.name' });
  }
  if (canListEmployees(roles)) {
    const team = !reader && roles.includes('SUPERVISOR');
    entries.push(team ? { key: 'my_team', to: '/employees', label: 'app.menu.my_team' } : { key: 'employees', to: '/employees', label: 'resources.employees.name' });
  }
  if (manager) {
    entries.push({ key: 'import', to: '/import', label: 'app.menu.import' });
    entries.push({ key: 'indicators', to: '/indicators', label: 'resources.indicators.name' });
    entries.push({ key: 'indicatorCategories', to: '/indicatorCategories', label: 'resources.indicatorCategories.name' });
  }
  if (canReadSchemes(roles)) entries.push({ key: 'schemes', to: '/schemes', label: 'resources.schemes.name' });
  if (manager) {
    entries.push({ key: 'calendar', to: '/calendar', label: 'app.menu.calendar' });
    entries.push({ key: 'cycles', to: '/cycles', label: 'app.menu.cycles' });
    entries.push({ key: 'probation', to: '/probation', label: 'app.menu.probation' });
  }
  if (canRate(roles)) {
    entries.push({ key: 'to_rate', to: '/to-rate', label: 'app.menu.to_rate' });
    entries.push({ key: 'team_results', to: '/team-results', label: 'app.menu.team_results' });
    // What HR asked of them as a rater of an appealed result (the question and the excerpt HR shared).
    entries.push({ key: 'statements', to: '/statements', label: 'app.menu.statements' });
  }
  if (canUseHonors(roles)) entries.push({ key: 'honors', to: '/honors', label: 'app.menu.honors' });
  if (canUseAnalytics(roles)) entries.push({ key: 'analytics', to: '/analytics', label: 'app.menu.analytics' });
  if (canUseLedger(roles)) entries.push({ key: 'ledger', to: '/ledger', label: 'app.menu.ledger' });
  if (canUsePayoutBatches(roles)) entries.push({ key: 'payout_batches', to: '/payout-batches', label: 'app.menu.payout_batches' });
  if (employeeId && isAppraised(roles)) entries.push({ key: 'my_appraisals', to: '/my-appraisals', label: 'app.menu.my_appraisals' });
  if (hasOwnLedger(roles, employeeId)) entries.push({ key: 'my_ledger', to: '/my-ledger', label: 'app.menu.my_ledger' });
  // Governance: everyone with an employee record has an inbox and reads the policies that govern them; HR writes them and the notices.
  if (employeeId) entries.push({ key: 'inbox', to: '/inbox', label: 'app.menu.inbox' });
  if (employeeId || manager) entries.push({ key: 'policies', to: '/policies', label: 'app.menu.policies' });
  if (manager) entries.push({ key: 'notices', to: '/notices', label: 'app.menu.notices' });
  if (manager) entries.push({ key: 'appeals', to: '/appeals', label: 'app.menu.appeals' });
  // The profile is read as the employee themself (EMPLOYEE or SUPERVISOR): an account linked to an employee only to
  // vote on the committee reads names, departments and positions, so it is not offered a profile it cannot open.
  if (employeeId && (roles.includes('EMPLOYEE') || roles.includes('SUPERVISOR'))) entries.push({ key: 'my_profile', to: `/employees/${employeeId}/show`, label: 'app.menu.my_profile' });
  return entries;
};
