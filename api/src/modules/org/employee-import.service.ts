import { normalizeMoney, validateEmployeeFields, wouldCreateSupervisorCycle } from '@appraisal/domain';
import { Limit } from '../../core/input-limits.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { JSONResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { importFile } from '../../core/file-import.js';
import type { SheetRow } from '../../core/spreadsheet.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Department } from './department.entity.js';
import { Employee, EmploymentStatus } from './employee.entity.js';
import { type EmployeeColumn, EMPLOYEE_COLUMNS } from './employee-sheet.js';
import { Position } from './position.entity.js';

@InputType({ description: 'An employee sheet to check (dryRun) or apply. Existing employee numbers are updated, new ones created.' })
export class ImportEmployeesInput {
  @Limit('shortText') @Field(() => String, { description: 'File name; its extension (.xlsx or .csv) decides how it is read.' })
  fileName!: string;
  @Limit('base64File') @Field(() => String, { description: 'File content, base64-encoded (at most 10 MB).' })
  contentBase64!: string;
  @Field(() => Boolean, { description: 'true: only report problems. false: write every row, or none when any row is bad.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'One problem in one row of an imported sheet.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it (the header is row 1; 0 for the whole file).' })
  row!: number;
  @Field(() => String, { nullable: true, description: 'Column key, e.g. "hireDate".' })
  field!: string | null;
  @Field(() => String, { nullable: true, description: 'The column as the sheet names it, e.g. "Hire date" (the uploaded file\'s own header when it has one).' })
  column?: string | null;
  @Field(() => String, { description: 'Rule broken, e.g. "required", "unique", "exists".' })
  code!: string;
  @Field(() => String, { description: 'What is wrong, in English.' })
  message!: string;
  @Field(() => JSONResolver, { nullable: true, description: 'Values the message interpolates, e.g. { "name": "visits", "value": "4o" }; clients word the rule (`code`) with them.' })
  params?: Readonly<Record<string, string | number | boolean>> | null;
}

@ObjectType({ description: 'The result of checking or applying an employee sheet.' })
export class ImportEmployeesReport {
  @Field(() => Boolean, { description: 'Whether this was a dry run.' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Data rows read.' }) totalRows!: number;
  @Field(() => Int, { description: 'Rows without problems.' }) validRows!: number;
  @Field(() => Boolean, { description: 'True when the rows were written (never partly).' }) applied!: boolean;
  @Field(() => Int, { description: 'Employees created.' }) created!: number;
  @Field(() => Int, { description: 'Employees updated.' }) updated!: number;
  @Field(() => [ImportRowError], { description: 'Every problem found, by row.' }) errors!: ImportRowError[];
}

interface PlannedRow {
  row: number;
  employeeNumber: string;
  existing: Employee | null;
  department: Department;
  position: Position;
  supervisorNumber: string | null;
  fields: {
    name: string;
    email: string | null;
    hireDate: string;
    probationEndDate: string | null;
    employmentStatus: EmploymentStatus;
    category: string | null;
    performancePayBase: string | null;
    floatingPayBase: string | null;
    disciplinaryFlag: boolean;
    disciplinaryReference: string | null;
  };
}

const YES = new Set(['yes', 'y', 'true', '1', '是']);
const NO = new Set(['no', 'n', 'false', '0', '否', '']);

/** Checks every row against the organization rules and the database; nothing is written here. */
async function planImport(em: EntityManager, rows: Array<SheetRow<EmployeeColumn>>): Promise<{ plan: PlannedRow[]; errors: ImportRowError[] }> {
  const errors: ImportRowError[] = [];
  const fail = (row: number, field: string | null, code: string, message: string) => errors.push({ row, field, code, message });
  const [departments, positions, employees] = await Promise.all([
    em.find(Department, { active: true }),
    em.find(Position, { active: true }),
    em.find(Employee, {}),
  ]);
  const departmentByCode = new Map(departments.map((d) => [d.code, d]));
  const positionByCode = new Map(positions.map((p) => [p.code, p]));
  const employeeByNumber = new Map(employees.map((e) => [e.employeeNumber, e]));
  const numberById = new Map(employees.map((e) => [e.id, e.employeeNumber]));
  const firstRowOfNumber = new Map<string, number>();
  const plan: PlannedRow[] = [];

  for (const { row, values: v } of rows) {
    const before = errors.length;
    const number = v.employeeNumber ?? '';
    if (number && firstRowOfNumber.has(number))
      fail(row, 'employeeNumber', 'duplicate_in_file', `employee number ${number} also appears in row ${firstRowOfNumber.get(number)}`);
    else if (number) firstRowOfNumber.set(number, row);
    const flagText = (v.disciplinaryFlag ?? '').toLowerCase();
    if (!YES.has(flagText) && !NO.has(flagText)) fail(row, 'disciplinaryFlag', 'boolean', 'must be yes or no');
    const disciplinaryFlag = YES.has(flagText);
    for (const issue of validateEmployeeFields({ ...v, disciplinaryFlag }, true))
      fail(row, String(issue.path[0] ?? ''), issue.code, issue.message);
    const department = departmentByCode.get(v.departmentCode ?? '');
    if (!department) fail(row, 'departmentCode', v.departmentCode ? 'exists' : 'required', v.departmentCode ? `no active department ${v.departmentCode}` : 'departmentCode is required');
    const position = positionByCode.get(v.positionCode ?? '');
    if (!position) fail(row, 'positionCode', v.positionCode ? 'exists' : 'required', v.positionCode ? `no active position ${v.positionCode}` : 'positionCode is required');
    if (department && position && position.department.id !== department.id)
      fail(row, 'positionCode', 'position_in_department', `position ${position.code} belongs to another department`);
    if (v.supervisorNumber && v.supervisorNumber === number) fail(row, 'supervisorNumber', 'supervisor_cycle', 'an employee cannot supervise themself');
    if (errors.length > before || !department || !position) continue;
    plan.push({
      row,
      employeeNumber: number,
      existing: employeeByNumber.get(number) ?? null,
      department,
      position,
      supervisorNumber: v.supervisorNumber ?? null,
      fields: {
        name: (v.name ?? '').trim(),
        email: v.email ?? null,
        hireDate: v.hireDate ?? '',
        probationEndDate: v.probationEndDate ?? null,
        employmentStatus: v.employmentStatus as EmploymentStatus,
        category: v.category ?? null,
        performancePayBase: v.performancePayBase ? normalizeMoney(v.performancePayBase) : null,
        floatingPayBase: v.floatingPayBase ? normalizeMoney(v.floatingPayBase) : null,
        disciplinaryFlag,
        disciplinaryReference: v.disciplinaryReference ?? null,
      },
    });
  }

  // Supervisors may be in the file or already employed; the resulting tree must stay a tree.
  const supervisorAfter = new Map<string, string | null>(
    employees.map((e) => [e.employeeNumber, e.supervisor ? (numberById.get(e.supervisor.id) ?? null) : null]),
  );
  for (const p of plan) supervisorAfter.set(p.employeeNumber, p.supervisorNumber);
  const knownNumbers = new Set([...employeeByNumber.keys(), ...firstRowOfNumber.keys()]);
  for (const p of plan) {
    if (!p.supervisorNumber) continue;
    if (!knownNumbers.has(p.supervisorNumber))
      fail(p.row, 'supervisorNumber', 'exists', `no employee ${p.supervisorNumber} in the system or the file`);
    else if (wouldCreateSupervisorCycle(p.employeeNumber, p.supervisorNumber, (n) => (n === p.employeeNumber ? null : supervisorAfter.get(n))))
      fail(p.row, 'supervisorNumber', 'supervisor_cycle', `supervisor ${p.supervisorNumber} reports (directly or indirectly) to ${p.employeeNumber}`);
  }
  errors.sort((a, b) => a.row - b.row);
  return { plan: plan.filter((p) => !errors.some((e) => e.row === p.row)), errors };
}

/** Writes a fully valid plan: creates first, then wires supervisors, so rows may refer to each other. */
async function applyPlan(ctx: RequestContext, em: EntityManager, plan: PlannedRow[]): Promise<{ created: number; updated: number }> {
  const byNumber = new Map<string, Employee>();
  const befores = new Map<Employee, Record<string, unknown> | null>();
  for (const p of plan) {
    const employee = p.existing ? await em.findOneOrFail(Employee, { id: p.existing.id }) : new Employee();
    befores.set(employee, p.existing ? snapshot(employee) : null);
    Object.assign(employee, p.fields, { employeeNumber: p.employeeNumber, department: p.department, position: p.position });
    em.persist(employee);
    byNumber.set(p.employeeNumber, employee);
  }
  const missing = plan.map((p) => p.supervisorNumber).filter((n): n is string => !!n && !byNumber.has(n));
  for (const e of await em.find(Employee, { employeeNumber: { $in: missing } })) byNumber.set(e.employeeNumber, e);
  for (const p of plan) {
    const employee = byNumber.get(p.employeeNumber) as Employee;
    employee.supervisor = p.supervisorNumber ? (byNumber.get(p.supervisorNumber) ?? null) : null;
  }
  await em.flush();
  let created = 0;
  for (const [employee, before] of befores) {
    if (!before) created++;
    recordAudit(em, ctx, {
      operation: before ? 'updateEmployee:import' : 'createEmployee:import',
      entityType: 'Employee',
      entityId: employee.id,
      before,
      after: snapshot(employee),
    });
  }
  return { created, updated: plan.length - created };
}

export function importEmployees(ctx: RequestContext, input: ImportEmployeesInput): Promise<ImportEmployeesReport> {
  return importFile(ctx, input, {
    columns: EMPLOYEE_COLUMNS,
    requiredColumn: 'employeeNumber',
    plan: planImport,
    apply: applyPlan,
    audit: { operation: 'importEmployees', entityType: 'EmployeeImport' },
  });
}
