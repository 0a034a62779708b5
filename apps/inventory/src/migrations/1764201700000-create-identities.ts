import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentities1764201700000 implements MigrationInterface {
  name = 'CreateIdentities1764201700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identities (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        provider text NOT NULL,
        external_id text NOT NULL,
        environment text NOT NULL,
        system text,
        business_unit text,
        scopes text[] NOT NULL DEFAULT '{}',
        privilege_level text,
        created_at timestamptz,
        last_used_at timestamptz,
        expires_at timestamptz,
        credential_fingerprint text,
        status text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX uq_identities_natural_key ON identities (provider, external_id)');
    await queryRunner.query(`
      CREATE TABLE identity_sightings (
        identity_id uuid NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
        source text NOT NULL,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (identity_id, source)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE identity_sightings');
    await queryRunner.query('DROP TABLE identities');
  }
}
