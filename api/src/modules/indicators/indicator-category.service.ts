import { isOrgCode } from '@appraisal/domain';
import type { FilterQuery } from '@mikro-orm/core';
import { type ConnectionShape, resolvePage, SortDirection, toConnection } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { assertNoProblems, conflict, type FieldProblem, notFound } from '../../core/errors.js';
import { containsPattern, orderFromSort } from '../../core/listing.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { IndicatorCategory } from './indicator-category.entity.js';
import {
  type CreateIndicatorCategoryInput,
  type IndicatorCategoriesArgs,
  IndicatorCategorySortField,
  type UpdateIndicatorCategoryInput,
} from './indicators.inputs.js';

const SORT_COLUMNS: Record<IndicatorCategorySortField, keyof IndicatorCategory & string> = {
  [IndicatorCategorySortField.CODE]: 'code',
  [IndicatorCategorySortField.NAME]: 'name',
  [IndicatorCategorySortField.CREATED_AT]: 'createdAt',
};

export async function listCategories(ctx: RequestContext, args: IndicatorCategoriesArgs): Promise<ConnectionShape<IndicatorCategory>> {
  const { limit, offset } = resolvePage(args);
  const where: FilterQuery<IndicatorCategory> & Record<string, unknown> = {};
  const f = args.filter;
  if (f?.ids) where.id = { $in: f.ids };
  if (f?.active !== undefined && f.active !== null) where.active = f.active;
  if (f?.q?.trim()) {
    const like = containsPattern(f.q.trim());
    where.$or = [{ code: { $ilike: like } }, { name: { $ilike: like } }, { nameZh: { $ilike: like } }];
  }
  const orderBy = orderFromSort<IndicatorCategory, IndicatorCategorySortField>(args.sort, SORT_COLUMNS, {
    field: IndicatorCategorySortField.CODE,
    direction: SortDirection.ASC,
  });
  const [items, total] = await ctx.em.findAndCount(IndicatorCategory, where, { orderBy, limit, offset });
  return toConnection(items, total, offset);
}

export async function getCategory(ctx: RequestContext, id: string): Promise<IndicatorCategory> {
  const category = await ctx.indicatorLoaders.category.load(id);
  if (!category) throw notFound('IndicatorCategory', id);
  return category;
}

function checkFields(input: { code?: string; name?: string }, problems: FieldProblem[]): void {
  if (input.code !== undefined && !isOrgCode(input.code))
    problems.push({ field: 'code', rule: 'format', message: 'code must be 1-32 letters, digits, dots, dashes or underscores' });
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > 100))
    problems.push({ field: 'name', rule: 'length', message: 'name must be 1-100 characters' });
}

export async function createCategory(ctx: RequestContext, input: CreateIndicatorCategoryInput): Promise<IndicatorCategory> {
  return inTransaction(ctx, async (em) => {
    const problems: FieldProblem[] = [];
    checkFields(input, problems);
    if (await em.count(IndicatorCategory, { code: input.code })) problems.push({ field: 'code', rule: 'unique', message: `code ${input.code} is already used`, params: { value: input.code } });
    assertNoProblems(problems);
    const category = em.create(IndicatorCategory, { code: input.code, name: input.name.trim(), nameZh: input.nameZh ?? null });
    await em.flush();
    recordAudit(em, ctx, { operation: 'createIndicatorCategory', entityType: 'IndicatorCategory', entityId: category.id, after: snapshot(category) });
    return category;
  });
}

export async function updateCategory(ctx: RequestContext, id: string, input: UpdateIndicatorCategoryInput): Promise<IndicatorCategory> {
  return inTransaction(ctx, async (em) => {
    const category = await em.findOne(IndicatorCategory, { id });
    if (!category) throw notFound('IndicatorCategory', id);
    if (category.version !== input.version) throw conflict('IndicatorCategory', id);
    const before = snapshot(category);
    const problems: FieldProblem[] = [];
    checkFields({ code: input.code ?? undefined, name: input.name ?? undefined }, problems);
    if (input.code && input.code !== category.code && (await em.count(IndicatorCategory, { code: input.code })))
      problems.push({ field: 'code', rule: 'unique', message: `code ${input.code} is already used`, params: { value: input.code } });
    assertNoProblems(problems);
    if (input.code) category.code = input.code;
    if (input.name) category.name = input.name.trim();
    if (input.nameZh !== undefined) category.nameZh = input.nameZh;
    await em.flush();
    recordAudit(em, ctx, { operation: 'updateIndicatorCategory', entityType: 'IndicatorCategory', entityId: id, before, after: snapshot(category) });
    return category;
  });
}
