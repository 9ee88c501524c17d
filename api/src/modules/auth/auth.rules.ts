import { type AccountFacts, userAccess } from '@appraisal/domain';
import { allow } from 'graphql-shield';
import { type ActorRule, type FieldGuardTree, guardsFromAccess, mergeGuards, typeGuards } from '../../core/access.js';
import { isAuthenticated, type IRule } from '../../core/shield-rules.js';
import type { User } from './user.entity.js';

export const authRules: Record<string, Record<string, IRule>> = {
  Query: { me: isAuthenticated },
  // Anyone may try to sign in; that is what the endpoint is for.
  Mutation: { login: allow },
};

// `login` signs the caller in before its payload is read, so the payload's fields see the new actor.
const signedInNow: ActorRule = { name: 'signedInNow', what: 'this', check: () => true };

export const authGuards: FieldGuardTree = mergeGuards(
  typeGuards('LoginPayload', ['token', 'expiresAt', 'user'], signedInNow),
  guardsFromAccess(userAccess, { what: 'account', factsOf: (user: User, actor): AccountFacts => ({ self: user.id === actor.userId }) }),
);
