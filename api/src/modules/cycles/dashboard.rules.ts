import { anyRole, type FieldGuardTree, mergeGuards, typeGuards } from '../../core/access.js';
import { hasAnyRole, type IRule } from '../../core/shield-rules.js';

/** The cycle dashboard is HR's (the domain's cycle policy gives `progress` to HR). */
export const dashboardRules: Record<string, Record<string, IRule>> = {
  Query: { cycleDashboard: hasAnyRole('HR') },
};

const hrOnly = anyRole('HR');

export const dashboardGuards: FieldGuardTree = mergeGuards(
  typeGuards('CycleDashboard', ['cycleId', 'state', 'today', 'phases', 'total', 'departments', 'outstanding', 'overdueCount', 'overdue'], hrOnly),
  typeGuards('DashboardPhase', ['phase', 'opens', 'closes', 'status', 'open', 'overdue'], hrOnly),
  typeGuards('OutstandingTasks', ['kind', 'open', 'overdue', 'recipients'], hrOnly),
  typeGuards('DepartmentProgress', ['departmentId', 'departmentName', 'appraisals', 'scored', 'ratingsDue', 'ratingsDone', 'selfReviewsDue', 'selfReviewsDone', 'acknowledgementsDue', 'acknowledged'], hrOnly),
  typeGuards('OverdueTask', ['recipient', 'kind', 'appraisalId', 'subjectName', 'due', 'daysOverdue'], hrOnly),
);
