import { InboxEventEntity } from './inbox-event.entity';
import { OutboxEventEntity } from './outbox-event.entity';

/** Add to the service's TypeORM entities, next to MessagingTables1764201600000 in its migrations. */
export const MESSAGING_ENTITIES = [OutboxEventEntity, InboxEventEntity];
