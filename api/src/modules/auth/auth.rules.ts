import { allow } from 'graphql-shield';
import { fields, hasAnyRole, isAuthenticated, parentRule, type IRule } from '../../core/shield-rules.js';
import type { User } from './user.entity.js';

const ownAccountOrAdmin = parentRule<User>(
  'ownAccountOrAdmin',
  (user, ctx) => user.id === ctx.actor.userId || ctx.actor.roles.includes('HR') || ctx.actor.roles.includes('ADMIN'),
  'this account',
);

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
  // Only `login` and `changePassword` produce a payload, and they sign the caller in before it is read.
  LoginPayload: fields(['token', 'expiresAt', 'user'], isAuthenticated),
  User: fields(['id', 'email', 'displayName', 'roles', 'employee', 'locale', 'version', 'createdAt', 'updatedAt'], ownAccountOrAdmin),
};

