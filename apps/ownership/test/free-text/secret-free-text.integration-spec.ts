import { ownershipSpec } from '../support/ownership-spec';

const spec = ownershipSpec('ownership-free-text');

/** Fake secrets in real shapes (libs/secrets/corpus); none is or was a credential. */
const STRIPE = 'sk_live_FAKEcD2N6xGq6z1RKbE397MO';
const PASSWORD = 'password = FakeGc5W9VVH!';

describe('free text that looks like a secret', () => {
  it('is refused with an error naming the field, and nothing is stored or published', async () => {
    const before = spec.tap.messages.length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ externalRef: 'team-leak-1', kind: 'TEAM', name: `Payments ${STRIPE}` }, 'input.name'],
      [{ externalRef: 'team-leak-2', kind: 'TEAM', name: 'Payments', businessUnit: PASSWORD }, 'input.businessUnit'],
      [{ externalRef: 'person-leak', kind: 'PERSON', name: 'Ana', email: `${STRIPE}@example.com` }, 'input.email'],
    ];
    for (const [input, field] of cases) {
      const result = await spec.client.upsertOwner(input);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(result.errors?.[0]?.message).toMatch(new RegExp(`^${field.replace('.', '\\.')} looks like it contains secret material`));
      expect(JSON.stringify(result)).not.toContain('FAKE');
    }
    expect(await spec.subgraph.sql("SELECT 1 FROM owners WHERE external_ref LIKE '%-leak%'")).toEqual([]);
    expect(spec.tap.messages.slice(before).filter((m) => m.value?.includes('FAKE'))).toEqual([]);
  });

  it('refuses an assignment whose reason carries a secret, and the identity stays unassigned', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: 'team-reason', kind: 'TEAM', name: 'Reasons' });
    const refused = await spec.client.assign({ identityId, ownerId: team.id, reason: `handover, token ${STRIPE}` });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    expect(await spec.client.identity(identityId)).toMatchObject({ ownershipStatus: 'UNASSIGNED', owner: null });
    expect(JSON.stringify(await spec.client.history(identityId))).not.toContain('FAKE');
    // The same call with a plain reason goes through: the check is about the value, not the field.
    expect((await spec.client.assign({ identityId, ownerId: team.id, reason: 'handover' })).errors).toBeUndefined();
  });

  it('answers a mutation of the payload form with a userError instead, and stores nothing', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: 'team-payload', kind: 'TEAM', name: 'Payloads' });
    const result = await spec.subgraph.query<{ identityOwnerAssign: unknown }>(
      `mutation($input: IdentityOwnerAssignInput!) {
        identityOwnerAssign(input: $input) { identity { id } userErrors { field message code } clientMutationId }
      }`,
      { input: { identityId, ownerId: team.id, reason: `handover, token ${STRIPE}`, clientMutationId: 'c-7' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.identityOwnerAssign).toMatchObject({
      identity: null,
      userErrors: [
        { field: ['reason'], code: 'INVALID', message: expect.stringMatching(/^reason looks like it contains secret material/) },
      ],
      clientMutationId: 'c-7',
    });
    expect(JSON.stringify(result)).not.toContain('FAKE');
    expect(await spec.client.identity(identityId)).toMatchObject({ ownershipStatus: 'UNASSIGNED', owner: null });
  });

  it('lets identifiers through where a provider documents them', async () => {
    const owner = await spec.client.owner({ externalRef: 'arn:aws:iam::123456789012:role/payments', kind: 'TEAM', name: 'Payments' });
    expect(owner.externalRef).toBe('arn:aws:iam::123456789012:role/payments');
  });
});
