import { indicatorAccess, indicatorCategoryAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, type IRule } from '../../core/shield-rules.js';

/** The indicator library is HR's working material: nobody else reads or writes it. */
const isHR = hasAnyRole('HR');

/** Shield rules of the indicator module's operations. */
export const indicatorRules: Record<string, Record<string, IRule>> = {
  Query: fields(['indicators', 'indicator', 'indicatorCategories', 'indicatorCategory', 'exportIndicators'], isHR),
  Mutation: fields(
    ['createIndicator', 'updateIndicator', 'retireIndicator', 'reactivateIndicator', 'createIndicatorCategory', 'updateIndicatorCategory', 'importIndicators'],
    isHR,
  ),
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
const edge = ['cursor', 'node'] as const;
const hr = anyRole('HR');

/** Field guards of the indicator module's types. */
export const indicatorGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(indicatorAccess, { what: 'indicator', factless: true }),
  guardsFromAccess(indicatorCategoryAccess, { what: 'indicator category', factless: true }),
  typeGuards('IndicatorConnection', page, hr),
  typeGuards('IndicatorEdge', edge, hr),
  typeGuards('IndicatorCategoryConnection', page, hr),
  typeGuards('IndicatorCategoryEdge', edge, hr),
  typeGuards('ImportReport', ['dryRun', 'totalRows', 'validRows', 'applied', 'created', 'updated', 'errors'], hr),
);
