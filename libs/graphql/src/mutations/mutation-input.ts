import { Allow } from 'class-validator';
import { Field, ID, InputType } from '@nestjs/graphql';

/** A mixin's base: TypeScript wants exactly this constructor signature for a class a function extends. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InputBase = abstract new (...args: any[]) => object;

/**
 * Adds the client's own id for the call (Relay's convention), echoed back in the payload. A mixin, so
 * that a mutation whose input already exists as a class (ExceptionRequestInput, OwnerInput, ...)
 * gains the field without copying it.
 */
export function withClientMutationId<B extends InputBase>(Base: B) {
  @InputType({ isAbstract: true })
  abstract class WithClientMutationId extends Base {
    @Field(() => String, {
      nullable: true,
      description:
        'Any string the client chooses to match this call with its result; returned as is in the payload. It does not make the call idempotent: see idempotencyKey.',
    })
    @Allow()
    clientMutationId?: string | null;
  }
  return WithClientMutationId;
}

/** Adds clientMutationId and the key that makes a retry of a mutation that creates something return the first result. */
export function withIdempotencyKey<B extends InputBase>(Base: B) {
  @InputType({ isAbstract: true })
  abstract class WithIdempotencyKey extends withClientMutationId(Base) {
    @Field(() => ID, {
      nullable: true,
      description:
        'Makes the call safe to retry: a repeat with the same key and input, by the same viewer, within 24 hours returns the first result and creates nothing. The same key with another input is refused (CONFLICT on ["idempotencyKey"]). Up to 200 characters; a UUID is a good choice.',
    })
    @Allow()
    idempotencyKey?: string | null;
  }
  return WithIdempotencyKey;
}

abstract class NoFields {}

/** Fields every mutation's input has. */
@InputType({ isAbstract: true })
export abstract class MutationInput extends withClientMutationId(NoFields) {}

/** Inputs of mutations that create something. */
@InputType({ isAbstract: true })
export abstract class CreateMutationInput extends withIdempotencyKey(NoFields) {}

/** What a mutation's input asks for, without the fields about the call itself: what an idempotency key is checked against. */
export function mutationArguments<T extends { clientMutationId?: unknown; idempotencyKey?: unknown }>(
  input: T,
): Omit<T, 'clientMutationId' | 'idempotencyKey'> {
  const { clientMutationId: _client, idempotencyKey: _key, ...rest } = input;
  return rest;
}
