import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationPayload } from '@nhi/graphql';
import { OwnershipService } from '../ownership.service';
import { IdentityOwnerAssignInput, IdentityOwnerPayload, IdentityOwnerUnassignInput } from './identity-owner-mutations.types';

/** The payload forms of assigning and unassigning owners (issue 22): refusals a user can fix come back as userErrors. */
@Resolver()
export class IdentityOwnerMutationsResolver {
  constructor(private readonly ownership: OwnershipService) {}

  @SecurityAdminOnly('assign an owner')
  @Mutation(() => IdentityOwnerPayload, {
    nullable: true,
    description:
      'Makes an owner the PRIMARY (accountable) or BACKUP owner of an identity, recorded with actor, reason and time. ' +
      'An identity has exactly one PRIMARY: replacing it needs replace: true. Assigning the owner already in that seat is refused (CONFLICT).',
  })
  identityOwnerAssign(
    @Args('input', { description: 'The identity, the owner and the seat.' }) input: IdentityOwnerAssignInput,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityOwnerPayload> {
    const { identityId, ownerId, role, reason, replace } = input;
    return mutationPayload(input, async () => {
      const row = await this.ownership.assignOwner({ identityId, ownerId, role, reason: reason ?? null, replace }, actor);
      return { identity: { id: row.identityId } };
    }) as Promise<IdentityOwnerPayload>;
  }

  @SecurityAdminOnly('unassign an owner')
  @Mutation(() => IdentityOwnerPayload, {
    nullable: true,
    description: 'Takes the PRIMARY or BACKUP owner off an identity, with a reason. A seat that is already empty is refused (CONFLICT).',
  })
  identityOwnerUnassign(
    @Args('input', { description: 'The identity, the seat and why.' }) input: IdentityOwnerUnassignInput,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityOwnerPayload> {
    return mutationPayload(input, async () => {
      const row = await this.ownership.unassignOwner(input.identityId, input.role, input.reason, actor);
      return { identity: { id: row.identityId } };
    }) as Promise<IdentityOwnerPayload>;
  }
}
