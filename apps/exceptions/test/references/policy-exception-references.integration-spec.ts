import { randomUUID } from 'node:crypto';
import { exceptionsSpec } from '../support/exceptions-client';

/** PolicyException is an entity: lifecycle's suspensions name one by id, and the gateway asks exceptions for the rest. */
const spec = exceptionsSpec('exceptions-references');

describe('PolicyException references', () => {
  it('resolves many references in one call, with null for an exception it does not hold, and gives each identity as a reference', async () => {
    const { client } = spec;
    const [first, second] = [
      await client.requested({ identityId: await client.discovered() }),
      await client.requested({ identityId: await client.discovered() }),
    ];

    const result = await client.exceptions.query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
         ... on PolicyException { id status identityId identity { __typename id } } } }`,
      { r: [second, { id: randomUUID() }, first].map(({ id }) => ({ __typename: 'PolicyException', id })) },
    );

    expect(result.errors).toBeUndefined();
    const view = (exception: { id: string; identityId: string }) => ({
      id: exception.id,
      status: 'REQUESTED',
      identityId: exception.identityId,
      identity: { __typename: 'NonHumanIdentity', id: exception.identityId },
    });
    expect(result.data).toEqual({ _entities: [view(second), null, view(first)] });
  });
});
