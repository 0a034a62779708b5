import { randomUUID } from 'node:crypto';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { typeOrmConnection } from '@nhi/persistence';

/** The identities table as an ORM beginner would map it. */
@Entity({ name: 'bench_naive' })
class NaiveIdentity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') provider!: string;
  @Column('text', { name: 'external_id' }) externalId!: string;
  @Column('text') kind!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) environment!: string | null;
  @Column('text', { nullable: true }) system!: string | null;
  @Column('text', { name: 'business_unit', nullable: true }) businessUnit!: string | null;
  @Column('text', { array: true }) scopes!: string[];
  @Column('jsonb') tags!: unknown;
  @Column('text', { name: 'credential_fingerprint', nullable: true }) credentialFingerprint!: string | null;
  @Column('timestamptz', { name: 'created_at', nullable: true }) createdAt!: Date | null;
  @Column('timestamptz', { name: 'last_seen_at' }) lastSeenAt!: Date;
}

function validDate(value: unknown): Date | null {
  const date = typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * The baseline: for each row, look the identity up by natural key and save it,
 * one round trip after another, as a straightforward TypeORM service would.
 */
export async function naiveIngest(databaseUrl: string, lines: AsyncIterable<string>): Promise<number> {
  const dataSource = new DataSource({ type: 'postgres', ...typeOrmConnection(databaseUrl), entities: [NaiveIdentity] });
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE TABLE bench_naive (id uuid PRIMARY KEY, provider text NOT NULL, external_id text NOT NULL, kind text NOT NULL,
      name text NOT NULL, environment text, system text, business_unit text, scopes text[] NOT NULL, tags jsonb NOT NULL,
      credential_fingerprint text, created_at timestamptz, last_seen_at timestamptz NOT NULL, UNIQUE (provider, external_id))`);
    const repository = dataSource.getRepository(NaiveIdentity);
    let count = 0;
    for await (const line of lines) {
      const row = JSON.parse(line) as Record<string, unknown>;
      const provider = String(row['provider']).trim().toLowerCase();
      const externalId = String(row['externalId']).trim().toLowerCase();
      const identity =
        (await repository.findOne({ where: { provider, externalId } })) ?? repository.create({ id: randomUUID(), provider, externalId });
      Object.assign(identity, {
        kind: String(row['kind']),
        name: String(row['name']).trim(),
        environment: (row['environment'] as string | undefined) ?? null,
        system: (row['system'] as string | undefined) ?? null,
        businessUnit: (row['businessUnit'] as string | undefined) ?? null,
        scopes: (row['scopes'] as string[] | undefined) ?? [],
        tags: row['tags'] ?? [],
        credentialFingerprint: (row['credentialFingerprint'] as string | undefined) ?? null,
        createdAt: validDate(row['createdAt']),
        lastSeenAt: new Date(),
      });
      await repository.save(identity);
      count += 1;
    }
    return count;
  } finally {
    await dataSource.destroy();
  }
}
