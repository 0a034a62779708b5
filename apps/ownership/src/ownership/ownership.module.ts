import { Module } from '@nestjs/common';
import { AttestationResolver, OwnerAttestationProgressResolver } from '../attestation/attestation.resolver';
import { AttestationService } from '../attestation/attestation.service';
import { CampaignDeadlines } from '../attestation/campaign-deadlines';
import { InventoryEventsHandler } from '../consumers/inventory-events.handler';
import { HandoffResolver } from '../handoff/handoff.resolver';
import { HandoffService } from '../handoff/handoff.service';
import { DirectoryResolver } from '../directory/directory.resolver';
import { DirectorySyncService } from '../directory/directory-sync.service';
import { OwnersResolver } from '../owners/owners.resolver';
import { OwnersService } from '../owners/owners.service';
import { AssignmentService } from './assignment.service';
import { IdentityPages } from './identity-pages';
import { OrphanEscalation } from './orphan-escalation';
import { OwnershipChangeResolver } from './ownership-change.resolver';
import { OwnershipIdentityConnectionResolver } from './ownership-identity-connection.resolver';
import { OwnershipResolver } from './ownership.resolver';
import { OwnershipService } from './ownership.service';
import { RulesResolver } from '../rules/rules.resolver';
import { RulesService } from '../rules/rules.service';
import { SuggestionsResolver } from '../rules/suggestions.resolver';

@Module({
  providers: [
    AssignmentService,
    OwnershipService,
    OwnersService,
    IdentityPages,
    OrphanEscalation,
    OwnershipResolver,
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
