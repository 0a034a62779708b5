import { DocumentNode, FieldNode, FragmentDefinitionNode, Kind, SelectionSetNode } from 'graphql';

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Combines counts for foldSelections. */
export const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Introspection subtrees answer from the gateway's own schema and never reach a subgraph. */
export function isIntrospection(fieldName: string): boolean {
  return fieldName === '__schema' || fieldName === '__type' || fieldName === '__typename';
}

/**
 * Folds a selection set through its fragments. Each fragment's result is computed once
 * and reused at every spread, so a document that spreads fragments exponentially is
 * still measured in linear time.
 */
export function foldSelections<T>(
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  memo: Map<string, T>,
  onField: (field: FieldNode) => T,
  combine: (results: T[]) => T,
  empty: T,
): T {
  const results: T[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) results.push(onField(selection));
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      results.push(foldSelections(selection.selectionSet, fragments, memo, onField, combine, empty));
    } else {
      const name = selection.name.value;
      let result = memo.get(name);
      if (result === undefined) {
        const fragment = fragments.get(name);
        // Mark before descending: a fragment cycle (refused by validation anyway) cannot loop.
        memo.set(name, empty);
        result = fragment ? foldSelections(fragment.selectionSet, fragments, memo, onField, combine, empty) : empty;
        memo.set(name, result);
      }
      results.push(result);
    }
  }
  return combine(results);
}
