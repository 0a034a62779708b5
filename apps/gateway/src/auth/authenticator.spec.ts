import { GraphQLError } from 'graphql';
import { generateDevKeys, mintDevToken, verifyActorHeader } from '@nhi/auth';
import { loadGatewayConfig } from '../config';
import { ActorForwardingDataSource } from './actor-forwarding.data-source';
import { Authenticator } from './authenticator';

const keys = generateDevKeys();
const signingKey = 's'.repeat(32);
const config = loadGatewayConfig({ ACTOR_SIGNING_KEY: signingKey });

describe('Authenticator', () => {
  const authenticator = new Authenticator(config, keys.publicKeyPem);

  it('turns a valid bearer token into the actor', async () => {
    const token = await mintDevToken(keys.privateKeyPem, {
      sub: 'alice',
      roles: ['owner'],
      ownerRefs: ['team-a'],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });

    await expect(authenticator.authenticate(`Bearer ${token}`)).resolves.toMatchObject({
      sub: 'alice',
      roles: ['owner'],
      ownerRefs: ['team-a'],
    });
  });

  it('answers UNAUTHENTICATED with HTTP 401 and the reason', async () => {
    const error = await authenticator.authenticate(undefined).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    expect((error as GraphQLError).message).toBe('Unauthenticated: missing Authorization header: send "Authorization: Bearer <token>"');
  });
});

describe('ActorForwardingDataSource', () => {
  it('signs the actor into the header every subgraph checks', () => {
    const source = new ActorForwardingDataSource('http://127.0.0.1:4001/graphql', signingKey, 60);
    const headers = new Map<string, string>();
    const actor = { sub: 'alice', roles: ['viewer' as const], ownerRefs: [] };

    source.willSendRequest({ request: { http: { headers } }, context: { actor } } as never);

    expect(verifyActorHeader(headers.get('x-nhi-actor'), signingKey)).toMatchObject(actor);
  });
});
