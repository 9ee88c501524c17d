import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { isUuid } from './core/ids.js';
import DataLoader from 'dataloader';
import { type ConstArgumentNode, type ConstDirectiveNode, type DocumentNode, type GraphQLSchema, Kind, parse, print, printSchema, visit } from 'graphql';
import { applyMiddleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import { createResolversMap } from 'type-graphql';
import { applyFieldGuards, mergeGuards, signedIn, typeGuards } from './core/access.js';
import type { RequestContext } from './core/context.js';
import { forbidden } from './core/errors.js';
import { hasAnyRole, type IRule, isAuthenticated } from './core/shield-rules.js';
import type { TokenService } from './core/tokens.js';
import { appraisalsInScope } from './modules/cycles/appraisal.read.js';
import { cyclesInScope } from './modules/cycles/cycle.read.js';
import { employeesInScopeByKeys } from './modules/org/employee.read.js';
import { buildBareSchema, guardTree, mergeRules, ruleTree } from './schema.js';

/**
 * The API as an Apollo Federation 2 subgraph: the same types, resolvers, field guards and root rules as /graphql,
 * plus the entities other subgraphs may extend. Each entity resolves its representations in one statement per type
 * and request (DataLoader), in the caller's row scope: a representation the caller may not see is FORBIDDEN (never a
 * null that looks like "does not exist"); fields of visible rows pass the usual field guards.
 */
export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/** Entity types and their keys (employeeNumber is unique, so other applications may join on it). */
export const ENTITY_KEYS: Readonly<Record<string, readonly string[]>> = {
  Employee: ['id', 'employeeNumber'],
  Department: ['id'],
  Position: ['id'],
  Cycle: ['id'],
  Appraisal: ['id'],
};

const keyDirective = (fields: string): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'key' },
  arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: fields } } as ConstArgumentNode],
});

/** The subgraph SDL: the served schema's SDL with `@key` on the entities and the federation link. */
export function subgraphTypeDefs(bare: GraphQLSchema): DocumentNode {
  const document = visit(parse(printSchema(bare)), {
    ObjectTypeDefinition(node) {
      const keys = ENTITY_KEYS[node.name.value];
      return keys ? { ...node, directives: [...(node.directives ?? []), ...keys.map(keyDirective)] } : undefined;
    },
  });
  return parse(`${FEDERATION_LINK}\n\n${print(document)}`);
}

type Representation = { __typename: string; id?: string; employeeNumber?: string };
interface EntityLoaders {
  employee: DataLoader<Representation, unknown>;
  department: DataLoader<string, unknown>;
  position: DataLoader<string, unknown>;
  cycle: DataLoader<string, unknown>;
  appraisal: DataLoader<string, unknown>;
}

const loadersByRequest = new WeakMap<RequestContext, EntityLoaders>();
const outOfScope = (type: string) => forbidden(`this ${type}: it is outside your scope or does not exist`);

function byId<T extends { id: string }>(type: string, ids: readonly string[], rows: readonly T[]): Array<T | Error> {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? outOfScope(type));
}

/** Per-request loaders: N representations of a type cost one statement. */
function entityLoaders(ctx: RequestContext): EntityLoaders {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) {
    loaders = {
      employee: new DataLoader(
        async (refs) => {
          const ids = refs.flatMap((r) => (r.id ? [r.id] : []));
          const numbers = refs.flatMap((r) => (!r.id && r.employeeNumber ? [r.employeeNumber] : []));
          const rows = await employeesInScopeByKeys(ctx, ids, numbers);
          for (const row of rows) ctx.loaders.employee.prime(row.id, row);
          return refs.map((r) => rows.find((e) => (r.id ? e.id === r.id : e.employeeNumber === r.employeeNumber)) ?? outOfScope('employee'));
        },
        { cacheKeyFn: (r) => (r.id ? `id:${r.id}` : `number:${r.employeeNumber ?? ''}`) },
      ),
      department: new DataLoader(async (ids) => (await ctx.loaders.department.loadMany(ids)).map((d) => (d && !(d instanceof Error) ? d : outOfScope('department')))),
      position: new DataLoader(async (ids) => (await ctx.loaders.position.loadMany(ids)).map((p) => (p && !(p instanceof Error) ? p : outOfScope('position')))),
      cycle: new DataLoader(async (ids) => byId('cycle', ids, await cyclesInScope(ctx, ids))),
      appraisal: new DataLoader(async (ids) => byId('appraisal', ids, await appraisalsInScope(ctx, ids))),
    };
    loadersByRequest.set(ctx, loaders);
  }
  return loaders;
}

