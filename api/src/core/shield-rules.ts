import { hasRole, type RoleName } from '@appraisal/domain';
import { type and, rule } from 'graphql-shield';
import type { RequestContext } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

/** Any shield rule (graphql-shield does not export the type from its entry point). */
export type IRule = Parameters<typeof and>[number];

// Rules return typed errors instead of `false`, so a denied field says why and carries a code.

/** Signed in with an active account. Depends only on the request, so it is computed once per request. */
export const isAuthenticated: IRule = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.actor ? true : unauthenticated(),
);

// graphql-shield refuses two rules with one name, so every module asking for the same roles shares one instance.
const roleRules = new Map<string, IRule>();

/** Signed in and holding one of the roles. */
export function hasAnyRole(...roles: RoleName[]): IRule {
  const name = `hasAnyRole:${roles.join(',')}`;
  let roleRule = roleRules.get(name);
  if (!roleRule) {
    roleRule = rule(name, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
      if (!ctx.actor) return unauthenticated();
      return hasRole(ctx.actor, ...roles) ? true : forbidden('this operation');
    });
    roleRules.set(name, roleRule);
  }
  return roleRule;
}

/**
 * A rule over the parent object. No shield cache: hashing every parent of a long list costs more than
 * the check itself, which only reads per-request memoized data.
 */
export function parentRule<P>(name: string, check: (parent: P, ctx: RequestContext & { actor: NonNullable<RequestContext['actor']> }) => boolean | Promise<boolean>, what: string): IRule {
  return rule(name, { cache: 'no_cache' })(async (parent: P, _args, ctx: RequestContext) => {
    if (!ctx.actor) return unauthenticated();
    return (await check(parent, ctx as RequestContext & { actor: NonNullable<RequestContext['actor']> })) ? true : forbidden(what);
  });
}

/** The same rule for each listed field: every field is named explicitly, none is covered by a wildcard. */
export function fields(names: readonly string[], ruleForAll: IRule): Record<string, IRule> {
  return Object.fromEntries(names.map((name) => [name, ruleForAll]));
}
