import { ListSize } from '@nhi/graphql';
import { VIEWER_TASK_LIMIT } from './viewer-tasks.service';
import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { AttestationCampaignModel } from '../attestation/attestation-campaign.model';
import { HandoffModel } from '../handoff/handoff.model';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import { OwnershipSuggestionModel } from '../rules/ownership-suggestion.model';

/**
 * Whoever calls: built from the verified actor, never from arguments. Other subgraphs add fields to it, each
 * answering from its own verified actor, so a representation naming someone else's subject reads nothing.
 */
@ObjectType('Viewer', { description: 'The caller: who they are, what they own and what waits for them.' })
@Directive('@key(fields: "subject")')
export class ViewerModel {
  @Field({ description: 'The subject of the verified token.' })
  subject!: string;

  @Field(() => [String], { description: 'The roles of the verified token.' })
  roles!: string[];
}

@ObjectType('ViewerAttestation', { description: 'An identity the viewer is asked to attest in an open campaign.' })
export class ViewerAttestationModel {
  @Field(() => AttestationCampaignModel, { description: 'The open campaign that asks for the attestation.' })
  campaign!: AttestationCampaignModel;

  // Nullable: the edge crosses into inventory, whose outage should cost the row's name, not the list.
  @Field(() => IdentityOwnershipModel, {
    nullable: true,
    description: 'The identity to attest (the gateway adds its inventory fields); null only when inventory cannot answer.',
  })
  identity!: IdentityOwnershipModel;
}

@ObjectType('ViewerTasks', { description: "The viewer's to-do list." })
export class ViewerTasksModel {
  @ListSize(VIEWER_TASK_LIMIT)
  @Field(() => [ViewerAttestationModel], {
    description: 'Undecided attestations of open campaigns, for the owners the viewer acts for; soonest deadline first, at most 100.',
  })
  attestations!: ViewerAttestationModel[];

  @ListSize(VIEWER_TASK_LIMIT)
  @Field(() => [HandoffModel], {
    description: "Handoffs waiting for one of the viewer's owners to accept or decline; oldest first, at most 100.",
  })
  pendingHandoffs!: HandoffModel[];

  @ListSize(VIEWER_TASK_LIMIT)
  @Field(() => [OwnershipSuggestionModel], {
    description: "Open ownership suggestions that propose one of the viewer's owners, to accept or reject; oldest first, at most 100.",
  })
  suggestions!: OwnershipSuggestionModel[];
}
