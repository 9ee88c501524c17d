import { rollupAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules of roll-ups: the list is scoped per row; computing is HR's. */
export const rollupRules: Record<string, Record<string, IRule>> = {
  Query: fields(['rollupResults'], isAuthenticated),
  Mutation: fields(['computeRollups'], hasAnyRole('HR')),
};

export const rollupGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(rollupAccess, { what: 'roll-up result' }),
  typeGuards('RollupResultConnection', ['nodes', 'edges', 'pageInfo', 'totalCount'], signedIn),
  typeGuards('RollupResultEdge', ['cursor', 'node'], signedIn),
  typeGuards('RollupComputation', ['rollupId', 'periodKey', 'computed', 'unchanged'], anyRole('HR')),
);
