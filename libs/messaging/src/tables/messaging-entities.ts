import { MessagingTables1764201600000 } from './1764201600000-messaging-tables';
import { MessagingDeadLetters1765800000000 } from './1765800000000-dead-letters';
import { MessagingInboxBySource1766700000000 } from './1766700000000-inbox-by-source';
import { MessagingOutboxTraceContext1767400000000 } from './1767400000000-outbox-trace-context';
import { InboxEventEntity } from './inbox-event.entity';
import { OutboxEventEntity } from './outbox-event.entity';

/** Add to the service's TypeORM entities, next to MESSAGING_MIGRATIONS in its migrations. */
export const MESSAGING_ENTITIES = [OutboxEventEntity, InboxEventEntity];

/** The messaging tables' migrations: every service lists them with its own. */
export const MESSAGING_MIGRATIONS = [
  MessagingTables1764201600000,
  MessagingDeadLetters1765800000000,
  MessagingInboxBySource1766700000000,
  MessagingOutboxTraceContext1767400000000,
];
