import { Module } from '@nestjs/common';
import { AssignmentService } from './assignment/assignment.service';
import { AttestationResolver, OwnerAttestationProgressResolver } from './attestation/attestation.resolver';
import { AttestationService } from './attestation/attestation.service';
import { CampaignDeadlines } from './attestation/campaign-deadlines';
import { InventoryEventsHandler } from './consumers/inventory-events.handler';
import { DirectoryResolver } from './directory/directory.resolver';
import { DirectorySyncService } from './directory/directory-sync.service';
import { HandoffResolver } from './handoff/handoff.resolver';
import { HandoffService } from './handoff/handoff.service';
import { IdentityPages } from './identity-pages/identity-pages';
import { OwnershipIdentityConnectionResolver } from './identity-pages/ownership-identity-connection.resolver';
import { OwnersResolver } from './owners/owners.resolver';
import { OwnersService } from './owners/owners.service';
import { OrphanEscalation } from './ownership/orphan-escalation';
import { OwnershipChangeResolver } from './ownership/ownership-change.resolver';
import { OwnershipResolver } from './ownership/ownership.resolver';
import { OwnershipRecords } from './ownership/ownership-records';
import { OwnershipService } from './ownership/ownership.service';
import { RulesResolver } from './rules/rules.resolver';
import { RulesService } from './rules/rules.service';
import { SuggestionsResolver } from './rules/suggestions.resolver';

/** Every feature of the subgraph, wired here at the top so no feature folder imports what wires it. */
@Module({
  providers: [
    AssignmentService,
    OwnershipService,
    OwnersService,
    IdentityPages,
    OrphanEscalation,
    OwnershipResolver,
    OwnershipRecords,
    OwnersResolver,
    OwnershipChangeResolver,
    OwnershipIdentityConnectionResolver,
    InventoryEventsHandler,
    RulesService,
    RulesResolver,
    SuggestionsResolver,
    DirectorySyncService,
    DirectoryResolver,
    AttestationService,
    AttestationResolver,
    OwnerAttestationProgressResolver,
    CampaignDeadlines,
    HandoffService,
    HandoffResolver,
  ],
})
export class OwnershipModule {}
