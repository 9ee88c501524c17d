import { policyAccess, policyVersionAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';
import { withoutFields } from '../cycles/cycles.rules.js';

/** Shield rules of policies: reading signed in (rows scoped in SQL), writing HR, acknowledging the person in scope (checked by the service). */
export const policyRules: Record<string, Record<string, IRule>> = {
  Query: fields(['policies', 'policy', 'policyVersion'], isAuthenticated),
  Mutation: {
    ...fields(['createPolicy', 'savePolicyVersion', 'transitionPolicyVersion'], hasAnyRole('HR')),
    acknowledgePolicy: isAuthenticated,
  },
};

/** Links from schemes and ledger rules land with those modules. */
const LATER = new Set(['linkedSchemes', 'linkedLedgerRules']);
const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
const hrOnly = anyRole('HR');

export const policyGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(policyAccess, { what: 'policy' }),
  withoutFields(guardsFromAccess(policyVersionAccess, { what: 'policy version' }), 'PolicyVersion', LATER),
  typeGuards('PolicyConnection', page, signedIn),
  typeGuards('PolicyEdge', ['cursor', 'node'], signedIn),
  // Parts of a version's scope: read with the version's `scope` field, which its policy guards.
  typeGuards('PolicyScope', ['kind', 'ids'], signedIn),
  typeGuards('AcknowledgementStatus', ['inScope', 'acknowledged', 'pending', 'percent'], hrOnly),
  typeGuards('PolicyAcknowledgementEntry', ['employee', 'acknowledgedAt'], hrOnly),
);
