// No tsconfig.app.json of its own: the type check is the typecheck target's, so the bundle only needs to transpile.
module.exports = require('../../tools/webpack-app.config')(__dirname, 'reference-integrator', { tsConfig: './tsconfig.json' });
