/**
 * A small JSON Schema (2020-12) to TypeScript translator for the subset the
 * event contracts use: objects, arrays, enums, const, anyOf/oneOf, type lists
 * and $refs into the shared definitions. Anything else fails loudly, so a new
 * keyword is a decision, never a silently wrong type.
 */
export type Schema = Record<string, unknown>;

/** How a `$ref` becomes a type: a name to use, or the referenced schema to inline. */
export type RefResolver = (ref: string) => { name: string } | { schema: Schema };

const PRIMITIVES: Record<string, string> = { string: 'string', number: 'number', integer: 'number', boolean: 'boolean', null: 'null' };

/** Keywords that only constrain values TypeScript cannot tell apart; they leave the type as it is. */
const VALUE_ONLY = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'maxProperties',
  'minProperties',
  'propertyNames',
  'examples',
  '$comment',
  'default',
]);

export function typeOf(schema: Schema, resolve: RefResolver, indent = ''): string {
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref);
    return 'name' in target ? target.name : typeOf(target.schema, resolve, indent);
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const members = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (members) return union(members.map((member) => typeOf(member, resolve, indent)));
  if (Array.isArray(schema.type)) return union(schema.type.map((type) => typeOf({ ...schema, type }, resolve, indent)));
  if (schema.type === 'object') return objectType(schema, resolve, indent);
  if (schema.type === 'array') return arrayType(schema, resolve, indent);
  if (typeof schema.type === 'string' && PRIMITIVES[schema.type]) return PRIMITIVES[schema.type];
  const unknownKeywords = Object.keys(schema).filter((key) => !VALUE_ONLY.has(key));
  if (unknownKeywords.length === 0) return 'unknown';
  throw new Error(`no TypeScript translation for the keywords ${unknownKeywords.join(', ')}`);
}

function union(types: string[]): string {
  return [...new Set(types)].join(' | ');
}

function arrayType(schema: Schema, resolve: RefResolver, indent: string): string {
  const item = schema.items ? typeOf(schema.items as Schema, resolve, indent) : 'unknown';
  return /[|&]/.test(item) && !item.startsWith('{') ? `Array<${item}>` : `${item}[]`;
}

function objectType(schema: Schema, resolve: RefResolver, indent: string): string {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const extra = schema.additionalProperties;
  const extraType = extra === false ? undefined : extra && typeof extra === 'object' ? typeOf(extra as Schema, resolve, indent) : 'unknown';
  if (Object.keys(properties).length === 0) return `Record<string, ${extraType ?? 'never'}>`;
  const inner = `${indent}  `;
  const lines = Object.entries(properties).flatMap(([key, property]) => [
    ...docComment(property, inner),
    `${inner}${key}${required.has(key) ? '' : '?'}: ${typeOf(property, resolve, inner)};`,
  ]);
  if (extraType) lines.push(`${inner}[key: string]: ${extraType};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The schema's description as a doc comment, so editors show the contract's words. */
export function docComment(schema: Schema, indent: string): string[] {
  const text = typeof schema.description === 'string' ? schema.description : undefined;
  return text ? [`${indent}/** ${text.replace(/\*\//g, '*\\/')} */`] : [];
}
