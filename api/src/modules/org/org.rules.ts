import { canReadEmployeeDetails, canReadEmployeeIdentity, canReadPayBase } from '@appraisal/domain';
import { fields, hasAnyRole, isAuthenticated, parentRule, type IRule } from '../../core/shield-rules.js';
import type { Employee } from './employee.entity.js';
import type { OrgLoaders } from './loaders.js';

const isHR = hasAnyRole('HR');

const relation = async (employee: Employee, ctx: { loaders: OrgLoaders }) => ({
  targetId: employee.id,
  reportIds: await ctx.loaders.actorReportIds(),
  supervisorIds: await ctx.loaders.actorSupervisorIds(),
});

const employeeIdentity = parentRule<Employee>('employeeIdentity', async (e, ctx) => canReadEmployeeIdentity(ctx.actor, await relation(e, ctx)), 'this employee');
const employeeDetails = parentRule<Employee>('employeeDetails', async (e, ctx) => canReadEmployeeDetails(ctx.actor, await relation(e, ctx)), 'employment details of this employee');
const employeePay = parentRule<Employee>('employeePay', async (e, ctx) => canReadPayBase(ctx.actor, await relation(e, ctx)), 'pay bases of this employee');

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
const edge = ['cursor', 'node'] as const;

/** Shield rules of the organization module: every type and field named. */
export const orgRules: Record<string, Record<string, IRule>> = {
  Query: {
    ...fields(['employees', 'employee', 'departments', 'department', 'positions', 'position', 'node'], isAuthenticated),
    exportEmployees: isHR,
  },
  Mutation: fields(
    ['createEmployee', 'updateEmployee', 'deactivateEmployee', 'createDepartment', 'updateDepartment', 'deactivateDepartment', 'createPosition', 'updatePosition', 'deactivatePosition', 'importEmployees'],
    isHR,
  ),
  Employee: {
    ...fields(['id', 'name', 'department', 'position', 'active'], employeeIdentity),
    ...fields(
      ['employeeNumber', 'email', 'supervisor', 'directReports', 'reportingLine', 'hireDate', 'probationEndDate', 'employmentStatus', 'category', 'disciplinaryFlag', 'disciplinaryReference', 'version', 'createdAt', 'updatedAt'],
      employeeDetails,
    ),
    ...fields(['performancePayBase', 'floatingPayBase'], employeePay),
  },
  Department: fields(['id', 'code', 'name', 'nameZh', 'parent', 'children', 'employeeCount', 'active', 'version', 'createdAt', 'updatedAt'], isAuthenticated),
  Position: fields(['id', 'code', 'name', 'nameZh', 'department', 'level', 'active', 'version', 'createdAt', 'updatedAt'], isAuthenticated),
  EmployeeConnection: fields(page, isAuthenticated),
  EmployeeEdge: fields(edge, isAuthenticated),
  DepartmentConnection: fields(page, isAuthenticated),
  DepartmentEdge: fields(edge, isAuthenticated),
  PositionConnection: fields(page, isAuthenticated),
  PositionEdge: fields(edge, isAuthenticated),
  PageInfo: fields(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'], isAuthenticated),
  ImportEmployeesReport: fields(['dryRun', 'totalRows', 'validRows', 'applied', 'created', 'updated', 'errors'], isHR),
  ImportRowError: fields(['row', 'field', 'code', 'message'], isHR),
  FileDownload: fields(['fileName', 'contentType', 'contentBase64'], isHR),
};
