import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Validation rules that refuse a query before any subgraph is asked: too deep (nested selections,
 * fragments expanded), or too many fields in all. Each node fetch costs real work at several creditors,
 * so a query's size is bounded up front rather than discovered under load.
 */
interface Size {
  readonly depth: number;
  readonly fields: number;
}

/**
 * Each fragment is measured once per document and remembered: a fragment spread twice in a fragment
 * spread twice in … (40 levels, a few hundred bytes) expands to 2^40 fields, and walking every
 * expansion blocked the event loop for good (found by the gateway-hardening test). `inProgress` holds
 * the fragments on the current path: a cycle stops there (graphql's NoFragmentCycles reports it).
 */
interface Fragments {
  readonly definitions: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly sizes: Map<string, Size>;
  readonly inProgress: Set<string>;
}

function measureFragment(name: string, fragments: Fragments): Size | undefined {
  const known = fragments.sizes.get(name);
  if (known !== undefined) return known;
  const fragment = fragments.definitions.get(name);
  if (fragment === undefined || fragments.inProgress.has(name)) return undefined;
  fragments.inProgress.add(name);
  const size = measure(fragment.selectionSet, fragments);
  fragments.inProgress.delete(name);
  fragments.sizes.set(name, size);
  return size;
}

function measure(selectionSet: SelectionSetNode, fragments: Fragments): Size {
  let depth = 0;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      fields += 1;
      if (selection.selectionSet !== undefined) {
        const inner = measure(selection.selectionSet, fragments);
        depth = Math.max(depth, inner.depth + 1);
        fields += inner.fields;
      } else {
        depth = Math.max(depth, 1);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet, fragments);
      depth = Math.max(depth, inner.depth);
      fields += inner.fields;
    } else {
      const inner = measureFragment(selection.name.value, fragments);
      if (inner === undefined) continue;
      depth = Math.max(depth, inner.depth);
      fields += inner.fields;
    }
  }
  return { depth, fields };
}

export function queryLimitsRule(limits: { readonly maxDepth: number; readonly maxFields: number }): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    Document(document) {
      const definitions = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) definitions.set(definition.name.value, definition);
      const fragments: Fragments = { definitions, sizes: new Map(), inProgress: new Set() };
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const { depth, fields } = measure(definition.selectionSet, fragments);
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
