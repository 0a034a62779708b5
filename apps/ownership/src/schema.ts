import type { SubgraphSchema } from '@nhi/graphql';
import { AttestationResolver, OwnerAttestationProgressResolver } from './attestation/attestation.resolver';
import { DirectoryResolver } from './directory/directory.resolver';
import { HandoffResolver } from './handoff/handoff.resolver';
import { IdentityOwnershipModel } from './identity-data/identity.model';
import { OwnersResolver } from './owners/owners.resolver';
import { OwnershipChangeResolver } from './ownership/ownership-change.resolver';
import { OwnershipIdentityConnectionResolver } from './identity-pages/ownership-identity-connection.resolver';
import { OwnershipResolver } from './ownership/ownership.resolver';
import { RulesResolver } from './rules/rules.resolver';
import { SuggestionsResolver } from './rules/suggestions.resolver';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const OWNERSHIP_SCHEMA: SubgraphSchema = {
  orphanedTypes: [IdentityOwnershipModel],
  resolvers: [
    OwnershipResolver,
    OwnersResolver,
    OwnershipChangeResolver,
    OwnershipIdentityConnectionResolver,
    RulesResolver,
    SuggestionsResolver,
    DirectoryResolver,
    AttestationResolver,
    OwnerAttestationProgressResolver,
    HandoffResolver,
  ],
};
