import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_TREND_SQL } from '../counts/refresh-trend.sql';

/**
 * Running totals for the daily snapshots (docs/adr/0021), so that today's is
 * read from governance_counts instead of scanning state_history.
 * identity_trend holds, per identity, what the snapshots count it towards, as
 * its history says (each attribute's latest entry); its sums go into
 * governance_counts under the rollups 'trend-unit' (per business unit, as the
 * history says it) and 'trend-all'. Both are filled here from the history,
 * for an existing installation.
 */
export class TrendCounts1767100000000 implements MigrationInterface {
  name = 'TrendCounts1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity_trend (
        identity_id uuid PRIMARY KEY,
        -- its latest 'live' entry says '1'
        live boolean NOT NULL,
        business_unit text,
        ownership text,
        -- its latest attestation
        attested_at timestamptz,
        overdue boolean NOT NULL,
        managed boolean NOT NULL,
        -- findings whose latest entry says open
        open_findings integer NOT NULL,
        -- the expiry of each exception whose latest entry is REQUESTED or APPROVED
        open_expiries timestamptz[] NOT NULL
      )`);
    // Identities whose history moved since the snapshot job last brought their totals up to date.
    await queryRunner.query('CREATE TABLE trend_dirty (identity_id uuid PRIMARY KEY)');
    // The job reads the history of the identities marked.
    await queryRunner.query('CREATE INDEX ix_state_history_identity ON state_history (identity_id)');
    await queryRunner.query(REFRESH_TREND_SQL, [null]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM governance_counts WHERE rollup IN ('trend-unit', 'trend-all')`);
    await queryRunner.query('DROP INDEX ix_state_history_identity');
    await queryRunner.query('DROP TABLE trend_dirty');
    await queryRunner.query('DROP TABLE identity_trend');
  }
}
