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
  startAttestationCampaign(
    @Args('input', { description: 'Name, scope and deadline.' }) input: CampaignInput,
    @CurrentActor() actor: Actor,
  ): Promise<AttestationCampaignModel> {
    return this.attestation.start(input, actor);
  }

  @OwnerOrSecurityAdmin('attest')
  @Mutation(() => IdentityOwnershipModel, {
    description: "The owner's decision about one identity in a campaign; one per identity.",
    deprecationReason: 'Use attestationCreate(input:).',
  })
  async attest(
    @Args('identityId', { type: () => ID, description: 'The identity attested; it must be in the campaign.' }) identityId: string,
    @Args('campaignId', { type: () => ID, description: 'The campaign, while OPEN.' }) campaignId: string,
    @Args('decision', { type: () => AttestationDecision, description: 'The decision; one per identity and campaign.' })
    decision: AttestationDecision,
    @Args('note', { type: () => String, nullable: true, description: 'Optional words kept with the decision.' }) note: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityOwnershipModel> {
    const row = await withLegacyCodes(() => this.attestation.attest(identityId, campaignId, decision, note, actor));
    return { id: row.identityId };
  }

  @Query(() => AttestationCampaignModel, { nullable: true, description: 'One attestation campaign by id; null when none has it.' })
  attestationCampaign(
    @Args('id', { type: () => ID, description: "The campaign's id." }) id: string,
  ): Promise<AttestationCampaignModel | null> {
    return this.attestation.campaign(id);
  }

  @ResolveField(() => AttestationProgressModel, { description: 'Decisions so far, for the whole campaign.' })
  async progress(@Parent() campaign: AttestationCampaignModel): Promise<AttestationProgressModel> {
    const [all] = await this.attestation.progress(campaign.id, 'all');
    return toProgress(all);
  }

  @ResolveField(() => [OwnerAttestationProgressModel], { description: 'Decisions so far, per owner asked, by owner id.' })
  async progressByOwner(@Parent() campaign: AttestationCampaignModel): Promise<OwnerAttestationProgressModel[]> {
    const rows = await this.attestation.progress(campaign.id, 'owner');
    return rows.map((row) => ({ ...toProgress(row), ownerId: row.key ?? '' }));
  }

  @ResolveField(() => [BusinessUnitAttestationProgressModel], {
    description: 'Decisions so far, per business unit, by name (identities without one last).',
  })
  async progressByBusinessUnit(@Parent() campaign: AttestationCampaignModel): Promise<BusinessUnitAttestationProgressModel[]> {
    const rows = await this.attestation.progress(campaign.id, 'businessUnit');
    return rows.map((row) => ({ ...toProgress(row), businessUnit: row.key }));
  }
}

@CanRead()
@Resolver(() => OwnerAttestationProgressModel)
export class OwnerAttestationProgressResolver {
  constructor(private readonly owners: OwnersService) {}

  @ResolveField(() => OwnerModel, {
    nullable: true,
    description: 'The owner who was asked (the owner when the campaign started); null if no longer known.',
  })
  owner(@Parent() progress: OwnerAttestationProgressModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    return ownersLoader(context, this.owners).load(progress.ownerId);
  }
}
