const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

/**
 * The deployable bundle of one app: a single Node file with dependencies left
 * in node_modules, plus a package.json that lists them for the image.
 */
module.exports = function appWebpackConfig(appDir, app, extra = {}) {
  return {
    output: { path: join(appDir, '../../dist/apps', app) },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        ...extra,
      }),
    ],
  };
};
