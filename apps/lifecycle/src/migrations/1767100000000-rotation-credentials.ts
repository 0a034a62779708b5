import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lifecycle learns the credentials an identity holds from inventory's events;
 * a rotation request names the ones it targets, and records which credential
 * replaced which when the integrator says so.
 */
export class RotationCredentials1767100000000 implements MigrationInterface {
  name = 'RotationCredentials1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE identity_lifecycle ADD COLUMN credentials jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`
      ALTER TABLE rotation_requests
        ADD COLUMN target_credentials jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN replaced jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rotation_requests DROP COLUMN replaced, DROP COLUMN target_credentials');
    await queryRunner.query('ALTER TABLE identity_lifecycle DROP COLUMN credentials');
  }
}
