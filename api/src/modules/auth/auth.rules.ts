import { type AccountFacts, userAccess } from '@appraisal/domain';
import { allow } from 'graphql-shield';
import { type ActorRule, type FieldGuardTree, guardsFromAccess, mergeGuards, typeGuards } from '../../core/access.js';
import { hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';
import type { User } from './user.entity.js';

export const authRules: Record<string, Record<string, IRule>> = {
  Query: { me: isAuthenticated },
  // Anyone may try to sign in; that is what the endpoint is for.
  Mutation: {
    login: allow,
    logout: isAuthenticated,
    changePassword: isAuthenticated,
    deactivateUser: hasAnyRole('HR', 'ADMIN'),
    unlockSignIn: hasAnyRole('HR', 'ADMIN'),
  },
};

// `login` and `changePassword` sign the caller in before their payload is read, so its fields see the new actor.
const signedInNow: ActorRule = { name: 'signedInNow', what: 'this', check: () => true };

export const authGuards: FieldGuardTree = mergeGuards(
  typeGuards('LoginPayload', ['token', 'expiresAt', 'user'], signedInNow),
  guardsFromAccess(userAccess, { what: 'account', factsOf: (user: User, actor): AccountFacts => ({ self: user.id === actor.userId }) }),
);
