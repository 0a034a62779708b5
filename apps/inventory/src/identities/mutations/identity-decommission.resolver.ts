import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationPayload } from '@nhi/graphql';
import { IdentitiesService } from '../identities.service';
import { IdentityDecommissionInput, IdentityDecommissionPayload } from './identity-decommission.types';

/** The payload form of decommissioning (issue 22): refusals come back as userErrors, and a repeat returns the identity as it is. */
@Resolver()
export class IdentityDecommissionResolver {
  constructor(private readonly identities: IdentitiesService) {}

  @SecurityAdminOnly('decommission an identity')
  @Mutation(() => IdentityDecommissionPayload, {
    nullable: true,
    description:
      'Takes an identity out of use, with a reason; recorded with who did it, an event goes out and its findings close. ' +
      'Naturally idempotent, so it takes no idempotencyKey: an identity already decommissioned is returned as it is, with its first reason, actor and time, and nothing happens again.',
  })
  identityDecommission(
    @Args('input', { description: 'The identity to decommission, and why.' }) input: IdentityDecommissionInput,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityDecommissionPayload> {
    return mutationPayload(input, async () => ({
      identity: await this.identities.decommissionOnce(input.id, input.reason, actor),
    })) as Promise<IdentityDecommissionPayload>;
  }
}
