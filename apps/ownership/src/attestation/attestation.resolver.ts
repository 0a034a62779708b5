import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, OwnerOrSecurityAdmin, SecurityAdminOnly } from '@nhi/auth';
import { SubgraphContext } from '@nhi/graphql';
import { ownersLoader } from '../owners/owners.loader';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnersService } from '../owners/owners.service';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import { withLegacyCodes } from '../refusals';
import {
  AttestationCampaignModel,
  AttestationProgressModel,
  BusinessUnitAttestationProgressModel,
  OwnerAttestationProgressModel,
} from './attestation-campaign.model';
import { AttestationDecision } from './attestation-enums';
import { AttestationService, toProgress } from './attestation.service';
import { CampaignInput } from './dto/campaign.input';

@CanRead()
@Resolver(() => AttestationCampaignModel)
export class AttestationResolver {
  constructor(private readonly attestation: AttestationService) {}

  @SecurityAdminOnly('start an attestation campaign')
  @Mutation(() => AttestationCampaignModel, {
    description: 'Asks the owners of every owned identity in scope (business unit, kind or owner) to attest it before the deadline.',
    deprecationReason: 'Use attestationCampaignStart(input:).',
  })
  startAttestationCampaign(@Args('input') input: CampaignInput, @CurrentActor() actor: Actor): Promise<AttestationCampaignModel> {
    return this.attestation.start(input, actor);
  }

  @OwnerOrSecurityAdmin('attest')
  @Mutation(() => IdentityOwnershipModel, {
    description: "The owner's decision about one identity in a campaign; one per identity.",
    deprecationReason: 'Use attestationCreate(input:).',
  })
  async attest(
    @Args('identityId', { type: () => ID }) identityId: string,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('decision', { type: () => AttestationDecision }) decision: AttestationDecision,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityOwnershipModel> {
    const row = await withLegacyCodes(() => this.attestation.attest(identityId, campaignId, decision, note, actor));
    return { id: row.identityId };
  }

  @Query(() => AttestationCampaignModel, { nullable: true })
  attestationCampaign(@Args('id', { type: () => ID }) id: string): Promise<AttestationCampaignModel | null> {
    return this.attestation.campaign(id);
  }

  @ResolveField(() => AttestationProgressModel)
  async progress(@Parent() campaign: AttestationCampaignModel): Promise<AttestationProgressModel> {
    const [all] = await this.attestation.progress(campaign.id, 'all');
    return toProgress(all);
  }

  @ResolveField(() => [OwnerAttestationProgressModel])
  async progressByOwner(@Parent() campaign: AttestationCampaignModel): Promise<OwnerAttestationProgressModel[]> {
    const rows = await this.attestation.progress(campaign.id, 'owner');
    return rows.map((row) => ({ ...toProgress(row), ownerId: row.key ?? '' }));
  }

  @ResolveField(() => [BusinessUnitAttestationProgressModel])
  async progressByBusinessUnit(@Parent() campaign: AttestationCampaignModel): Promise<BusinessUnitAttestationProgressModel[]> {
    const rows = await this.attestation.progress(campaign.id, 'businessUnit');
    return rows.map((row) => ({ ...toProgress(row), businessUnit: row.key }));
  }
}

@CanRead()
@Resolver(() => OwnerAttestationProgressModel)
export class OwnerAttestationProgressResolver {
  constructor(private readonly owners: OwnersService) {}

  @ResolveField(() => OwnerModel, { nullable: true })
  owner(@Parent() progress: OwnerAttestationProgressModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    return ownersLoader(context, this.owners).load(progress.ownerId);
  }
}
