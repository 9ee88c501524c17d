import { departmentAccess, type EmployeeRowFacts, employeeAccess, positionAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, type ReadAudit, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

const isHR = hasAnyRole('HR');

/** Shield rules of the organization module's operations: every root field named. */
export const orgRules: Record<string, Record<string, IRule>> = {
  Query: {
    ...fields(['employees', 'employee', 'departments', 'department', 'positions', 'position', 'node'], isAuthenticated),
    exportEmployees: isHR,
    employeeImportTemplate: isHR,
  },
  Mutation: fields(
    ['createEmployee', 'updateEmployee', 'deactivateEmployee', 'createDepartment', 'updateDepartment', 'deactivateDepartment', 'createPosition', 'updatePosition', 'deactivatePosition', 'importEmployees'],
    isHR,
  ),
};

/** Pay bases read by anyone but the person themself go to the audit trail. */
const payRead: ReadAudit = { when: (_actor, facts) => !(facts as EmployeeRowFacts).self };

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
const edge = ['cursor', 'node'] as const;
const hrOnly = anyRole('HR');

/** Field guards of the organization's types: the domain's field policies, and actor rules for the wrappers. */
export const orgGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(employeeAccess, { what: 'employee', audited: { performancePayBase: payRead, floatingPayBase: payRead } }),
  guardsFromAccess(departmentAccess, { what: 'department', factless: true }),
  // Head counts of a department's subtree: as public as its direct employeeCount.
  typeGuards('Department', ['subtreeEmployeeCount'], signedIn),
  guardsFromAccess(positionAccess, { what: 'position', factless: true }),
  typeGuards('EmployeeConnection', page, signedIn),
  typeGuards('EmployeeEdge', edge, signedIn),
  typeGuards('DepartmentConnection', page, signedIn),
  typeGuards('DepartmentEdge', edge, signedIn),
  typeGuards('PositionConnection', page, signedIn),
  typeGuards('PositionEdge', edge, signedIn),
  typeGuards('PageInfo', ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'], signedIn),
  typeGuards('ImportEmployeesReport', ['dryRun', 'totalRows', 'validRows', 'applied', 'created', 'updated', 'errors'], hrOnly),
  typeGuards('ImportRowError', ['row', 'field', 'column', 'code', 'message', 'params'], hrOnly),
  typeGuards('FileDownload', ['fileName', 'contentType', 'contentBase64'], hrOnly),
);
