import type { SubgraphContext } from '@nhi/graphql';
import type { ExceptionsService } from './exceptions.service';
import type { PolicyExceptionEntity } from './policy-exception.entity';
import { PolicyExceptionReferencesResolver } from './policy-exception-references.resolver';

const approved = { id: 'e-1', identityId: 'nhi-1', status: 'APPROVED' } as PolicyExceptionEntity;

function setUp() {
  const byIds = jest.fn(async (ids: readonly string[]) => [approved].filter((row) => ids.includes(row.id)));
  const resolver = new PolicyExceptionReferencesResolver({ byIds } as unknown as ExceptionsService);
  const context: SubgraphContext = { req: {} as SubgraphContext['req'], loaders: new Map() };
  return { byIds, resolver, context };
}

describe('PolicyExceptionReferencesResolver', () => {
  it('resolves the references of one request in one query, null for an exception it does not know', async () => {
    const { byIds, resolver, context } = setUp();

    const found = await Promise.all([
      resolver.resolveReference({ id: 'e-1' }, context),
      resolver.resolveReference({ id: 'e-gone' }, context),
      resolver.resolveReference({ id: 'e-1' }, context),
    ]);

    expect(found).toEqual([approved, null, approved]);
    expect(byIds).toHaveBeenCalledTimes(1);
    expect(byIds).toHaveBeenCalledWith(['e-1', 'e-gone']);
  });

  it('gives the identity as a reference by its id, without a query', () => {
    const { byIds, resolver } = setUp();

    expect(resolver.identity(approved)).toEqual({ id: 'nhi-1' });
    expect(byIds).not.toHaveBeenCalled();
  });
});
