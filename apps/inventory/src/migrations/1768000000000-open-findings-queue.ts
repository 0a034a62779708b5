import { MigrationInterface, QueryRunner } from 'typeorm';

/** The open-findings queue's order (most severe, then newest), so a page reads the index, not every open finding. */
export class OpenFindingsQueue1768000000000 implements MigrationInterface {
  name = 'OpenFindingsQueue1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_identity_findings_queue ON identity_findings
         ((CASE severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END) DESC, detected_at DESC, id DESC)
       WHERE closed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_identity_findings_queue');
  }
}
