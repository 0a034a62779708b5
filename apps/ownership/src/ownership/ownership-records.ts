import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import { OwnerEntity } from '../owner-data/owner.entity';

/** What the identity's ownership fields show. */
export type OwnershipRow = Pick<IdentityOwnershipEntity, 'identityId' | 'status' | 'lastAttestationAt' | 'ownerId' | 'backupOwnerId'>;

/** An identity's ownership with its PRIMARY and BACKUP owners, as one page of entities needs them. */
export interface OwnershipRecord {
  row: OwnershipRow;
  owner: OwnerEntity | null;
  backupOwner: OwnerEntity | null;
}

/**
 * The ownership of many identities and their owners in one statement: a page of
 * 100 identities costs ownership one round trip, whichever of these fields it asks
 * for. Plain SQL mapped by the entities' column metadata: TypeORM's join
 * hydration cost more CPU than the rest of the request (docs/benchmarks.md,
 * Portal page), and `= ANY(array)` binds one parameter where `IN (...)` binds one per id.
 */
@Injectable()
export class OwnershipRecords {
  private readonly ownerColumns: Array<{ property: keyof OwnerEntity; column: string }>;
  /** The statement, built once: the owners' columns come from the entity's metadata. */
  private readonly statement: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.ownerColumns = dataSource
      .getMetadata(OwnerEntity)
      .columns.map((c) => ({ property: c.propertyName as keyof OwnerEntity, column: c.databaseName }));
    const owner = (alias: string) => this.ownerColumns.map(({ column }) => `${alias}.${column} AS "${alias}.${column}"`).join(', ');
    this.statement = `SELECT o.identity_id, o.status, o.last_attestation_at, o.owner_id, o.backup_owner_id, ${owner('p')}, ${owner('b')}
       FROM identity_ownership o
       LEFT JOIN owners p ON p.id = o.owner_id
       LEFT JOIN owners b ON b.id = o.backup_owner_id
       WHERE o.identity_id = ANY($1)`;
  }

  async of(identityIds: readonly string[]): Promise<OwnershipRecord[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(this.statement, [[...identityIds]]);
    return rows.map((row) => ({
      row: {
        identityId: row['identity_id'] as string,
        status: row['status'] as OwnershipRow['status'],
        lastAttestationAt: row['last_attestation_at'] as Date | null,
        ownerId: row['owner_id'] as string | null,
        backupOwnerId: row['backup_owner_id'] as string | null,
      },
      owner: this.ownerFrom(row, 'p'),
      backupOwner: this.ownerFrom(row, 'b'),
    }));
  }

  private ownerFrom(row: Record<string, unknown>, alias: string): OwnerEntity | null {
    if (row[`${alias}.id`] === null) return null;
    const owner = new OwnerEntity();
    for (const { property, column } of this.ownerColumns) Object.assign(owner, { [property]: row[`${alias}.${column}`] });
    return owner;
  }
}
