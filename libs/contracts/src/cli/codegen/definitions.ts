import { docComment, typeOf, type RefResolver, type Schema } from './schema-to-typescript';

export const DEFINITIONS_ID = 'urn:nhi:schema:definitions:1';

/**
 * Shared definitions that get a TypeScript name of their own (the names the
 * apps already use). The others (ids, timestamps, fingerprints ...) are plain
 * strings and are inlined where they are used.
 */
export const NAMED_DEFINITIONS: Readonly<Record<string, string>> = {
  kind: 'NhiKind',
  environment: 'NhiEnvironment',
  privilegeLevel: 'PrivilegeLevel',
  findingCategory: 'FindingCategory',
  severity: 'Severity',
  identity: 'IdentitySnapshot',
  exceptionControl: 'ExceptionControlName',
};

export const GENERATED_NOTICE = '// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.';

/** Resolves refs into the definitions (from an event, `urn:…#/$defs/x`; inside them, `#/$defs/x`) and records the names used. */
export function definitionsResolver(definitions: Schema, used: Set<string>): RefResolver {
  const defs = definitions.$defs as Record<string, Schema>;
  return (ref) => {
    const match = /^(?:urn:nhi:schema:definitions:1)?#\/\$defs\/([A-Za-z]+)$/.exec(ref);
    const key = match?.[1];
    if (!key || !defs[key]) throw new Error(`unresolvable $ref ${ref}`);
    const name = NAMED_DEFINITIONS[key];
    if (name) {
      used.add(name);
      return { name };
    }
    return { schema: defs[key] };
  };
}

/** `export type`/`interface` declarations of the named definitions. */
export function renderDefinitions(definitions: Schema): string {
  const defs = definitions.$defs as Record<string, Schema>;
  const resolve = definitionsResolver(definitions, new Set());
  return Object.entries(NAMED_DEFINITIONS)
    .map(([key, name]) => declaration(name, defs[key], resolve))
    .join('\n\n');
}

export function declaration(name: string, schema: Schema, resolve: RefResolver): string {
  const body = typeOf(schema, resolve);
  const doc = docComment({ description: schema.description ?? schema.title }, '');
  const line = body.startsWith('{') ? `export interface ${name} ${body}` : `export type ${name} = ${body};`;
  return [...doc, line].join('\n');
}

/** `nhi.ownership.revocation-requested` -> `OwnershipRevocationRequestedData`. */
export function dataTypeName(eventType: string): string {
  return `${eventType
    .replace(/^nhi\./, '')
    .split(/[.-]/)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('')}Data`;
}

/** `nhi.ownership.revocation-requested` -> `ownershipRevocationRequested`. */
export function camelName(eventType: string): string {
  const pascal = dataTypeName(eventType).replace(/Data$/, '');
  return pascal[0].toLowerCase() + pascal.slice(1);
}
