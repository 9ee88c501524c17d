import { fields, hasAnyRole, type IRule } from '../../core/shield-rules.js';

/** The indicator library is HR's working material: nobody else reads or writes it. */
const isHR = hasAnyRole('HR');

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
const edge = ['cursor', 'node'] as const;

/** Shield rules of the indicator module: every type and field named. */
export const indicatorRules: Record<string, Record<string, IRule>> = {
  Query: fields(['indicators', 'indicator', 'indicatorCategories', 'indicatorCategory', 'exportIndicators'], isHR),
  Mutation: fields(
    ['createIndicator', 'updateIndicator', 'retireIndicator', 'reactivateIndicator', 'createIndicatorCategory', 'updateIndicatorCategory', 'importIndicators'],
    isHR,
  ),
  Indicator: fields(
    ['id', 'code', 'name', 'nameZh', 'description', 'category', 'scoringMethod', 'minPoints', 'maxPoints', 'measurementSource', 'applicableDepartments', 'applicablePositions', 'tags', 'active', 'usedBySchemes', 'version', 'createdAt', 'updatedAt'],
    isHR,
  ),
  IndicatorCategory: fields(['id', 'code', 'name', 'nameZh', 'active', 'version', 'createdAt', 'updatedAt'], isHR),
  IndicatorConnection: fields(page, isHR),
  IndicatorEdge: fields(edge, isHR),
  IndicatorCategoryConnection: fields(page, isHR),
  IndicatorCategoryEdge: fields(edge, isHR),
  ImportReport: fields(['dryRun', 'totalRows', 'validRows', 'applied', 'created', 'updated', 'errors'], isHR),
};
