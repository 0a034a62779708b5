import { MigrationInterface, QueryRunner } from 'typeorm';

/** One revocation attempt in flight per identity, as for rotation. */
export class OneRevocationAtATime1765200000000 implements MigrationInterface {
  name = 'OneRevocationAtATime1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_revocation_requests_open ON revocation_requests (identity_id) WHERE status = 'REQUESTED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX uq_revocation_requests_open');
  }
}
