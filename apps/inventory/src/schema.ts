import type { SubgraphSchema } from '@nhi/graphql';
import { IdentitiesResolver } from './identities/identities.resolver';
import { IdentityConnectionResolver } from './identities/identity-connection.resolver';
import { IngestResolver } from './ingest/ingest.resolver';
import { IdentitiesIngestResolver } from './ingest/mutations/identities-ingest.resolver';
import { IdentityDecommissionResolver } from './identities/mutations/identity-decommission.resolver';
import { FindingConnectionResolver, OpenFindingsResolver } from './findings/queue/open-findings.resolver';
import { PrivilegeResolver } from './identities/privilege.resolver';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const INVENTORY_SCHEMA: SubgraphSchema = {
  orphanedTypes: [],
  resolvers: [
    IdentitiesResolver,
    IdentityConnectionResolver,
    PrivilegeResolver,
    IngestResolver,
    IdentityDecommissionResolver,
    IdentitiesIngestResolver,
    OpenFindingsResolver,
    FindingConnectionResolver,
  ],
};
