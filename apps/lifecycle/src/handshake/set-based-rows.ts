import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A row's new values, by entity property. */
export type Changes = Record<string, unknown>;

/** A table's name and its columns' names by entity property, from TypeORM's metadata. */
function tableOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>) {
  const metadata = manager.connection.getMetadata(entity);
  return {
    metadata,
    name: metadata.tableName,
    column(property: string): string {
      const found = metadata.findColumnWithPropertyName(property);
      if (!found) throw new Error(`${metadata.tableName} has no column for ${property}`);
      return found.databaseName;
    },
  };
}

/**
 * INSERT ... SELECT FROM json_populate_recordset: many rows in one statement
 * with one parameter, typed by the table's own row type. Every row must give
 * the same properties (the columns left out take their defaults).
 */
export async function insertRows(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const table = tableOf(manager, entity);
  const properties = Object.keys(rows[0] as Record<string, unknown>).filter(
    (key) => (rows[0] as Record<string, unknown>)[key] !== undefined,
  );
  const columns = properties.map((property) => table.column(property));
  const values = rows.map((row) =>
    Object.fromEntries(properties.map((property, i) => [columns[i], (row as Record<string, unknown>)[property] ?? null])),
  );
  await manager.query(
    `INSERT INTO ${table.name} (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table.name}, $1::json)`,
    [JSON.stringify(values)],
  );
}

/**
 * UPDATE ... FROM json_populate_recordset: the rows' new values travel as one
 * JSON array typed by the table's own row type, grouped by the columns they
 * change (a column not in the JSON would read as NULL).
 */
export async function updateRows(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: Map<string, Changes>): Promise<void> {
  const { metadata, column } = tableOf(manager, entity);
  const [primary] = metadata.primaryColumns;
  if (!primary || metadata.primaryColumns.length !== 1) throw new Error(`${metadata.tableName}: batched updates need a single-column key`);
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
