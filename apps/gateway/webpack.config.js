module.exports = require('../../tools/webpack-app.config')(__dirname, 'gateway', {
  assets: [{ input: 'apps/gateway', glob: 'supergraph.graphql', output: '.' }],
});
