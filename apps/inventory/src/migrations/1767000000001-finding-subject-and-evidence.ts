import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A finding may be about one credential of its identity (its subject), and
 * carries the evidence that made its rule fire. One open finding per identity,
 * code and subject; the earlier rule (per identity and code) is the case of an
 * empty subject.
 */
export class FindingSubjectAndEvidence1767000000001 implements MigrationInterface {
  name = 'FindingSubjectAndEvidence1767000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identity_findings
        ADD COLUMN subject text NOT NULL DEFAULT '',
        ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query('DROP INDEX uq_identity_findings_open');
    await queryRunner.query(
      'CREATE UNIQUE INDEX uq_identity_findings_open ON identity_findings (identity_id, code, subject) WHERE closed_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to one open finding per identity and code: the per-credential ones beyond the first are closed.
    await queryRunner.query(`
      UPDATE identity_findings f SET closed_at = now()
      WHERE closed_at IS NULL AND EXISTS (
        SELECT 1 FROM identity_findings g
        WHERE g.identity_id = f.identity_id AND g.code = f.code AND g.closed_at IS NULL AND g.id < f.id)`);
    await queryRunner.query('DROP INDEX uq_identity_findings_open');
    await queryRunner.query(
      'CREATE UNIQUE INDEX uq_identity_findings_open ON identity_findings (identity_id, code) WHERE closed_at IS NULL',
    );
    await queryRunner.query('ALTER TABLE identity_findings DROP COLUMN evidence, DROP COLUMN subject');
  }
}
