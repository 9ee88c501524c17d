import { type Actor, type FieldPolicy, hasRole, NO_FACTS, type ResourceAccess, type RoleName, withServiceScope } from '@appraisal/domain';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isIntrospectionType, isObjectType } from 'graphql';
import type { RequestContext } from './context.js';
import { type AppError, forbidden, unauthenticated } from './errors.js';

/**
 * Field access for every object type below the root, compiled into synchronous guards.
 *
 * Why not graphql-shield's middleware on every field: it turns each field of each row into an async
 * call (a 500-row list became 2-4x slower). Here a field check is a plain function call: rules that
 * depend only on the actor are evaluated once per request, rules that depend on the row read facts the
 * read model computed in SQL for the whole page (`withFacts`). graphql-shield still guards the root
 * fields (Query, Mutation), where it runs once per operation. Both layers deny what they do not name.
 */

/** Where a read model keeps a row's facts (its relation to the actor); a symbol, so no GraphQL field can clash. */
export const FACTS: unique symbol = Symbol('facts');

/** A row as the read model returns it: the GraphQL-visible shape plus the facts its field policies read. */
export type WithFacts<T, F> = T & { readonly [FACTS]: F };

/** Attaches the facts to a row (mutates and returns it: rows are fresh objects built per query). */
export function withFacts<T extends object, F>(row: T, facts: F): WithFacts<T, F> {
  (row as { [FACTS]?: F })[FACTS] = facts;
  return row as WithFacts<T, F>;
}

/** A check that depends only on who is asking; its outcome is computed once per request. */
export interface ActorRule {
  readonly name: string;
  /** What is refused, for the FORBIDDEN message: "You are not allowed to access <what>." */
  readonly what: string;
  /** Anonymous callers pass only when this is true (the login payload, for example). */
  readonly allowAnonymous?: boolean;
  check(actor: Actor): boolean;
}

/** Signed in with an active account. */
export const signedIn: ActorRule = { name: 'signedIn', what: 'this', check: () => true };

const roleRules = new Map<string, ActorRule>();
/** Signed in and holding one of the roles; one instance per role set so per-request memos are shared. */
export function anyRole(...roles: RoleName[]): ActorRule {
  const name = `anyRole:${roles.join(',')}`;
  let rule = roleRules.get(name);
  if (!rule) {
    rule = { name, what: 'this', check: (actor) => hasRole(actor, ...roles) };
    roleRules.set(name, rule);
  }
  return rule;
}

/** Marks a field whose reads by anyone but the person themself are written to the audit trail (pay bases). */
export interface ReadAudit {
  /** True when this read must be audited (e.g. the reader is not the person). */
  when(actor: Actor, facts: unknown): boolean;
}

export type FieldGuard =
  | { kind: 'actor'; rule: ActorRule }
  | {
      kind: 'row';
      typeName: string;
      policy: FieldPolicy<unknown>;
      factless: boolean;
      what: string;
      audit?: ReadAudit;
      /** Derives the facts from the parent when its rows do not carry them (entity-backed types). */
      factsOf?: (parent: never, actor: Actor) => unknown;
    };

export type FieldGuardTree = Record<string, Record<string, FieldGuard>>;

const accesses = new Map<string, ResourceAccess<unknown>>();

/** Every ResourceAccess the guards were compiled from (service scopes are checked against them). */
export function registeredAccesses(): ResourceAccess<unknown>[] {
  return [...accesses.values()];
}

/**
 * The guards of one type from its ResourceAccess: every field the policy names, nothing else.
 * `factless` types (reference data) are checked against NO_FACTS, so their rows need no facts.
 * Every policy is composed with the service scope (`withServiceScope`): people go through it unchanged, a
 * reporting token reads a field only when its grant names it and an HR-level reader may read it on that row.
 */
export function guardsFromAccess<F>(
  access: ResourceAccess<F>,
  options: {
    what: string;
    factless?: boolean;
    audited?: Readonly<Record<string, ReadAudit>>;
    factsOf?: (parent: never, actor: Actor) => F;
  },
): FieldGuardTree {
  const guards: Record<string, FieldGuard> = {};
  if (!accesses.has(access.typeName)) accesses.set(access.typeName, access as ResourceAccess<unknown>);
  for (const [field, policy] of Object.entries(withServiceScope(access).fields))
    guards[field] = {
      kind: 'row',
      typeName: access.typeName,
      policy: policy as FieldPolicy<unknown>,
      factless: options.factless ?? false,
      what: `${field} of this ${options.what}`,
      audit: options.audited?.[field],
      factsOf: options.factsOf,
    };
  return { [access.typeName]: guards };
}

/** The same actor rule for each listed field of a type (connections, edges, payloads): every field named. */
export function typeGuards(typeName: string, fields: readonly string[], rule: ActorRule): FieldGuardTree {
  return { [typeName]: Object.fromEntries(fields.map((field) => [field, { kind: 'actor', rule } satisfies FieldGuard])) };
}

