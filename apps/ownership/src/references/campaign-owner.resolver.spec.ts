import type { SubgraphContext } from '@nhi/graphql';
import type { AttestationCampaignModel } from '../attestation/attestation-campaign.model';
import type { OwnerEntity } from '../owner-data/owner.entity';
import type { OwnersService } from '../owners/owners.service';
import { CampaignOwnerResolver } from './campaign-owner.resolver';

const team = { id: 'o-1', name: 'Payments' } as OwnerEntity;
const campaign = (id: string, ownerId: string | null) => ({ id, ownerId }) as AttestationCampaignModel;

describe('CampaignOwnerResolver', () => {
  it('loads the owners of a list of campaigns in one query, and none for a campaign scoped to no owner', async () => {
    const byIds = jest.fn(async (ids: readonly string[]) => [team].filter((owner) => ids.includes(owner.id)));
    const resolver = new CampaignOwnerResolver({ byIds } as unknown as OwnersService);
    const context: SubgraphContext = { req: {} as SubgraphContext['req'], loaders: new Map() };

    const owners = await Promise.all(
      [campaign('c-1', 'o-1'), campaign('c-2', null), campaign('c-3', 'o-left')].map((c) => resolver.owner(c, context)),
    );

    expect(owners).toEqual([team, null, null]);
    expect(byIds).toHaveBeenCalledTimes(1);
    expect(byIds).toHaveBeenCalledWith(['o-1', 'o-left']);
  });
});
