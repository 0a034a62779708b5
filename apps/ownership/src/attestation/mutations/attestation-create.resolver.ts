import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { mutationPayload } from '@nhi/graphql';
import { AttestationService } from '../attestation.service';
import { AttestationCreateInput, AttestationCreatePayload } from './attestation-create.types';

/** The payload form of attesting (issue 22): a closed campaign or a second decision comes back as userErrors. */
@Resolver()
export class AttestationCreateResolver {
  constructor(private readonly attestation: AttestationService) {}

  @OwnerOrSecurityAdmin('attest')
  @Mutation(() => AttestationCreatePayload, {
    nullable: true,
    description:
      'Records the owner\'s decision about one identity in an open campaign; a closed campaign is refused (CONFLICT on ["campaignId"]). One decision per identity: a second is refused ' +
      '(CONFLICT on ["identityId"]) rather than replayed, so it needs no idempotencyKey; a retry of a call that went through sees that refusal.',
  })
  attestationCreate(
    @Args('input', { description: 'The identity, the campaign, and the decision.' }) input: AttestationCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<AttestationCreatePayload> {
    const { identityId, campaignId, decision, note } = input;
    return mutationPayload(input, async () => {
      const row = await this.attestation.attest(identityId, campaignId, decision, note ?? null, actor);
      return { identity: { id: row.identityId }, attestationCampaign: await this.attestation.campaign(campaignId) };
    }) as Promise<AttestationCreatePayload>;
  }
}
