import { normalizeMoney, validateEmployeeFields, wouldCreateSupervisorCycle } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../core/context.js';
import { AppError, assertNoProblems, conflict, type FieldProblem, notFound } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Department } from './department.entity.js';
import { Employee } from './employee.entity.js';
import { employeeInScope } from './employee.read.js';
import type { CreateEmployeeInput, UpdateEmployeeInput } from './org.inputs.js';
import type { EmployeeRow } from './org.types.js';
import { Position } from './position.entity.js';
import { toFieldProblems } from './problems.js';

/** One employee in the actor's scope; out of scope looks exactly like absent. */
export async function getEmployee(ctx: RequestContext, id: string): Promise<EmployeeRow> {
  const employee = await employeeInScope(ctx, id);
  if (!employee) throw notFound('Employee', id);
  return employee;
}

/** The row a mutation returns: read back through the read model, so its fields obey the same policies. */
async function readBack(ctx: RequestContext, id: string): Promise<EmployeeRow> {
  ctx.loaders.employee.clear(id);
  const row = await ctx.loaders.employee.load(id);
  if (!row) throw notFound('Employee', id);
  return row;
}

interface References {
  department?: Department;
  position?: Position;
  supervisor?: Employee | null;
}

/** Loads and checks the records an input points at; every problem is collected before failing. */
async function resolveReferences(
  em: EntityManager,
  input: { departmentId?: string | null; positionId?: string | null; supervisorId?: string | null },
  current: Employee | null,
  problems: FieldProblem[],
): Promise<References> {
  const refs: References = {};
  if (input.departmentId) {
    const department = await em.findOne(Department, { id: input.departmentId });
    if (!department || !department.active)
      problems.push({ field: 'departmentId', rule: 'exists', message: `no active department ${input.departmentId}`, params: { id: input.departmentId } });
    else refs.department = department;
  }
  if (input.positionId) {
    const position = await em.findOne(Position, { id: input.positionId });
    if (!position || !position.active)
      problems.push({ field: 'positionId', rule: 'exists', message: `no active position ${input.positionId}`, params: { id: input.positionId } });
    else refs.position = position;
  }
  const departmentId = refs.department?.id ?? current?.department.id;
  if (refs.position && departmentId && refs.position.department.id !== departmentId)
    problems.push({ field: 'positionId', rule: 'position_in_department', message: 'the position belongs to another department' });
  if (input.supervisorId === null) refs.supervisor = null;
  else if (input.supervisorId) {
    const supervisor = await em.findOne(Employee, { id: input.supervisorId });
    if (!supervisor || !supervisor.active)
      problems.push({ field: 'supervisorId', rule: 'exists', message: `no active employee ${input.supervisorId}`, params: { id: input.supervisorId } });
    else if (current) {
      const chain = await em
        .getConnection()
        .execute<Array<{ id: string; supervisor_id: string | null }>>(
          `with recursive up(id, supervisor_id) as (
             select id, supervisor_id from employee where id = ?
             union
             select e.id, e.supervisor_id from employee e join up on e.id = up.supervisor_id
           ) select id, supervisor_id from up`,
          [supervisor.id],
        );
      const supervisorOf = new Map(chain.map((row) => [row.id, row.supervisor_id]));
      if (wouldCreateSupervisorCycle(current.id, supervisor.id, (id) => supervisorOf.get(id)))
        problems.push({ field: 'supervisorId', rule: 'supervisor_cycle', message: 'this supervisor reports (directly or indirectly) to the employee' });
      else refs.supervisor = supervisor;
    } else refs.supervisor = supervisor;
  }
  return refs;
}

async function assertEmployeeNumberFree(em: EntityManager, employeeNumber: string, exceptId: string | null, problems: FieldProblem[]) {
  const clash = await em.findOne(Employee, { employeeNumber }, { fields: ['id'] });
  if (clash && clash.id !== exceptId)
    problems.push({ field: 'employeeNumber', rule: 'unique', message: `employee number ${employeeNumber} is already used`, params: { value: employeeNumber } });
}

const money = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value === '' ? null : normalizeMoney(value);

