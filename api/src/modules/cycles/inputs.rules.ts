import { measuredInputAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/**
 * Shield rules of measured inputs and plus/minus entries. The list is scoped per row (HR all, supervisors their
 * line); saving one person's inputs and the entries are checked per appraisal by the services (HR, the line);
 * sheets (import, template) are HR's.
 */
export const inputRules: Record<string, Record<string, IRule>> = {
  Query: { measuredInputs: isAuthenticated, measuredInputTemplate: hasAnyRole('HR') },
  Mutation: { ...fields(['saveMeasuredInputs', 'addAdjustment', 'removeAdjustment'], isAuthenticated), importMeasuredInputs: hasAnyRole('HR') },
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;

/** Field guards: MeasuredInput by its domain policy; what lies inside a guarded field follows its parent. */
export const inputGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(measuredInputAccess, { what: 'measured input' }),
  typeGuards('MeasuredInputConnection', page, signedIn),
  typeGuards('MeasuredInputEdge', ['cursor', 'node'], signedIn),
  typeGuards('MeasuredValue', ['name', 'value'], signedIn),
  typeGuards('MeasuredInputsSaved', ['entries', 'result'], signedIn),
  typeGuards('MeasuredInputImportReport', ['dryRun', 'totalRows', 'validRows', 'applied', 'created', 'updated', 'results', 'errors'], anyRole('HR')),
  // Appraisal.adjustments is guarded by appraisalAccess (HR and the line); its entries follow it.
  typeGuards('AppraisalAdjustment', ['id', 'rule', 'occurrences', 'amount', 'reason', 'enteredAt', 'removedAt', 'removedReason'], signedIn),
);
