import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type ConnectionShape, resolvePage, SortDirection, toConnection } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { assertNoProblems, conflict, type FieldProblem, notFound } from '../../core/errors.js';
import { containsPattern, orderFromSort } from '../../core/listing.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Department } from '../org/department.entity.js';
import { Position } from '../org/position.entity.js';
import { IndicatorCategory } from './indicator-category.entity.js';
import { checkIndicatorFields, cleanTags, defaultMinPoints } from './indicator-fields.js';
import { Indicator } from './indicator.entity.js';
import { type CreateIndicatorInput, type IndicatorFilter, IndicatorSortField, type IndicatorsArgs, type UpdateIndicatorInput } from './indicators.inputs.js';

// CATEGORY sorts by the category's code; orderFromSort names one column, so it is rewritten to the relation below.
const SORT_COLUMNS: Record<IndicatorSortField, keyof Indicator & string> = {
  [IndicatorSortField.CODE]: 'code',
  [IndicatorSortField.NAME]: 'name',
  [IndicatorSortField.CATEGORY]: 'category',
  [IndicatorSortField.CREATED_AT]: 'createdAt',
};

/** The list filter as a condition; export uses the same one so the file matches the list HR sees. */
export function indicatorFilterCondition(f: IndicatorFilter | undefined): FilterQuery<Indicator> {
  const where: FilterQuery<Indicator> & Record<string, unknown> = {};
  if (f?.ids) where.id = { $in: f.ids };
  if (f?.categoryId) where.category = f.categoryId;
  if (f?.scoringMethod) where.scoringMethod = f.scoringMethod;
  if (f?.measurementSource) where.measurementSource = f.measurementSource;
  if (f?.tag) where.tags = { $overlap: [f.tag] };
  if (f?.departmentId) where.applicableDepartmentIds = { $overlap: [f.departmentId] };
  if (f?.positionId) where.applicablePositionIds = { $overlap: [f.positionId] };
  if (f?.active !== undefined && f.active !== null) where.active = f.active;
  if (f?.q?.trim()) {
    const like = containsPattern(f.q.trim());
    where.$or = [{ code: { $ilike: like } }, { name: { $ilike: like } }, { nameZh: { $ilike: like } }, { description: { $ilike: like } }, { tags: { $overlap: [f.q.trim()] } }];
  }
  return where;
}

export async function listIndicators(ctx: RequestContext, args: IndicatorsArgs): Promise<ConnectionShape<Indicator>> {
  const { limit, offset } = resolvePage(args);
  const orderBy = orderFromSort<Indicator, IndicatorSortField>(args.sort, SORT_COLUMNS, { field: IndicatorSortField.CODE, direction: SortDirection.ASC }).map(
    (o) => ('category' in o ? ({ category: { code: o.category } } as QueryOrderMap<Indicator>) : o),
  );
  const [items, total] = await ctx.em.findAndCount(Indicator, indicatorFilterCondition(args.filter), { orderBy, limit, offset });
  return toConnection(items, total, offset);
}

export async function getIndicator(ctx: RequestContext, id: string): Promise<Indicator> {
  const indicator = await ctx.em.findOne(Indicator, { id });
  if (!indicator) throw notFound('Indicator', id);
  return indicator;
}

/** Checks references (category, departments, positions) and uniqueness of the code. */
async function checkReferences(
  em: EntityManager,
  input: { code?: string; categoryId?: string; applicableDepartmentIds?: string[]; applicablePositionIds?: string[] },
  self: Indicator | null,
  problems: FieldProblem[],
): Promise<IndicatorCategory | null> {
  if (input.code !== undefined && input.code !== self?.code && (await em.count(Indicator, { code: input.code })))
    problems.push({ field: 'code', rule: 'unique', message: `code ${input.code} is already used`, params: { value: input.code } });
  let category: IndicatorCategory | null = null;
  if (input.categoryId !== undefined) {
    category = await em.findOne(IndicatorCategory, { id: input.categoryId, active: true });
    if (!category) problems.push({ field: 'categoryId', rule: 'exists', message: `no active category ${input.categoryId}`, params: { id: input.categoryId } });
  }
  const departments = [...new Set(input.applicableDepartmentIds ?? [])];
  if (departments.length && (await em.count(Department, { id: { $in: departments } })) !== departments.length)
    problems.push({ field: 'applicableDepartmentIds', rule: 'exists', message: 'every department must exist' });
  const positions = [...new Set(input.applicablePositionIds ?? [])];
  if (positions.length && (await em.count(Position, { id: { $in: positions } })) !== positions.length)
    problems.push({ field: 'applicablePositionIds', rule: 'exists', message: 'every position must exist' });
  return category;
}

