import type { SubgraphSchema } from '@nhi/graphql';
import { IdentitiesResolver } from './identities/identities.resolver';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const INVENTORY_SCHEMA: SubgraphSchema = {
  orphanedTypes: [],
  resolvers: [IdentitiesResolver],
};
