import { Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS, dlqTopic } from '@nhi/contracts';
import { graphql, postGraphQL, RunningPlatform } from '@nhi/launcher';
import { waitFor } from '@nhi/testing';
import { E2ePlatform, startE2ePlatform } from './support/e2e-platform';
import { describeCookbook } from './cookbook.checks';
import { describeEntityReferences } from './entity-references.checks';
import { describeObservability } from './observability.checks';
import { describeProgressStream } from './progress-stream.checks';

let e2e: E2ePlatform;
let platform: RunningPlatform;
let runId: string;
let topicPrefix: string;
let brokers: string[];
let token: string;
/** A second security-admin: whoever requests an exception may not approve it. */
let approverToken: string;

const SPANNING_QUERY = `
  query Spanning($id: ID!) {
    identity(id: $id) {
      id kind name provider externalId environment businessUnit status firstSeenAt
      sightings { source seenAt }
      owner { id name }
      ownershipStatus
      lastAttestation
      lifecycle { state nextRotationDueAt lastRotatedAt policy { name maxAgeDays } rotations(first: 5) { id } revocation { id } }
      exceptions { id status }
    }
    governanceSummary { totalIdentities byKind { key count } }
  }`;

interface SpanningResult {
  identity: {
    id: string;
    provider: string;
    environment: string;
    sightings: Array<{ source: string }>;
    ownershipStatus: string;
    owner: null;
    lifecycle: { state: string; nextRotationDueAt: string; policy: { name: string; maxAgeDays: number } } | null;
    exceptions: unknown[];
  };
  governanceSummary: { totalIdentities: number; byKind: Array<{ key: string; count: number }> };
}

beforeAll(async () => {
  e2e = await startE2ePlatform(5100);
  ({ platform, runId, topicPrefix, brokers } = e2e);
  token = await e2e.token({ sub: 'e2e-admin', roles: ['security-admin'] });
  approverToken = await e2e.token({ sub: 'e2e-approver', roles: ['security-admin'] });
});

afterAll(async () => {
  await e2e?.stop();
});

