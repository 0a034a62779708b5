const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { existsSync } = require('fs');
const { join } = require('path');
const { BundlePackageJsonPlugin } = require('./deploy/bundle-package-json');

/**
 * Packages the bundle loads although no import names them: libraries find
 * them by name at run time (NestJS's loadPackage, TypeORM's driver lookup), so
 * Nx's generated package.json would leave them out. The bundle test
 * (tools/deploy) installs each bundle alone and starts it, which is how a
 * missing one shows. ADR 0029.
 */
const LOADED_BY_NAME = ['@nestjs/platform-express', '@as-integrations/express5', 'class-transformer'];

/**
 * The deployable bundle of one app: one Node file per entry (main.js, and
 * migrate.js for a service with a database) with dependencies left in
 * node_modules, a package.json and lock file that list them for the image, and
 * the app's .env.example. `assets` in `extra` add to the .env.example.
 */
module.exports = function appWebpackConfig(appDir, app, { assets = [], ...extra } = {}) {
  const migrates = existsSync(join(appDir, 'src/migrate.ts'));
  return {
    output: { path: join(appDir, '../../dist/apps', app) },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        additionalEntryPoints: migrates ? [{ entryName: 'migrate', entryPath: './src/migrate.ts' }] : [],
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        // Paths, not names: Nx resolves <name>/package.json, which a package's "exports" may not allow.
        runtimeDependencies: LOADED_BY_NAME.map((name) => join(__dirname, '../node_modules', name)),
        // The typecheck target checks every project; a second check here only doubled the build's time.
        skipTypeChecking: true,
        assets: [{ input: `apps/${app}`, glob: '.env.example', output: '.' }, ...assets],
        ...extra,
      }),
      new BundlePackageJsonPlugin({ app, migrates, loadedByName: LOADED_BY_NAME }),
    ],
  };
};
