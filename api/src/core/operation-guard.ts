import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { AppError, type FieldProblem } from './errors.js';
import { renderMessage } from './messages.js';
import { ARG_LIMITS_EXTENSION, INPUT_LIMITS, isLimitPurpose, LIMIT_EXTENSION, MAX_LIST_ITEMS, type LimitPurpose } from './input-limits.js';

export interface GuardLimits {
  /** Largest estimated number of resolved fields (rows x fields) one operation may ask for. */
  maxCost: number;
  /** Page size assumed for a paged field without `first`. */
  defaultPageSize: number;
  /** Page size assumed when `first` is a variable without a usable value. */
  maxPageSize: number;
  /** Items assumed for a list field that is not paged (children, versions, sections). */
  unpagedListItems: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = { maxCost: 25_000, defaultPageSize: 25, maxPageSize: 500, unpagedListItems: 10 };

type Variables = Record<string, unknown>;

/** A refused argument, its message in the request's language (en, zh). */
const badInput = (key: 'input_too_long' | 'input_nul' | 'input_too_many', problem: FieldProblem, params: Record<string, string | number>, wording: Record<string, string> = {}) =>
  new AppError('BAD_USER_INPUT', renderMessage(key, { ...params, ...wording }, 'en'), [problem], params, { status: 400 }, () => renderMessage(key, { ...params, ...wording }));

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The purpose of an argument: its own extension (args-type fields) or the resolver method's map. */
function argPurpose(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument): LimitPurpose | undefined {
  const own = arg.extensions?.[LIMIT_EXTENSION];
  if (isLimitPurpose(own)) return own;
  const map = field.extensions?.[ARG_LIMITS_EXTENSION];
  const byName = isPlainObject(map) ? map[arg.name] : undefined;
  return isLimitPurpose(byName) ? byName : undefined;
}

function limitFor(purpose: LimitPurpose | undefined, scalarName: string): { purpose: LimitPurpose; maxLength: number; label: string } {
  const fallback: LimitPurpose = scalarName === 'ID' ? 'defaultId' : scalarName.startsWith('JSON') ? 'defaultJson' : 'default';
  const chosen = purpose ?? fallback;
  return { purpose: chosen, ...INPUT_LIMITS[chosen] };
}

/** Every string in a JSON value (keys too) has no NUL; returns the path of the first that has one. */
function findNulInJson(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulInJson(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\u0000')}`;
    const found = findNulInJson(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Checks one input value against its schema type: NUL bytes anywhere in a string or id, string lengths
 * by purpose, list lengths. Values of the wrong shape are left to GraphQL's own coercion errors.
 */
function checkInputValue(where: string, path: string, type: GraphQLInputType, value: unknown, purpose: LimitPurpose | undefined): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > MAX_LIST_ITEMS)
      throw badInput(
        'input_too_many',
        { field: path, rule: 'max_items', message: `at most ${MAX_LIST_ITEMS} items` },
        { field: where, argument: path, max: MAX_LIST_ITEMS },
      );
    items.forEach((item, i) => checkInputValue(where, `${path}[${i}]`, nullable.ofType as GraphQLInputType, item, purpose));
    return;
  }
  if (isInputObjectType(nullable)) {
    if (!isPlainObject(value)) return;
    const fields = nullable.getFields();
    for (const [name, inner] of Object.entries(value)) {
      if (name.includes('\u0000')) throw nulError(where, path);
      const field = fields[name];
      if (!field) continue; // GraphQL reports unknown fields itself
      const own = field.extensions?.[LIMIT_EXTENSION];
      checkInputValue(where, `${path}.${name}`, field.type, inner, isLimitPurpose(own) ? own : undefined);
    }
    return;
  }
  if (isEnumType(nullable) || !isScalarType(nullable)) return;
  const limit = limitFor(purpose, nullable.name);
  let length: number;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw nulError(where, path);
    length = value.length;
  } else if (typeof value === 'object') {
    const nulAt = findNulInJson(value, path);
    if (nulAt) throw nulError(where, nulAt);
    length = JSON.stringify(value).length;
  } else return;
  if (length > limit.maxLength)
    throw badInput(
      'input_too_long',
      { field: path, rule: 'max_length', message: `at most ${limit.maxLength} characters` },
      { field: where, argument: path, max: limit.maxLength, actual: length, purpose: limit.purpose },
      { label: limit.label },
    );
}

