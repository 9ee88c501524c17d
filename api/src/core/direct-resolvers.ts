import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { isInterfaceType, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Replaces type-graphql's per-field resolver wrappers below the root with direct calls, where that changes nothing
 * but the cost.
 *
 * type-graphql wraps every field: a plain property becomes `applyMiddlewares(container, { root, args, context, info },
 * [], () => root[name])` (an object per field per row), and a `@FieldResolver` re-sorts its parameter list and copies
 * the whole row into a new instance of the object type's class (`convertToType`) on every call, for every row. On
 * a 500-row page that is thousands of copies of every row, which showed in CPU profiles as type-graphql frames plus
 * garbage collection. This project uses neither middlewares, nor `authorized` roles, nor validation, and its read
 * models return plain rows, so:
 * - a plain property field (no `@FieldResolver`) reads the property: `root[propertyName]`;
 * - a `@FieldResolver` of a resolver class whose parameters are only `@Root()`, `@Ctx()` and `@Info()` calls the
 *   method with them directly (the row as it is, not a copy into the class).
 * Anything else (arguments, custom decorators, methods on the object type class, middlewares, roles) keeps
 * type-graphql's resolver. Runs on the type-graphql schema before the field guards wrap it, so every guard stays.
 *
 * `resolverClasses` are the classes the schema was built from (type-graphql only uses field resolvers of those).
 */
export function useDirectResolvers(schema: GraphQLSchema, resolverClasses: readonly unknown[]): { direct: number; kept: number } {
  const storage = getMetadataStorage();
  const included = new Set<unknown>(resolverClasses);
  const instances = new Map<unknown, unknown>();
  const instanceOf = (target: object) => {
    let instance = instances.get(target);
    if (instance === undefined) {
      instance = new (target as new () => unknown)();
      instances.set(target, instance);
    }
    return instance as Record<string, (...args: unknown[]) => unknown>;
  };
  let direct = 0;
  let kept = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || type.name === 'Query' || type.name === 'Mutation' || type.name === 'Subscription') continue;
    const graphqlFields = type.getFields();
    // The class and its ancestors: inherited fields keep their declaring class as `target`.
    const lineage: unknown[] = [];
    for (let c: unknown = objectType.target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) lineage.push(c);
    const seen = new Set<string>();
    for (const cls of lineage)
      // The built class metadata: its own fields and those its field resolvers declare.
      for (const field of storage.objectTypes.find((o) => o.target === cls)?.fields ?? []) {
        if (seen.has(field.schemaName)) continue;
        seen.add(field.schemaName);
        const graphqlField = graphqlFields[field.schemaName];
        if (!graphqlField?.resolve) continue;
        if (field.middlewares?.length || field.roles?.length) {
          kept++;
          continue;
        }
        const candidates = storage.fieldResolvers.filter(
          (r) => (r.kind === 'internal' || included.has(r.target)) && r.getObjectType?.() === field.target && r.methodName === field.name,
        );
        if (candidates.length === 0) {
          const property = field.name;
          graphqlField.resolve = (root: Record<string, unknown>) => root[property];
          direct++;
          continue;
        }
        const resolver = candidates[0];
        const params = [...(resolver?.params ?? [])].sort((a, b) => a.index - b.index);
        const simple =
          candidates.length === 1 &&
          resolver?.kind === 'external' &&
          !resolver.middlewares?.length &&
          !resolver.roles?.length &&
          params.every((p, i) => p.index === i && (p.kind === 'root' || p.kind === 'context' || p.kind === 'info'));
        if (!resolver || !simple) {
          kept++;
          continue;
        }
        const target = resolver.target;
        const method = resolver.methodName;
        const pick = params.map((p): ((root: Record<string, unknown>, ctx: Record<string, unknown>, info: unknown) => unknown) => {
          if (p.kind === 'root') return p.propertyName ? (root) => root?.[p.propertyName as string] : (root) => root;
          if (p.kind === 'context') return p.propertyName ? (_r, ctx) => ctx[p.propertyName as string] : (_r, ctx) => ctx;
          return (_r, _c, info) => info;
        });
        const resolve: GraphQLFieldResolver<Record<string, unknown>, Record<string, unknown>> = (root, _args, ctx, info) => {
          const instance = instanceOf(target);
          return (instance[method] as (...a: unknown[]) => unknown).apply(instance, pick.map((p) => p(root, ctx, info)));
        };
        graphqlField.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
        direct++;
      }
  }
  syncResolveTypes(schema);
  return { direct, kept };
}

/**
 * type-graphql wraps an interface's `resolveType` option in an async function, so the runtime type of every `node(id)`
 * answer is a promise. graphql-js waits for it; graphql-jit (the API's executor) does not, and failed with "must
 * resolve to an Object type". The same function, called directly: a type name as it is, a class as its type's name.
 */
function syncResolveTypes(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const typeNameOf = new Map<unknown, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  for (const declared of storage.interfaceTypes) {
    const type = schema.getType(declared.name);
    const own = declared.resolveType;
    if (!isInterfaceType(type) || !own) continue;
    type.resolveType = (value, context, info, abstractType) => {
      const resolved: unknown = own(value, context, info, abstractType);
      if (resolved === null || resolved === undefined || typeof resolved === 'string') return resolved ?? undefined;
      // A class (or a promise of one, which only graphql-js awaits): the name its @ObjectType gave it.
      if (resolved instanceof Promise) return resolved.then((r: unknown) => (typeof r === 'string' ? r : typeNameOf.get(r)));
      return typeNameOf.get(resolved);
    };
  }
}
