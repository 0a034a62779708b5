import { randomBytes } from 'node:crypto';
import {
  buildSchema,
  execute,
  graphql,
  GraphQLEnumType,
  GraphQLError,
  GraphQLScalarType,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  parse,
} from 'graphql';
import { valueFreeError } from './value-free-errors';

// Built at run time, so no token-shaped literal sits in the repository.
const SECRET = `ghp_${randomBytes(18).toString('hex')}`;

const schema = buildSchema(`
  enum Kind { SERVICE_ACCOUNT API_KEY }
  scalar DateTime
  input Row { name: String! count: Int kind: Kind id: ID ratio: Float active: Boolean at: DateTime }
  input Batch { source: String! rows: [Row!]! }
  type Query { ingest(input: Batch!): Int count(n: Int): Int kind(k: Kind): Int at(t: DateTime): Int leak: Int leakKind: Kind }
`);
// A custom scalar that, like many, quotes what it refuses.
const dateTime = schema.getType('DateTime') as GraphQLScalarType;
const refuse = (value: unknown): never => {
  throw new GraphQLError(`DateTime cannot represent an invalid date-time string: ${JSON.stringify(value)}`);
};
dateTime.parseValue = (value) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : refuse(value));
dateTime.parseLiteral = (node) => refuse('value' in node ? node.value : null);

const rootValue = { leak: () => SECRET, leakKind: () => SECRET };

/** The errors graphql-js itself produces for one request. */
async function errorsOf(source: string, variableValues?: Record<string, unknown>): Promise<readonly GraphQLError[]> {
  const result = await graphql({ schema, source, variableValues, rootValue });
  return result.errors ?? [];
}

const INGEST = 'query ($input: Batch!) { ingest(input: $input) }';
const row = (extra: Record<string, unknown>) => ({ input: { source: 's', rows: [{ name: 'n', ...extra }] } });

const VARIABLE_CASES: Array<[string, string, Record<string, unknown>, string]> = [
  [
    'an unknown input field',
    INGEST,
    row({ token: SECRET }),
    'Variable "$input" got invalid value at "input.rows[0]"; Field "token" is not defined by type "Row".',
  ],
  [
    'an unknown field named by the secret',
    INGEST,
    row({ [SECRET]: 1 }),
    'Variable "$input" got invalid value at "input.rows[0]"; A field that type "Row" does not define was sent.',
  ],
  [
    'a string for an Int',
    INGEST,
    row({ count: SECRET }),
    'Variable "$input" got invalid value at "input.rows[0].count"; Int cannot represent non-integer value.',
  ],
  [
    'an object for a String',
    INGEST,
    row({ name: { token: SECRET } }),
    'Variable "$input" got invalid value at "input.rows[0].name"; String cannot represent a non string value.',
  ],
  [
    'a bad enum value',
    INGEST,
    row({ kind: SECRET }),
    'Variable "$input" got invalid value at "input.rows[0].kind"; Value does not exist in "Kind" enum.',
  ],
  [
    'an object for an ID',
    INGEST,
    row({ id: { token: SECRET } }),
    'Variable "$input" got invalid value at "input.rows[0].id"; ID cannot represent value.',
  ],
  [
    'a string for a Float',
    INGEST,
    row({ ratio: SECRET }),
    'Variable "$input" got invalid value at "input.rows[0].ratio"; Float cannot represent non numeric value.',
  ],
  [
    'a string for a Boolean',
    INGEST,
    row({ active: SECRET }),
    'Variable "$input" got invalid value at "input.rows[0].active"; Boolean cannot represent a non boolean value.',
  ],
  [
    'a custom scalar refusing',
    INGEST,
    row({ at: SECRET }),
    'Variable "$input" got invalid value at "input.rows[0].at"; Expected type "DateTime".',
  ],
  [
    'a string for an input object',
    INGEST,
    { input: { source: 's', rows: [SECRET] } },
    'Variable "$input" got invalid value at "input.rows[0]"; Expected an object of type "Row".',
  ],
  [
    'a missing required field',
    INGEST,
    { input: { rows: [], note: SECRET } },
    'Variable "$input" got invalid value; Field "source" of required type "String!" was not provided.',
  ],
  [
    'a top-level variable',
    'query ($n: Int) { count(n: $n) }',
    { n: SECRET },
    'Variable "$n" got invalid value; Int cannot represent non-integer value.',
  ],
  [
    'a value that mimics a template',
    'query ($n: Int) { count(n: $n) }',
    { n: `x"; Expected type "${SECRET}". ` },
    'Variable "$n" got invalid value; Int cannot represent non-integer value.',
  ],
];

const LITERAL_CASES: Array<[string, string, string]> = [
  ['a string for an Int', `{ count(n: "${SECRET}") }`, 'Argument "n" has invalid value at "n"; Int cannot represent non-integer value.'],
  [
    'a nested string for an Int',
    `{ ingest(input: { source: "s", rows: [{ name: "a" }, { name: "n", count: "${SECRET}" }] }) }`,
    'Argument "input" has invalid value at "input.rows[1].count"; Int cannot represent non-integer value.',
  ],
  ['an unknown enum name', `{ kind(k: ${SECRET}) }`, 'Argument "k" has invalid value at "k"; Value does not exist in "Kind" enum.'],
  [
    'a string for an enum',
    `{ kind(k: "${SECRET}") }`,
    'Argument "k" has invalid value at "k"; Enum "Kind" cannot represent non-enum value.',
  ],
  [
    'a custom scalar refusing',
    `{ at(t: "${SECRET}") }`, // graphql-js reports a scalar's own GraphQLError as it is, without the node: no place to name.
    'Expected type "DateTime".',
  ],
  [
    'an unknown field',
    `{ ingest(input: { source: "s", rows: [], token: "${SECRET}" }) }`,
    'Argument "input" has invalid value at "input.token"; Field "token" is not defined by type "Batch".',
  ],
  [
    'a string for an input object',
    `{ ingest(input: "${SECRET}") }`,
    'Argument "input" has invalid value at "input"; Expected value of type "Batch!".',
  ],
  ['a syntax error at a name', `{ count(n: 1) } ${SECRET}`, 'Syntax Error: Unexpected Name.'],
];

