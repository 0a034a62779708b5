// The supergraph goes where SUPERGRAPH_PATH's default finds it from the bundle's folder, as from the repository's.
module.exports = require('../../tools/webpack-app.config')(__dirname, 'gateway', {
  assets: [{ input: 'apps/gateway', glob: 'supergraph.graphql', output: 'apps/gateway' }],
});
