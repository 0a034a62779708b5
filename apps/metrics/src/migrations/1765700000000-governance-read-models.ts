import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Metrics' read models, one table per topic that feeds it, so that the order
 * in which topics are consumed (live or in a rebuild) cannot change a number.
 * Each row keeps the time of the newest event applied to it (updated_at).
 */
export class GovernanceReadModels1765700000000 implements MigrationInterface {
  name = 'GovernanceReadModels1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identity_facts
        ADD COLUMN system text,
        ADD COLUMN privilege_level text,
        ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE',
        ADD COLUMN credential_created_at timestamptz,
        ADD COLUMN updated_at timestamptz`);
    await queryRunner.query('UPDATE identity_facts SET updated_at = registered_at');
    await queryRunner.query('ALTER TABLE identity_facts ALTER COLUMN updated_at SET NOT NULL');
    await queryRunner.query(`
      CREATE TABLE ownership_facts (
        identity_id uuid PRIMARY KEY,
        ownership_status text NOT NULL,
        owner_id uuid,
        last_attested_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE lifecycle_facts (
        identity_id uuid PRIMARY KEY,
        -- Due and not rotated since: when it fell due.
        due_since timestamptz,
        -- Rotated through the platform at least once, or on a policy that rotates it automatically.
        managed boolean NOT NULL DEFAULT false,
        last_rotated_at timestamptz,
        expired_at timestamptz,
        revocation_requested_at timestamptz,
        revoked_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE finding_facts (
        finding_id uuid PRIMARY KEY,
        identity_id uuid NOT NULL,
        category text NOT NULL,
        opened_at timestamptz,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_finding_facts_open ON finding_facts (identity_id) WHERE closed_at IS NULL');
    await queryRunner.query(`
      CREATE TABLE exception_facts (
        exception_id uuid PRIMARY KEY,
        identity_id uuid NOT NULL,
        control text NOT NULL,
        status text NOT NULL,
        requested_at timestamptz,
        expires_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_exception_facts_identity ON exception_facts (identity_id)');
    for (const table of ['identity_facts', 'ownership_facts', 'lifecycle_facts', 'finding_facts', 'exception_facts']) {
      await queryRunner.query(`CREATE INDEX ix_${table}_updated ON ${table} (updated_at)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['exception_facts', 'finding_facts', 'lifecycle_facts', 'ownership_facts']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('DROP INDEX ix_identity_facts_updated');
    await queryRunner.query(`
      ALTER TABLE identity_facts DROP COLUMN updated_at, DROP COLUMN credential_created_at, DROP COLUMN status,
        DROP COLUMN privilege_level, DROP COLUMN system`);
  }
}
