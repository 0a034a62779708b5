import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLOutputType } from 'graphql';
import { firstValueFrom, isObservable, of } from 'rxjs';
import { ChecksOwnSecrets, FreeTextSecretsInterceptor } from './free-text-secrets.interceptor';

// A fake Stripe key in its real shape (libs/secrets/corpus); it is not and never was a credential.
const STRIPE = 'sk_live_FAKEcD2N6xGq6z1RKbE397MO';

class Resolvers {
  assignOwner(): string {
    return 'assigned';
  }
  identityOwnerAssign(): string {
    return 'assigned';
  }
  @ChecksOwnSecrets()
  ingestIdentities(): string {
    return 'ingested';
  }
}

const PAYLOAD = new GraphQLObjectType({
  name: 'IdentityOwnerPayload',
  fields: { userErrors: { type: new GraphQLNonNull(new GraphQLList(GraphQLString)) }, clientMutationId: { type: GraphQLString } },
});

function graphqlContext(
  parentType: string,
  handler: keyof Resolvers,
  args: Record<string, unknown>,
  returnType: GraphQLOutputType = GraphQLString,
): ExecutionContext {
  const list = [undefined, args, {}, { parentType: { name: parentType }, returnType }];
  return {
    getType: () => 'graphql',
    getArgs: () => list,
    getArgByIndex: (index: number) => list[index],
    getHandler: () => Resolvers.prototype[handler],
    getClass: () => Resolvers,
  } as unknown as ExecutionContext;
}

const next: CallHandler = { handle: () => of('resolved') };
const interceptor = new FreeTextSecretsInterceptor(new Reflector());

function refusal(context: ExecutionContext): GraphQLError | undefined {
  try {
    interceptor.intercept(context, next);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('FreeTextSecretsInterceptor', () => {
  it('refuses a mutation whose free text looks like a secret, naming the argument path and not the value', () => {
    const error = refusal(graphqlContext('Mutation', 'assignOwner', { identityId: 'x', reason: `see ${STRIPE}` }));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(error?.message).toMatch(/^reason looks like it contains secret material \(a Stripe/);
    expect(error?.message).not.toContain('FAKE');
  });

  it('answers a mutation of the payload form with the refusal as its userError, the path from inside input', async () => {
    const context = graphqlContext(
      'Mutation',
      'identityOwnerAssign',
      { input: { identityId: 'x', reason: `see ${STRIPE}`, clientMutationId: 'c-1' } },
      PAYLOAD,
    );
    const answer = interceptor.intercept(context, next);
    expect(isObservable(answer)).toBe(true);
    const payload = (await firstValueFrom(answer)) as { userErrors: Array<{ field: string[]; message: string; code: string }> };
    expect(payload).toMatchObject({ userErrors: [{ code: 'INVALID', field: ['reason'] }], clientMutationId: 'c-1' });
    expect(payload.userErrors[0]?.message).toMatch(/^reason looks like it contains secret material/);
    expect(payload.userErrors[0]?.message).not.toContain('FAKE');
  });

  it('does not echo a clientMutationId that is itself the secret', async () => {
    const context = graphqlContext('Mutation', 'identityOwnerAssign', { input: { identityId: 'x', clientMutationId: STRIPE } }, PAYLOAD);
    const payload = await firstValueFrom(interceptor.intercept(context, next));
    expect(payload).toMatchObject({ userErrors: [{ code: 'INVALID', field: ['clientMutationId'] }], clientMutationId: null });
  });

  it('lets ordinary mutations, queries and mutations that judge their own rows through', () => {
    expect(refusal(graphqlContext('Mutation', 'assignOwner', { identityId: 'x', reason: 'on call' }))).toBeUndefined();
    expect(refusal(graphqlContext('Query', 'assignOwner', { nameContains: STRIPE }))).toBeUndefined();
    expect(refusal(graphqlContext('Mutation', 'ingestIdentities', { input: { identities: [{ name: STRIPE }] } }))).toBeUndefined();
  });
});
