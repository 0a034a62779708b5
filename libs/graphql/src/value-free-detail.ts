import { clientName, NAME, TYPE_REF } from './input-error-grammar';
import { scalarValueMessage, startsWithScalarMessage } from './scalar-value-message';

type Rewrite = [RegExp, (match: RegExpExecArray) => string];

/**
 * What an input value was expected to be, rebuilt from graphql-js's own
 * detail messages (coerceInputValue, ValuesOfCorrectTypeRule) and scalars'
 * own. The parts kept are type and field names; what follows
 * `Expected type "T".` (older graphql-js) is the scalar's message, which
 * quotes the value, so it is dropped.
 */
const DETAILS: Rewrite[] = [
  [new RegExp(`^Expected type "(${NAME})" to be an object\\.$`), (m) => `Expected an object of type "${m[1]}".`],
  [new RegExp(`^Expected type "(${NAME})"\\.`), (m) => `Expected type "${m[1]}".`],
  [
    new RegExp(`^Field "(${NAME}(?:\\.${NAME})?)" of required type "(${TYPE_REF})" was not provided\\.$`),
    (m) => `Field "${m[1]}" of required type "${m[2]}" was not provided.`,
  ],
  [new RegExp(`^Field "([\\s\\S]*)" is not defined by type "(${NAME})"\\.`), (m) => unknownField(m[1] ?? '', m[2] ?? '')],
  [
    new RegExp(`^Expected non-nullable type "(${TYPE_REF})" not to be null\\.$`),
    (m) => `Expected non-nullable type "${m[1]}" not to be null.`,
  ],
  [new RegExp(`^Exactly one key must be specified for OneOf type "(${NAME})"\\.$`), (m) => m[0]],
  [new RegExp(`^OneOf Input Object "(${NAME})" must specify exactly one key\\.$`), (m) => m[0]],
  [new RegExp(`^Field "(${NAME}(?:\\.${NAME})?)" must be non-null\\.$`), (m) => m[0]],
];

function unknownField(field: string, type: string): string {
  const name = clientName(field);
  return name ? `Field "${name}" is not defined by type "${type}".` : `A field that type "${type}" does not define was sent.`;
}

/** The detail rewritten without the value, or undefined when it is none graphql-js writes. */
export function valueFreeDetail(detail: string): string | undefined {
  for (const [pattern, rewrite] of DETAILS) {
    const match = pattern.exec(detail);
    if (match) return rewrite(match);
  }
  return scalarValueMessage(detail);
}

/** Whether a message (or the rest of one) starts with a detail graphql-js writes: where a value it quoted ends. */
export function startsWithDetail(text: string): boolean {
  return DETAILS.some(([pattern]) => pattern.test(text)) || startsWithScalarMessage(text);
}
