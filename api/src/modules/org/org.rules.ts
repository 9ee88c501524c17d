import { type Actor, canReadEmployeeDetails, canReadEmployeeIdentity, canReadPayBase, type EmployeeRelation } from '@appraisal/domain';
import { fields, hasAnyRole, isAuthenticated, parentRule, type IRule } from '../../core/shield-rules.js';
import type { Employee } from './employee.entity.js';
import type { OrgLoaders } from './loaders.js';

const isHR = hasAnyRole('HR');

const relation = async (employee: Employee, ctx: { loaders: OrgLoaders }) => ({
  targetId: employee.id,
  reportIds: await ctx.loaders.actorReportIds(),
  supervisorIds: await ctx.loaders.actorSupervisorIds(),
});

type EmployeePolicy = (actor: Actor, rel: EmployeeRelation) => boolean;

/**
 * Asks the policy first with what the actor alone tells (roles, own id); only when that says no does it
 * load the actor's reporting line, so HR listing 500 people costs no extra query.
 */
const employeeRule = (name: string, policy: EmployeePolicy, what: string) =>
  parentRule<Employee>(
    name,
    async (e, ctx) => policy(ctx.actor, { targetId: e.id, reportIds: NO_IDS }) || policy(ctx.actor, await relation(e, ctx)),
    what,
  );
const NO_IDS: ReadonlySet<string> = new Set();

const employeeIdentity = employeeRule('employeeIdentity', canReadEmployeeIdentity, 'this employee');
const employeeDetails = employeeRule('employeeDetails', canReadEmployeeDetails, 'employment details of this employee');
const employeePay = employeeRule('employeePay', canReadPayBase, 'pay bases of this employee');

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
  Department: fields(['id', 'code', 'name', 'nameZh', 'parent', 'children', 'employeeCount', 'subtreeEmployeeCount', 'active', 'version', 'createdAt', 'updatedAt'], isAuthenticated),
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
