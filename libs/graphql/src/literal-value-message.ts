import { Kind } from 'graphql';
import { NAME, TYPE_REF, withoutDidYouMean } from './input-error-grammar';
import { literalPlace } from './literal-path';
import { valueFreeDetail } from './value-free-detail';

const EXPECTED_LITERAL = new RegExp(`^Expected value of type "(${TYPE_REF})", found `);
const ARGUMENT = new RegExp(`^Argument "(${NAME})" has invalid value `);

/** Nodes an error about an inline value points at: the value itself, or the object field that is not defined. */
const VALUE_KINDS = new Set<string>([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

function pointsAtValue(error: unknown): boolean {
  const kind = (error as { nodes?: ReadonlyArray<{ kind: string }> } | undefined)?.nodes?.[0]?.kind;
  return kind !== undefined && VALUE_KINDS.has(kind);
}

function placed(error: unknown, detail: string): string {
  const place = literalPlace(error);
  return place ? `Argument "${place.argument}" has invalid value at "${place.path}"; ${detail}` : detail;
}

/**
 * Inline values (ValuesOfCorrectTypeRule, and execution's own check):
 * `Int cannot represent non-integer value: "abc"` or `Expected value of type "Int", found "abc"`
 * becomes `Argument "input" has invalid value at "input.count"; Int cannot represent non-integer value.`
 * The same scalar messages on their own (execution, subgraphs) keep their sentence up to the value.
 */
export function literalValueMessage(message: string, error: unknown): string | undefined {
  const argument = ARGUMENT.exec(message);
  if (argument) return `Argument "${argument[1]}" has invalid value.`;
  const expected = EXPECTED_LITERAL.exec(message);
  const detail = expected ? `Expected value of type "${expected[1]}".` : valueFreeDetail(withoutDidYouMean(message));
  if (detail === undefined) return undefined;
  return pointsAtValue(error) ? placed(error, detail) : detail;
}
