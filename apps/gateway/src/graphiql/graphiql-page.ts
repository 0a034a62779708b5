import { GRAPHIQL_ASSET_PATH } from './graphiql-assets';

/** What the editor opens with: how to authenticate, since the gateway answers nothing without a token. */
export const GRAPHIQL_DEFAULT_QUERY = `# GraphiQL on the local gateway (development only).
# Every request needs a token:
#   npm run token -- --sub alice --role security-admin
# Paste it in Headers below:
#   { "authorization": "Bearer <token>" }
# then reload the schema (the refresh button, lower left).

query Summary {
  governanceSummary {
    totalIdentities
  }
}
`;

/**
 * The script that mounts GraphiQL, served as a file rather than inline so a
 * strict Content-Security-Policy (script-src 'self') allows the page. The page
 * is served at the GraphQL path itself, so that is where queries go.
 */
export function graphiqlStartScript(): string {
  const props = {
    defaultQuery: GRAPHIQL_DEFAULT_QUERY,
    shouldPersistHeaders: true,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
  };
  return `'use strict';
(function () {
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + window.location.pathname });
  var props = Object.assign({ fetcher: fetcher }, ${JSON.stringify(props)});
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
`;
}

/** GraphiQL's page: every file it loads comes from the gateway. */
export function graphiqlPage(): string {
  const asset = (name: string) => `${GRAPHIQL_ASSET_PATH}/${name}`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>GraphiQL: NHI platform gateway</title>
    <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
    <link rel="stylesheet" href="${asset('graphiql.min.css')}" />
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL...</div>
    <script src="${asset('react.production.min.js')}"></script>
    <script src="${asset('react-dom.production.min.js')}"></script>
    <script src="${asset('graphiql.min.js')}"></script>
    <script src="${asset('start.js')}"></script>
  </body>
</html>
`;
}