function nulError(where: string, path: string): AppError {
  return badInput(
    'input_nul',
    { field: path, rule: 'no_nul', message: 'must not contain the NUL character' },
    { field: where, argument: path },
  );
}

/** The value of `first` as far as it is known before execution; undefined when absent. */
function pageSizeOf(node: ValueNode | undefined, variables: Variables, limits: GuardLimits, fallback: unknown): number {
  if (!node) return typeof fallback === 'number' ? fallback : limits.defaultPageSize;
  const value = node.kind === Kind.VARIABLE ? variables[node.name.value] : valueFromASTUntyped(node, variables);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.min(Math.trunc(value), limits.maxPageSize));
  if (value === null) return limits.defaultPageSize;
  // A variable nobody sent, or a value of the wrong type: assume the largest page.
  return limits.maxPageSize;
}

/** Names of the variables used anywhere inside an argument value. */
function collectVariables(node: ValueNode, into: Set<string>): void {
  if (node.kind === Kind.VARIABLE) into.add(node.name.value);
  else if (node.kind === Kind.LIST) node.values.forEach((v) => collectVariables(v, into));
  else if (node.kind === Kind.OBJECT) node.fields.forEach((f) => collectVariables(f.value, into));
}

class CostExceeded extends Error {}

/**
 * Walks the operation once, before any resolver: checks every argument (literals and variables) and
 * estimates the cost as resolved fields, multiplying by the page size (`first`, from literals or
 * variables) and by a fixed size for unpaged lists. Throws a typed error; returns the cost.
 */
export function inspectOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const usedVariables = new Set<string>();
  let cost = 0;

  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, multiplier: number, paged: boolean): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, isCompositeType(type) ? type : parentType, multiplier, paged);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        walk(selection.selectionSet, isCompositeType(type) ? type : parentType, multiplier, paged);
        continue;
      }
      const name = selection.name.value;
      cost += multiplier;
      if (cost > limits.maxCost) throw new CostExceeded();
      // Introspection is bounded by the schema itself (and is off in production).
      if (name.startsWith('__')) continue;
      if (!isObjectType(parentType) && !isInterfaceType(parentType)) continue;
      const field = parentType.getFields()[name];
      if (!field) continue;
      for (const argNode of selection.arguments ?? []) {
        const arg = field.args.find((a) => a.name === argNode.name.value);
        if (!arg) continue;
        collectVariables(argNode.value, usedVariables);
        const value = argNode.value.kind === Kind.VARIABLE ? variables[argNode.value.name.value] : valueFromASTUntyped(argNode.value, variables);
        checkInputValue(name, arg.name, arg.type, value, argPurpose(field, arg));
      }
      if (!selection.selectionSet) continue;
      const childType = getNamedType(field.type);
      if (!isCompositeType(childType)) continue;
      const firstArg = field.args.find((a) => a.name === 'first');
      let factor = 1;
      let childPaged = false;
      if (firstArg) {
        const node = selection.arguments?.find((a) => a.name.value === 'first')?.value;
        factor = pageSizeOf(node, variables, limits, firstArg.defaultValue);
        childPaged = true;
      } else if (isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) {
        factor = paged ? 1 : limits.unpagedListItems;
      }
      walk(selection.selectionSet, childType, multiplier * factor, childPaged);
    }
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  try {
    walk(operation.selectionSet, root, 1, false);
  } catch (error) {
    if (error instanceof CostExceeded)
      throw new AppError('BAD_USER_INPUT', 'The operation asks for too much at once: request fewer rows, fields or aliases.', [
        { field: 'query', rule: 'cost', message: 'asks for too much at once' },
      ], undefined, { status: 400 });
    throw error;
  }
  // Variables declared but not used by any argument still reach the server: same checks, default limits.
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (usedVariables.has(name)) continue;
    const type = typeFromAST(schema, definition.type as Parameters<typeof typeFromAST>[1]) as GraphQLInputType | undefined;
    if (type) checkInputValue('variables', `$${name}`, type, variables[name], undefined);
  }
  return cost;
}
