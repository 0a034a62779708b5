import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { of } from 'rxjs';
import { ChecksOwnSecrets, FreeTextSecretsInterceptor } from './free-text-secrets.interceptor';

// A fake Stripe key in its real shape (libs/secrets/corpus); it is not and never was a credential.
const STRIPE = 'sk_live_FAKEcD2N6xGq6z1RKbE397MO';

class Resolvers {
  assignOwner(): string {
    return 'assigned';
  }
  @ChecksOwnSecrets()
  ingestIdentities(): string {
    return 'ingested';
  }
}

function graphqlContext(parentType: string, handler: keyof Resolvers, args: Record<string, unknown>): ExecutionContext {
  const list = [undefined, args, {}, { parentType: { name: parentType } }];
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

  it('lets ordinary mutations, queries and mutations that judge their own rows through', () => {
    expect(refusal(graphqlContext('Mutation', 'assignOwner', { identityId: 'x', reason: 'on call' }))).toBeUndefined();
    expect(refusal(graphqlContext('Query', 'assignOwner', { nameContains: STRIPE }))).toBeUndefined();
    expect(refusal(graphqlContext('Mutation', 'ingestIdentities', { input: { identities: [{ name: STRIPE }] } }))).toBeUndefined();
  });
});
