import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { OwnersService } from '../owners.service';
import { OwnerDeactivateInput, OwnerPayload, OwnerUpsertInput } from './owner-mutations.types';

/** The payload forms of creating, changing and deactivating owners (issue 22): refusals a user can fix come back as userErrors. */
@Resolver()
export class OwnerMutationsResolver {
  constructor(private readonly owners: OwnersService) {}

  @SecurityAdminOnly('create or change an owner')
  @Mutation(() => OwnerPayload, {
    nullable: true,
    description:
      'Creates or updates a team or person by externalRef (so a retry changes nothing more). active: false deactivates it, with what that means for its identities.',
  })
  ownerUpsert(
    @Args('input', { description: 'The owner, by its externalRef.' }) input: OwnerUpsertInput,
    @CurrentActor() actor: Actor,
  ): Promise<OwnerPayload> {
    return mutationPayload(input, async () => ({
      owner: await this.owners.upsert(mutationArguments(input), actor),
    })) as Promise<OwnerPayload>;
  }

  @SecurityAdminOnly('deactivate an owner')
  @Mutation(() => OwnerPayload, {
    nullable: true,
    description:
      'The owner leaves: its identities go to their BACKUP owner, else its parent team, else become ORPHANED (NHI1). An owner already deactivated is refused (CONFLICT).',
  })
  ownerDeactivate(
    @Args('input', { description: 'The owner who leaves, and why.' }) input: OwnerDeactivateInput,
    @CurrentActor() actor: Actor,
  ): Promise<OwnerPayload> {
    return mutationPayload(input, async () => ({
      owner: await this.owners.deactivate(input.ownerId, input.reason, actor),
    })) as Promise<OwnerPayload>;
  }
}
