import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The failed-revocations queue's order (oldest failure first, then id), so a page reads the index of FAILED
 * requests, not every revocation ever asked for. Whether a request is still its identity's latest is checked
 * per row on ix_revocation_requests_identity.
 */
export class FailedRevocationsQueue1768100000000 implements MigrationInterface {
  name = 'FailedRevocationsQueue1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_revocation_requests_failed_queue ON revocation_requests (completed_at, id) WHERE status = 'FAILED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_revocation_requests_failed_queue');
  }
}
