import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { IdempotencyKeys1767950000000 } from '@nhi/persistence';
import { subgraphModule, SubgraphTables } from '@nhi/runtime';
import { OWNERSHIP_SCHEMA } from './schema';
import { CreateOwnership1764201800000 } from './migrations/1764201800000-create-ownership';
import { OwnershipModel1764500000000 } from './migrations/1764500000000-ownership-model';
import { OwnershipRules1764600000000 } from './migrations/1764600000000-ownership-rules';
import { DirectoryAndEscalation1764700000000 } from './migrations/1764700000000-directory-and-escalation';
import { Attestation1764800000000 } from './migrations/1764800000000-attestation';
import { Handoffs1764900000000 } from './migrations/1764900000000-handoffs';
import { OwnerSearch1765000000000 } from './migrations/1765000000000-owner-search';
import { SuggestionQueue1768000000000 } from './migrations/1768000000000-suggestion-queue';
import { IdentityNameOrder1769000000000 } from './migrations/1769000000000-identity-name-order';
import { HandoffEntity } from './handoff/handoff.entity';
import { HandoffItemEntity } from './handoff/handoff-item.entity';
import { AttestationCampaignEntity } from './attestation/attestation-campaign.entity';
import { AttestationItemEntity } from './attestation/attestation-item.entity';
import { OwnershipRuleEntity } from './rules/ownership-rule.entity';
import { OwnershipSuggestionEntity } from './rules/ownership-suggestion.entity';
import { loadOwnershipConfig, OWNERSHIP_CONFIG } from './ownership-config';
import { OwnerEntity } from './owner-data/owner.entity';
import { IdentityOwnershipEntity } from './identity-data/identity-ownership.entity';
import { OwnershipModule } from './ownership.module';

export const SERVICE = 'ownership';
export const DEFAULT_PORT = 4002;

/** The ownership service's tables; `migrate.ts` applies the same migrations as a starting service. */
export const TABLES: SubgraphTables = {
  entities: [
    OwnerEntity,
    IdentityOwnershipEntity,
    OwnershipRuleEntity,
    OwnershipSuggestionEntity,
    AttestationCampaignEntity,
    AttestationItemEntity,
    HandoffEntity,
    HandoffItemEntity,
  ],
  migrations: [
    CreateOwnership1764201800000,
    OwnershipModel1764500000000,
    OwnershipRules1764600000000,
    DirectoryAndEscalation1764700000000,
    Attestation1764800000000,
    Handoffs1764900000000,
    OwnerSearch1765000000000,
    IdempotencyKeys1767950000000,
    SuggestionQueue1768000000000,
    IdentityNameOrder1769000000000,
  ],
};

export function ownershipModule(config: SubgraphConfig, environment: NodeJS.ProcessEnv): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    ...TABLES,
    schema: OWNERSHIP_SCHEMA,
    features: [OwnershipModule],
    settings: [{ provide: OWNERSHIP_CONFIG, useValue: loadOwnershipConfig(environment) }],
  });
}
