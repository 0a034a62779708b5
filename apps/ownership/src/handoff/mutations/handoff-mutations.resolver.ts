import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import type { HandoffModel } from '../handoff.model';
import { HandoffService } from '../handoff.service';
import { HandoffAcceptInput, HandoffCreateInput, HandoffPayload, HandoffRejectInput } from './handoff-mutations.types';

/** The payload forms of the handoff workflow (issue 22): refusals a user can fix come back as userErrors. */
@Resolver()
export class HandoffMutationsResolver {
  constructor(
    private readonly handoffs: HandoffService,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @OwnerOrSecurityAdmin('hand off identities')
  @Mutation(() => HandoffPayload, {
    nullable: true,
    description:
      'Lists the identities to move (status REQUESTED); they move only when the receiving owner accepts. Identities already waiting in ' +
      'another handoff are refused (CONFLICT on ["input"]). Repeating the call with the same idempotencyKey returns the first handoff.',
  })
  handoffCreate(
    @Args('input', { description: 'The identities to move (by owner, system or both), to whom, and why.' }) input: HandoffCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<HandoffPayload> {
    return mutationPayload(input, async () => ({
      handoff: await this.idempotency.once<HandoffModel | null>(
        { operation: 'handoffCreate', actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        () => this.handoffs.request(input, actor),
        (handoff) => ({ id: handoff?.id }),
        (ref) => this.handoffs.handoff(String(ref['id'])),
      ),
    })) as Promise<HandoffPayload>;
  }

  @OwnerOrSecurityAdmin('accept a handoff')
  @Mutation(() => HandoffPayload, {
    nullable: true,
    description:
      'The receiving owner (or a security-admin) takes the listed identities; those that changed hands since the request stay where they are. ' +
      'A handoff already decided, or whose receiver has left since, is refused (CONFLICT on ["id"]).',
  })
  handoffAccept(
    @Args('input', { description: 'The handoff to accept.' }) input: HandoffAcceptInput,
    @CurrentActor() actor: Actor,
  ): Promise<HandoffPayload> {
    return mutationPayload(input, async () => ({ handoff: await this.handoffs.accept(input.id, actor) })) as Promise<HandoffPayload>;
  }

  @OwnerOrSecurityAdmin('decline a handoff')
  @Mutation(() => HandoffPayload, {
    nullable: true,
    description:
      'The receiving owner (or a security-admin) refuses the handoff, with an optional reason; nothing moves. A handoff already decided is refused (CONFLICT on ["id"]).',
  })
  handoffReject(
    @Args('input', { description: 'The handoff to refuse, and why.' }) input: HandoffRejectInput,
    @CurrentActor() actor: Actor,
  ): Promise<HandoffPayload> {
    return mutationPayload(input, async () => ({
      handoff: await this.handoffs.decline(input.id, input.reason ?? null, actor),
    })) as Promise<HandoffPayload>;
  }
}
