const { readFileSync } = require('fs');
const { builtinModules } = require('module');
const { join } = require('path');

const WORKSPACE_ROOT = join(__dirname, '../..');
const root = readJson(join(WORKSPACE_ROOT, 'package.json'));

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** "csv-parse/sync" -> "csv-parse", "@nestjs/core/x" -> "@nestjs/core". */
function packageOf(request) {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Packages the bundle's code requires: webpack's externals, Node's own modules left out. */
function externalPackages(compilation, webpack) {
  const found = new Set();
  for (const module of compilation.modules) {
    if (!(module instanceof webpack.ExternalModule) || typeof module.request !== 'string') continue;
    if (module.request.startsWith('node:') || builtinModules.includes(module.request)) continue;
    found.add(packageOf(module.request));
  }
  return found;
}

/** A package's required peers (npm installs them too, so the bundle's list must pin them). */
function requiredPeers(name) {
  const manifest = readJson(join(WORKSPACE_ROOT, 'node_modules', name, 'package.json'));
  const optional = manifest.peerDependenciesMeta ?? {};
  return Object.keys(manifest.peerDependencies ?? {}).filter((peer) => !optional[peer]?.optional);
}

/**
 * Of the dependencies Nx lists (every package any lib of the app imports),
 * those the bundle needs: what its code requires, what libraries load by name,
 * and their required peers. A package only a dev tool reaches (print-sdl's
 * @nestjs/testing) is a root devDependency, which Nx leaves out.
 */
function neededDependencies(listed, required) {
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name) || !listed[name]) return;
    needed.add(name);
    requiredPeers(name).forEach(visit);
  };
  required.forEach(visit);
  return Object.fromEntries(
    Object.entries(listed)
      .filter(([name]) => needed.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Root overrides such as { typeorm: { ioredis: "$ioredis" } } point at a root dependency: kept only where the bundle has it. */
function overridesFor(dependencies) {
  const kept = Object.entries(root.overrides ?? {}).filter(([, value]) =>
    (JSON.stringify(value).match(/"\$([^"]+)"/g) ?? []).every((ref) => dependencies[ref.slice(2, -1)]),
  );
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The root's decisions on install scripts, for the packages the bundle's lock file holds. */
function allowScriptsFor(lock) {
  const installed = new Set(Object.keys(lock.packages ?? {}).map((key) => key.replace(/^.*node_modules\//, '')));
  const kept = Object.entries(root.allowScripts ?? {}).filter(([name]) => installed.has(name));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * Rewrites the package.json and lock file Nx generates for a bundle, so the
 * folder is a deployable package on its own and no bigger than it needs: only
 * the dependencies the bundle loads, the Node version the code needs, `npm start`
 * and `npm run migrate`, the root's install-script decisions, and only the
 * overrides whose targets it installs. ADR 0029.
 */
class BundlePackageJsonPlugin {
  /** @param {{ migrates: boolean, loadedByName: string[] }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap('BundlePackageJsonPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'BundlePackageJsonPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const generated = compilation.getAsset('package.json');
          if (!generated) return;
          const listed = JSON.parse(generated.source.source().toString()).dependencies ?? {};
          const required = [...externalPackages(compilation, webpack), ...this.options.loadedByName];
          const dependencies = neededDependencies(listed, required);
          const manifest = {
            name: `nhi-${this.options.app}`,
            version: root.version,
            private: true,
            license: root.license,
            engines: root.engines,
            main: 'main.js',
            scripts: { start: 'node main.js', ...(this.options.migrates ? { migrate: 'node migrate.js' } : {}) },
            dependencies,
            overrides: overridesFor(dependencies),
          };
          const { createLockFile } = require('@nx/js');
          const { readCachedProjectGraph } = require('@nx/devkit');
          const lock = createLockFile(manifest, readCachedProjectGraph(), 'npm');
          manifest.allowScripts = allowScriptsFor(JSON.parse(lock));
          compilation.updateAsset('package.json', new webpack.sources.RawSource(`${JSON.stringify(manifest, null, 2)}\n`));
          compilation.updateAsset('package-lock.json', new webpack.sources.RawSource(lock));
        },
      );
    });
  }
}

module.exports = { BundlePackageJsonPlugin };
