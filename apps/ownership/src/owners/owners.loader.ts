import type DataLoader from 'dataloader';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import type { OwnerEntity } from '../owner-data/owner.entity';
import type { OwnersService } from './owners.service';

/** Owners of one request, loaded in one query whichever field asks for them. */
export function ownersLoader(context: SubgraphContext, owners: OwnersService): DataLoader<string, OwnerEntity | null> {
  return requestLoader<string, OwnerEntity | null>(context, 'owners', async (ids) =>
    byKeys(
      ids,
      await owners.byIds(ids),
      (row) => row.id,
      () => null,
    ),
  );
}
