import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import * as departments from './department.service.js';
import { listDepartments } from './org.read.js';
import { DepartmentNode } from './org.types.js';
import { CreateDepartmentInput, DepartmentsArgs, UpdateDepartmentInput } from './org.inputs.js';

export const DepartmentConnection = connectionType(DepartmentNode, 'Department');

@Resolver(() => DepartmentNode)
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: 'Departments of the group.' })
  departments(@Ctx() ctx: RequestContext, @Args(() => DepartmentsArgs) args: DepartmentsArgs, @Info() info: GraphQLResolveInfo) {
    return listDepartments(ctx, args, info);
  }

  @Query(() => DepartmentNode, { description: 'One department; NOT_FOUND when absent.' })
  department(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return departments.getDepartment(ctx, id);
  }

  @Mutation(() => DepartmentNode, { description: 'Creates a department (HR).' })
  createDepartment(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput) {
    return departments.createDepartment(ctx, input);
  }

  @Mutation(() => DepartmentNode, { description: 'Updates a department (HR); moving it under its own sub-department is refused.' })
  updateDepartment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateDepartmentInput) input: UpdateDepartmentInput) {
    return departments.updateDepartment(ctx, id, input);
  }

  @Mutation(() => DepartmentNode, { description: 'Deactivates an empty department (HR).' })
  deactivateDepartment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return departments.deactivateDepartment(ctx, id, version);
  }

  @FieldResolver(() => DepartmentNode, { nullable: true, description: 'Parent department; null at the top.' })
  parent(@Root() department: DepartmentNode, @Ctx() ctx: RequestContext) {
    return department.parentId ? ctx.loaders.department.load(department.parentId) : null;
  }

  @FieldResolver(() => [DepartmentNode], { description: 'Active sub-departments.' })
  children(@Root() department: DepartmentNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childDepartments.load(department.id);
  }

  @FieldResolver(() => Int, { description: 'Active employees directly in this department.' })
  employeeCount(@Root() department: DepartmentNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.departmentEmployeeCount.load(department.id);
  }

  @FieldResolver(() => Int, { description: 'Active employees in this department and every department below it.' })
  subtreeEmployeeCount(@Root() department: DepartmentNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.departmentSubtreeEmployeeCount.load(department.id);
  }
}
