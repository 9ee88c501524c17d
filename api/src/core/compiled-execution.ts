import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { type DocumentNode, execute, type ExecutionResult, getVariableValues, GraphQLError, type GraphQLSchema, printSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * graphql-jit's errors imitate graphql-js's but leave `extensions` undefined when the resolver's error had
 * none, and Apollo reads `extensions.code` of every error: re-create them as graphql-js errors with the
 * same message, locations, path, original error and extensions.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const located = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? {},
  });
  if (error.locations) Object.defineProperty(located, 'locations', { value: error.locations, enumerable: true });
  return located;
}

/** Compiles one operation the way the API executes it (the gateway below and the benches use it). */
export function compileOperation(schema: GraphQLSchema, document: DocumentNode, operationName?: string): CompiledQuery | ExecutionResult {
  return compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
}

export { isCompiledQuery };

/** How many compiled operations are kept; clients send a small, stable set of documents. */
const MAX_COMPILED = 500;

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter.
 *
 * graphql-js walks the selection for every field of every row: on a 500-row list that walk, its
 * promises and the garbage they leave were the largest share of the API's Node time after the SQL.
 * graphql-jit compiles each validated operation once into a function that builds the result directly,
 * calling the same resolvers (type-graphql's, the field guards, graphql-shield on the root fields) with
 * the same arguments and turning returned or thrown errors into located GraphQL errors with their codes.
 *
 * Apollo Server takes a custom executor only through its gateway interface; this "gateway" serves our
 * own schema, so parsing, validation, the document cache and every request plugin run exactly as before
 * and only the execution step changes. Compiled operations are cached by Apollo's query hash.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<string, CompiledQuery>();
  let onSchema: GatewaySchemaLoadOrUpdateCallback | undefined;

  const compile = (key: string, create: () => CompiledQuery | ExecutionResult): CompiledQuery | ExecutionResult => {
    const found = compiled.get(key);
    if (found) {
      // Most recently used last, so the oldest entry is evicted first.
      compiled.delete(key);
      compiled.set(key, found);
      return found;
    }
    const result = create();
    if (isCompiledQuery(result)) {
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
      compiled.set(key, result);
    }
    return result;
  };

  const executor: GatewayExecutor = async (request) => {
    const operationName = request.operationName ?? undefined;
    const variables = request.request.variables ?? {};
    // graphql-js coerces the variables first so that a bad value is refused exactly as before: its errors
    // carry the variable's AST node, from which Apollo answers BAD_USER_INPUT (graphql-jit's do not).
    const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const query = compile(`${request.queryHash}\u0000${operationName ?? ''}`, () => compileOperation(schema, request.document, operationName));
    if (!isCompiledQuery(query)) return { errors: (query.errors ?? []).map(asGraphQLError) };
    const result = await query.query(undefined, request.context, variables);
    // An answer without `data` is graphql-jit refusing the variables, which graphql-js has just accepted: its own
    // coercion misses some of graphql-js's rules (an input field's default value under a non-null type). graphql-js,
    // the reference, runs the operation then, with the same resolvers and guards.
    if (!('data' in result))
      return execute({ schema, document: request.document, operationName, variableValues: variables, contextValue: request.context });
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      onSchema = callback;
      return () => {
        onSchema = undefined;
      };
    },
    async load() {
      onSchema?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    async stop() {
      compiled.clear();
    },
  };
}
