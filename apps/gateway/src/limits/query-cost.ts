import {
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { Fragments, isIntrospection } from './operation-walk';
import { PAGE_ARGUMENTS, pageArguments, Variables } from './page-size';
import { limitError } from './limit-error';
import type { ListSize, ListSizes } from './list-sizes';

export interface CostOptions {
  /** Items a paged field returns when the request names no page size and the schema has no default. */
  defaultPageSize: number;
  /** Items a list field without a page argument or a @listSize is assumed to hold. */
  listSize: number;
  /** The subgraphs' @listSize of each list field, from the supergraph (list-sizes.ts). */
  listSizes?: ListSizes;
}

/**
 * A static cost: every field costs 1, and what is selected under a list costs once per item.
 * A list's item count is its first/last/limit argument (or the argument's default, or the
 * default page size); a connection's page size multiplies its edges/nodes lists; any other
 * list counts as its @listSize's assumedSize, or `listSize` items without one. Introspection is free.
 */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Variables,
  options: CostOptions,
): number {
  const memo = new Map<string, number>();

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined, inheritedPage: number | undefined): number => {
    if (isIntrospection(field.name.value)) return 0;
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
    if (!definition) return 1 + (field.selectionSet ? selectionCost(field.selectionSet, undefined, undefined) : 0);
    const declared = parent ? options.listSizes?.get(`${parent.name}.${field.name.value}`) : undefined;
    const page = pageOf(field, definition, declared, variables, operation, options.defaultPageSize);
    const list = isListType(getNullableType(definition.type));
    const items = list ? (page ?? inheritedPage ?? declared?.assumedSize ?? options.listSize) : 1;
    const children = field.selectionSet ? selectionCost(field.selectionSet, getNamedType(definition.type), list ? undefined : page) : 0;
    return 1 + items * children;
  };

  const selectionCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    inheritedPage: number | undefined,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += fieldCost(selection, parent, inheritedPage);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, type ?? undefined, inheritedPage);
      } else {
        const key = `${selection.name.value}|${inheritedPage ?? ''}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          const fragment = fragments.get(selection.name.value);
          memo.set(key, 0);
          cost = fragment
            ? selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, inheritedPage)
            : 0;
          memo.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return selectionCost(operation.selectionSet, root, undefined);
}

/** The page size a list field asks for: the largest of its slicing arguments given (or defaulted), else the default page size. */
function pageOf(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  declared: ListSize | undefined,
  variables: Variables,
  operation: OperationDefinitionNode,
  defaultPageSize: number,
): number | undefined {
  const slicing = new Set(declared?.slicingArguments ?? PAGE_ARGUMENTS);
  const pageArgs = definition.args.filter((arg) => slicing.has(arg.name));
  if (pageArgs.length === 0) return undefined;
  const given = new Map(pageArguments(field, variables, operation).map(({ name, value }) => [name, value]));
  const sizes = pageArgs.map((arg) => {
    const value = given.get(arg.name) ?? arg.defaultValue;
    return typeof value === 'number' ? value : undefined;
  });
  const known = sizes.filter((size): size is number => size !== undefined);
  return known.length > 0 ? Math.max(...known) : defaultPageSize;
}

export function checkCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Variables,
  limit: number,
  options: CostOptions,
) {
  const cost = queryCost(schema, operation, fragments, variables, options);
  if (cost <= limit) return undefined;
  return limitError(
    'QUERY_TOO_COMPLEX',
    `Query too complex: its estimated cost is ${cost}; the limit is ${limit} (MAX_QUERY_COST). ` +
      'Each field costs 1 and what is selected under a list costs once per item: ask for smaller pages or fewer fields',
    { limit, actual: cost, setting: 'MAX_QUERY_COST' },
  );
}
