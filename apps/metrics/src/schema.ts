import type { SubgraphSchema } from '@nhi/graphql';
import { SummaryResolver } from './summary/summary.resolver';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const METRICS_SCHEMA: SubgraphSchema = {
  orphanedTypes: [],
  resolvers: [SummaryResolver],
};
