import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of mutations that create things (ADR 0037): one row per
 * (operation, actor, key), the hash of the input it came with, and a reference
 * to what the first call produced. Shared by every service that has such
 * mutations; rows older than a day are swept on write.
 */
export class IdempotencyKeys1767950000000 implements MigrationInterface {
  name = 'IdempotencyKeys1767950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        operation text NOT NULL,
        actor text NOT NULL,
        key text NOT NULL,
        input_hash text NOT NULL,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_pk PRIMARY KEY (operation, actor, key)
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS ix_idempotency_keys_created_at ON idempotency_keys (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS idempotency_keys`);
  }
}
