import { FieldNode, OperationDefinitionNode } from 'graphql';
import { foldSelections, Fragments, sum } from './operation-walk';
import { limitError } from './limit-error';

/** How many aliased fields the operation has, counted at every fragment spread. */
export function aliasCount(operation: OperationDefinitionNode, fragments: Fragments): number {
  const memo = new Map<string, number>();
  const countIn = (field: FieldNode): number =>
    (field.alias ? 1 : 0) + (field.selectionSet ? foldSelections(field.selectionSet, fragments, memo, countIn, sum, 0) : 0);
  return foldSelections(operation.selectionSet, fragments, memo, countIn, sum, 0);
}

export function checkAliases(operation: OperationDefinitionNode, fragments: Fragments, limit: number) {
  const count = aliasCount(operation, fragments);
  if (count <= limit) return undefined;
  return limitError('TOO_MANY_ALIASES', `Too many aliases: the operation has ${count}; the limit is ${limit} (MAX_ALIASES)`, {
    limit,
    actual: count,
    setting: 'MAX_ALIASES',
  });
}
