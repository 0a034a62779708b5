import type { Progress } from './progress';

export const SUPPORTED_NODE_MAJOR = 24;

/**
 * Refuses to go on under a Node.js the project does not support (ADR 0015). The project brings
 * Node 24 itself as the `node` package, first on the PATH of every npm script; a run on another
 * one was started around npm, or before `npm install`.
 */
export function requireSupportedNode(progress: Progress, version = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (major !== SUPPORTED_NODE_MAJOR) {
    throw new Error(
      `Node.js ${SUPPORTED_NODE_MAJOR} LTS is required, this is ${version}: run through npm (npm start, npm test, npm run …), ` +
        `which puts the project's Node ${SUPPORTED_NODE_MAJOR} first on the PATH once npm install has run`,
    );
  }
  progress(`node       ${version}`);
}
