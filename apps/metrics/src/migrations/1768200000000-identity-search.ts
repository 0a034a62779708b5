import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_SEARCH_SQL } from '../search/refresh-search.sql';

/**
 * The portal's cross-domain search (identitySearch, identityFacets; ADR 0038):
 * what the facts need to answer it (names, tags, expiry, finding severity,
 * rotations under way or failed), and identity_search, one row per identity
 * with everything a filter or a facet reads, stamped with the transaction
 * that wrote it. An existing installation's facts predate the new columns:
 * they fill as events arrive, or at once by a rebuild from the topics.
 */
export class IdentitySearch1768200000000 implements MigrationInterface {
  name = 'IdentitySearch1768200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identity_facts
        ADD COLUMN name text,
        ADD COLUMN external_id text,
        ADD COLUMN tags jsonb,
        ADD COLUMN expires_at timestamptz`);
    await queryRunner.query('ALTER TABLE finding_facts ADD COLUMN severity text');
    await queryRunner.query(`
      ALTER TABLE lifecycle_facts
        ADD COLUMN rotation_requested_at timestamptz,
        ADD COLUMN rotation_failed_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE identity_search (
        identity_id uuid PRIMARY KEY,
        -- identity_facts has a row for it, and it is not decommissioned
        live boolean NOT NULL,
        name text,
        external_id text,
        tags jsonb NOT NULL,
        kind text,
        provider text,
        environment text,
        business_unit text,
        privilege_level text,
        ownership_status text,
        owner_id uuid,
        lifecycle_state text NOT NULL,
        expires_at timestamptz,
        -- open findings: category -> the highest severity's rank (1 LOW .. 4 CRITICAL)
        findings jsonb NOT NULL,
        -- the transaction that wrote the row: the search index reads what committed since it last looked
        tx xid8 NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_identity_search_tx ON identity_search (tx)');
    await queryRunner.query(REFRESH_SEARCH_SQL, [null]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE identity_search');
    await queryRunner.query('ALTER TABLE lifecycle_facts DROP COLUMN rotation_requested_at, DROP COLUMN rotation_failed_at');
    await queryRunner.query('ALTER TABLE finding_facts DROP COLUMN severity');
    await queryRunner.query(
      'ALTER TABLE identity_facts DROP COLUMN name, DROP COLUMN external_id, DROP COLUMN tags, DROP COLUMN expires_at',
    );
  }
}
