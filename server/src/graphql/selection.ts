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
