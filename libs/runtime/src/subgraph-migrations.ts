import { databaseEnvShape, loadConfig } from '@nhi/config';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@nhi/messaging';
import { migrateMain } from '@nhi/persistence';
import { runMain } from './bootstrap';

/** A subgraph's own tables: entity classes and migration classes, in order. */
export interface SubgraphTables {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations: Function[];
}

/**
 * Everything a subgraph's database holds: its own tables and the outbox and
 * inbox. The service at start and its `migrate` command take the list from
 * here, so the command applies exactly what the service would.
 */
export function subgraphTables(own: SubgraphTables): SubgraphTables {
  return { entities: [...MESSAGING_ENTITIES, ...own.entities], migrations: [...MESSAGING_MIGRATIONS, ...own.migrations] };
}

/** Entry point of `apps/<service>/src/migrate.ts` (`npm run migrate -- <service>`): reads DATABASE_URL as the service does. */
export function migrateSubgraph(service: string, own: SubgraphTables): void {
  runMain(async () => {
    const config = loadConfig(service, databaseEnvShape(service));
    await migrateMain({ service, url: config.DATABASE_URL, tls: config, ...subgraphTables(own) });
  });
}
