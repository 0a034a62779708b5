import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mass rotations and revocations (issue "Scale II"): one row per mass action,
 * the identities an approved exception held back, and on every request the
 * mass action it belongs to (its retries carry it), so progress is read from
 * the requests themselves.
 */
export class MassActions1767200000000 implements MigrationInterface {
  name = 'MassActions1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mass_actions (
        id uuid PRIMARY KEY,
        action text NOT NULL CHECK (action IN ('ROTATION', 'REVOCATION')),
        selection jsonb NOT NULL,
        reason text NOT NULL,
        requested_by text NOT NULL,
        started_at timestamptz NOT NULL,
        selected integer NOT NULL,
        requested integer NOT NULL,
        held integer NOT NULL,
        skipped integer NOT NULL,
        not_found integer NOT NULL,
        finished_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE mass_action_held (
        mass_action_id uuid NOT NULL REFERENCES mass_actions (id),
        identity_id uuid NOT NULL,
        PRIMARY KEY (mass_action_id, identity_id)
      )`);
    for (const table of ['rotation_requests', 'revocation_requests']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN mass_action_id uuid REFERENCES mass_actions (id)`);
      await queryRunner.query(
        `CREATE INDEX ix_${table}_mass_action ON ${table} (mass_action_id, identity_id, attempt) WHERE mass_action_id IS NOT NULL`,
      );
      // Whether a mass action still has a request out, asked after every run of results.
      await queryRunner.query(
        `CREATE INDEX ix_${table}_mass_action_open ON ${table} (mass_action_id) WHERE mass_action_id IS NOT NULL AND status = 'REQUESTED'`,
      );
    }
    // What else a selection can name: the ingest sources that reported an identity, and its open findings.
    await queryRunner.query(`ALTER TABLE identity_lifecycle ADD COLUMN sources text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query('CREATE INDEX ix_identity_lifecycle_sources ON identity_lifecycle USING gin (sources)');
    await queryRunner.query(`
      CREATE TABLE known_findings (
        finding_id uuid PRIMARY KEY,
        identity_id uuid NOT NULL,
        category text NOT NULL,
        open boolean NOT NULL,
        -- The time of the newest event applied: an older one (a partition read again) never overwrites it.
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_known_findings_open ON known_findings (category, identity_id) WHERE open');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE known_findings');
    await queryRunner.query('ALTER TABLE identity_lifecycle DROP COLUMN sources');
    for (const table of ['rotation_requests', 'revocation_requests']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN mass_action_id`);
    }
    await queryRunner.query('DROP TABLE mass_action_held');
    await queryRunner.query('DROP TABLE mass_actions');
  }
}
