import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * JSON as itself, where a document travels whose shape the schema does not fix (an audit record's
 * arguments): clients read an object, not a string to parse again. Output only in practice; as an input it
 * takes any JSON value.
 */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: an object, an array, a string, a number, a boolean or null, as it is (not as a string).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
