import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context each outbox row was written in (ADR 0033): the relay
 * sends it as the event's ce_traceparent/ce_tracestate headers, and an
 * operator can find the rows of one trace. Nullable: rows from before have none.
 */
export class MessagingOutboxTraceContext1767400000000 implements MigrationInterface {
  name = 'MessagingOutboxTraceContext1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_events ADD COLUMN traceparent text, ADD COLUMN tracestate text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_events DROP COLUMN tracestate, DROP COLUMN traceparent`);
  }
}
