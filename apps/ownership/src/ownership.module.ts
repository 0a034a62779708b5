import { Module } from '@nestjs/common';
import {
  CampaignConnectionResolver,
  HandoffConnectionResolver,
  OwnershipQueuesResolver,
  SuggestionConnectionResolver,
} from './queues/queues.resolver';
import { IDEMPOTENCY_STORE_PROVIDER } from '@nhi/persistence';
import { AssignmentService } from './assignment/assignment.service';
import { AttestationResolver, OwnerAttestationProgressResolver } from './attestation/attestation.resolver';
import { AttestationService } from './attestation/attestation.service';
import { AttestationCampaignStartResolver } from './attestation/mutations/attestation-campaign-start.resolver';
import { AttestationCreateResolver } from './attestation/mutations/attestation-create.resolver';
import { CampaignDeadlines } from './attestation/campaign-deadlines';
import { InventoryEventsHandler } from './consumers/inventory-events.handler';
import { DirectoryResolver } from './directory/directory.resolver';
import { DirectorySyncService } from './directory/directory-sync.service';
import { DirectorySyncResolver } from './directory/mutations/directory-sync.resolver';
import { HandoffResolver } from './handoff/handoff.resolver';
import { HandoffIdentitiesResolver } from './handoff/handoff-identities.resolver';
import { HandoffService } from './handoff/handoff.service';
import { HandoffMutationsResolver } from './handoff/mutations/handoff-mutations.resolver';
import { IdentityPages } from './identity-pages/identity-pages';
import { OwnershipIdentityConnectionResolver } from './identity-pages/ownership-identity-connection.resolver';
import { IdentityOwnershipResolver, OwnershipChangeConnectionResolver } from './identity-ownership/identity-ownership.resolver';
import { IdentityOwnershipLists } from './identity-ownership/identity-ownership-lists';
import { OwnerSearchResolver } from './owner-search/owner-search.resolver';
import { OwnerSearchService } from './owner-search/owner-search.service';
import { OwnersResolver } from './owners/owners.resolver';
import { OwnersService } from './owners/owners.service';
import { OwnerMutationsResolver } from './owners/mutations/owner-mutations.resolver';
import { OrphanEscalation } from './ownership/orphan-escalation';
import { OwnershipChangeResolver } from './ownership/ownership-change.resolver';
import { OwnershipResolver } from './ownership/ownership.resolver';
import { OwnershipRecords } from './ownership/ownership-records';
import { OwnershipService } from './ownership/ownership.service';
import { IdentityOwnerMutationsResolver } from './ownership/mutations/identity-owner-mutations.resolver';
import { CampaignOwnerResolver } from './references/campaign-owner.resolver';
import { OwnershipChangeIdentityResolver } from './references/ownership-change-identity.resolver';
import { RulesResolver } from './rules/rules.resolver';
import { RulesService } from './rules/rules.service';
import { SuggestionsResolver } from './rules/suggestions.resolver';
import { OwnershipRuleMutationsResolver } from './rules/mutations/ownership-rule-mutations.resolver';
import { OwnershipSuggestionMutationsResolver } from './rules/mutations/ownership-suggestion-mutations.resolver';
import { ViewerResolver, ViewerTasksResolver } from './viewer/viewer.resolver';
import { ViewerTasksService } from './viewer/viewer-tasks.service';

/** Every feature of the subgraph, wired here at the top so no feature folder imports what wires it. */
@Module({
  providers: [
    IDEMPOTENCY_STORE_PROVIDER,
    OwnershipQueuesResolver,
    SuggestionConnectionResolver,
    CampaignConnectionResolver,
    HandoffConnectionResolver,
    AssignmentService,
    OwnershipService,
    OwnersService,
    IdentityPages,
    OrphanEscalation,
    OwnershipResolver,
    IdentityOwnerMutationsResolver,
    OwnershipRecords,
    OwnersResolver,
    OwnerMutationsResolver,
    OwnerSearchService,
    OwnerSearchResolver,
    IdentityOwnershipLists,
    IdentityOwnershipResolver,
    OwnershipChangeConnectionResolver,
    OwnershipChangeResolver,
    OwnershipIdentityConnectionResolver,
    InventoryEventsHandler,
    RulesService,
    RulesResolver,
    SuggestionsResolver,
    OwnershipRuleMutationsResolver,
    OwnershipSuggestionMutationsResolver,
    DirectorySyncService,
    DirectoryResolver,
    DirectorySyncResolver,
    AttestationService,
    AttestationResolver,
    OwnerAttestationProgressResolver,
    AttestationCampaignStartResolver,
    AttestationCreateResolver,
    CampaignDeadlines,
    HandoffService,
    HandoffResolver,
    HandoffIdentitiesResolver,
    HandoffMutationsResolver,
    OwnershipChangeIdentityResolver,
    CampaignOwnerResolver,
    ViewerTasksService,
    ViewerResolver,
    ViewerTasksResolver,
  ],
})
export class OwnershipModule {}
