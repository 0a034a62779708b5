import { GraphQLError, parse } from 'graphql';
import { failureOf, locatedErrors } from './unavailable-subgraph';

const down = failureOf(new TypeError('fetch failed'), 'ownership') ?? { message: 'none', extensions: {} };

describe('locatedErrors', () => {
  it('gives each field of each entity an error at its _entities path, which the gateway maps to the client path', () => {
    const document = parse(`query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on NonHumanIdentity { __typename ownershipStatus owner { name } status: lastAttestation } }
    }`);

    const errors = locatedErrors(document, { representations: [{ id: 'a' }, { id: 'b' }] }, down);

    expect(errors.map((error) => error.path)).toEqual([
      ['_entities', 0, 'ownershipStatus'],
      ['_entities', 0, 'owner'],
      ['_entities', 0, 'status'],
      ['_entities', 1, 'ownershipStatus'],
      ['_entities', 1, 'owner'],
      ['_entities', 1, 'status'],
    ]);
  });

  it('locates a root fetch at its root fields', () => {
    const errors = locatedErrors(parse('{ owners { id } mine: orphanedIdentities { edges { cursor } } }'), undefined, down);

    expect(errors.map((error) => error.path)).toEqual([['owners'], ['mine']]);
  });

  it('names the subgraph but neither its address nor the cause', () => {
    expect(down).toEqual({
      message: 'Subgraph ownership is unavailable; the fields it adds are null in this answer',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'ownership' },
    });
  });

  it('treats an HTTP 5xx as an outage and leaves a 4xx refusal alone', () => {
    const answered = (status: number) => new GraphQLError(`${status}`, { extensions: { response: { status, body: 'x' } } });

    expect(failureOf(answered(503), 'ownership')).toEqual(down);
    expect(failureOf(answered(401), 'ownership')).toBeNull();
  });

  it('keeps the words and code of a failure already worded for clients, such as a timeout', () => {
    const timeout = new GraphQLError('Subgraph lifecycle did not answer within 300 ms', { extensions: { code: 'SUBGRAPH_TIMEOUT' } });

    expect(failureOf(timeout, 'lifecycle')).toEqual({ message: timeout.message, extensions: { code: 'SUBGRAPH_TIMEOUT' } });
  });
});
