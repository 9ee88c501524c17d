import { isOrgCode } from '@appraisal/domain';
import type { FilterQuery } from '@mikro-orm/core';
import { type ConnectionShape, resolvePage, SortDirection, toConnection } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { AppError, assertNoProblems, conflict, type FieldProblem, notFound } from '../../core/errors.js';
import { containsPattern, orderFromSort } from '../../core/listing.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Department } from './department.entity.js';
import { Employee } from './employee.entity.js';
import { type CreatePositionInput, PositionSortField, type PositionsArgs, type UpdatePositionInput } from './org.inputs.js';
import { Position } from './position.entity.js';

const SORT_COLUMNS: Record<PositionSortField, keyof Position & string> = {
  [PositionSortField.CODE]: 'code',
  [PositionSortField.NAME]: 'name',
  [PositionSortField.LEVEL]: 'level',
  [PositionSortField.CREATED_AT]: 'createdAt',
};

export async function listPositions(ctx: RequestContext, args: PositionsArgs): Promise<ConnectionShape<Position>> {
  const { limit, offset } = resolvePage(args);
  const where: FilterQuery<Position> & Record<string, unknown> = {};
  const f = args.filter;
  if (f?.ids) where.id = { $in: f.ids };
  if (f?.departmentId) where.department = f.departmentId;
  if (f?.level) where.level = f.level;
  if (f?.active !== undefined && f.active !== null) where.active = f.active;
  if (f?.q?.trim()) {
    const like = containsPattern(f.q.trim());
    where.$or = [{ code: { $ilike: like } }, { name: { $ilike: like } }, { nameZh: { $ilike: like } }];
  }
  const orderBy = orderFromSort<Position, PositionSortField>(args.sort, SORT_COLUMNS, { field: PositionSortField.CODE, direction: SortDirection.ASC });
  const [items, total] = await ctx.em.findAndCount(Position, where, { orderBy, limit, offset });
  return toConnection(items, total, offset);
}

export async function getPosition(ctx: RequestContext, id: string): Promise<Position> {
  const position = await ctx.loaders.position.load(id);
  if (!position) throw notFound('Position', id);
  return position;
}

function checkFields(input: { code?: string; name?: string }, problems: FieldProblem[]): void {
  if (input.code !== undefined && !isOrgCode(input.code))
    problems.push({ field: 'code', rule: 'format', message: 'code must be 1-32 letters, digits, dots, dashes or underscores' });
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > 100))
    problems.push({ field: 'name', rule: 'length', message: 'name must be 1-100 characters' });
}

export async function createPosition(ctx: RequestContext, input: CreatePositionInput): Promise<Position> {
  return inTransaction(ctx, async (em) => {
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
}

export async function updatePosition(ctx: RequestContext, id: string, input: UpdatePositionInput): Promise<Position> {
  return inTransaction(ctx, async (em) => {
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
}

export async function deactivatePosition(ctx: RequestContext, id: string, version: number): Promise<Position> {
  return inTransaction(ctx, async (em) => {
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
}
