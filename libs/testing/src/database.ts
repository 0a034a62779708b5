import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@nhi/persistence';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server tests use: TEST_DATABASE_SERVER_URL or the local default. */
export function testDatabaseServerUrl(): string {
  return process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A fresh, empty database on the real server, unique to the calling test. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/nhi_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  return { url: databaseUrl, drop: () => dropDatabase(databaseUrl) };
}
