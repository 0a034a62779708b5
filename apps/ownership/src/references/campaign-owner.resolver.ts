import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { SubgraphContext } from '@nhi/graphql';
import { AttestationCampaignModel } from '../attestation/attestation-campaign.model';
import { OwnerModel } from '../owner-data/owner.model';
import { ownersLoader } from '../owners/owners.loader';
import { OwnersService } from '../owners/owners.service';

@CanRead()
@Resolver(() => AttestationCampaignModel)
export class CampaignOwnerResolver {
  constructor(private readonly owners: OwnersService) {}

  /** Through the request's owners loader: a list of campaigns, and any other owner field of the request, cost one query. */
  @ResolveField(() => OwnerModel, {
    nullable: true,
    description: 'The owner the campaign is scoped to (the same as ownerId); null when it is not scoped to one.',
  })
  owner(@Parent() campaign: AttestationCampaignModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> | null {
    return campaign.ownerId ? ownersLoader(context, this.owners).load(campaign.ownerId) : null;
  }
}
