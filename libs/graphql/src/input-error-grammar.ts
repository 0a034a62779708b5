/**
 * The pieces of graphql-js error messages that are safe to repeat: names
 * from the schema or the operation document, never a value a client sent.
 * Anything a rewritten message keeps must match one of these.
 */
export const NAME = '[_A-Za-z][_0-9A-Za-z]*';
/** A type reference as graphql-js prints it: `[String!]!` (schema text, so any length). */
export const TYPE_REF = '[[\\]!_0-9A-Za-z]+';

const SAFE_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,31}$/;

/**
 * An input field name a client made up (an unknown field) is its text, not
 * the schema's: it is repeated only when it looks like a field name. A name
 * longer than any field of the schema may be a token pasted in the wrong place.
 */
export function clientName(name: string): string | undefined {
  return SAFE_NAME.test(name) ? name : undefined;
}

const PUNCTUATORS = /^[!$&().:=@[\]{|}]{1,3}$/;

/**
 * A quoted fragment whose content is a name, `$name`, `Type.field`, a type
 * reference (`[Row!]!`) or a punctuator: safe to keep. Names are held to the
 * length of a schema's names, so a token (which is often name-shaped) is not.
 */
export function isSafeQuoted(content: string): boolean {
  if (PUNCTUATORS.test(content)) return true;
  const bare = content
    .replace(/^\$/, '')
    .replace(/^\[+/, '')
    .replace(/[\]!]+$/, '');
  const parts = bare.split('.');
  return parts.length <= 2 && parts.every((part) => clientName(part) !== undefined);
}

/** A double-quoted fragment, escapes included, as graphql-js prints strings (JSON.stringify). */
export const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/** graphql-js appends suggestions built from what the client sent; they are never repeated. */
export function withoutDidYouMean(message: string): string {
  return message.replace(/\s*Did you mean [\s\S]*$/, '');
}
