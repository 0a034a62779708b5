import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { updateRows, type Changes } from './set-based-rows';
import type { EventType } from '@nhi/contracts';
import type { OutboxEventInput, OutboxService } from '@nhi/messaging';

/**
 * The writes of one run of integrator results, held until the run has been
 * folded and then made set-based: per table, one UPDATE for each set of
 * columns changed (usually one or two), and one outbox insert for every event.
 * Results are applied in order on rows loaded and locked at the run's start,
 * and each change is made to those rows in memory as well, so a later result
 * in the run sees what an earlier one did, as if each had been written.
 */
export class RunWrites {
  private readonly rows = new Map<EntityTarget<ObjectLiteral>, Map<string, Changes>>();
  private readonly events: Array<OutboxEventInput<EventType>> = [];

  /** Records changes to the row with this primary key; later changes to a column replace earlier ones. */
  update(entity: EntityTarget<ObjectLiteral>, key: string, changes: Changes): void {
    const table = this.rows.get(entity) ?? new Map<string, Changes>();
    table.set(key, { ...table.get(key), ...changes });
    this.rows.set(entity, table);
  }

  publish(event: OutboxEventInput<EventType>): void {
    this.events.push(event);
  }

  async flush(manager: EntityManager, outbox: OutboxService): Promise<void> {
    for (const [entity, rows] of this.rows) await updateRows(manager, entity, rows);
    this.rows.clear();
    await outbox.enqueueMany(manager, this.events.splice(0));
  }
}
