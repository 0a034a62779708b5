import type { SubgraphContext } from '@nhi/graphql';
import type { RotationRequestEntity } from '../requests/rotation-request.entity';
import { RequestProgressResolver } from './request-progress.resolver';
import type { RequestsById } from './requests-by-id';

const A = '0190a0a0-0000-7000-8000-00000000000a';
const B = '0190a0a0-0000-7000-8000-00000000000b';

describe('RequestProgressResolver', () => {
  it('reads every rotation a request asks for by id in one batch, with null for an id that names none', async () => {
    const batches: string[][] = [];
    const requests = {
      rotations: async (ids: readonly string[]) => {
        batches.push([...ids]);
        return [{ id: A }, { id: B }] as RotationRequestEntity[];
      },
    } as unknown as RequestsById;
    const resolver = new RequestProgressResolver(requests);
    const context = { loaders: new Map() } as SubgraphContext;

    const found = await Promise.all([A, B.toUpperCase(), 'rotation-1'].map((id) => resolver.rotationRequest(id, context)));

    expect(found.map((row) => row?.id ?? null)).toEqual([A, B, null]);
    expect(batches).toEqual([[A, B, 'rotation-1']]);
  });
});
