import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NonHumanIdentity.timeline: one row per event about an identity, from every
 * topic metrics follows, newest first per identity. Filled as events arrive
 * (and by a rebuild from the topics); nothing to backfill from the facts,
 * which keep only the latest state.
 */
export class IdentityTimeline1768300000000 implements MigrationInterface {
  name = 'IdentityTimeline1768300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity_timeline (
        -- an event is (source, id): a redelivery is the same entry
        source text NOT NULL,
        event_id text NOT NULL,
        identity_id uuid NOT NULL,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        event_type text NOT NULL,
        summary text NOT NULL,
        actor text,
        PRIMARY KEY (source, event_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX ix_identity_timeline_identity ON identity_timeline (identity_id, at DESC, source DESC, event_id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE identity_timeline');
  }
}
