import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Validation rules that refuse a query before any subgraph is asked: too deep (nested selections,
 * fragments expanded), or too many fields in all. Each node fetch costs real work at several creditors,
 * so a query's size is bounded up front rather than discovered under load.
 */
function measure(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen: ReadonlySet<string>): { depth: number; fields: number } {
  let depth = 0;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      fields += 1;
      if (selection.selectionSet !== undefined) {
        const inner = measure(selection.selectionSet, fragments, seen);
        depth = Math.max(depth, inner.depth + 1);
        fields += inner.fields;
      } else {
        depth = Math.max(depth, 1);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet, fragments, seen);
      depth = Math.max(depth, inner.depth);
      fields += inner.fields;
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // A fragment cycle is reported by graphql's own NoFragmentCycles rule; here it just stops.
      if (fragment === undefined || seen.has(name)) continue;
      const inner = measure(fragment.selectionSet, fragments, new Set([...seen, name]));
      depth = Math.max(depth, inner.depth);
      fields += inner.fields;
    }
  }
  return { depth, fields };
}

export function queryLimitsRule(limits: { readonly maxDepth: number; readonly maxFields: number }): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    Document(document) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const { depth, fields } = measure(definition.selectionSet, fragments, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(new GraphQLError(`The query is ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, { nodes: [definition], extensions: { code: 'QUERY_TOO_DEEP' } }));
        }
        if (fields > limits.maxFields) {
          context.reportError(new GraphQLError(`The query selects ${fields} fields; at most ${limits.maxFields} are allowed.`, { nodes: [definition], extensions: { code: 'QUERY_TOO_COMPLEX' } }));
        }
      }
      return false;
    },
  });
}
