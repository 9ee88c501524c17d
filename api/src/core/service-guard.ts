import { admitRequest, type BucketState, freshBuckets, isServiceActor, type ServiceActor, type ServiceLimits } from '@appraisal/domain';
import { getNamedType, isObjectType, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { forbidden, rateLimited, readOnlyToken } from './errors.js';

/**
 * The GraphQL type a root query field reads: its named type, or the node type of a connection. A service token
 * may call a root field only when its grant names that type (`serviceMay`); everything else is FORBIDDEN.
 */
function rootReadType(schema: GraphQLSchema, fieldName: string): string | null {
  const field = schema.getQueryType()?.getFields()[fieldName];
  if (!field) return null;
  const type = getNamedType(field.type);
  if (isObjectType(type) && type.name.endsWith('Connection')) {
    const nodes = type.getFields().nodes;
    if (nodes) return getNamedType(nodes.type).name;
  }
  return type.name;
}

/** Whether a service actor may call a root query field: the type it returns is granted. */
export function serviceMay(actor: ServiceActor, schema: GraphQLSchema, fieldName: string): boolean {
  if (fieldName.startsWith('__')) return true;
  const type = rootReadType(schema, fieldName);
  return type !== null && actor.service.fields.has(type);
}

// Per-token buckets, in memory per replica (the documented limit is per replica).
const buckets = new Map<string, BucketState>();

/**
 * Checks an operation of a service token before it runs: mutations are always refused (read-only), each root
 * field must read a granted type, and the operation's estimated cost is admitted against the token's buckets
 * (RATE_LIMITED with retryAfterMs otherwise).
 */
export function checkServiceOperation(actor: ServiceActor, limits: ServiceLimits, schema: GraphQLSchema, operation: OperationDefinitionNode, cost: number, nowMs: number): void {
  if (operation.operation !== 'query') throw readOnlyToken();
  for (const selection of operation.selectionSet.selections) {
    // Fragments at the root are refused for tokens: name the root fields directly.
    if (selection.kind !== Kind.FIELD) throw forbidden('fragments at the root of a service query');
    if (!serviceMay(actor, schema, selection.name.value)) throw forbidden(selection.name.value);
  }
  const key = actor.service.accountId;
  const admitted = admitRequest(buckets.get(key) ?? freshBuckets(limits, nowMs), limits, nowMs, cost);
  buckets.set(key, admitted.state);
  if (!admitted.allowed) throw rateLimited(admitted.reason, admitted.retryAfterMs);
}

export { isServiceActor };
