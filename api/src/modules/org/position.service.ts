import { isOrgCode } from '@appraisal/domain';
import type { RequestContext } from '../../core/context.js';
import { AppError, assertNoProblems, conflict, type FieldProblem, notFound } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Department } from './department.entity.js';
import { Employee } from './employee.entity.js';
import type { CreatePositionInput, UpdatePositionInput } from './org.inputs.js';
import type { PositionNode } from './org.types.js';
import { Position } from './position.entity.js';

/** One position as the API shows it; NOT_FOUND when absent. */
export async function getPosition(ctx: RequestContext, id: string): Promise<PositionNode> {
  const row = await ctx.loaders.position.load(id);
  if (!row) throw notFound('Position', id);
  return row;
}

async function readPosition(ctx: RequestContext, id: string): Promise<PositionNode> {
  ctx.loaders.position.clear(id);
  return getPosition(ctx, id);
}

function checkFields(input: { code?: string; name?: string }, problems: FieldProblem[]): void {
  if (input.code !== undefined && !isOrgCode(input.code))
    problems.push({ field: 'code', rule: 'format', message: 'code must be 1-32 letters, digits, dots, dashes or underscores' });
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > 100))
    problems.push({ field: 'name', rule: 'length', message: 'name must be 1-100 characters' });
}

export async function createPosition(ctx: RequestContext, input: CreatePositionInput): Promise<PositionNode> {
  const saved = await inTransaction(ctx, async (em) => {
    const problems: FieldProblem[] = [];
    checkFields(input, problems);
    if (await em.count(Position, { code: input.code })) problems.push({ field: 'code', rule: 'unique', message: `code ${input.code} is already used`, params: { value: input.code } });
    const department = await em.findOne(Department, { id: input.departmentId, active: true });
    if (!department) problems.push({ field: 'departmentId', rule: 'exists', message: `no active department ${input.departmentId}`, params: { id: input.departmentId } });
    assertNoProblems(problems);
    const position = em.create(Position, {
      code: input.code,
      name: input.name.trim(),
      nameZh: input.nameZh ?? null,
      department: department as Department,
      level: input.level,
    });
    await em.flush();
    recordAudit(em, ctx, { operation: 'createPosition', entityType: 'Position', entityId: position.id, after: snapshot(position) });
    return position;
  });
  return readPosition(ctx, saved.id);
}

export async function updatePosition(ctx: RequestContext, id: string, input: UpdatePositionInput): Promise<PositionNode> {
  const saved = await inTransaction(ctx, async (em) => {
    const position = await em.findOne(Position, { id });
    if (!position) throw notFound('Position', id);
    if (position.version !== input.version) throw conflict('Position', id);
    const before = snapshot(position);
    const problems: FieldProblem[] = [];
    checkFields(input, problems);
    if (input.code && input.code !== position.code && (await em.count(Position, { code: input.code })))
      problems.push({ field: 'code', rule: 'unique', message: `code ${input.code} is already used`, params: { value: input.code } });
    if (input.departmentId && input.departmentId !== position.department.id) {
      const department = await em.findOne(Department, { id: input.departmentId, active: true });
      if (!department) problems.push({ field: 'departmentId', rule: 'exists', message: `no active department ${input.departmentId}`, params: { id: input.departmentId } });
      else if (await em.count(Employee, { position: id, active: true }))
        problems.push({ field: 'departmentId', rule: 'position_in_use', message: 'people hold this position; move them before moving the position' });
      else position.department = department;
    }
    assertNoProblems(problems);
    if (input.code !== undefined) position.code = input.code;
    if (input.name !== undefined) position.name = input.name.trim();
    if (input.nameZh !== undefined) position.nameZh = input.nameZh;
    if (input.level !== undefined) position.level = input.level;
    await em.flush();
    recordAudit(em, ctx, { operation: 'updatePosition', entityType: 'Position', entityId: id, before, after: snapshot(position) });
    return position;
  });
  return readPosition(ctx, saved.id);
}

export async function deactivatePosition(ctx: RequestContext, id: string, version: number): Promise<PositionNode> {
  const saved = await inTransaction(ctx, async (em) => {
    const position = await em.findOne(Position, { id });
    if (!position) throw notFound('Position', id);
    if (position.version !== version) throw conflict('Position', id);
    const holders = await em.count(Employee, { position: id, active: true });
    if (holders > 0)
      throw new AppError('VALIDATION_FAILED', `id: ${holders} active employees hold this position.`, [
        { field: 'id', rule: 'position_in_use', message: `${holders} active employees hold this position`, params: { count: holders } },
      ]);
    const before = snapshot(position);
    position.active = false;
    await em.flush();
    recordAudit(em, ctx, { operation: 'deactivatePosition', entityType: 'Position', entityId: id, before, after: snapshot(position) });
    return position;
  });
  return readPosition(ctx, saved.id);
}
