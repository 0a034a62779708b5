import { buildSchema, DocumentNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { fragmentsOf } from './operation-walk';

/** A small schema shaped like the supergraph's: a connection, plain lists and a list with a page argument. */
export const testSchema = buildSchema(`
  type Query {
    identity(id: ID!): Identity
    identities(first: Int = 50, after: String): IdentityConnection!
    orphans(first: Int, last: Int): IdentityConnection!
    policies: [Policy!]!
    summary: Summary!
  }
  type Mutation { rotate(id: ID!): Identity }
  type Summary { total: Int! byKind: [KeyCount!]! }
  type KeyCount { key: String! count: Int! }
  type IdentityConnection { totalCount: Int! edges: [IdentityEdge!]! pageInfo: PageInfo! }
  type IdentityEdge { cursor: String! node: Identity! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Identity { id: ID! name: String! scopes: [String!]! tags: [Tag!]! lifecycle: Lifecycle owner: Owner }
  type Tag { key: String! value: String! }
  type Owner { name: String! parent: Owner }
  type Lifecycle { state: String! rotations(first: Int! = 10): [Rotation!]! policy: Policy }
  type Rotation { id: ID! status: String! }
  type Policy { name: String! maxAgeDays: Int! }
`);

export function operation(source: string): {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: ReturnType<typeof fragmentsOf>;
} {
  const document = parse(source);
  const found = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!found) throw new Error('no operation in the test document');
  return { document, operation: found, fragments: fragmentsOf(document) };
}
