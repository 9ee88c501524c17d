import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { employeeImportTemplate, exportEmployees, FileDownload } from './employee-export.service.js';
import { ImportEmployeesInput, ImportEmployeesReport, importEmployees } from './employee-import.service.js';
import { EmployeeFilter } from './org.inputs.js';

@Resolver()
export class EmployeeFileResolver {
  @Mutation(() => ImportEmployeesReport, { description: 'Checks (dryRun) or applies an employee sheet (HR). Applying writes every row or none.' })
  importEmployees(@Ctx() ctx: RequestContext, @Arg('input', () => ImportEmployeesInput) input: ImportEmployeesInput) {
    return importEmployees(ctx, input);
  }

  @Query(() => FileDownload, { description: 'The employee list as an .xlsx file (HR).' })
  exportEmployees(@Ctx() ctx: RequestContext, @Arg('filter', () => EmployeeFilter, { nullable: true }) filter?: EmployeeFilter) {
    return exportEmployees(ctx, filter);
  }

  @Query(() => FileDownload, { description: 'An empty employee sheet with the columns import reads, to fill in (HR).' })
  employeeImportTemplate() {
    return employeeImportTemplate();
  }
}
