import { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { SubgraphSchema, subgraphGraphQLModule } from './subgraph-graphql.module';

/**
 * Builds a subgraph's schema from its resolvers alone (their collaborators are
 * replaced by empty stand-ins, as only the decorators matter) and prints the
 * Federation 2 SDL that the gateway's supergraph is composed from.
 */
export async function printSubgraphSdl(schema: SubgraphSchema): Promise<string> {
  // Loaded here, not at the top: @nestjs/testing is a development tool and services never need it.
  const { Test } = await import('@nestjs/testing');
  const moduleRef = await Test.createTestingModule({
    imports: [subgraphGraphQLModule({ production: false, orphanedTypes: schema.orphanedTypes })],
    providers: schema.resolvers,
  })
    .useMocker(() => ({}))
    .compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  await app.init();
  try {
    return `${printSubgraphSchema(app.get(GraphQLSchemaHost).schema).trim()}\n`;
  } finally {
    await app.close();
  }
}
