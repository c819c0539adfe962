import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * Depth of a selection set, following fragments (each at most once per path, so cycles end).
 * Introspection fields (`__schema`, `__type`) are not counted, by field name, whatever a fragment
 * is called, so GraphQL tools keep working while a fragment named `__schema` gains nothing.
 */
function depthOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue;
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set(seen).add(name)));
    }
  }
  return deepest;
}

function maxDepth(limit: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Set());
        if (depth > limit) context.reportError(new GraphQLError(`the query is ${depth} levels deep; at most ${limit} are allowed`));
      },
    };
  };
}

/** Counts nodes of one kind in the whole document (operations and fragments). */
function maxCount(kind: Kind.FIELD | Kind.DIRECTIVE, what: string, limit: number, counts: (node: { alias?: unknown }) => boolean): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      [kind](node: { alias?: unknown }) {
        if (!counts(node) || reported) return;
        count += 1;
        if (count > limit) {
          reported = true;
          context.reportError(new GraphQLError(`the query has more than ${limit} ${what}`));
        }
      },
    };
  };
}

/** Validation rules that refuse abusive documents before anything runs. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepth(limits.depth),
    maxCount(Kind.FIELD, "aliases", limits.aliases, (field) => Boolean(field.alias)),
    maxCount(Kind.DIRECTIVE, "directives", limits.directives, () => true),
  ];
}
