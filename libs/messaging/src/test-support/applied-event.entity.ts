import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** One row each time a test handler applies an event: counting rows counts applications. */
@Entity({ name: 'test_applied_events' })
export class AppliedEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  handler!: string;
}

export class TestAppliedEvents1764201600001 implements MigrationInterface {
  name = 'TestAppliedEvents1764201600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Deliberately no unique constraint: a double application must show up as two rows.
    await queryRunner.query(`CREATE TABLE test_applied_events (id serial PRIMARY KEY, event_id text NOT NULL, handler text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE test_applied_events`);
  }
}
