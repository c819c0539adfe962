import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

/** The fields selected directly in `set`, looking through inline fragments and fragment spreads. */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === "Field") return [selection];
    if (selection.kind === "InlineFragment") return fieldsOf(selection.selectionSet, info);
    return fieldsOf(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

/**
 * Names of the fields a query selects at `path` below the field being resolved, e.g. ["nodes"]
 * of a connection. Directives are ignored, so a field under @skip still counts: asking for more
 * than needed is harmless here.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let fields = info.fieldNodes;
  for (const step of path) {
    fields = fields.flatMap((field) => fieldsOf(field.selectionSet, info)).filter((field) => field.name.value === step);
  }
  return new Set(fields.flatMap((field) => fieldsOf(field.selectionSet, info)).map((field) => field.name.value));
}

/**
 * `derive(info, …)` computed once per place in a parsed document: what depends only on the
 * field's selection (not on variables, as `selectedFields` reads no directive) is the same for
 * every request with that document, and Apollo hands every such request the same parsed nodes.
 * The other arguments must be the same on every call (such as the process's services).
 */
export function perSelection<A extends unknown[], T>(derive: (info: GraphQLResolveInfo, ...rest: A) => T): (info: GraphQLResolveInfo, ...rest: A) => T {
  const known = new WeakMap<FieldNode, { nodes: readonly FieldNode[]; value: T }[]>();
  return (info, ...rest) => {
    const nodes = info.fieldNodes;
    const entries = known.get(nodes[0]) ?? [];
    // The same first node with other nodes merged beside it is another selection.
    const found = entries.find((entry) => entry.nodes.length === nodes.length && entry.nodes.every((node, i) => node === nodes[i]));
    if (found) return found.value;
    const value = derive(info, ...rest);
    known.set(nodes[0], [...entries, { nodes: [...nodes], value }]);
    return value;
  };
}