/** Merges guard trees; a field guarded twice is a programming error. */
export function mergeGuards(...trees: FieldGuardTree[]): FieldGuardTree {
  const merged: FieldGuardTree = {};
  for (const tree of trees)
    for (const [type, fields] of Object.entries(tree)) {
      const target = (merged[type] ??= {});
      for (const [field, guard] of Object.entries(fields)) {
        if (target[field]) throw new Error(`Field guard for ${type}.${field} is defined twice`);
        target[field] = guard;
      }
    }
  return merged;
}

/** Per-request memo of actor rules, of row guards' last decisions, and the pay reads to audit; created lazily on the context. */
export interface AccessState {
  actorRules: Map<ActorRule, boolean>;
  /** `Type:id` → fields read that must be audited. */
  auditedReads: Map<string, Set<string>>;
  /** By row guard index: the facts the guard last decided on for this actor, and its decision. */
  lastFacts: unknown[];
  lastOutcome: boolean[];
}

/** Row guards are numbered as they are built, so a request's memo of them is two plain arrays. */
let rowGuardCount = 0;

export function accessState(ctx: RequestContext): AccessState {
  return (ctx.access ??= { actorRules: new Map(), auditedReads: new Map(), lastFacts: new Array<unknown>(rowGuardCount).fill(undefined), lastOutcome: new Array<boolean>(rowGuardCount).fill(false) });
}

/**
 * Whether two rows' facts are equal (own enumerable properties compared with ===). Rows of a page mostly share
 * their facts (every row of HR's list is "someone else's"), so a guard decides once and then compares.
 */
function sameFacts(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (left[key] !== right[key]) return false;
  for (const key in right) if (!(key in left)) return false;
  return true;
}

function actorRuleOutcome(ctx: RequestContext, rule: ActorRule): true | AppError {
  const actor = ctx.actor;
  if (!actor) return rule.allowAnonymous ? true : unauthenticated();
  const state = accessState(ctx);
  let ok = state.actorRules.get(rule);
  if (ok === undefined) {
    ok = rule.check(actor);
    state.actorRules.set(rule, ok);
  }
  return ok ? true : forbidden(rule.what);
}

/** Evaluates an actor rule for code outside the field guards (services, list checks). */
export function passesActorRule(ctx: RequestContext, rule: ActorRule): boolean {
  return actorRuleOutcome(ctx, rule) === true;
}

type Resolver = GraphQLFieldResolver<unknown, RequestContext>;

function guardResolver(guard: FieldGuard, fieldName: string, inner: Resolver | undefined): Resolver {
  // Plain properties are read directly: no per-field wrapper beyond the check itself.
  const resolve: Resolver = inner ?? ((parent, args, ctx, info) => defaultFieldResolver(parent, args, ctx, info));
  if (guard.kind === 'actor') {
    const { rule } = guard;
    return (parent, args, ctx, info) => {
      const outcome = actorRuleOutcome(ctx, rule);
      return outcome === true ? resolve(parent, args, ctx, info) : outcome;
    };
  }
  const { policy, factless, what, audit, typeName, factsOf } = guard;
  const index = rowGuardCount++;
  return (parent, args, ctx, info) => {
    const actor = ctx.actor;
    if (!actor) return unauthenticated();
    // A row without facts was built outside a read model: deny rather than guess.
    const facts = factless ? NO_FACTS : factsOf ? factsOf(parent as never, actor) : (parent as { [FACTS]?: unknown })[FACTS];
    if (facts === undefined) return forbidden(what);
    // Policies are pure functions of (actor, facts), and the actor is fixed for the request (signing in replaces the
    // state): a row whose facts equal the previous row's gets the previous decision without calling the policy.
    const state = ctx.access ?? accessState(ctx);
    let ok: boolean;
    if (sameFacts(state.lastFacts[index], facts)) ok = state.lastOutcome[index] as boolean;
    else {
      ok = policy(actor, facts);
      state.lastFacts[index] = facts;
      state.lastOutcome[index] = ok;
    }
    if (!ok) return forbidden(what);
    if (audit?.when(actor, facts)) {
      const key = `${typeName}:${(parent as { id?: string }).id ?? '?'}`;
      const reads = accessState(ctx).auditedReads;
      const fields = reads.get(key);
      if (fields) fields.add(fieldName);
      else reads.set(key, new Set([fieldName]));
    }
    return resolve(parent, args, ctx, info);
  };
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Wraps every field of every object type below the root with its guard; a field without one is denied
 * (the schema test lists such fields, so this fallback only guards against a forgotten rule in production).
 */
export function applyFieldGuards(schema: GraphQLSchema, tree: FieldGuardTree): void {
  const denyAll: FieldGuard = { kind: 'actor', rule: { name: 'deny', what: 'this field', check: () => false } };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type) || ROOT_TYPES.has(type.name)) continue;
    const guards = tree[type.name] ?? {};
    for (const [name, field] of Object.entries(type.getFields()))
      field.resolve = guardResolver(guards[name] ?? denyAll, name, field.resolve as Resolver | undefined);
  }
}
