import { FieldNode, Kind, OperationDefinitionNode, ValueNode } from 'graphql';
import { Fragments } from './operation-walk';
import { limitError } from './limit-error';

/** Arguments that set how many items a field returns. */
export const PAGE_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'last', 'limit', 'take', 'pageSize']);

export type Variables = Readonly<Record<string, unknown>> | undefined;

/** The number an argument value stands for: a literal, or a variable from the request (or its default). */
export function numberValue(value: ValueNode, variables: Variables, operation: OperationDefinitionNode): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return undefined;
  const name = value.name.value;
  const given = variables?.[name];
  if (typeof given === 'number') return given;
  if (given !== undefined && given !== null) return undefined;
  const fallback = operation.variableDefinitions?.find((d) => d.variable.name.value === name)?.defaultValue;
  return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
}

/** The page arguments a field node is given, with the number each stands for. */
export function pageArguments(field: FieldNode, variables: Variables, operation: OperationDefinitionNode) {
  return (field.arguments ?? [])
    .filter((argument) => PAGE_ARGUMENTS.has(argument.name.value))
    .map((argument) => ({ name: argument.name.value, value: numberValue(argument.value, variables, operation) }));
}

/**
 * Refuses any page argument above the limit anywhere in the operation (through its fragments),
 * before the subgraphs see it, whether written in the query or passed as a variable.
 */
export function checkPageSizes(operation: OperationDefinitionNode, fragments: Fragments, variables: Variables, limit: number) {
  const seen = new Set<string>();
  const stack = [operation.selectionSet];
  while (stack.length > 0) {
    const selectionSet = stack.pop();
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          stack.push(fragment.selectionSet);
        }
        continue;
      }
      if (selection.kind === Kind.FIELD) {
        for (const { name, value } of pageArguments(selection, variables, operation)) {
          if (value !== undefined && value > limit) {
            const field = selection.name.value;
            return limitError(
              'PAGE_TOO_LARGE',
              `Page too large: ${field}(${name}) asks for ${value} items; the limit is ${limit} (MAX_PAGE_SIZE)`,
              { limit, actual: value, setting: 'MAX_PAGE_SIZE', extensions: { field, argument: name } },
            );
          }
        }
      }
      if (selection.selectionSet) stack.push(selection.selectionSet);
    }
  }
  return undefined;
}
