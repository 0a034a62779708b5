import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A kind word no vocabulary knows makes the identity OTHER instead of costing
 * the row; the source's word is kept beside it, bounded like the ingest row's
 * kind (100 characters), and only for OTHER: a known kind needs no word.
 */
export class SourceKind1766200000000 implements MigrationInterface {
  name = 'SourceKind1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identities
        ADD COLUMN source_kind text,
        ADD CONSTRAINT ck_identities_source_kind
          CHECK (source_kind IS NULL OR (kind = 'OTHER' AND char_length(source_kind) BETWEEN 1 AND 100))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE identities DROP CONSTRAINT ck_identities_source_kind, DROP COLUMN source_kind');
  }
}