const idOf = (type: string, ref: Representation): string => {
  if (!ref.id || !isUuid(ref.id)) throw outOfScope(type);
  return ref.id;
};

/** `__resolveReference` of every entity, through the per-request loaders. */
const referenceResolvers: GraphQLResolverMap<RequestContext> = {
  Employee: {
    __resolveReference: (ref: Representation, ctx: RequestContext) => {
      if (ref.id !== undefined) idOf('employee', ref);
      else if (typeof ref.employeeNumber !== 'string') throw outOfScope('employee');
      return entityLoaders(ctx).employee.load(ref.id !== undefined ? { __typename: 'Employee', id: ref.id } : { __typename: 'Employee', employeeNumber: ref.employeeNumber as string });
    },
  },
  Department: { __resolveReference: (ref: Representation, ctx: RequestContext) => entityLoaders(ctx).department.load(idOf('department', ref)) },
  Position: { __resolveReference: (ref: Representation, ctx: RequestContext) => entityLoaders(ctx).position.load(idOf('position', ref)) },
  Cycle: { __resolveReference: (ref: Representation, ctx: RequestContext) => entityLoaders(ctx).cycle.load(idOf('cycle', ref)) },
  Appraisal: { __resolveReference: (ref: Representation, ctx: RequestContext) => entityLoaders(ctx).appraisal.load(idOf('appraisal', ref)) },
};

/**
 * Root rules of the federation fields: `_entities` needs sign-in (each representation then meets the row scope);
 * `_service { sdl }` (the schema text a gateway or rover reads) is for ADMIN and HR — composition is an operator's job,
 * and the SDL names every field, pay included. Service tokens do not read it: compose from docs/supergraph.graphql.
 */
export const federationRules: Record<string, Record<string, IRule>> = { Query: { _entities: isAuthenticated, _service: hasAnyRole('ADMIN', 'HR') } };

/**
 * `_entities` resolves representations of our entity types only. @apollo/subgraph answers any other `__typename` (an
 * interface, a type without a key, a name that does not exist) with a plain error, which became an internal error:
 * refuse the field as FORBIDDEN instead, before anything is resolved.
 */
function refuseUnknownRepresentations(subgraph: GraphQLSchema): void {
  const field = subgraph.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error('the subgraph has no _entities resolver');
  field.resolve = (parent, args: { representations?: unknown }, ctx, info) => {
    const representations = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
    const unknown = representations.find((r) => {
      const typename = (r as { __typename?: unknown } | null)?.__typename;
      return typeof typename !== 'string' || !Object.hasOwn(ENTITY_KEYS, typename);
    });
    if (unknown !== undefined) throw forbidden('this entity: it is outside your scope or does not exist');
    return resolve(parent, args, ctx, info);
  };
}

/** The subgraph schema, deny by default exactly as the served one (field guards below the root, shield on the root). */
export async function buildSubgraph(tokens: TokenService): Promise<GraphQLSchema> {
  const bare = await buildBareSchema(tokens);
  const resolvers = { ...(createResolversMap(bare) as GraphQLResolverMap<RequestContext>) };
  for (const [type, reference] of Object.entries(referenceResolvers)) resolvers[type] = { ...(resolvers[type] as object), ...reference } as GraphQLResolverMap<RequestContext>[string];
  const subgraph = buildSubgraphSchema([{ typeDefs: subgraphTypeDefs(bare), resolvers }]);
  refuseUnknownRepresentations(subgraph);
  applyFieldGuards(subgraph, mergeGuards(guardTree, typeGuards('_Service', ['sdl'], signedIn)));
  const permissions = shield(mergeRules(ruleTree, federationRules), { fallbackRule: deny, fallbackError: forbidden('this field'), allowExternalErrors: true });
  const generated = permissions.generate(subgraph) as IMiddlewareFieldMap;
  const roots: IMiddlewareFieldMap = {};
  for (const type of ['Query', 'Mutation']) if (generated[type]) roots[type] = generated[type];
  return applyMiddleware(subgraph, roots);
}
