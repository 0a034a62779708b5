import { FieldNode, OperationDefinitionNode } from 'graphql';
import { foldSelections, Fragments, isIntrospection } from './operation-walk';
import { limitError } from './limit-error';

/** How deep the operation's fields nest, counted through fragments; introspection is not counted. */
export function queryDepth(operation: OperationDefinitionNode, fragments: Fragments): number {
  const memo = new Map<string, number>();
  const depthOf = (field: FieldNode): number => {
    if (isIntrospection(field.name.value)) return 0;
    return 1 + (field.selectionSet ? foldSelections(field.selectionSet, fragments, memo, depthOf, max, 0) : 0);
  };
  return foldSelections(operation.selectionSet, fragments, memo, depthOf, max, 0);
}

const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);

export function checkDepth(operation: OperationDefinitionNode, fragments: Fragments, limit: number) {
  const depth = queryDepth(operation, fragments);
  if (depth <= limit) return undefined;
  return limitError('QUERY_TOO_DEEP', `Query too deep: its depth is ${depth}; the limit is ${limit} (MAX_QUERY_DEPTH)`, {
    limit,
    actual: depth,
    setting: 'MAX_QUERY_DEPTH',
  });
}
