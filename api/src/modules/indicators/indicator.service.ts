import { indicatorAccess } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { type Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, join, raw, sql, type Sql } from '../../core/db.js';
import { assertNoProblems, conflict, type FieldProblem, notFound } from '../../core/errors.js';
import { checkListArgs, defineListing, fetchEntityPage, searchCondition } from '../../core/listing.js';
import { selectedHere } from '../../core/selection.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Department } from '../org/department.entity.js';
import { Position } from '../org/position.entity.js';
import { IndicatorCategory } from './indicator-category.entity.js';
import { checkIndicatorFields, cleanTags, defaultMinPoints } from './indicator-fields.js';
import { Indicator } from './indicator.entity.js';
import type { CreateIndicatorInput, IndicatorFilter, IndicatorsArgs, UpdateIndicatorInput } from './indicators.inputs.js';

export const indicatorListing = defineListing({
  query: 'indicators',
  access: indicatorAccess,
  filters: {
    ids: 'id',
    categoryId: 'category',
    scoringMethod: 'scoringMethod',
    measurementSource: 'measurementSource',
    tag: 'tags',
    departmentId: 'applicableDepartments',
    positionId: 'applicablePositions',
    active: 'active',
  },
  search: [
    { field: 'code', sql: raw('i.code') },
    { field: 'name', sql: raw('i.name') },
    { field: 'nameZh', sql: raw('i.name_zh') },
    { field: 'description', sql: raw('i.description') },
    { field: 'tags', sql: raw("array_to_string(i.tags, ' ')") },
  ],
  sorts: {
    CODE: { field: 'code', sql: raw('i.code') },
    NAME: { field: 'name', sql: raw('i.name') },
    CATEGORY: { field: 'category', sql: raw('(select c.code from indicator_category c where c.id = i.category_id)') },
    CREATED_AT: { field: 'createdAt', sql: raw('i.created_at') },
  },
  defaultSort: [{ field: 'CODE', direction: SortDirection.ASC }],
  id: raw('i.id'),
});

/** The list filter as SQL conditions; export uses the same ones so the file matches the list HR sees. */
export function indicatorConditions(f: IndicatorFilter | undefined | null): Sql[] {
  const where: Sql[] = [];
  if (f?.ids) where.push(sql`i.id = any(${f.ids}::uuid[])`);
  if (f?.categoryId) where.push(sql`i.category_id = ${f.categoryId}`);
  if (f?.scoringMethod) where.push(sql`i.scoring_method = ${f.scoringMethod}`);
  if (f?.measurementSource) where.push(sql`i.measurement_source = ${f.measurementSource}`);
  if (f?.tag) where.push(sql`${f.tag} = any(i.tags)`);
  if (f?.departmentId) where.push(sql`${f.departmentId} = any(i.applicable_department_ids)`);
  if (f?.positionId) where.push(sql`${f.positionId} = any(i.applicable_position_ids)`);
  if (f?.active !== undefined && f.active !== null) where.push(sql`i.active = ${f.active}`);
  return where;
}

/** Every indicator matching a list filter, by code (for the export, which must match the list HR sees). */
export async function indicatorsMatching(ctx: RequestContext, filter: IndicatorFilter | undefined | null): Promise<Indicator[]> {
  const where = indicatorConditions(filter);
  const search = searchCondition(requireActor(ctx), indicatorListing, filter?.q);
  if (search) where.push(search);
  const ids = await ctx.db.rows<{ id: string }>(sql`select i.id from indicator i ${where.length ? sql`where ${join(where, ' and ')}` : empty}`);
  return ctx.em.find(Indicator, { id: { $in: ids.map((r) => r.id) } }, { orderBy: { code: 'asc' }, populate: ['category'] });
}

export function listIndicators(ctx: RequestContext, args: IndicatorsArgs, info: GraphQLResolveInfo): Promise<Page<Indicator>> {
  const checked = checkListArgs(requireActor(ctx), indicatorListing, args);
  return fetchEntityPage(ctx, Indicator, { from: sql`indicator i`, where: indicatorConditions(args.filter), id: raw('i.id') }, checked, selectedHere(info).has('totalCount'));
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
