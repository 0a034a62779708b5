import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the handshake needs: the credential's current fingerprint and expiry, and which attempts were retried. */
export class RotationHandshake1765000000000 implements MigrationInterface {
  name = 'RotationHandshake1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identity_lifecycle
        ADD COLUMN credential_fingerprint text,
        ADD COLUMN expires_at timestamptz`);
    for (const table of ['rotation_requests', 'revocation_requests']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN retried_at timestamptz`);
      await queryRunner.query(`CREATE INDEX ix_${table}_open ON ${table} (deadline) WHERE status = 'REQUESTED'`);
      await queryRunner.query(
        `CREATE INDEX ix_${table}_retry ON ${table} (next_attempt_at) WHERE retried_at IS NULL AND next_attempt_at IS NOT NULL`,
      );
    }
    // One attempt in flight per identity: two instances or two clicks cannot start a second one.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_rotation_requests_open ON rotation_requests (identity_id) WHERE status = 'REQUESTED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX uq_rotation_requests_open');
    for (const table of ['rotation_requests', 'revocation_requests']) {
      await queryRunner.query(`DROP INDEX ix_${table}_retry`);
      await queryRunner.query(`DROP INDEX ix_${table}_open`);
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN retried_at`);
    }
    await queryRunner.query('ALTER TABLE identity_lifecycle DROP COLUMN expires_at, DROP COLUMN credential_fingerprint');
  }
}
