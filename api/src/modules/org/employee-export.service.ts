import { Field, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { recordExport } from '../audit/audit.service.js';
import { Department } from './department.entity.js';
import { Employee } from './employee.entity.js';
import { employeeIdsMatching } from './employee.read.js';
import { writeEmployeeSheet, writeEmployeeTemplate } from './employee-sheet.js';
import type { EmployeeFilter } from './org.inputs.js';
import { Position } from './position.entity.js';

@ObjectType({ description: 'A generated file, base64-encoded.' })
export class FileDownload {
  @Field(() => String, { description: 'Suggested file name.' }) fileName!: string;
  @Field(() => String, { description: 'MIME type.' }) contentType!: string;
  @Field(() => String, { description: 'File content, base64-encoded.' }) contentBase64!: string;
}

/** The employee list as HR keeps it today: an .xlsx with the columns import reads back (HR only, by shield). */
export async function exportEmployees(ctx: RequestContext, filter: EmployeeFilter | undefined): Promise<FileDownload> {
  const employees = await ctx.em.find(Employee, { id: { $in: await employeeIdsMatching(ctx, filter) } }, { orderBy: { employeeNumber: 'asc' } });
  const [departments, positions] = await Promise.all([ctx.em.find(Department, {}), ctx.em.find(Position, {})]);
  const departmentCode = new Map(departments.map((d) => [d.id, d.code]));
  const positionCode = new Map(positions.map((p) => [p.id, p.code]));
  const numberById = new Map(employees.map((e) => [e.id, e.employeeNumber]));
  const missingSupervisors = employees.map((e) => e.supervisor?.id).filter((id): id is string => !!id && !numberById.has(id));
  for (const s of await ctx.em.find(Employee, { id: { $in: missingSupervisors } })) numberById.set(s.id, s.employeeNumber);
  const buffer = await writeEmployeeSheet(
    employees.map((employee) => ({
      employee,
      departmentCode: departmentCode.get(employee.department.id) ?? '',
      positionCode: positionCode.get(employee.position.id) ?? '',
      supervisorNumber: employee.supervisor ? (numberById.get(employee.supervisor.id) ?? null) : null,
    })),
  );
  const fileName = `employees-${new Date().toISOString().slice(0, 10)}.xlsx`;
  await recordExport(ctx, { operation: 'exportEmployees', entityType: 'EmployeeExport', fileName, rows: employees.length, filter });
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: buffer.toString('base64'),
  };
}

/** The header row of the employee sheet and nothing else: what HR fills in for a first import. */
export async function employeeImportTemplate(): Promise<FileDownload> {
  return {
    fileName: 'employees-template.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: (await writeEmployeeTemplate()).toString('base64'),
  };
}
