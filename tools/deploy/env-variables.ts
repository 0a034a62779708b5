import type { z } from '@nhi/config';

/** One variable of a config schema, as a deployment sees it: its name and what happens when it is unset. */
export interface EnvVariable {
  name: string;
  /** The text the schema falls back to when the variable is unset; undefined when there is none. */
  fallback: string | undefined;
  /** Unset and no fallback: the app refuses to start. */
  required: boolean;
}

interface SchemaDefinition {
  type: string;
  defaultValue?: unknown;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

function definitionOf(schema: z.ZodType): SchemaDefinition {
  return (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
}

/**
 * Reads what an unset variable gives from the schema itself: the input default
 * (before any transform, so a list stays "a,b" and a boolean "false"), or
 * optional, or required. Transforms and refinements sit in pipes around the
 * default; optional wraps it.
 */
export function envVariable(name: string, schema: z.ZodType): EnvVariable {
  let current: z.ZodType | undefined = schema;
  let optional = false;
  while (current) {
    const definition = definitionOf(current);
    if (definition.type === 'default' || definition.type === 'prefault') {
      return { name, fallback: fallbackText(definition.defaultValue), required: false };
    }
    if (definition.type === 'optional') optional = true;
    current = definition.type === 'pipe' ? definition.in : definition.innerType;
  }
  return { name, fallback: undefined, required: !optional };
}

function fallbackText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`a default of type ${typeof value} has no environment form`);
}

/** Every variable of a shape, in the shape's order. */
export function envVariables(shape: z.ZodRawShape): EnvVariable[] {
  return Object.entries(shape).map(([name, schema]) => envVariable(name, schema as z.ZodType));
}
