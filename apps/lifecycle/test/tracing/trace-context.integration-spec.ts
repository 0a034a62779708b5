import { randomBytes } from 'node:crypto';
import { ACTOR_HEADER, signActorHeader } from '@nhi/auth';
import { TOPICS } from '@nhi/contracts';
import { subgraphSpec, TEST_ADMIN, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

// No OTEL_EXPORTER_OTLP_ENDPOINT here: tracing is off, only propagation runs (ADR 0033).
const spec = subgraphSpec('lifecycle_trace', bootstrap, { tap: [TOPICS.rotationRequests] });

/** A mutation as the gateway forwards it, with the portal's traceparent. */
async function requestRotation(identityId: string, traceparent: string): Promise<void> {
  const response = await fetch(`${spec.subgraph.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [ACTOR_HEADER]: signActorHeader(TEST_ADMIN, spec.subgraph.signingKey),
      traceparent,
    },
    body: JSON.stringify({
      query: 'mutation($id: ID!) { requestRotation(identityId: $id, reason: "traced") { id } }',
      variables: { id: identityId },
    }),
  });
  expect(response.status).toBe(200);
}

describe('trace context with tracing off', () => {
  it("writes the caller's traceparent on the events of its mutation: outbox row, value and header", async () => {
    const identityId = await spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'SECRET' });
    const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;

    await requestRotation(identityId, traceparent);

    const message = await waitFor(() => spec.tap.messages.find((m) => m.key === identityId), { what: 'the rotation request on Kafka' });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({ type: 'nhi.rotation.requested', traceparent });
    expect(message.headers['ce_traceparent']).toBe(traceparent);
    const rows = await spec.subgraph.sql<{ traceparent: string }>(
      `SELECT traceparent FROM outbox_events WHERE payload->>'subject' = $1 AND payload->>'type' LIKE '%requested'`,
      [identityId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.traceparent === traceparent)).toBe(true);
  });
});
