import { MigrationInterface, QueryRunner } from 'typeorm';

/** Approved exceptions on ROTATION and REVOCATION (from exceptions' events), and the enforcement they held back. */
export class ControlSuspensions1765600000000 implements MigrationInterface {
  name = 'ControlSuspensions1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE control_suspensions (
        exception_id uuid PRIMARY KEY,
        identity_id uuid NOT NULL,
        control text NOT NULL CHECK (control IN ('ROTATION', 'REVOCATION')),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_control_suspensions_identity ON control_suspensions (identity_id, control, expires_at)');
    await queryRunner.query(`
      ALTER TABLE identity_lifecycle
        ADD COLUMN rotation_held_since timestamptz,
        ADD COLUMN revocation_held_reason text`);
    await queryRunner.query(
      'CREATE INDEX ix_identity_lifecycle_held ON identity_lifecycle (identity_id) WHERE rotation_held_since IS NOT NULL OR revocation_held_reason IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_identity_lifecycle_held');
    await queryRunner.query('ALTER TABLE identity_lifecycle DROP COLUMN revocation_held_reason, DROP COLUMN rotation_held_since');
    await queryRunner.query('DROP TABLE control_suspensions');
  }
}