function clean(error: GraphQLError) {
  return valueFreeError(error.toJSON(), error);
}

describe('errors about inputs never repeat the value', () => {
  it.each(VARIABLE_CASES)('variables: %s', async (_name, source, variables, expected) => {
    const [error] = await errorsOf(source, variables);
    expect(error?.message).toBeDefined();
    const formatted = clean(error as GraphQLError);
    expect(JSON.stringify(formatted)).not.toContain(SECRET);
    expect(formatted.message).toBe(expected);
  });

  it.each(LITERAL_CASES)('inline literals: %s', async (_name, source, expected) => {
    const [error] = await errorsOf(source);
    const formatted = clean(error as GraphQLError);
    expect(error?.message).toContain(source.includes('token:') ? 'token' : SECRET);
    expect(JSON.stringify(formatted)).not.toContain(SECRET);
    expect(formatted.message).toBe(expected);
  });

  it('does not name an unknown inline field that may be a pasted token', async () => {
    const [error] = await errorsOf(`{ ingest(input: { source: "s", rows: [], ${SECRET}: 1 }) }`);
    expect(error?.message).toContain(SECRET);
    expect(clean(error as GraphQLError).message).toBe(
      'Argument "input" has invalid value at "input"; A field that type "Batch" does not define was sent.',
    );
  });

  it('drops the enum suggestions built from what the client sent', async () => {
    const [error] = await errorsOf('{ kind(k: "API_KEYS") }');
    expect(error?.message).toMatch(/Did you mean/);
    expect(clean(error as GraphQLError).message).toBe(
      'Argument "k" has invalid value at "k"; Enum "Kind" cannot represent non-enum value.',
    );
  });

  it('rewrites the argument check execution makes when validation was skipped', async () => {
    const result = await execute({ schema, document: parse(`{ count(n: "${SECRET}") }`) });
    const [error] = result.errors ?? [];
    expect(error?.message).toContain(SECRET);
    expect(clean(error as GraphQLError).message).toBe('Argument "n" has invalid value.');
  });

  it('rewrites output coercion errors, which quote what a resolver returned', async () => {
    const errors = await errorsOf('{ leak leakKind }');
    expect(errors.map((error) => error.message).join()).toContain(SECRET);
    expect(errors.map((error) => clean(error).message)).toEqual([
      'Int cannot represent non-integer value.',
      'Enum "Kind" cannot represent value.',
    ]);
  });

  const kind = schema.getType('Kind') as GraphQLEnumType;
  it.each([
    ['Int', () => GraphQLInt.parseValue(SECRET), 'Int cannot represent non-integer value.'],
    ['Int range', () => GraphQLInt.parseValue(2 ** 40), 'Int cannot represent non 32-bit signed integer value.'],
    ['Float', () => GraphQLFloat.parseValue(SECRET), 'Float cannot represent non numeric value.'],
    ['String', () => GraphQLString.parseValue({ token: SECRET }), 'String cannot represent a non string value.'],
    ['Boolean', () => GraphQLBoolean.parseValue(SECRET), 'Boolean cannot represent a non boolean value.'],
    ['ID', () => GraphQLID.parseValue({ token: SECRET }), 'ID cannot represent value.'],
    ['enum (unknown name)', () => kind.parseValue(SECRET), 'Value does not exist in "Kind" enum.'],
    ['enum (not a string)', () => kind.parseValue({ token: SECRET }), 'Enum "Kind" cannot represent non-string value.'],
  ])('scalar messages on their own: %s', (_name, coerce, expected) => {
    let thrown: unknown;
    try {
      coerce();
    } catch (error) {
      thrown = error;
    }
    const error = thrown as GraphQLError;
    expect(error.message).toMatch(new RegExp(`${SECRET}|${2 ** 40}`));
    expect(valueFreeError({ message: error.message, path: ['f'] }, error).message).toBe(expected);
  });
});

describe('what the sanitiser leaves and removes', () => {
  it('keeps the platform own errors and the names in validation errors as they are', async () => {
    const own = { message: 'Forbidden: alice may not', path: ['x'], extensions: { code: 'FORBIDDEN' } };
    expect(valueFreeError(own)).toBe(own);
    const [error] = await errorsOf('{ cont }');
    expect(clean(error as GraphQLError).message).toBe(error?.message);
  });

  it('replaces quoted and JSON fragments of an input error that matches no template', () => {
    const formatted = { message: `Variable "$x" is odd: "${SECRET}" and { a: "b" }.`, extensions: { code: 'BAD_USER_INPUT' } };
    expect(valueFreeError(formatted).message).toBe('Variable "$x" is odd: "…" and ….');
  });

  it('drops extensions that copy the input and the stack trace of a rewritten message', async () => {
    const [error] = await errorsOf('query ($n: Int) { count(n: $n) }', { n: SECRET });
    const formatted = {
      ...(error as GraphQLError).toJSON(),
      extensions: {
        code: 'BAD_USER_INPUT',
        stacktrace: [`GraphQLError: ${error?.message}`],
        exception: { value: SECRET },
        originalError: { message: SECRET },
      },
    };
    expect(valueFreeError(formatted, error).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
