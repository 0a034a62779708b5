import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily snapshots follow state_history by the writing transaction as well as by seq. A seq is taken at insert
 * and a run of events with a lower seq can commit after one with a higher seq (metrics applies topics side by side):
 * a snapshot run that moved past the higher seq never saw the lower one, and the days it touched (a rebuild's early
 * history) were never snapshotted. Each row now carries its transaction (tx); snapshot_progress keeps the horizon
 * of the last run (the oldest transaction still running then), and rows at or after it are read again.
 * Rows written before this migration have no tx: seq covered them, as before.
 */
export class SnapshotHorizon1768400000000 implements MigrationInterface {
  name = 'SnapshotHorizon1768400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Added without a default, then given one: no rewrite of a large history.
    await queryRunner.query('ALTER TABLE state_history ADD COLUMN tx xid8');
    await queryRunner.query('ALTER TABLE state_history ALTER COLUMN tx SET DEFAULT pg_current_xact_id()');
    await queryRunner.query('CREATE INDEX ix_state_history_tx ON state_history (tx)');
    await queryRunner.query('ALTER TABLE snapshot_progress ADD COLUMN horizon xid8');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE snapshot_progress DROP COLUMN horizon');
    await queryRunner.query('DROP INDEX ix_state_history_tx');
    await queryRunner.query('ALTER TABLE state_history DROP COLUMN tx');
  }
}
