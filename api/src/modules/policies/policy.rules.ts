import { policyAccess, policyVersionAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules of policies: reading signed in (rows scoped in SQL), writing HR, acknowledging the person in scope (checked by the service). */
export const policyRules: Record<string, Record<string, IRule>> = {
  Query: fields(['policies', 'policy', 'policyVersion'], isAuthenticated),
  Mutation: {
    ...fields(['createPolicy', 'savePolicyVersion', 'transitionPolicyVersion', 'setGoverningPolicy', 'remindPolicyAcknowledgement'], hasAnyRole('HR')),
    acknowledgePolicy: isAuthenticated,
  },
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
const hrOnly = anyRole('HR');

export const policyGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(policyAccess, { what: 'policy' }),
  guardsFromAccess(policyVersionAccess, { what: 'policy version' }),
  typeGuards('PolicyConnection', page, signedIn),
  typeGuards('PolicyEdge', ['cursor', 'node'], signedIn),
  // Parts of a version's scope: read with the version's `scope` field, which its policy guards.
  typeGuards('PolicyScope', ['kind', 'ids'], signedIn),
  typeGuards('AcknowledgementStatus', ['inScope', 'acknowledged', 'pending', 'percent'], hrOnly),
  typeGuards('PolicyAcknowledgementEntry', ['employee', 'acknowledgedAt'], hrOnly),
  // A link is read through a version's linkedSchemes / linkedLedgerRules (guarded) or returned to HR by setGoverningPolicy.
  typeGuards('PolicyLink', ['kind', 'id', 'code', 'name', 'nameZh', 'policyId'], signedIn),
);
