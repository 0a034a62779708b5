import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import type { AttestationCampaignModel } from '../attestation-campaign.model';
import { AttestationService } from '../attestation.service';
import { AttestationCampaignStartInput, AttestationCampaignStartPayload } from './attestation-campaign-start.types';

/** The payload form of starting a campaign (issue 22): refusals come back as userErrors, and a retry with its key starts nothing new. */
@Resolver()
export class AttestationCampaignStartResolver {
  constructor(
    private readonly attestation: AttestationService,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @SecurityAdminOnly('start an attestation campaign')
  @Mutation(() => AttestationCampaignStartPayload, {
    nullable: true,
    description:
      'Asks the owners of every owned identity in scope (business unit, kind or owner) to attest it before the deadline. ' +
      'A scope with no owned identity is refused (INVALID on ["input"]). Repeating the call with the same idempotencyKey returns the first campaign.',
  })
  attestationCampaignStart(
    @Args('input', { description: 'The campaign: its name, scope and deadline.' }) input: AttestationCampaignStartInput,
    @CurrentActor() actor: Actor,
  ): Promise<AttestationCampaignStartPayload> {
    return mutationPayload(input, async () => ({
      attestationCampaign: await this.idempotency.once<AttestationCampaignModel | null>(
        { operation: 'attestationCampaignStart', actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        () => this.attestation.start(input, actor),
        (campaign) => ({ id: campaign?.id }),
        (ref) => this.attestation.campaign(String(ref['id'])),
      ),
    })) as Promise<AttestationCampaignStartPayload>;
  }
}
