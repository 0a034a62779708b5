import { NAME } from './input-error-grammar';

/**
 * Scalar and enum coercion messages end with the value (`Int cannot represent
 * non-integer value: "abc"`, `Value "X" does not exist in "E" enum.`). They
 * come as the detail of a variable error, for inline values, on their own
 * from execution and from subgraphs. The sentence is kept up to the value.
 */
const BUILT_IN = new RegExp(`^((?:Enum "${NAME}"|${NAME}) cannot represent [a-z0-9 -]*value)(?:[:.]|$)`);
const ENUM_VALUE = new RegExp(`^Value [\\s\\S]* does not exist in "(${NAME})" enum\\.(?: Did you mean [\\s\\S]*)?$`);
/** A custom scalar (DateTime ...) words its refusal as it likes; only its name is kept. */
const CUSTOM = new RegExp(`^(${NAME}) cannot represent `);

export function scalarValueMessage(message: string): string | undefined {
  const builtIn = BUILT_IN.exec(message);
  if (builtIn) return `${builtIn[1]}.`;
  const enumValue = ENUM_VALUE.exec(message);
  if (enumValue) return `Value does not exist in "${enumValue[1]}" enum.`;
  const custom = CUSTOM.exec(message);
  if (custom) return `Expected type "${custom[1]}".`;
  return undefined;
}

export function startsWithScalarMessage(text: string): boolean {
  return BUILT_IN.test(text) || CUSTOM.test(text) || new RegExp(`^Value [\\s\\S]* does not exist in "${NAME}" enum\\.`).test(text);
}
