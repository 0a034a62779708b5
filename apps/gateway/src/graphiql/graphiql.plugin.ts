import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { graphiqlPage } from './graphiql-page';

/**
 * What a browser gets from a GET of the GraphQL path: GraphiQL in development,
 * nothing in production (no IDE, and introspection is off there too). Replaces
 * the retired GraphQL Playground and Nest's own GraphiQL, which loads from a CDN.
 */
export function graphqlIdePlugin(production: boolean): ApolloServerPlugin {
  if (production) return ApolloServerPluginLandingPageDisabled();
  const html = graphiqlPage();
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
