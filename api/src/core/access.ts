import { type Actor, type FieldPolicy, hasRole, NO_FACTS, type ResourceAccess, type RoleName, withServiceScope } from '@appraisal/domain';
import {
  defaultFieldResolver,
  type FieldNode,
  type FragmentSpreadNode,
  getDirectiveValues,
  getNamedType,
  type GraphQLField,
  type GraphQLFieldResolver,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  GraphQLSkipDirective,
  type InlineFragmentNode,
  isAbstractType,
  isIntrospectionType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
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

/** Audited fields read on one row, and who read them; `fields` may be shared between rows (it is never modified). */
export interface AuditedRead {
  readonly reader: Actor;
  readonly typeName: string;
  readonly id: string;
  readonly fields: readonly string[];
}

/** Per-request memo of actor rules and of the guards' last decisions; created lazily on the context, dropped on sign-in. */
export interface AccessState {
  actorRules: Map<ActorRule, boolean>;
  /** By row guard index: the facts the guard last decided on for this actor, and its decision. */
  lastFacts: unknown[];
  lastOutcome: boolean[];
  /** By selection (a sealed type at one place of a document): the facts of the last row sealed there, and the decision. */
  seals: Map<Selection, { facts: unknown; decision: SealDecision }>;
}

/** Row guards are numbered as they are built, so a request's memo of them is two plain arrays. */
let rowGuardCount = 0;

export function accessState(ctx: RequestContext): AccessState {
  // Filled as guards decide (a request touches a few of the schema's hundreds of row guards): nothing to allocate up front.
  return (ctx.access ??= { actorRules: new Map(), seals: new Map(), lastFacts: [], lastOutcome: [] });
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
    if (audit?.when(actor, facts)) (ctx.auditedReads ??= []).push({ reader: actor, typeName, id: (parent as { id?: string }).id ?? '?', fields: [fieldName] });
    return resolve(parent, args, ctx, info);
  };
}

/*
 * Sealed rows: leaf fields without a resolver.
 *
 * A guard resolver on every leaf field of every row is a function call graphql-jit cannot inline: its per-call
 * machinery (resolve info, callbacks) cost more than the check itself, and a 500-row list read through guards took
 * ~1.5x the time of the bare schema. Leaf fields that are plain properties (no resolver of their own) are checked
 * instead where their row is handed over: every field whose result is (or contains) such a row "seals" the row for the
 * fields the operation selects below it. The decision is taken once per row (once per page when the rows' facts are
 * equal), allowed fields stay plain properties the executor reads directly, and a denied field is shadowed by a getter
 * returning its FORBIDDEN (or UNAUTHENTICATED) error, which both executors report at that field's path, exactly as the
 * guard resolver's returned error was. Rows are never modified: a row with a denied field is replaced by a shadow
 * object whose prototype is the row.
 *
 * Deny by default still holds structurally: every field of the schema whose type names a sealed type (directly, in a
 * list, or through an interface or union) seals its result, including the root fields, so no row reaches a sealed
 * field unsealed. Fields with resolvers of their own, and fields returning objects, keep their guard resolvers.
 */

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The sealed leaf fields of one object type, and how its rows' facts are found. */
interface TypeSeal {
  readonly typeName: string;
  readonly fields: Map<string, FieldGuard>;
  /** Row guards' facts: NO_FACTS (reference data), derived from the row, or the read model's FACTS. */
  readonly factless: boolean;
  readonly factsOf?: (parent: never, actor: Actor) => unknown;
  /** The last selection without @skip/@include looked up, by its field nodes: the rows of a list ask for it in turn. */
  lastNodes?: readonly FieldNode[];
  lastSelection?: Selection;
}

/** What one row of a selection may not read, and which of its reads are audited. */
interface SealDecision {
  readonly denied: PropertyDescriptorMap | null;
  readonly audited: readonly string[] | null;
}

/** The sealed fields of one type that one place of an operation reads (the same for every request of the document). */
interface Selection {
  readonly actorFields: ReadonlyArray<{ readonly name: string; readonly rule: ActorRule }>;
  readonly rowFields: ReadonlyArray<{ readonly name: string; readonly guard: Extract<FieldGuard, { kind: 'row' }> }>;
}

const NOTHING_SELECTED: Selection = { actorFields: [], rowFields: [] };

