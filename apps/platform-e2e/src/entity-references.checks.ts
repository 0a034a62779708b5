import { graphql, postGraphQL } from '@nhi/launcher';
import { waitFor } from '@nhi/testing';
import type { E2ePlatform } from './support/e2e-platform';

/**
 * Issue 22, "entity references everywhere": each id that names an entity has the entity beside it, resolved
 * by the gateway from the subgraph that owns it, so an approver's queue is one round trip instead of two.
 */

const APPROVER_QUEUE = `query ApproverQueue($identityId: ID!, $campaignId: ID!) {
  pendingExceptions(first: 50) { edges { node { id identityId identity { id name kind owner { name } } } } }
  identity(id: $identityId) { lifecycle { rotations(first: 1) { identityId identity { name } } } }
  ownershipHistory(identityId: $identityId) { change identityId identity { name ownershipStatus } }
  attestationCampaign(id: $campaignId) { ownerId owner { name } }
}`;

interface ApproverQueue {
  pendingExceptions: { edges: Array<{ node: { id: string; identityId: string; identity: unknown } }> };
  identity: { lifecycle: { rotations: Array<{ identityId: string; identity: unknown }> } };
  ownershipHistory: Array<{ change: string; identityId: string; identity: unknown }>;
  attestationCampaign: { ownerId: string; owner: unknown };
}

const SUSPENSIONS = `query ($id: ID!) {
  identity(id: $id) { lifecycle { suspensions { exceptionId exception { id status control identity { name } } } } }
}`;

interface Suspensions {
  identity: { lifecycle: { suspensions: Array<{ exceptionId: string; exception: unknown }> } };
}

/** Retries a mutation while the service behind it has not yet learnt the identity from inventory's event. */
async function once<T>(e2e: E2ePlatform, token: string, query: string, variables: Record<string, unknown>, what: string): Promise<T> {
  return waitFor(
    async () => {
      const { body } = await postGraphQL<T>(e2e.platform.gatewayUrl, token, query, variables);
      const error = body.errors?.[0];
      if (error && error.extensions?.['code'] !== 'NOT_FOUND') throw new Error(`${what} failed: ${error.message}`);
      return !error && body.data;
    },
    { timeoutMs: 30_000, what },
  );
}

interface Queue {
  identityId: string;
  teamId: string;
  exceptionId: string;
  campaignId: string;
}

/** One identity with an owner, a rotation, a requested exception and a campaign scoped to its owner. */
async function seedQueue(e2e: E2ePlatform, token: string): Promise<Queue> {
  const gatewayUrl = e2e.platform.gatewayUrl;
  const externalId = `secret/references-${e2e.runId}`;
  await graphql(gatewayUrl, token, 'mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }', {
    input: { source: 'demo-secret-manager', identities: [{ provider: 'demo', externalId, kind: 'secret', name: 'queue secret' }] },
  });
  const { identityByExternalId: identity } = await graphql<{ identityByExternalId: { id: string } }>(
    gatewayUrl,
    token,
    'query ($e: String!) { identityByExternalId(provider: "demo", externalId: $e) { id } }',
    { e: externalId },
  );
  const { upsertOwner: team } = await graphql<{ upsertOwner: { id: string } }>(
    gatewayUrl,
    token,
    `mutation { upsertOwner(input: { externalRef: "team-references-${e2e.runId}", kind: TEAM, name: "Queue team" }) { id } }`,
  );
  const assign = 'mutation ($i: ID!, $o: ID!) { assignOwner(identityId: $i, ownerId: $o, reason: "e2e") { id } }';
  await once(e2e, token, assign, { i: identity.id, o: team.id }, 'assignOwner');
  const rotate = 'mutation ($id: ID!) { requestRotation(identityId: $id, reason: "e2e references") { id } }';
  await once(e2e, token, rotate, { id: identity.id }, 'requestRotation');
  const { requestException: exception } = await once<{ requestException: { id: string } }>(
    e2e,
    token,
    `mutation ($id: ID!, $at: DateTime!) { requestException(input: { identityId: $id, control: ROTATION,
       justification: "the consumer reloads the secret only at its next release", expiresAt: $at }) { id } }`,
    { id: identity.id, at: new Date(Date.now() + 3_600_000).toISOString() },
    'requestException',
  );
  const { startAttestationCampaign: campaign } = await graphql<{ startAttestationCampaign: { id: string } }>(
    gatewayUrl,
    token,
    'mutation ($input: CampaignInput!) { startAttestationCampaign(input: $input) { id } }',
    { input: { name: `references ${e2e.runId}`, ownerId: team.id, deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() } },
  );
  return { identityId: identity.id, teamId: team.id, exceptionId: exception.id, campaignId: campaign.id };
}

/**
 * Run inside a spec that started the platform (cheaper than a platform of its own): the suite's platform is
 * only known once its beforeAll ran, hence the getter.
 */
export function describeEntityReferences(platformOf: () => E2ePlatform): void {
  describe('entity references through the gateway', () => {
    let queue: Queue;
    let token: string;
    let approverToken: string;

    beforeAll(async () => {
      token = await platformOf().token({ sub: 'e2e-references', roles: ['security-admin'] });
      approverToken = await platformOf().token({ sub: 'e2e-references-approver', roles: ['security-admin'] });
      queue = await seedQueue(platformOf(), token);
    });

    it("answers an approver's queue in one round trip: each id with its identity, owner or exception beside it", async () => {
      const { identityId, teamId, exceptionId, campaignId } = queue;
      const answer = await graphql<ApproverQueue>(platformOf().platform.gatewayUrl, approverToken, APPROVER_QUEUE, {
        identityId,
        campaignId,
      });

      // Exceptions names the identity; inventory adds its name and kind, ownership its owner.
      // Other flows of the suite may leave requests in the queue: this one is judged by its own.
      expect(answer.pendingExceptions.edges.map((edge) => edge.node).find((node) => node.id === exceptionId)).toEqual({
        id: exceptionId,
        identityId,
        identity: { id: identityId, name: 'queue secret', kind: 'SECRET', owner: { name: 'Queue team' } },
      });
      // Lifecycle names the identity of a rotation; inventory adds its name.
      expect(answer.identity.lifecycle.rotations).toEqual([{ identityId, identity: { name: 'queue secret' } }]);
      // Ownership names the identity of a change; inventory adds the name, ownership its own fields.
      expect(answer.ownershipHistory).toEqual([
        { change: 'ASSIGNED', identityId, identity: { name: 'queue secret', ownershipStatus: 'OWNED' } },
      ]);
      // The campaign's owner comes from ownership's own owners.
      expect(answer.attestationCampaign).toEqual({ ownerId: teamId, owner: { name: 'Queue team' } });
    });

    it("shows a suspension's exception, which exceptions resolves as an entity by id", async () => {
      const { gatewayUrl } = platformOf().platform;
      await graphql(gatewayUrl, approverToken, 'mutation ($id: ID!) { approveException(id: $id) { id } }', { id: queue.exceptionId });
      const suspended = await waitFor(
        async () => {
          const { identity } = await graphql<Suspensions>(gatewayUrl, token, SUSPENSIONS, { id: queue.identityId });
          return identity.lifecycle.suspensions.length > 0 && identity.lifecycle.suspensions;
        },
        { timeoutMs: 30_000, what: 'lifecycle to learn of the approval' },
      );
      expect(suspended).toEqual([
        {
          exceptionId: queue.exceptionId,
          exception: { id: queue.exceptionId, status: 'APPROVED', control: 'ROTATION', identity: { name: 'queue secret' } },
        },
      ]);
    });
  });
}
