import type DataLoader from 'dataloader';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import type { OwnershipService } from '../ownership/ownership.service';
import type { OwnerEntity } from './owner.entity';

/** Owners of one request, loaded in one query whichever field asks for them. */
export function ownersLoader(context: SubgraphContext, ownership: OwnershipService): DataLoader<string, OwnerEntity | null> {
  return requestLoader<string, OwnerEntity | null>(context, 'owners', async (ids) =>
    byKeys(
      ids,
      await ownership.ownersByIds(ids),
      (row) => row.id,
      () => null,
    ),
  );
}
