import { DocumentNode, FieldNode, GraphQLError, GraphQLFormattedError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/** Why a subgraph call failed, as a client reads it: the subgraph is named, its address and the cause are not. */
export interface SubgraphFailure {
  message: string;
  extensions: Record<string, unknown>;
}

/**
 * The outage a failed call stands for, or null when the subgraph did answer and refused (HTTP 4xx: the
 * actor header, the request), which is not an outage and stays the top-level error it was.
 */
export function failureOf(error: unknown, subgraph: string): SubgraphFailure | null {
  const status = error instanceof GraphQLError ? (error.extensions['response'] as { status?: unknown } | undefined)?.status : undefined;
  if (typeof status === 'number' && status < 500) return null;
  // A failure the data source already worded for clients (a timeout) keeps its words and code.
  if (error instanceof GraphQLError && typeof error.extensions['code'] === 'string') {
    return { message: error.message, extensions: { ...error.extensions } };
  }
  return {
    message: `Subgraph ${subgraph} is unavailable; the fields it adds are null in this answer`,
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph },
  };
}

/**
 * The errors of a subgraph call that got no answer, one per field the call would have filled, each with the
 * path of that field in the subgraph's own response. The gateway rewrites such paths to the client's
 * (for `_entities.<i>` it finds the i-th entity), so each field left null carries a located error, as the
 * GraphQL spec asks, instead of one error that locates nothing.
 */
export function locatedErrors(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  failure: SubgraphFailure,
): GraphQLFormattedError[] {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) return [{ ...failure }];
  const errors: GraphQLFormattedError[] = [];
  for (const root of fieldsOf(operation.selectionSet)) {
    const rootKey = responseKey(root);
    if (root.name.value !== '_entities') {
      errors.push({ ...failure, path: [rootKey] });
      continue;
    }
    const representations = variables?.['representations'];
    const count = Array.isArray(representations) ? representations.length : 0;
    const keys = [...new Set(fieldsOf(root.selectionSet).map(responseKey))].filter((key) => key !== '__typename');
    for (let index = 0; index < count; index += 1) for (const key of keys) errors.push({ ...failure, path: [rootKey, index, key] });
  }
  return errors.length > 0 ? errors : [{ ...failure }];
}

/** The fields of a selection set, looking through inline fragments (`... on NonHumanIdentity { }`), as fetches use. */
function fieldsOf(selectionSet: SelectionSetNode | undefined): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet);
    return [];
  });
}

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}