export async function createEmployee(ctx: RequestContext, input: CreateEmployeeInput): Promise<EmployeeRow> {
  const id = await inTransaction(ctx, async (em) => {
    const problems = toFieldProblems(validateEmployeeFields(input, true));
    await assertEmployeeNumberFree(em, input.employeeNumber, null, problems);
    const refs = await resolveReferences(em, input, null, problems);
    assertNoProblems(problems);
    const employee = new Employee();
    Object.assign(employee, {
      employeeNumber: input.employeeNumber,
      name: input.name.trim(),
      email: input.email || null,
      department: refs.department,
      position: refs.position,
      supervisor: refs.supervisor ?? null,
      hireDate: input.hireDate,
      probationEndDate: input.probationEndDate ?? null,
      employmentStatus: input.employmentStatus,
      category: input.category || null,
      performancePayBase: money(input.performancePayBase) ?? null,
      floatingPayBase: money(input.floatingPayBase) ?? null,
      disciplinaryFlag: input.disciplinaryFlag ?? false,
      disciplinaryReference: input.disciplinaryReference || null,
    });
    em.persist(employee);
    await em.flush();
    recordAudit(em, ctx, { operation: 'createEmployee', entityType: 'Employee', entityId: employee.id, after: snapshot(employee) });
    return employee.id;
  });
  return readBack(ctx, id);
}

export async function updateEmployee(ctx: RequestContext, id: string, input: UpdateEmployeeInput): Promise<EmployeeRow> {
  await inTransaction(ctx, async (em) => {
    const employee = await em.findOne(Employee, { id });
    if (!employee) throw notFound('Employee', id);
    if (employee.version !== input.version) throw conflict('Employee', id);
    const before = snapshot(employee);
    const merged = {
      hireDate: input.hireDate ?? employee.hireDate,
      probationEndDate: input.probationEndDate === undefined ? employee.probationEndDate : input.probationEndDate,
      employmentStatus: input.employmentStatus ?? employee.employmentStatus,
      disciplinaryFlag: input.disciplinaryFlag ?? employee.disciplinaryFlag,
      disciplinaryReference: input.disciplinaryReference === undefined ? employee.disciplinaryReference : input.disciplinaryReference,
    };
    const problems = toFieldProblems(
      validateEmployeeFields(
        {
          employeeNumber: input.employeeNumber,
          name: input.name,
          email: input.email,
          performancePayBase: input.performancePayBase,
          floatingPayBase: input.floatingPayBase,
          hireDate: merged.hireDate,
          probationEndDate: merged.probationEndDate,
          employmentStatus: merged.employmentStatus,
        },
        false,
      ),
    );
    if (input.employeeNumber && input.employeeNumber !== employee.employeeNumber)
      await assertEmployeeNumberFree(em, input.employeeNumber, employee.id, problems);
    const refs = await resolveReferences(em, input, employee, problems);
    assertNoProblems(problems);
    if (input.employeeNumber !== undefined) employee.employeeNumber = input.employeeNumber;
    if (input.name !== undefined) employee.name = input.name.trim();
    if (input.email !== undefined) employee.email = input.email || null;
    if (refs.department) employee.department = refs.department;
    if (refs.position) employee.position = refs.position;
    if (refs.supervisor !== undefined) employee.supervisor = refs.supervisor;
    if (input.category !== undefined) employee.category = input.category || null;
    const performancePayBase = money(input.performancePayBase);
    if (performancePayBase !== undefined) employee.performancePayBase = performancePayBase;
    const floatingPayBase = money(input.floatingPayBase);
    if (floatingPayBase !== undefined) employee.floatingPayBase = floatingPayBase;
    Object.assign(employee, merged, { disciplinaryReference: merged.disciplinaryReference || null });
    await em.flush();
    recordAudit(em, ctx, { operation: 'updateEmployee', entityType: 'Employee', entityId: id, before, after: snapshot(employee) });
  });
  return readBack(ctx, id);
}

export async function deactivateEmployee(ctx: RequestContext, id: string, version: number): Promise<EmployeeRow> {
  await inTransaction(ctx, async (em) => {
    const employee = await em.findOne(Employee, { id });
    if (!employee) throw notFound('Employee', id);
    if (employee.version !== version) throw conflict('Employee', id);
    const reports = await em.count(Employee, { supervisor: id, active: true });
    if (reports > 0)
      throw new AppError('VALIDATION_FAILED', `id: the employee still supervises ${reports} active people; reassign them first.`, [
        { field: 'id', rule: 'has_active_reports', message: `still supervises ${reports} active people; reassign them first`, params: { count: reports } },
      ]);
    const before = snapshot(employee);
    employee.active = false;
    await em.flush();
    recordAudit(em, ctx, { operation: 'deactivateEmployee', entityType: 'Employee', entityId: id, before, after: snapshot(employee) });
  });
  return readBack(ctx, id);
}