export async function createIndicator(ctx: RequestContext, input: CreateIndicatorInput): Promise<Indicator> {
  return inTransaction(ctx, async (em) => {
    const fields = {
      code: input.code,
      name: input.name.trim(),
      scoringMethod: input.scoringMethod,
      minPoints: defaultMinPoints(input.scoringMethod, input.minPoints),
      maxPoints: input.maxPoints,
      tags: cleanTags(input.tags ?? []),
    };
    const problems = checkIndicatorFields(fields);
    const category = await checkReferences(em, input, null, problems);
    assertNoProblems(problems);
    const indicator = em.create(Indicator, {
      ...fields,
      nameZh: input.nameZh ?? null,
      description: input.description ?? null,
      category: category as IndicatorCategory,
      measurementSource: input.measurementSource,
      applicableDepartmentIds: [...new Set(input.applicableDepartmentIds ?? [])],
      applicablePositionIds: [...new Set(input.applicablePositionIds ?? [])],
    });
    await em.flush();
    recordAudit(em, ctx, { operation: 'createIndicator', entityType: 'Indicator', entityId: indicator.id, after: snapshot(indicator) });
    return indicator;
  });
}

export async function updateIndicator(ctx: RequestContext, id: string, input: UpdateIndicatorInput): Promise<Indicator> {
  return inTransaction(ctx, async (em) => {
    const indicator = await em.findOne(Indicator, { id });
    if (!indicator) throw notFound('Indicator', id);
    if (indicator.version !== input.version) throw conflict('Indicator', id);
    const before = snapshot(indicator);
    const scoringMethod = input.scoringMethod ?? indicator.scoringMethod;
    const fields = {
      code: input.code ?? indicator.code,
      name: input.name?.trim() ?? indicator.name,
      scoringMethod,
      minPoints: input.minPoints === undefined ? indicator.minPoints : defaultMinPoints(scoringMethod, input.minPoints),
      maxPoints: input.maxPoints ?? indicator.maxPoints,
      tags: input.tags ? cleanTags(input.tags) : indicator.tags,
    };
    const problems = checkIndicatorFields(fields);
    const category = await checkReferences(em, { ...input, code: input.code ?? undefined, categoryId: input.categoryId ?? undefined }, indicator, problems);
    assertNoProblems(problems);
    Object.assign(indicator, fields);
    if (input.nameZh !== undefined) indicator.nameZh = input.nameZh;
    if (input.description !== undefined) indicator.description = input.description;
    if (category) indicator.category = category;
    if (input.measurementSource) indicator.measurementSource = input.measurementSource;
    if (input.applicableDepartmentIds) indicator.applicableDepartmentIds = [...new Set(input.applicableDepartmentIds)];
    if (input.applicablePositionIds) indicator.applicablePositionIds = [...new Set(input.applicablePositionIds)];
    await em.flush();
    recordAudit(em, ctx, { operation: 'updateIndicator', entityType: 'Indicator', entityId: id, before, after: snapshot(indicator) });
    return indicator;
  });
}

/** Retires or reactivates. Schemes keep their own copy of what they use, so neither changes any scheme. */
export async function setIndicatorActive(ctx: RequestContext, id: string, version: number, active: boolean): Promise<Indicator> {
  return inTransaction(ctx, async (em) => {
    const indicator = await em.findOne(Indicator, { id });
    if (!indicator) throw notFound('Indicator', id);
    if (indicator.version !== version) throw conflict('Indicator', id);
    const before = snapshot(indicator);
    indicator.active = active;
    await em.flush();
    recordAudit(em, ctx, { operation: active ? 'reactivateIndicator' : 'retireIndicator', entityType: 'Indicator', entityId: id, before, after: snapshot(indicator) });
    return indicator;
  });
}