function included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode, variables: Record<string, unknown>): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The response names' field names selected on `type` below `fieldNodes` (fragments applied as the executors do). */
function selectedFieldNames(type: GraphQLObjectType, info: GraphQLResolveInfo): { names: Set<string>; usesDirectives: boolean } {
  const names = new Set<string>();
  let usesDirectives = false;
  const visited = new Set<string>();
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const conditionType = info.schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && info.schema.isSubType(conditionType, type);
  };
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.directives?.length) usesDirectives = true;
      if (!included(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = info.fragments[name];
        if (!fragment || visited.has(name) || !applies(fragment.typeCondition.name.value)) continue;
        visited.add(name);
        walk(fragment.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return { names, usesDirectives };
}

/**
 * Selections are computed once per place in a document: graphql-jit hands every row of a list the same `fieldNodes`
 * array, and graphql-js one per request. A selection with @skip/@include depends on the request's variables too: it
 * is kept by the variables object (weakly, so no request's variables outlive it).
 */
const selections = new WeakMap<readonly FieldNode[], Map<string, { fixed?: Selection; byVariables?: WeakMap<object, Selection> }>>();

function selectionOf(seal: TypeSeal, type: GraphQLObjectType, info: GraphQLResolveInfo): Selection {
  if (seal.lastNodes === info.fieldNodes && seal.lastSelection) return seal.lastSelection;
  let byType = selections.get(info.fieldNodes);
  const cached = byType?.get(seal.typeName);
  if (cached?.fixed) return remember(seal, info, cached.fixed);
  const found = cached?.byVariables?.get(info.variableValues);
  if (found) return found;
  const { names, usesDirectives } = selectedFieldNames(type, info);
  const actorFields: Array<Selection['actorFields'][number]> = [];
  const rowFields: Array<Selection['rowFields'][number]> = [];
  for (const name of names) {
    const guard = seal.fields.get(name);
    if (guard?.kind === 'actor') actorFields.push({ name, rule: guard.rule });
    else if (guard) rowFields.push({ name, guard });
  }
  const selection = actorFields.length || rowFields.length ? { actorFields, rowFields } : NOTHING_SELECTED;
  if (!byType) selections.set(info.fieldNodes, (byType = new Map()));
  const entry = cached ?? {};
  byType.set(seal.typeName, entry);
  if (!usesDirectives) {
    entry.fixed = selection;
    return remember(seal, info, selection);
  }
  (entry.byVariables ??= new WeakMap()).set(info.variableValues, selection);
  return selection;
}

function remember(seal: TypeSeal, info: GraphQLResolveInfo, selection: Selection): Selection {
  seal.lastNodes = info.fieldNodes;
  seal.lastSelection = selection;
  return selection;
}

/** A getter answering the refusal: each read gets its own error, as the guard resolver's call did. */
const refusal = (error: () => AppError): PropertyDescriptor => ({ get: error, enumerable: true, configurable: true });

function decide(ctx: RequestContext, selection: Selection, facts: unknown): SealDecision {
  const actor = ctx.actor;
  let denied: PropertyDescriptorMap | null = null;
  let audited: string[] | null = null;
  for (const { name, rule } of selection.actorFields)
    if (actorRuleOutcome(ctx, rule) !== true) (denied ??= {})[name] = refusal(actor ? () => forbidden(rule.what) : unauthenticated);
  for (const { name, guard } of selection.rowFields) {
    if (!actor) (denied ??= {})[name] = refusal(unauthenticated);
    // A row without facts was built outside a read model: deny rather than guess.
    else if (facts === undefined || !guard.policy(actor, facts)) (denied ??= {})[name] = refusal(() => forbidden(guard.what));
    else if (guard.audit?.when(actor, facts)) (audited ??= []).push(name);
  }
  return { denied, audited };
}

/** The row as the selection may read it: itself when nothing selected is denied, else a shadow refusing the denied fields. */
function sealRow(seal: TypeSeal, type: GraphQLObjectType, row: object, ctx: RequestContext, info: GraphQLResolveInfo): object {
  const selection = selectionOf(seal, type, info);
  if (selection === NOTHING_SELECTED) return row;
  const state = ctx.access ?? accessState(ctx);
  const actor = ctx.actor;
  let facts: unknown;
  if (selection.rowFields.length && actor)
    facts = seal.factless ? NO_FACTS : seal.factsOf ? seal.factsOf(row as never, actor) : (row as { [FACTS]?: unknown })[FACTS];
  // Decisions are pure functions of (actor, facts, selection) and the state is the actor's for this request: a row
  // whose facts equal the previous row's at this place gets the previous decision.
  let last = state.seals.get(selection);
  if (!last || !sameFacts(last.facts, facts)) {
    last = { facts, decision: decide(ctx, selection, facts) };
    state.seals.set(selection, last);
  }
  const { decision } = last;
  if (decision.audited && actor) (ctx.auditedReads ??= []).push({ reader: actor, typeName: seal.typeName, id: (row as { id?: string }).id ?? '?', fields: decision.audited });
  return decision.denied ? Object.create(row, decision.denied) : row;
}

type Sealer = (value: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * The function sealing a field's result of `type`, or undefined when no sealed type can occur in it. Nulls and errors
 * pass through; promises and lists are sealed item by item as they resolve.
 */
function sealerOf(type: GraphQLOutputType, seals: ReadonlyMap<string, TypeSeal>, schema: GraphQLSchema): Sealer | undefined {
  if (isNonNullType(type)) return sealerOf(type.ofType, seals, schema);
  let sealOne: Sealer | undefined;
  if (isListType(type)) {
    const item = sealerOf(type.ofType, seals, schema);
    if (!item) return undefined;
    sealOne = (value, ctx, info) =>
      typeof value === 'object' && value !== null && Symbol.iterator in value ? Array.from(value as Iterable<unknown>, (v) => item(v, ctx, info)) : value;
  } else if (isObjectType(type)) {
    const seal = seals.get(type.name);
    if (!seal) return undefined;
    sealOne = (value, ctx, info) => (typeof value === 'object' && value !== null ? sealRow(seal, type, value, ctx, info) : value);
  } else if (isAbstractType(type)) {
    const possible = schema.getPossibleTypes(type).filter((t) => seals.has(t.name));
    if (!possible.length) return undefined;
    // The row's type as the executor will resolve it; a row whose type cannot be told is refused, never passed unsealed.
    sealOne = (value, ctx, info) => {
      if (typeof value !== 'object' || value === null) return value;
      const sealAs = (name: unknown): unknown => {
        const concrete = typeof name === 'string' ? schema.getType(name) : undefined;
        if (!concrete || !isObjectType(concrete)) return forbidden('this');
        const seal = seals.get(concrete.name);
        return seal ? sealRow(seal, concrete, value, ctx, info) : value;
      };
      if (type.resolveType) {
        const name = type.resolveType(value, ctx, info, type);
        return isThenable(name) ? Promise.resolve(name).then(sealAs) : sealAs(name);
      }
      // graphql-js's default type resolver: the row's own __typename, else the first possible type claiming it.
      const own = (value as { __typename?: unknown }).__typename;
      if (typeof own === 'string') return sealAs(own);
      for (const candidate of schema.getPossibleTypes(type)) if (candidate.isTypeOf?.(value, ctx, info) === true) return sealAs(candidate.name);
      return forbidden('this');
    };
  } else return undefined;
  const seal = sealOne;
  return (value, ctx, info) => {
    if (value === null || value === undefined || value instanceof Error) return value;
    if (isThenable(value)) return Promise.resolve(value).then((resolved) => (resolved instanceof Error ? resolved : seal(resolved, ctx, info)));
    return seal(value, ctx, info);
  };
}

/**
 * Guards every field of every object type below the root, from `tree`; a field without a guard is denied (the
 * schema test lists such fields, so this fallback only guards against a forgotten rule in production). Plain leaf
 * fields are sealed (see above): they keep no resolver, and every field that hands over their rows, root fields
 * included, seals its result. Runs on the type-graphql schema, before graphql-shield wraps the root fields.
 */
export function applyFieldGuards(schema: GraphQLSchema, tree: FieldGuardTree): void {
  const denyAll: FieldGuard = { kind: 'actor', rule: { name: 'deny', what: 'this field', check: () => false } };
  const seals = new Map<string, TypeSeal>();
  const wrapped: Array<{ field: GraphQLField<unknown, RequestContext>; resolve: Resolver }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const root = ROOT_TYPES.has(type.name);
    const guards = tree[type.name] ?? {};
    const sealed = new Map<string, FieldGuard>();
    let rowGuard: Extract<FieldGuard, { kind: 'row' }> | undefined;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (root) {
        if (field.resolve) wrapped.push({ field, resolve: field.resolve as Resolver });
        continue;
      }
      const guard = guards[name] ?? denyAll;
      if (!field.resolve && isLeafType(getNamedType(field.type))) {
        sealed.set(name, guard);
        if (guard.kind === 'row') {
          if (rowGuard && (rowGuard.factless !== guard.factless || rowGuard.factsOf !== guard.factsOf))
            throw new Error(`Field guards of ${type.name} disagree on where its rows' facts come from`);
          rowGuard = guard;
        }
        continue;
      }
      wrapped.push({ field, resolve: guardResolver(guard, name, field.resolve as Resolver | undefined) });
    }
    if (sealed.size) seals.set(type.name, { typeName: type.name, fields: sealed, factless: rowGuard?.factless ?? false, factsOf: rowGuard?.factsOf });
  }
  // Every field that hands over rows of a sealed type seals them; the others keep their (guard) resolver as it is.
  for (const { field, resolve } of wrapped) {
    const seal = sealerOf(field.type, seals, schema);
    field.resolve = seal
      ? (parent, args, ctx: RequestContext, info) => {
          const value = resolve(parent, args, ctx, info);
          return value instanceof Error ? value : seal(value, ctx, info);
        }
      : resolve;
  }
}
