import { DirectiveNode, Kind, parse, valueFromASTUntyped } from 'graphql';

/** What a subgraph says of a list field with @listSize (Apollo's cost spec): how many items to assume, and which arguments slice it. */
export interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
}

/** "Type.field" to its @listSize, as composed into the supergraph. */
export type ListSizes = ReadonlyMap<string, ListSize>;

/**
 * The gateway's cost check runs on the API schema, which drops the
 * subgraphs' directives; the supergraph keeps @listSize, so it is read from
 * there once at start. Federation renames it when a subgraph imports it
 * under another name; both spellings are read.
 */
export function listSizesOf(supergraphSdl: string): ListSizes {
  const sizes = new Map<string, ListSize>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'listSize' || d.name.value === 'cost__listSize');
      if (directive) sizes.set(`${definition.name.value}.${field.name.value}`, listSizeOf(directive));
    }
  }
  return sizes;
}

function listSizeOf(directive: DirectiveNode): ListSize {
  const size: ListSize = {};
  for (const argument of directive.arguments ?? []) {
    const value: unknown = valueFromASTUntyped(argument.value);
    if (argument.name.value === 'assumedSize' && typeof value === 'number') size.assumedSize = value;
    if (argument.name.value === 'slicingArguments' && Array.isArray(value)) size.slicingArguments = value.map(String);
  }
  return size;
}
