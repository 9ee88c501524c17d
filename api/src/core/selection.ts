import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead: which fields the query selects below the current field, so a read model joins only what
 * will be read (a page that shows `department { name }` fetches departments in the same statement).
 * Fragments and inline fragments are followed; @include/@skip are ignored, which can only select more.
 */
function collect(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, into: FieldNode[], seen: Set<string>): void {
  if (!selectionSet) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(info, selection.selectionSet, into, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info, info.fragments[selection.name.value]?.selectionSet, into, seen);
    }
  }
}

function childFields(info: GraphQLResolveInfo, parents: readonly FieldNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  for (const parent of parents) collect(info, parent.selectionSet, out, new Set());
  return out;
}

/** The field nodes reached by following `path` (field names) from the current field. */
export function selectedAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = childFields(info, nodes).filter((node) => node.name.value === name);
  return childFields(info, nodes);
}

/** Names of the fields selected on the items of a connection, through `nodes` and `edges { node }`. */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const node of [...selectedAt(info, ['nodes']), ...selectedAt(info, ['edges', 'node'])]) names.add(node.name.value);
  return names;
}

/** Names of the fields selected on one relation of a connection's items, e.g. `nodes { department { ... } }`. */
export function selectedNodeRelationFields(info: GraphQLResolveInfo, relation: string): Set<string> {
  const names = new Set<string>();
  for (const node of [...selectedAt(info, ['nodes', relation]), ...selectedAt(info, ['edges', 'node', relation])]) names.add(node.name.value);
  return names;
}

/** Names of the fields selected directly on the current field's value. */
export function selectedHere(info: GraphQLResolveInfo): Set<string> {
  return new Set(selectedAt(info, []).map((node) => node.name.value));
}
