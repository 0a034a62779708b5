import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the browser fetches GraphiQL's files from: the gateway itself, never a CDN (the IDE must work offline). */
export const GRAPHIQL_ASSET_PATH = '/graphiql';

/** A file GraphiQL's page loads, as it ships in an npm package. */
interface PackagedAsset {
  packageName: string;
  file: string;
}

/**
 * The prebuilt browser bundles GraphiQL's page needs. GraphiQL 4 ships one
 * (a UMD file on React and ReactDOM globals); React 18 is the last React with
 * such bundles of its own. ADR 0032 says why not GraphiQL 5.
 */
export const GRAPHIQL_ASSETS: Readonly<Record<string, PackagedAsset>> = {
  'react.production.min.js': { packageName: 'react', file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { packageName: 'graphiql', file: 'graphiql.min.js' },
  'graphiql.min.css': { packageName: 'graphiql', file: 'graphiql.min.css' },
};

/**
 * The file on disk behind an asset name, or null for a name that is not one.
 * Resolved from the working directory at request time, not bundled: the IDE is a
 * development aid, and its packages are development dependencies.
 */
export function graphiqlAssetFile(name: string): string | null {
  const asset = Object.hasOwn(GRAPHIQL_ASSETS, name) ? GRAPHIQL_ASSETS[name] : undefined;
  if (!asset) return null;
  const fromWorkspace = createRequire(path.join(process.cwd(), 'package.json'));
  return path.join(packageRoot(fromWorkspace.resolve(asset.packageName), asset.packageName), asset.file);
}

/** The folder of a package, from any file inside it (not every package exports its package.json). */
function packageRoot(resolvedEntry: string, packageName: string): string {
  const marker = `${path.sep}node_modules${path.sep}${packageName.split('/').join(path.sep)}${path.sep}`;
  const at = resolvedEntry.lastIndexOf(marker);
  if (at < 0) throw new Error(`cannot find the folder of the ${packageName} package`);
  return resolvedEntry.slice(0, at + marker.length - 1);
}
