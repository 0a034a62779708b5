import { migrateSubgraph } from '@nhi/runtime';
import { SERVICE, TABLES } from './app.module';

/** `npm run migrate -- ownership`: applies the service's pending migrations once, before a rollout (ADR 0025). */
migrateSubgraph(SERVICE, TABLES);
