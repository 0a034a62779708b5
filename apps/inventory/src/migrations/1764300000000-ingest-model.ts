import { MigrationInterface, QueryRunner } from 'typeorm';

/** What multi-source ingest needs: tags, inferred environments, snapshot tracking, findings, leaks, decommissioning. */
export class IngestModel1764300000000 implements MigrationInterface {
  name = 'IngestModel1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identities
        ADD COLUMN tags jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN environment_inferred boolean NOT NULL DEFAULT false,
        ADD COLUMN auth_method text,
        ADD COLUMN interactive_use boolean NOT NULL DEFAULT false,
        ADD COLUMN used_scopes text[],
        ADD COLUMN decommissioned_at timestamptz,
        ADD COLUMN decommissioned_by text,
        ADD COLUMN decommission_reason text,
        ADD CONSTRAINT ck_identities_status CHECK (status IN ('ACTIVE', 'STALE', 'DECOMMISSIONED'))`);
    await queryRunner.query(
      'CREATE INDEX ix_identities_fingerprint ON identities (credential_fingerprint) WHERE credential_fingerprint IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX ix_identities_name ON identities (lower(name), id)');
    await queryRunner.query(`
      ALTER TABLE identity_sightings
        ADD COLUMN first_seen_at timestamptz,
        ADD COLUMN missed_snapshots int NOT NULL DEFAULT 0,
        ADD COLUMN last_snapshot_id uuid`);
    await queryRunner.query('UPDATE identity_sightings SET first_seen_at = seen_at');
    await queryRunner.query('ALTER TABLE identity_sightings ALTER COLUMN first_seen_at SET NOT NULL');
    await queryRunner.query('CREATE INDEX ix_identity_sightings_source ON identity_sightings (source)');
    await queryRunner.query(`
      CREATE TABLE identity_findings (
        id uuid PRIMARY KEY,
        identity_id uuid NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category ~ '^NHI([1-9]|10)$'),
        code text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        detail text NOT NULL,
        detected_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    // One open finding per identity and rule; closed ones stay as history.
    await queryRunner.query(
      'CREATE UNIQUE INDEX uq_identity_findings_open ON identity_findings (identity_id, code) WHERE closed_at IS NULL',
    );
    await queryRunner.query('CREATE INDEX ix_identity_findings_category ON identity_findings (category) WHERE closed_at IS NULL');
    await queryRunner.query(`
      CREATE TABLE leaked_fingerprints (
        fingerprint text NOT NULL,
        source text NOT NULL,
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (fingerprint, source)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leaked_fingerprints');
    await queryRunner.query('DROP TABLE identity_findings');
    await queryRunner.query('DROP INDEX ix_identity_sightings_source');
    await queryRunner.query(
      'ALTER TABLE identity_sightings DROP COLUMN first_seen_at, DROP COLUMN missed_snapshots, DROP COLUMN last_snapshot_id',
    );
    await queryRunner.query('DROP INDEX ix_identities_name');
    await queryRunner.query('DROP INDEX ix_identities_fingerprint');
    await queryRunner.query(`
      ALTER TABLE identities
        DROP CONSTRAINT ck_identities_status,
        DROP COLUMN tags, DROP COLUMN environment_inferred, DROP COLUMN auth_method, DROP COLUMN interactive_use,
        DROP COLUMN used_scopes, DROP COLUMN decommissioned_at, DROP COLUMN decommissioned_by, DROP COLUMN decommission_reason`);
  }
}
