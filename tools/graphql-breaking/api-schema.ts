import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

/**
 * The schema clients see: the supergraph without federation's own types and
 * directives (join__, link) and without @inaccessible elements, as the
 * gateway itself derives it. Moving a field between subgraphs is no change here.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
