import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each identity's governance state was, over time, from event times:
 * what daily snapshots are computed from, so that a rebuild from the topics
 * rebuilds the trends too.
 */
export class GovernanceHistory1765900000000 implements MigrationInterface {
  name = 'GovernanceHistory1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE state_history (
        seq bigserial PRIMARY KEY,
        identity_id uuid NOT NULL,
        -- live, business_unit, ownership, attested, overdue, managed, finding:<id>, exception:<id>
        attribute text NOT NULL,
        value text,
        -- an exception's expiry
        until timestamptz,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_state_history_at ON state_history (at)');
    await queryRunner.query(`
      CREATE TABLE governance_snapshots (
        day date NOT NULL,
        -- 'estate', or 'bu:' followed by the business unit (nothing after it for identities without one)
        scope text NOT NULL,
        identities integer NOT NULL,
        owned integer NOT NULL,
        orphaned integer NOT NULL,
        attested integer NOT NULL,
        overdue integer NOT NULL,
        managed integer NOT NULL,
        open_exceptions integer NOT NULL,
        open_findings integer NOT NULL,
        PRIMARY KEY (scope, day)
      )`);
    await queryRunner.query(`
      CREATE TABLE snapshot_progress (
        id integer PRIMARY KEY CHECK (id = 1),
        -- state_history rows up to this seq are in the snapshots
        seq bigint NOT NULL
      )`);
    await queryRunner.query('INSERT INTO snapshot_progress (id, seq) VALUES (1, 0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE snapshot_progress');
    await queryRunner.query('DROP TABLE governance_snapshots');
    await queryRunner.query('DROP TABLE state_history');
  }
}
