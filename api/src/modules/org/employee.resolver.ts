import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { Department } from './department.entity.js';
import { Employee } from './employee.entity.js';
import * as employees from './employee.service.js';
import { CreateEmployeeInput, EmployeesArgs, UpdateEmployeeInput } from './org.inputs.js';
import { Position } from './position.entity.js';

export const EmployeeConnection = connectionType(Employee, 'Employee');

@Resolver(() => Employee)
export class EmployeeResolver {
  @Query(() => EmployeeConnection, { description: 'Employees the caller may see: HR all, supervisors their reporting line, employees themselves.' })
  employees(@Ctx() ctx: RequestContext, @Args(() => EmployeesArgs) args: EmployeesArgs) {
    return employees.listEmployees(ctx, args);
  }

  @Query(() => Employee, { description: 'One employee; NOT_FOUND when absent or outside the caller\'s scope.' })
  employee(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return employees.getEmployee(ctx, id);
  }

  @Mutation(() => Employee, { description: 'Creates an employee (HR).' })
  createEmployee(@Ctx() ctx: RequestContext, @Arg('input', () => CreateEmployeeInput) input: CreateEmployeeInput) {
    return employees.createEmployee(ctx, input);
  }

  @Mutation(() => Employee, { description: 'Updates an employee (HR); CONFLICT when `input.version` is stale.' })
  updateEmployee(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateEmployeeInput) input: UpdateEmployeeInput) {
    return employees.updateEmployee(ctx, id, input);
  }

  @Mutation(() => Employee, { description: 'Deactivates an employee (HR); history is kept.' })
  deactivateEmployee(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return employees.deactivateEmployee(ctx, id, version);
  }

  @FieldResolver(() => Department, { description: 'Department the employee belongs to.' })
  async department(@Root() employee: Employee, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(employee.department.id);
  }

  @FieldResolver(() => Position, { description: 'Position the employee holds.' })
  async position(@Root() employee: Employee, @Ctx() ctx: RequestContext) {
    return ctx.loaders.position.load(employee.position.id);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'Direct supervisor.' })
  async supervisor(@Root() employee: Employee, @Ctx() ctx: RequestContext) {
    return employee.supervisor ? ctx.loaders.employee.load(employee.supervisor.id) : null;
  }

  @FieldResolver(() => [Employee], { description: 'Active direct reports.' })
  directReports(@Root() employee: Employee, @Ctx() ctx: RequestContext) {
    return ctx.loaders.directReports.load(employee.id);
  }

  @FieldResolver(() => [Employee], { description: 'Supervisors upward: direct supervisor first, then theirs, to the top.' })
  reportingLine(@Root() employee: Employee, @Ctx() ctx: RequestContext) {
    return employees.reportingLine(ctx, employee);
  }
}