describe('the platform through the gateway', () => {
  it('creates every platform topic and its dead-letter topic', async () => {
    const admin = new Kafka({ clientId: 'e2e-topics', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = await admin.listTopics();
    await admin.disconnect();
    for (const topic of ALL_TOPICS) {
      expect(topics).toContain(`${topicPrefix}${topic}`);
      expect(topics).toContain(dlqTopic(`${topicPrefix}${topic}`));
    }
  });

  it('answers one query with fields from all five subgraphs, after the other services consumed the inventory event', async () => {
    const createdAt = new Date(Date.now() - 10 * 86_400_000);
    const { ingestIdentities } = await graphql<{ ingestIdentities: { created: number; rejectedCount: number } }>(
      platform.gatewayUrl,
      token,
      `
        mutation ($input: IngestIdentitiesInput!) {
          ingestIdentities(input: $input) {
            created
            rejectedCount
          }
        }
      `,
      {
        input: {
          source: 'aws-config',
          identities: [
            {
              kind: 'svc-account',
              name: 'e2e-batch',
              provider: 'Amazon Web Services',
              externalId: `arn:aws:iam::123:role/e2e-${runId}`,
              environment: 'prd',
              businessUnit: 'Payments',
              createdAt: createdAt.toISOString(),
            },
          ],
        },
      },
    );
    expect(ingestIdentities).toEqual({ created: 1, rejectedCount: 0 });
    const { identityByExternalId } = await graphql<{ identityByExternalId: { id: string } }>(
      platform.gatewayUrl,
      token,
      `
        query ($p: String!, $e: String!) {
          identityByExternalId(provider: $p, externalId: $e) {
            id
          }
        }
      `,
      { p: 'aws', e: `arn:aws:iam::123:role/e2e-${runId}` },
    );

    const result = await waitFor(
      async () => {
        const r = await graphql<SpanningResult>(platform.gatewayUrl, token, SPANNING_QUERY, { id: identityByExternalId.id });
        return r.identity.lifecycle !== null && r.governanceSummary.totalIdentities === 1 && r;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'lifecycle and metrics to consume the inventory event' },
    );

    expect(result.identity).toMatchObject({
      id: identityByExternalId.id,
      provider: 'aws',
      environment: 'PRODUCTION',
      sightings: [{ source: 'aws-config' }],
      owner: null,
      ownershipStatus: 'UNASSIGNED',
      exceptions: [],
    });
    // Lifecycle learnt the identity from the event and scheduled it under the default 90-day policy.
    expect(result.identity.lifecycle).toMatchObject({ state: 'ACTIVE', policy: { name: 'default', maxAgeDays: 90 } });
    expect(new Date(result.identity.lifecycle?.nextRotationDueAt ?? 0).getTime()).toBe(createdAt.getTime() + 90 * 86_400_000);
    // Metrics counted it from the same event.
    expect(result.governanceSummary).toEqual({ totalIdentities: 1, byKind: [{ key: 'SERVICE_ACCOUNT', count: 1 }] });
  });

  it('shows owners from ownership next to inventory fields, and lists orphans with their inventory names', async () => {
    const externalId = `arn:aws:iam::123:role/e2e-${runId}`;
    const { identityByExternalId: identity } = await graphql<{ identityByExternalId: { id: string } }>(
      platform.gatewayUrl,
      token,
      'query ($e: String!) { identityByExternalId(provider: "aws", externalId: $e) { id } }',
      { e: externalId },
    );
    const { upsertOwner: team } = await graphql<{ upsertOwner: { id: string } }>(
      platform.gatewayUrl,
      token,
      'mutation { upsertOwner(input: { externalRef: "team-e2e", kind: TEAM, name: "E2E Payments" }) { id } }',
    );
    await graphql(
      platform.gatewayUrl,
      token,
      'mutation ($i: ID!, $o: ID!) { assignOwner(identityId: $i, ownerId: $o, reason: "e2e") { id } }',
      {
        i: identity.id,
        o: team.id,
      },
    );

    const listed = await graphql<{
      identities: { edges: Array<{ node: { name: string; provider: string; ownershipStatus: string; owner: { name: string } } }> };
    }>(platform.gatewayUrl, token, '{ identities(first: 10) { edges { node { name provider ownershipStatus owner { name } } } } }');
    expect(listed.identities.edges.map((e) => e.node)).toContainEqual({
      name: 'e2e-batch',
      provider: 'aws',
      ownershipStatus: 'OWNED',
      owner: { name: 'E2E Payments' },
    });

    // "My identities": a token carrying the team's externalRef sees it through `viewer`, with inventory's fields and exceptions' queue.
    const ownerToken = await e2e.token({ sub: 'e2e-owner', roles: ['owner'], ownerRefs: ['team-e2e'] });
    const mine = await graphql<{ viewer: unknown }>(
      platform.gatewayUrl,
      ownerToken,
      '{ viewer { subject owners { name } identities(first: 10) { totalCount edges { node { name provider } } } exceptionsToDecide { id } } }',
    );
    expect(mine.viewer).toEqual({
      subject: 'e2e-owner',
      owners: [{ name: 'E2E Payments' }],
      identities: { totalCount: 1, edges: [{ node: { name: 'e2e-batch', provider: 'aws' } }] },
      exceptionsToDecide: [],
    });

    // The assign-owner picker, the token's owner ref, and the identity's own history from ownership through the gateway.
    const picked = await graphql<{
      owners: { edges: Array<{ node: { id: string } }> };
      ownerByExternalRef: { id: string } | null;
      identity: { ownershipHistory: { edges: Array<{ node: { change: string; owner: { name: string } | null } }> } | null };
    }>(
      platform.gatewayUrl,
      token,
      'query ($i: ID!) { owners(search: "e2e pay", first: 10) { edges { node { id } } } ownerByExternalRef(ref: "team-e2e") { id } ' +
        'identity(id: $i) { ownershipHistory(first: 10) { edges { node { change owner { name } } } } } }',
      { i: identity.id },
    );
    expect(picked.owners.edges).toContainEqual({ node: { id: team.id } });
    expect(picked.ownerByExternalRef).toEqual({ id: team.id });
    expect(picked.identity.ownershipHistory?.edges).toContainEqual({ node: { change: 'ASSIGNED', owner: { name: 'E2E Payments' } } });

    await graphql(platform.gatewayUrl, token, 'mutation ($o: ID!) { deactivateOwner(ownerId: $o, reason: "team dissolved") { id } }', {
      o: team.id,
    });
    const orphans = await graphql<{
      orphanedIdentities: { totalCount: number; edges: Array<{ node: { name: string; environment: string; owner: null } }> };
    }>(platform.gatewayUrl, token, '{ orphanedIdentities(first: 10) { totalCount edges { node { name environment owner { name } } } } }');
    expect(orphans.orphanedIdentities).toEqual({
      totalCount: 1,
      edges: [{ node: { name: 'e2e-batch', environment: 'PRODUCTION', owner: null } }],
    });
  });

  it('rotates a credential through the reference integrator: request, integrator, result applied, state visible', async () => {
    await graphql(
      platform.gatewayUrl,
      token,
      `mutation { ingestIdentities(input: { source: "demo-secret-manager", identities: [
         { provider: "demo", externalId: "secret/e2e-${runId}", kind: "secret", name: "e2e secret" }] }) { created } }`,
    );
    const { identityByExternalId: identity } = await graphql<{ identityByExternalId: { id: string } }>(
      platform.gatewayUrl,
      token,
      'query ($e: String!) { identityByExternalId(provider: "demo", externalId: $e) { id } }',
      { e: `secret/e2e-${runId}` },
    );
    const requested = await waitFor(
      async () => {
        const { status, body } = await postGraphQL(
          platform.gatewayUrl,
          token,
          'mutation ($id: ID!) { requestRotation(identityId: $id, reason: "e2e") { id status } }',
          { id: identity.id },
        );
        return status === 200 && !body.errors && (body.data as { requestRotation: { id: string } }).requestRotation;
      },
      { what: 'lifecycle to know the identity and accept the rotation' },
    );

    const rotated = await waitFor(
      async () => {
        const r = await graphql<{
          identity: {
            credentialFingerprint: string | null;
            lifecycle: { state: string; lastRotatedAt: string | null; rotations: Array<{ id: string; status: string }> };
          };
        }>(
          platform.gatewayUrl,
          token,
          'query ($id: ID!) { identity(id: $id) { credentialFingerprint lifecycle { state lastRotatedAt rotations(first: 1) { id status } } } }',
          { id: identity.id },
        );
        // The state and the rotations are read by two queries, so one answer can hold a completed rotation
        // and the state from just before it; wait for the state to leave ROTATING before judging it.
        const { lifecycle } = r.identity;
        return lifecycle.rotations[0]?.status === 'COMPLETED' && lifecycle.state !== 'ROTATING' && r.identity;
      },
      { timeoutMs: 30_000, what: 'the reference integrator to rotate the credential' },
    );
    expect(rotated.lifecycle).toMatchObject({ state: 'ACTIVE', rotations: [{ id: requested.id, status: 'COMPLETED' }] });
    expect(rotated.lifecycle.lastRotatedAt).not.toBeNull();

    // What a portal polls to show progress: the attempt by its id, through the gateway.
    const { rotationRequest } = await graphql<{ rotationRequest: { id: string; status: string; completedAt: string | null } }>(
      platform.gatewayUrl,
      token,
      'query ($id: ID!) { rotationRequest(id: $id) { id status completedAt } }',
      { id: requested.id },
    );
    expect(rotationRequest).toMatchObject({ id: requested.id, status: 'COMPLETED' });
    expect(rotationRequest.completedAt).not.toBeNull();
  });

  it('rotates the credentials an identity holds: the request names them, the integrator says which replaced which, inventory records it', async () => {
    const externalId = `user/e2e-keys-${runId}`;
    const credentials = [
      { type: 'ACCESS_KEY', externalId: `AKIA-E2E-${runId}-1`, createdAt: '2026-01-05T00:00:00Z', lastUsedAt: '2026-11-30T00:00:00Z' },
      { type: 'CERTIFICATE', externalId: `cert-${runId}`, expiresAt: '2027-06-01T00:00:00Z' },
    ];
    await graphql(platform.gatewayUrl, token, 'mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }', {
      input: {
        source: 'demo-secret-manager',
        identities: [{ provider: 'demo', externalId, kind: 'iam user', name: 'e2e keys', credentials }],
      },
    });
    const { identityByExternalId: identity } = await graphql<{
      identityByExternalId: { id: string; credentials: Array<{ id: string; type: string }> };
    }>(
      platform.gatewayUrl,
      token,
      'query ($e: String!) { identityByExternalId(provider: "demo", externalId: $e) { id credentials { id type } } }',
      { e: externalId },
    );
    const keyId = identity.credentials.find((c) => c.type === 'ACCESS_KEY')?.id;
    await waitFor(
      async () => {
        const { status, body } = await postGraphQL(
          platform.gatewayUrl,
          token,
          'mutation ($id: ID!) { requestRotation(identityId: $id, reason: "e2e keys") { id } }',
          {
            id: identity.id,
          },
        );
        return status === 200 && !body.errors;
      },
      { what: 'lifecycle to know the identity and accept the rotation' },
    );

    const QUERY = `query ($id: ID!) { identity(id: $id) {
      credentials { id type externalId lastRotatedAt }
      lifecycle { rotations(first: 1) { status targetCredentials { id type externalId } replaced { previousExternalId externalId } } } } }`;
    interface Rotated {
      identity: {
        credentials: Array<{ id: string; type: string; externalId: string; lastRotatedAt: string | null }>;
        lifecycle: {
          rotations: Array<{
            status: string;
            targetCredentials: unknown[];
            replaced: Array<{ previousExternalId: string; externalId: string }> | null;
          }>;
        };
      };
    }
    const rotated = await waitFor(
      async () => {
        const r = await graphql<Rotated>(platform.gatewayUrl, token, QUERY, { id: identity.id });
        const key = r.identity.credentials.find((c) => c.type === 'ACCESS_KEY');
        return r.identity.lifecycle.rotations[0]?.status === 'COMPLETED' && key?.externalId !== credentials[0]?.externalId && r.identity;
      },
      { timeoutMs: 30_000, what: 'the rotation to replace the access key in inventory' },
    );
    const [rotation] = rotated.lifecycle.rotations;
    // Only the access key is targeted: a certificate is renewed, not rotated.
    expect(rotation?.targetCredentials).toEqual([{ id: keyId, type: 'ACCESS_KEY', externalId: credentials[0]?.externalId }]);
    const newKey = rotated.credentials.find((c) => c.type === 'ACCESS_KEY');
    expect(rotation?.replaced).toEqual([{ previousExternalId: credentials[0]?.externalId, externalId: newKey?.externalId }]);
    // The same credential (its platform id) with a new key at the provider; the certificate is untouched.
    expect(newKey).toMatchObject({ id: keyId, lastRotatedAt: expect.any(String) });
    expect(rotated.credentials.find((c) => c.type === 'CERTIFICATE')).toMatchObject({
      externalId: credentials[1]?.externalId,
      lastRotatedAt: null,
    });
  });

  it('suspends automatic rotation while an exception is approved, and rotates within seconds of its expiry', async () => {
    const externalId = `secret/e2e-held-${runId}`;
    const businessUnit = `e2e-held-${runId}`;
    const createdAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await graphql(
      platform.gatewayUrl,
      token,
      `mutation { ingestIdentities(input: { source: "demo-secret-manager", identities: [{ provider: "demo", externalId: "${externalId}",
         kind: "secret", name: "held secret", businessUnit: "${businessUnit}", createdAt: "${createdAt}" }] }) { created } }`,
    );
    const { identityByExternalId: identity } = await graphql<{ identityByExternalId: { id: string } }>(
      platform.gatewayUrl,
      token,
      'query ($e: String!) { identityByExternalId(provider: "demo", externalId: $e) { id } }',
      { e: externalId },
    );
    const expiresAt = new Date(Date.now() + 20_000);
    const exception = await waitFor(
      async () => {
        const { body } = await postGraphQL(
          platform.gatewayUrl,
          token,
          `mutation ($id: ID!, $at: DateTime!) { requestException(input: { identityId: $id, control: ROTATION,
             justification: "the consumer cannot reload the secret until its next release", expiresAt: $at }) { id } }`,
          { id: identity.id, at: expiresAt.toISOString() },
        );
        return !body.errors && (body.data as { requestException: { id: string } }).requestException;
      },
      { what: 'exceptions to know the identity and accept the request' },
    );
    const selfApproval = await postGraphQL(platform.gatewayUrl, token, 'mutation ($id: ID!) { approveException(id: $id) { id } }', {
      id: exception.id,
    });
    expect(selfApproval.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    await graphql(platform.gatewayUrl, approverToken, 'mutation ($id: ID!) { approveException(id: $id, note: "one release") { id } }', {
      id: exception.id,
    });

    type Held = {
      identity: {
        lifecycle: {
          state: string;
          rotationHeldSince: string | null;
          suspensions: unknown[];
          rotations: Array<{ status: string; requestedAt: string }>;
        };
      };
    };
    const lifecycleOf = () =>
      graphql<Held>(
        platform.gatewayUrl,
        token,
        'query ($id: ID!) { identity(id: $id) { lifecycle { state rotationHeldSince suspensions { exceptionId } rotations(first: 1) { status requestedAt } } } }',
        { id: identity.id },
      );
    await waitFor(async () => (await lifecycleOf()).identity.lifecycle.suspensions.length === 1, {
      what: 'lifecycle to learn of the approval',
    });
    await graphql(
      platform.gatewayUrl,
      token,
      `mutation { upsertRotationPolicy(input: { name: "e2e held ${runId}", businessUnit: ["${businessUnit}"], maxAgeDays: 30, autoRotate: true }) { id } }`,
    );
    const held = await waitFor(
      async () => {
        const { lifecycle } = (await lifecycleOf()).identity;
        return lifecycle.rotationHeldSince !== null && lifecycle;
      },
      { what: 'the due rotation to be held back by the exception' },
    );
    expect(held).toMatchObject({ state: 'ROTATION_DUE', rotations: [] });

    const rotated = await waitFor(
      async () => {
        const { lifecycle } = (await lifecycleOf()).identity;
        return lifecycle.rotations[0]?.status === 'COMPLETED' && lifecycle;
      },
      { timeoutMs: 45_000, what: 'the rotation after the exception expired' },
    );
    const delayMs = new Date(rotated.rotations[0].requestedAt).getTime() - expiresAt.getTime();
    expect(delayMs).toBeGreaterThanOrEqual(0);
    // "Within seconds": expiry and lifecycle's clock both tick every second.
    expect(delayMs).toBeLessThan(10_000);
    // Lifecycle honours expiresAt on its own clock; the exceptions service marks it EXPIRED on its own, within a second or so.
    await waitFor(
      async () =>
        (
          await graphql<{ exception: { status: string } }>(
            platform.gatewayUrl,
            token,
            'query ($id: ID!) { exception(id: $id) { status } }',
            { id: exception.id },
          )
        ).exception.status === 'EXPIRED',
      { what: 'the exception to be EXPIRED' },
    );
  });

  it('counts a governance scenario driven through the gateway in every KPI it touches', async () => {
    const businessUnit = `e2e-kpi-${runId}`;
    const gql = <T>(query: string, variables?: Record<string, unknown>, as = token) =>
      graphql<T>(platform.gatewayUrl, as, query, variables);
    await gql(
      `mutation { ingestIdentities(input: { source: "demo-secret-manager", identities: [
         { provider: "demo", externalId: "secret/kpi-owned-${runId}", kind: "secret", name: "kpi owned", businessUnit: "${businessUnit}", system: "kpi" },
         { provider: "demo", externalId: "secret/kpi-other-${runId}", kind: "secret", name: "kpi other", businessUnit: "${businessUnit}" }] }) { created } }`,
    );
    const idOf = async (externalId: string) =>
      (
        await gql<{ identityByExternalId: { id: string } }>(
          'query ($e: String!) { identityByExternalId(provider: "demo", externalId: $e) { id } }',
          { e: externalId },
        )
      ).identityByExternalId.id;
    const [owned, other] = [await idOf(`secret/kpi-owned-${runId}`), await idOf(`secret/kpi-other-${runId}`)];

    const { upsertOwner: team } = await gql<{ upsertOwner: { id: string } }>(
      `mutation { upsertOwner(input: { externalRef: "team-kpi-${runId}", kind: TEAM, name: "KPI team" }) { id } }`,
    );
    // Ownership learns identities from inventory's events: until it has, the assignment is NOT_FOUND.
    await waitFor(
      async () => {
        const { body } = await postGraphQL(
          platform.gatewayUrl,
          token,
          'mutation ($i: ID!, $o: ID!) { assignOwner(identityId: $i, ownerId: $o, reason: "e2e") { id } }',
          { i: owned, o: team.id },
        );
        const error = body.errors?.[0];
        if (error && error.extensions?.['code'] !== 'NOT_FOUND') throw new Error(`assignOwner failed: ${error.message}`);
        return !error;
      },
      { what: 'ownership to learn the identity and take its owner' },
    );
    const rotation = await waitFor(
      async () => {
        const { body } = await postGraphQL(
          platform.gatewayUrl,
          token,
          'mutation ($id: ID!) { requestRotation(identityId: $id, reason: "e2e kpi") { id } }',
          { id: owned },
        );
        return !body.errors && body.data;
      },
      { what: 'lifecycle to accept the rotation' },
    );
    expect(rotation).toBeTruthy();
    const expiresAt = new Date(Date.now() + 8_000).toISOString();
    const exception = await waitFor(
      async () => {
        const { body } = await postGraphQL(
          platform.gatewayUrl,
          token,
          `mutation ($id: ID!, $at: DateTime!) { requestException(input: { identityId: $id, control: NHI7,
             justification: "legacy consumer", expiresAt: $at }) { id } }`,
          { id: other, at: expiresAt },
        );
        return !body.errors && (body.data as { requestException: { id: string } }).requestException;
      },
      { what: 'exceptions to know the identity' },
    );
    await gql('mutation ($id: ID!) { approveException(id: $id) { id } }', { id: exception.id }, approverToken);

    type Kpis = {
      governanceSummary: Record<string, unknown> & { byProvider: unknown[] };
      adoption: Array<Record<string, unknown>>;
    };
    const kpis = await waitFor(
      async () => {
        const data = await gql<Kpis>(
          `query ($bu: String) {
             governanceSummary(businessUnit: $bu) { totalIdentities byProvider { key count } ownershipCoverage orphaned unassigned
               rotationCompliance overdueRotations openExceptions expiredExceptions }
             adoption { businessUnit identities ownershipCoverage managedRotationShare exceptionsPer100Identities readiness } }`,
          { bu: businessUnit },
        );
        return (
          data.governanceSummary['expiredExceptions'] === 1 &&
          data.adoption.find((a) => a['businessUnit'] === businessUnit)?.['managedRotationShare'] === 0.5 &&
          data
        );
      },
      { what: 'metrics to see the rotation and the expired exception', timeoutMs: 45_000 },
    );
    expect(kpis.governanceSummary).toEqual({
      totalIdentities: 2,
      byProvider: [{ key: 'demo', count: 2 }],
      ownershipCoverage: 0.5,
      orphaned: 0,
      unassigned: 1,
      rotationCompliance: 1,
      overdueRotations: 0,
      openExceptions: 0,
      expiredExceptions: 1,
    });
    expect(kpis.adoption.find((a) => a['businessUnit'] === businessUnit)).toEqual({
      businessUnit,
      identities: 2,
      ownershipCoverage: 0.5,
      managedRotationShare: 0.5,
      exceptionsPer100Identities: 0,
      readiness: 'PILOT',
    });
  });
});

describeEntityReferences(() => e2e);

describeProgressStream(() => e2e);

// The portal cookbook's queries, read from docs/graphql.md, against data of its own business unit.
describeCookbook(() => e2e);

// Last, after the traffic above: scrapes every /metrics and checks the dashboard and alert rules against them.
describeObservability(() => e2e);
