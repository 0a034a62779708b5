import path from 'node:path';
import type { EventMetadata } from '../../events/event-metadata';
import { CONTRACTS_ROOT, EVENTS_DIR, readDefinitions, readJson } from './contracts-files';
import { dataTypeName, declaration, definitionsResolver, GENERATED_NOTICE, NAMED_DEFINITIONS } from './definitions';
import type { Schema } from './schema-to-typescript';

/** The events an integrator reads or writes: the SDK carries these and nothing else of the platform. */
export const SDK_EVENT_TYPES = [
  'nhi.rotation.requested',
  'nhi.rotation.completed',
  'nhi.rotation.failed',
  'nhi.revocation.requested',
  'nhi.revocation.completed',
  'nhi.revocation.failed',
  'nhi.integration.rejected',
] as const;

const SDK_GENERATED = path.resolve(CONTRACTS_ROOT, '../integrator-sdk/src/generated');

function metadataOf(type: string): EventMetadata {
  return (require(path.join(EVENTS_DIR, type, 'event')) as { event: EventMetadata }).event;
}

function renderTypes(definitions: Schema, schemas: Map<string, Schema>): string {
  const used = new Set<string>();
  const resolve = definitionsResolver(definitions, used);
  const events = [...schemas].map(([type, schema]) => declaration(dataTypeName(type), schema, resolve));
  const defs = definitions.$defs as Record<string, Schema>;
  const named = Object.entries(NAMED_DEFINITIONS)
    .filter(([, name]) => used.has(name))
    .map(([key, name]) => declaration(name, defs[key], resolve));
  const map = ['/** Event type -> data shape, for the events an integrator handles. */', 'export interface IntegratorEventData {'];
  map.push(...[...schemas.keys()].map((type) => `  '${type}': ${dataTypeName(type)};`), '}');
  return [GENERATED_NOTICE, ...named, ...events, map.join('\n')].join('\n\n') + '\n';
}

function renderSchemas(definitions: Schema, schemas: Map<string, Schema>): string {
  const received = readJson(path.join(CONTRACTS_ROOT, 'schemas/cloudevent-received.schema.json'));
  const catalogue = [...schemas].map(([type, schema]) => {
    const { topic } = metadataOf(type);
    return `  '${type}': { topic: '${topic}', schema: ${JSON.stringify(schema)} },`;
  });
  return [
    GENERATED_NOTICE,
    '// A copy of the platform contract (libs/contracts), so the SDK depends on nothing of the platform.',
    '',
    `export const DEFINITIONS_SCHEMA = ${JSON.stringify(definitions)};`,
    '',
    '/** CloudEvents 1.0 as the specification defines it: what the platform accepts. */',
    `export const CLOUDEVENT_SCHEMA = ${JSON.stringify(received)};`,
    '',
    '/** Each event an integrator handles: its topic and the JSON Schema of its data. */',
    'export const EVENT_CONTRACTS = {',
    ...catalogue,
    '} as const;',
    '',
  ].join('\n');
}

/** The SDK's generated files, by absolute path. */
export function sdkFiles(): Map<string, string> {
  const definitions = readDefinitions();
  const schemas = new Map<string, Schema>(SDK_EVENT_TYPES.map((type) => [type, readJson(path.join(EVENTS_DIR, type, 'schema.json'))]));
  return new Map([
    [path.join(SDK_GENERATED, 'event-data.ts'), renderTypes(definitions, schemas)],
    [path.join(SDK_GENERATED, 'schemas.ts'), renderSchemas(definitions, schemas)],
  ]);
}
