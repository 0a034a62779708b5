import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '../actor';
import { CanRead, SecurityAdminOnly } from './access-rules';
import { AccessGuard } from './access.guard';

@CanRead()
class ReadingResolver {
  identities(): string {
    return 'identities';
  }
  @SecurityAdminOnly('approve an exception')
  approveException(): string {
    return 'approved';
  }
}

class UndecidedResolver {
  deleteEverything(): string {
    return 'deleted';
  }
}

/** What Nest hands a guard for a GraphQL resolver call: (root, args, context, info). */
function graphqlCall(resolver: new () => object, method: string, actor: Actor): ExecutionContext {
  const handler = (resolver.prototype as Record<string, () => void>)[method];
  return {
    getType: () => 'graphql',
    getClass: () => resolver,
    getHandler: () => handler,
    getArgs: () => [{}, {}, { req: { actor } }, {}],
  } as unknown as ExecutionContext;
}

const guard = new AccessGuard(new Reflector());
const viewer: Actor = { sub: 'val', roles: ['viewer'], ownerRefs: [] };
const admin: Actor = { sub: 'sam', roles: ['security-admin'], ownerRefs: [] };

describe('AccessGuard', () => {
  it("applies the class's decision to its methods and a method's own decision over it", () => {
    expect(guard.canActivate(graphqlCall(ReadingResolver, 'identities', viewer))).toBe(true);
    expect(guard.canActivate(graphqlCall(ReadingResolver, 'approveException', admin))).toBe(true);
    expect(() => guard.canActivate(graphqlCall(ReadingResolver, 'approveException', viewer))).toThrow(
      'Forbidden: to approve an exception needs the security-admin role; val has viewer',
    );
  });

  it('refuses a resolver that has no authorisation decision, whoever calls it', () => {
    expect(() => guard.canActivate(graphqlCall(UndecidedResolver, 'deleteEverything', admin))).toThrow(
      'Forbidden: UndecidedResolver.deleteEverything has no authorisation decision, so it is refused',
    );
  });

  it('leaves plain HTTP controllers to their own checks', () => {
    const http = { ...graphqlCall(UndecidedResolver, 'deleteEverything', viewer), getType: () => 'http' } as ExecutionContext;
    expect(guard.canActivate(http)).toBe(true);
  });
});
