import { isOrgCode, wouldCreateDepartmentCycle } from '@appraisal/domain';
import type { RequestContext } from '../../core/context.js';
import { AppError, assertNoProblems, conflict, type FieldProblem, notFound } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Department } from './department.entity.js';
import { Employee } from './employee.entity.js';
import type { CreateDepartmentInput, UpdateDepartmentInput } from './org.inputs.js';
import type { DepartmentNode } from './org.types.js';
import { Position } from './position.entity.js';

/** One department as the API shows it; NOT_FOUND when absent. */
export async function getDepartment(ctx: RequestContext, id: string): Promise<DepartmentNode> {
  const row = await ctx.loaders.department.load(id);
  if (!row) throw notFound('Department', id);
  return row;
}

async function readDepartment(ctx: RequestContext, id: string): Promise<DepartmentNode> {
  ctx.loaders.department.clear(id);
  return getDepartment(ctx, id);
}

function checkCode(code: string | undefined, problems: FieldProblem[]): void {
  if (code !== undefined && !isOrgCode(code))
    problems.push({ field: 'code', rule: 'format', message: 'code must be 1-32 letters, digits, dots, dashes or underscores' });
}

function checkName(name: string | undefined, problems: FieldProblem[]): void {
  if (name !== undefined && (name.trim() === '' || name.length > 100))
    problems.push({ field: 'name', rule: 'length', message: 'name must be 1-100 characters' });
}

export async function createDepartment(ctx: RequestContext, input: CreateDepartmentInput): Promise<DepartmentNode> {
  const saved = await inTransaction(ctx, async (em) => {
    const problems: FieldProblem[] = [];
    checkCode(input.code, problems);
    checkName(input.name, problems);
    if (await em.count(Department, { code: input.code })) problems.push({ field: 'code', rule: 'unique', message: `code ${input.code} is already used`, params: { value: input.code } });
    let parent: Department | null = null;
    if (input.parentId) {
      parent = await em.findOne(Department, { id: input.parentId, active: true });
      if (!parent) problems.push({ field: 'parentId', rule: 'exists', message: `no active department ${input.parentId}`, params: { id: input.parentId } });
    }
    assertNoProblems(problems);
    const department = em.create(Department, { code: input.code, name: input.name.trim(), nameZh: input.nameZh ?? null, parent });
    await em.flush();
    recordAudit(em, ctx, { operation: 'createDepartment', entityType: 'Department', entityId: department.id, after: snapshot(department) });
    return department;
  });
  return readDepartment(ctx, saved.id);
}

export async function updateDepartment(ctx: RequestContext, id: string, input: UpdateDepartmentInput): Promise<DepartmentNode> {
  const saved = await inTransaction(ctx, async (em) => {
    const department = await em.findOne(Department, { id });
    if (!department) throw notFound('Department', id);
    if (department.version !== input.version) throw conflict('Department', id);
    const before = snapshot(department);
    const problems: FieldProblem[] = [];
    checkCode(input.code, problems);
    checkName(input.name, problems);
    if (input.code && input.code !== department.code && (await em.count(Department, { code: input.code })))
      problems.push({ field: 'code', rule: 'unique', message: `code ${input.code} is already used`, params: { value: input.code } });
    if (input.parentId) {
      const parent = await em.findOne(Department, { id: input.parentId, active: true });
      if (!parent) problems.push({ field: 'parentId', rule: 'exists', message: `no active department ${input.parentId}`, params: { id: input.parentId } });
      else {
        const all = await em.find(Department, {}, { fields: ['id', 'parent'] });
        const parentOf = new Map(all.map((d) => [d.id, d.parent?.id ?? null]));
        if (wouldCreateDepartmentCycle(id, parent.id, (x) => parentOf.get(x)))
          problems.push({ field: 'parentId', rule: 'department_cycle', message: 'a department cannot sit under itself or its own sub-department' });
        else department.parent = parent;
      }
    } else if (input.parentId === null) department.parent = null;
    assertNoProblems(problems);
    if (input.code !== undefined) department.code = input.code;
    if (input.name !== undefined) department.name = input.name.trim();
    if (input.nameZh !== undefined) department.nameZh = input.nameZh;
    await em.flush();
    recordAudit(em, ctx, { operation: 'updateDepartment', entityType: 'Department', entityId: id, before, after: snapshot(department) });
    return department;
  });
  return readDepartment(ctx, saved.id);
}

export async function deactivateDepartment(ctx: RequestContext, id: string, version: number): Promise<DepartmentNode> {
  const saved = await inTransaction(ctx, async (em) => {
    const department = await em.findOne(Department, { id });
    if (!department) throw notFound('Department', id);
    if (department.version !== version) throw conflict('Department', id);
    const [children, people, positions] = await Promise.all([
      em.count(Department, { parent: id, active: true }),
      em.count(Employee, { department: id, active: true }),
      em.count(Position, { department: id, active: true }),
    ]);
    if (children + people + positions > 0)
      throw new AppError('VALIDATION_FAILED', 'id: the department still has active sub-departments, positions or employees.', [
        { field: 'id', rule: 'not_empty', message: `still has ${children} sub-departments, ${positions} positions and ${people} employees active`, params: { children, positions, people } },
      ]);
    const before = snapshot(department);
    department.active = false;
    await em.flush();
    recordAudit(em, ctx, { operation: 'deactivateDepartment', entityType: 'Department', entityId: id, before, after: snapshot(department) });
    return department;
  });
  return readDepartment(ctx, saved.id);
}
