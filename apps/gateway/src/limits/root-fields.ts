import { OperationDefinitionNode } from 'graphql';
import { foldSelections, Fragments, sum } from './operation-walk';
import { limitError } from './limit-error';

/** How many root fields (queries or mutations) the operation asks for; __typename is free. */
export function rootFieldCount(operation: OperationDefinitionNode, fragments: Fragments): number {
  return foldSelections(
    operation.selectionSet,
    fragments,
    new Map<string, number>(),
    (field) => (field.name.value === '__typename' ? 0 : 1),
    sum,
    0,
  );
}

export function checkRootFields(operation: OperationDefinitionNode, fragments: Fragments, limit: number) {
  const count = rootFieldCount(operation, fragments);
  if (count <= limit) return undefined;
  return limitError(
    'TOO_MANY_ROOT_FIELDS',
    `Too many root fields: the ${operation.operation} asks for ${count}; the limit is ${limit} (MAX_ROOT_FIELDS)`,
    { limit, actual: count, setting: 'MAX_ROOT_FIELDS' },
  );
}
