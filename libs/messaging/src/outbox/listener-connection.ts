import type { ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';

/**
 * pg settings for the relay's own LISTEN connection, taken from the service's
 * DataSource so it reaches the same database with the same credentials.
 */
export function listenerConnectionConfig(options: DataSourceOptions): ClientConfig {
  if (options.type !== 'postgres') {
    throw new Error(`The outbox relay needs PostgreSQL (LISTEN/NOTIFY); the DataSource is ${options.type}`);
  }
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    // TypeORM types TLS settings as server-or-client options and hands them to pg as they are; so do we.
    ssl: options.ssl as ClientConfig['ssl'],
    application_name: `${options.applicationName ?? 'nhi'}:outbox-listener`,
    // A LISTEN connection is idle by design; keep-alives find a dead peer without waiting for a query.
    keepAlive: true,
  };
}
