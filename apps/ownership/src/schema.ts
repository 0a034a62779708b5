import type { SubgraphSchema } from '@nhi/graphql';
import {
  CampaignConnectionResolver,
  HandoffConnectionResolver,
  OwnershipQueuesResolver,
  SuggestionConnectionResolver,
} from './queues/queues.resolver';
import { AttestationResolver, OwnerAttestationProgressResolver } from './attestation/attestation.resolver';
import { AttestationCampaignStartResolver } from './attestation/mutations/attestation-campaign-start.resolver';
import { AttestationCreateResolver } from './attestation/mutations/attestation-create.resolver';
import { DirectoryResolver } from './directory/directory.resolver';
import { DirectorySyncResolver } from './directory/mutations/directory-sync.resolver';
import { HandoffResolver } from './handoff/handoff.resolver';
import { HandoffIdentitiesResolver } from './handoff/handoff-identities.resolver';
import { HandoffMutationsResolver } from './handoff/mutations/handoff-mutations.resolver';
import { IdentityOwnershipModel } from './identity-data/identity.model';
import { IdentityOwnershipResolver, OwnershipChangeConnectionResolver } from './identity-ownership/identity-ownership.resolver';
import { OwnerSearchResolver } from './owner-search/owner-search.resolver';
import { OwnersResolver } from './owners/owners.resolver';
import { OwnerMutationsResolver } from './owners/mutations/owner-mutations.resolver';
import { OwnershipChangeResolver } from './ownership/ownership-change.resolver';
import { OwnershipIdentityConnectionResolver } from './identity-pages/ownership-identity-connection.resolver';
import { OwnershipResolver } from './ownership/ownership.resolver';
import { IdentityOwnerMutationsResolver } from './ownership/mutations/identity-owner-mutations.resolver';
import { CampaignOwnerResolver } from './references/campaign-owner.resolver';
import { OwnershipChangeIdentityResolver } from './references/ownership-change-identity.resolver';
import { RulesResolver } from './rules/rules.resolver';
import { SuggestionsResolver } from './rules/suggestions.resolver';
import { OwnershipRuleMutationsResolver } from './rules/mutations/ownership-rule-mutations.resolver';
import { OwnershipSuggestionMutationsResolver } from './rules/mutations/ownership-suggestion-mutations.resolver';
import { ViewerResolver, ViewerTasksResolver } from './viewer/viewer.resolver';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const OWNERSHIP_SCHEMA: SubgraphSchema = {
  orphanedTypes: [IdentityOwnershipModel],
  resolvers: [
    OwnershipResolver,
    OwnershipQueuesResolver,
    SuggestionConnectionResolver,
    CampaignConnectionResolver,
    HandoffConnectionResolver,
    IdentityOwnerMutationsResolver,
    OwnersResolver,
    OwnerMutationsResolver,
    OwnerSearchResolver,
    IdentityOwnershipResolver,
    OwnershipChangeConnectionResolver,
    OwnershipChangeResolver,
    OwnershipIdentityConnectionResolver,
    RulesResolver,
    SuggestionsResolver,
    OwnershipRuleMutationsResolver,
    OwnershipSuggestionMutationsResolver,
    DirectoryResolver,
    DirectorySyncResolver,
    AttestationResolver,
    OwnerAttestationProgressResolver,
    AttestationCampaignStartResolver,
    AttestationCreateResolver,
    HandoffResolver,
    HandoffIdentitiesResolver,
    HandoffMutationsResolver,
    OwnershipChangeIdentityResolver,
    CampaignOwnerResolver,
    ViewerResolver,
    ViewerTasksResolver,
  ],
};
