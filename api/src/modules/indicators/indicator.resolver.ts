import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { present } from '../../core/loading.js';
import { FileDownload } from '../org/employee-export.service.js';
import { DepartmentNode, PositionNode } from '../org/org.types.js';
import { IndicatorCategory } from './indicator-category.entity.js';
import * as categories from './indicator-category.service.js';
import { pointsText } from './indicator-fields.js';
import * as files from './indicator-file.service.js';
import { Indicator } from './indicator.entity.js';
import * as indicators from './indicator.service.js';
import {
  CreateIndicatorCategoryInput,
  CreateIndicatorInput,
  ImportFileInput,
  ImportReport,
  IndicatorCategoriesArgs,
  IndicatorFilter,
  IndicatorsArgs,
  UpdateIndicatorCategoryInput,
  UpdateIndicatorInput,
} from './indicators.inputs.js';

export const IndicatorConnection = connectionType(Indicator, 'Indicator');
export const IndicatorCategoryConnection = connectionType(IndicatorCategory, 'IndicatorCategory');

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => IndicatorConnection, { description: 'Indicators of the library (HR).' })
  indicators(@Ctx() ctx: RequestContext, @Args(() => IndicatorsArgs) args: IndicatorsArgs, @Info() info: GraphQLResolveInfo) {
    return indicators.listIndicators(ctx, args, info);
  }

  @Query(() => Indicator, { description: 'One indicator (HR); NOT_FOUND when absent.' })
  indicator(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return indicators.getIndicator(ctx, id);
  }

  @Query(() => FileDownload, { description: 'The library (or the filtered part) as an .xlsx file (HR).' })
  exportIndicators(@Ctx() ctx: RequestContext, @Arg('filter', () => IndicatorFilter, { nullable: true }) filter?: IndicatorFilter) {
    return files.exportIndicators(ctx, filter);
  }

  @Mutation(() => Indicator, { description: 'Creates an indicator (HR).' })
  createIndicator(@Ctx() ctx: RequestContext, @Arg('input', () => CreateIndicatorInput) input: CreateIndicatorInput) {
    return indicators.createIndicator(ctx, input);
  }

  @Mutation(() => Indicator, { description: 'Updates an indicator (HR); CONFLICT when `input.version` is stale.' })
  updateIndicator(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateIndicatorInput) input: UpdateIndicatorInput) {
    return indicators.updateIndicator(ctx, id, input);
  }

  @Mutation(() => Indicator, { description: 'Retires an indicator (HR); schemes that use it do not change.' })
  retireIndicator(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return indicators.setIndicatorActive(ctx, id, version, false);
  }

  @Mutation(() => Indicator, { description: 'Makes a retired indicator available again (HR).' })
  reactivateIndicator(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return indicators.setIndicatorActive(ctx, id, version, true);
  }

  @Mutation(() => ImportReport, { description: 'Checks (dryRun) or applies an indicator sheet (.xlsx/.csv) (HR). Applying writes every row or none.' })
  importIndicators(@Ctx() ctx: RequestContext, @Arg('input', () => ImportFileInput) input: ImportFileInput) {
    return files.importIndicators(ctx, input);
  }

  @FieldResolver(() => IndicatorCategory, { description: 'Category.' })
  async category(@Root() indicator: Indicator, @Ctx() ctx: RequestContext) {
    return ctx.indicatorLoaders.category.load(indicator.category.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Lowest points (decimal text); null for deduction and pass/fail.' })
  minPoints(@Root() indicator: Indicator) {
    return pointsText(indicator.minPoints);
  }

  @FieldResolver(() => String, { description: 'Full marks (decimal text).' })
  maxPoints(@Root() indicator: Indicator) {
    return pointsText(indicator.maxPoints);
  }

  @FieldResolver(() => [DepartmentNode], { description: 'Departments it is meant for.' })
  async applicableDepartments(@Root() indicator: Indicator, @Ctx() ctx: RequestContext) {
    return present(await ctx.loaders.department.loadMany(indicator.applicableDepartmentIds));
  }

  @FieldResolver(() => [PositionNode], { description: 'Positions it is meant for.' })
  async applicablePositions(@Root() indicator: Indicator, @Ctx() ctx: RequestContext) {
    return present(await ctx.loaders.position.loadMany(indicator.applicablePositionIds));
  }

  @FieldResolver(() => Int, { description: 'Published scheme versions whose items reference this indicator\'s code.' })
  usedBySchemes(@Root() indicator: Indicator, @Ctx() ctx: RequestContext) {
    return ctx.indicatorLoaders.usedBySchemes.load(indicator.code);
  }
}

@Resolver(() => IndicatorCategory)
export class IndicatorCategoryResolver {
  @Query(() => IndicatorCategoryConnection, { description: 'Indicator categories (HR).' })
  indicatorCategories(@Ctx() ctx: RequestContext, @Args(() => IndicatorCategoriesArgs) args: IndicatorCategoriesArgs, @Info() info: GraphQLResolveInfo) {
    return categories.listCategories(ctx, args, info);
  }

  @Query(() => IndicatorCategory, { description: 'One indicator category (HR); NOT_FOUND when absent.' })
  indicatorCategory(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return categories.getCategory(ctx, id);
  }

  @Mutation(() => IndicatorCategory, { description: 'Creates an indicator category (HR).' })
  createIndicatorCategory(@Ctx() ctx: RequestContext, @Arg('input', () => CreateIndicatorCategoryInput) input: CreateIndicatorCategoryInput) {
    return categories.createCategory(ctx, input);
  }

  @Mutation(() => IndicatorCategory, { description: 'Updates an indicator category (HR); CONFLICT when `input.version` is stale.' })
  updateIndicatorCategory(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateIndicatorCategoryInput) input: UpdateIndicatorCategoryInput) {
    return categories.updateCategory(ctx, id, input);
  }
}
