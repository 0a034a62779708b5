import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import type { IdentityEntity } from '../identity-data/identity.entity';
import type { IdentitiesService } from './identities.service';

/** Identities by id, batched per request: every field that leads to an identity shares one query. */
export function identityLoader(context: SubgraphContext, service: IdentitiesService) {
  return requestLoader<string, IdentityEntity | null>(context, 'identityById', async (ids) =>
    byKeys(
      ids,
      await service.listed(ids),
      (row) => row.id,
      () => null,
    ),
  );
}
