import { indicatorCategoryAccess, isOrgCode } from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { type Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, sql, type Sql } from '../../core/db.js';
import { assertNoProblems, conflict, type FieldProblem, notFound } from '../../core/errors.js';
import { checkListArgs, defineListing, fetchEntityPage } from '../../core/listing.js';
import { selectedHere } from '../../core/selection.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { IndicatorCategory } from './indicator-category.entity.js';
import {
  type CreateIndicatorCategoryInput,
  type IndicatorCategoriesArgs,
  type UpdateIndicatorCategoryInput,
} from './indicators.inputs.js';

export const indicatorCategoryListing = defineListing({
  query: 'indicatorCategories',
  access: indicatorCategoryAccess,
  filters: { ids: 'id', active: 'active' },
  search: [
    { field: 'code', sql: raw('c.code') },
    { field: 'name', sql: raw('c.name') },
    { field: 'nameZh', sql: raw('c.name_zh') },
  ],
  sorts: {
    CODE: { field: 'code', sql: raw('c.code') },
    NAME: { field: 'name', sql: raw('c.name') },
    CREATED_AT: { field: 'createdAt', sql: raw('c.created_at') },
  },
  defaultSort: [{ field: 'CODE', direction: SortDirection.ASC }],
  id: raw('c.id'),
});

export function listCategories(ctx: RequestContext, args: IndicatorCategoriesArgs, info: GraphQLResolveInfo): Promise<Page<IndicatorCategory>> {
  const checked = checkListArgs(requireActor(ctx), indicatorCategoryListing, args);
  const f = args.filter;
  const where: Sql[] = [];
  if (f?.ids) where.push(sql`c.id = any(${f.ids}::uuid[])`);
  if (f?.active !== undefined && f.active !== null) where.push(sql`c.active = ${f.active}`);
  return fetchEntityPage(ctx, IndicatorCategory, { from: sql`indicator_category c`, where, id: raw('c.id') }, checked, selectedHere(info).has('totalCount'));
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
