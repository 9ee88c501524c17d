import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { joinedOf } from '../../core/projection.js';
import { listEmployees, supervisorChain } from './employee.read.js';
import * as employees from './employee.service.js';
import { CreateEmployeeInput, EmployeesArgs, UpdateEmployeeInput } from './org.inputs.js';
import { DepartmentNode, EmployeeNode, type EmployeeRow, PositionNode } from './org.types.js';

export const EmployeeConnection = connectionType(EmployeeNode, 'Employee');

@Resolver(() => EmployeeNode)
export class EmployeeResolver {
  @Query(() => EmployeeConnection, { description: 'Employees the caller may see: HR all, supervisors their reporting line, employees themselves.' })
  employees(@Ctx() ctx: RequestContext, @Args(() => EmployeesArgs) args: EmployeesArgs, @Info() info: GraphQLResolveInfo) {
    return listEmployees(ctx, args, info);
  }

  @Query(() => EmployeeNode, { description: 'One employee; NOT_FOUND when absent or outside the caller\'s scope.' })
  employee(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return employees.getEmployee(ctx, id);
  }

  @Mutation(() => EmployeeNode, { description: 'Creates an employee (HR).' })
  createEmployee(@Ctx() ctx: RequestContext, @Arg('input', () => CreateEmployeeInput) input: CreateEmployeeInput) {
    return employees.createEmployee(ctx, input);
  }

  @Mutation(() => EmployeeNode, { description: 'Updates an employee (HR); CONFLICT when `input.version` is stale.' })
  updateEmployee(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateEmployeeInput) input: UpdateEmployeeInput) {
    return employees.updateEmployee(ctx, id, input);
  }

  @Mutation(() => EmployeeNode, { description: 'Deactivates an employee (HR); history is kept.' })
  deactivateEmployee(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return employees.deactivateEmployee(ctx, id, version);
  }

  @FieldResolver(() => DepartmentNode, { description: 'Department the employee belongs to.' })
  department(@Root() employee: EmployeeRow, @Ctx() ctx: RequestContext) {
    return joinedOf<DepartmentNode>(employee, 'department') ?? ctx.loaders.department.load(employee.departmentId);
  }

  @FieldResolver(() => PositionNode, { description: 'Position the employee holds.' })
  position(@Root() employee: EmployeeRow, @Ctx() ctx: RequestContext) {
    return joinedOf<PositionNode>(employee, 'position') ?? ctx.loaders.position.load(employee.positionId);
  }

  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'Direct supervisor.' })
  supervisor(@Root() employee: EmployeeRow, @Ctx() ctx: RequestContext) {
    const joined = joinedOf<EmployeeRow>(employee, 'supervisor');
    if (joined !== undefined) return joined;
    return employee.supervisorId ? ctx.loaders.employee.load(employee.supervisorId) : null;
  }

  @FieldResolver(() => [EmployeeNode], { description: 'Active direct reports.' })
  directReports(@Root() employee: EmployeeRow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.directReports.load(employee.id);
  }

  @FieldResolver(() => [EmployeeNode], { description: 'Supervisors upward: direct supervisor first, then theirs, to the top.' })
  reportingLine(@Root() employee: EmployeeRow, @Ctx() ctx: RequestContext) {
    return supervisorChain(ctx.db, ctx.loaders.employeeRelation(), employee.id);
  }
}
