import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { camelName, dataTypeName, declaration, definitionsResolver, GENERATED_NOTICE, renderDefinitions } from './definitions';
import type { Schema } from './schema-to-typescript';

export const CONTRACTS_ROOT = path.resolve(__dirname, '../../..');
export const EVENTS_DIR = path.join(CONTRACTS_ROOT, 'src/events');

export function readJson(file: string): Schema {
  return JSON.parse(readFileSync(file, 'utf8')) as Schema;
}

export function readDefinitions(): Schema {
  return readJson(path.join(CONTRACTS_ROOT, 'schemas/definitions.schema.json'));
}

/** The event types: one folder each under src/events, named by the type. */
export function eventFolders(): string[] {
  return readdirSync(EVENTS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The TypeScript of one event's data, from its schema, importing the named definitions it uses. */
export function renderDataType(eventType: string, schema: Schema, definitions: Schema, definitionsModule: string): string {
  const used = new Set<string>();
  const body = declaration(dataTypeName(eventType), schema, definitionsResolver(definitions, used));
  const imports = used.size ? [`import type { ${[...used].sort().join(', ')} } from '${definitionsModule}';`, ''] : [];
  return [GENERATED_NOTICE, ...imports, body, ''].join('\n');
}

function renderIndex(types: string[]): string {
  const lines = [GENERATED_NOTICE, "import type { EventMetadata } from './event-metadata';"];
  for (const type of types) {
    const name = camelName(type);
    lines.push(
      `import { event as ${name} } from './${type}/event';`,
      `import ${name}Schema from './${type}/schema.json';`,
      `import type { ${dataTypeName(type)} } from './${type}/data';`,
    );
  }
  lines.push('', "export * from './definitions';");
  lines.push(...types.map((type) => `export type { ${dataTypeName(type)} } from './${type}/data';`));
  lines.push('', '/** Event type -> data shape. Adding an event is adding its folder (schema.json, event.ts) and regenerating. */');
  lines.push('export interface EventDataByType {', ...types.map((type) => `  '${type}': ${dataTypeName(type)};`), '}');
  lines.push('', 'export type EventType = keyof EventDataByType;', '');
  lines.push('/** Each event folder: its metadata and its schema. */');
  lines.push(
    'export const EVENT_FOLDERS: Readonly<Record<EventType, EventMetadata & { schema: { $id: string } & Record<string, unknown> }>> = {',
  );
  lines.push(...types.map((type) => `  '${type}': { ...${camelName(type)}, schema: ${camelName(type)}Schema },`), '};', '');
  return lines.join('\n');
}

/** Every file generated in libs/contracts, by absolute path. */
export function contractsFiles(): Map<string, string> {
  const definitions = readDefinitions();
  const types = eventFolders();
  const files = new Map<string, string>();
  files.set(path.join(EVENTS_DIR, 'definitions.ts'), `${GENERATED_NOTICE}\n\n${renderDefinitions(definitions)}\n`);
  for (const type of types) {
    const schema = readJson(path.join(EVENTS_DIR, type, 'schema.json'));
    files.set(path.join(EVENTS_DIR, type, 'data.ts'), renderDataType(type, schema, definitions, '../definitions'));
  }
  files.set(path.join(EVENTS_DIR, 'index.ts'), renderIndex(types));
  return files;
}
