import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { IdentityEntity } from '../identity-data/identity.entity';

/**
 * The columns that can be long (a source's permission statements, the credentials
 * list, the privilege rules' evidence): lists of identities and entity resolution
 * leave them out, and the fields that show them load them on demand, for the
 * whole request at once. A page of 100 names then reads 100 short rows.
 */
export const DETAIL_COLUMNS = ['permissions', 'credentials', 'privilegeReasons'] as const satisfies ReadonlyArray<keyof IdentityEntity>;

export type IdentityDetails = Pick<IdentityEntity, 'id' | (typeof DETAIL_COLUMNS)[number]>;

/** The columns a list of identities reads: every column but the details. */
export function listedColumns(dataSource: DataSource, alias: string): string[] {
  const details = new Set<string>(DETAIL_COLUMNS);
  return dataSource
    .getMetadata(IdentityEntity)
    .columns.map((column) => column.propertyName)
    .filter((property) => !details.has(property))
    .map((property) => `${alias}.${property}`);
}

/** The details of the identities a request shows, one statement for all of them. */
export function detailsLoader(context: SubgraphContext, dataSource: DataSource): DataLoader<string, IdentityDetails | null> {
  return requestLoader<string, IdentityDetails | null>(context, 'identityDetails', async (ids) =>
    byKeys(
      ids,
      await dataSource
        .getRepository(IdentityEntity)
        .createQueryBuilder('i')
        .select(['i.id', ...DETAIL_COLUMNS.map((column) => `i.${column}`)])
        .where('i.id = ANY(:ids)', { ids: [...ids] })
        .getMany(),
      (row) => row.id,
      () => null,
    ),
  );
}

/** One detail of a listed identity: from the row when it was read in full, else from the request's details loader. */
export async function detailOf<K extends (typeof DETAIL_COLUMNS)[number]>(
  identity: Partial<IdentityEntity> & { id: string },
  column: K,
  context: SubgraphContext,
  dataSource: DataSource,
): Promise<IdentityEntity[K] | null> {
  if (identity[column] !== undefined) return identity[column] as IdentityEntity[K];
  return (await detailsLoader(context, dataSource).load(identity.id))?.[column] ?? null;
}
