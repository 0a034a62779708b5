import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { EventType } from '@nhi/contracts';
import type { OutboxEventInput, OutboxService } from '@nhi/messaging';

type Changes = Record<string, unknown>;

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

/**
 * UPDATE ... FROM json_populate_recordset: the rows' new values travel as one
 * JSON array typed by the table's own row type, grouped by the columns they
 * change (a column not in the JSON would read as NULL).
 */
async function updateRows(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: Map<string, Changes>): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const [primary] = metadata.primaryColumns;
  if (!primary || metadata.primaryColumns.length !== 1) throw new Error(`${metadata.tableName}: batched updates need a single-column key`);
  const column = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.tableName} has no column for ${property}`);
    return found.databaseName;
  };
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const [key, changes] of rows) {
    const properties = Object.keys(changes).sort();
    if (properties.length === 0) continue;
    const row: Record<string, unknown> = { [primary.databaseName]: key };
    for (const property of properties) row[column(property)] = changes[property];
    const group = properties.join(',');
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  for (const [group, values] of groups) {
    const columns = group.split(',').map(column);
    await manager.query(
      `UPDATE ${metadata.tableName} t SET (${columns.join(', ')}) = ROW(${columns.map((c) => `v.${c}`).join(', ')})
       FROM json_populate_recordset(NULL::${metadata.tableName}, $1::json) v WHERE t.${primary.databaseName} = v.${primary.databaseName}`,
      [JSON.stringify(values)],
    );
  }
}
