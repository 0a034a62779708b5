import type { SubgraphSchema } from '@nhi/graphql';
import { ParkedEventsResolver } from './parked/parked-events.resolver';
import { TrendResolver } from './trends/trend.resolver';
import { GovernanceResolver } from './summary/governance.resolver';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { SearchResolver } from './search/search.resolver';
import { TimelineResolver } from './timeline/timeline.resolver';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const METRICS_SCHEMA: SubgraphSchema = {
  orphanedTypes: [],
  resolvers: [GovernanceResolver, ParkedEventsResolver, TrendResolver, AuditLogResolver, SearchResolver, TimelineResolver],
};
