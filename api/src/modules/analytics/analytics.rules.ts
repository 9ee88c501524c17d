import { serviceAccountAccess } from '@appraisal/domain';
import { type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules of reporting access: reading accounts needs sign-in (the row scope decides); writes are ADMIN's. */
export const analyticsRules: Record<string, Record<string, IRule>> = {
  Query: fields(['serviceAccounts', 'serviceAccount'], isAuthenticated),
  Mutation: fields(['createServiceAccount', 'rotateServiceToken', 'revokeServiceAccount'], hasAnyRole('ADMIN')),
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;


/** Field guards: the account from the domain's policy; its scope and limit rows follow the account field. */
export const analyticsGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(serviceAccountAccess, { what: 'service account' }),
  typeGuards('ServiceScope', ['type', 'fields', 'pay'], signedIn),
  typeGuards('ServiceLimits', ['requestsPerMinute', 'burst', 'costPerMinute', 'maxQueryCost', 'maxPageSize'], signedIn),
  typeGuards('ServiceAccountCreated', ['account', 'token'], signedIn),
  typeGuards('ServiceAccountConnection', page, signedIn),
  typeGuards('ServiceAccountEdge', ['cursor', 'node'], signedIn),
);
