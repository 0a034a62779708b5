import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../config';

export class CompositionError extends Error {
  override readonly name = 'CompositionError';
}

/**
 * Composes the supergraph from each subgraph's committed SDL file, never by
 * introspecting running services. The URLs written here are the defaults;
 * the gateway routes to the URLs in its configuration.
 */
export function composeSupergraph(workspaceRoot: string): string {
  const services = SUBGRAPHS.map(({ name, port }) => {
    const file = path.join(workspaceRoot, 'apps', name, 'schema.graphql');
    return { name, url: `http://127.0.0.1:${port}/graphql`, typeDefs: parse(readFileSync(file, 'utf8')) };
  });
  const result = composeServices(services);
  if (result.errors || !result.supergraphSdl) {
    throw new CompositionError(`supergraph composition failed:\n${(result.errors ?? []).map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
