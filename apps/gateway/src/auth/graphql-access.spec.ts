import { GraphQLError } from 'graphql';
import { assertGraphQLAccess } from './graphql-access';

describe('GraphQL access', () => {
  it('lets viewers, owners, security admins and auditors in', () => {
    for (const role of ['viewer', 'owner', 'security-admin', 'auditor'] as const) {
      const actor = { sub: 'a', roles: [role], ownerRefs: [] };
      expect(assertGraphQLAccess(actor)).toBe(actor);
    }
    expect(assertGraphQLAccess({ sub: 'a', roles: ['integrator', 'viewer'], ownerRefs: [] }).sub).toBe('a');
  });

  it('refuses an integrator with FORBIDDEN and HTTP 403, pointing at Kafka and the bulk endpoint', () => {
    const error = (() => {
      try {
        return assertGraphQLAccess({ sub: 'connector', roles: ['integrator'], ownerRefs: [] });
      } catch (e) {
        return e;
      }
    })() as GraphQLError;

    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe(
      'Forbidden: the integrator role has no GraphQL access; integrators use Kafka topics and the bulk ingest endpoint ' +
        '(GraphQL needs one of viewer, owner, security-admin, auditor)',
    );
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', http: { status: 403 } });
  });

  it('refuses a token with no roles', () => {
    expect(() => assertGraphQLAccess({ sub: 'x', roles: [], ownerRefs: [] })).toThrow(
      /^Forbidden: a token with no roles has no GraphQL access \(/,
    );
  });
});
