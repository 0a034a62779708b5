import { randomBytes } from 'node:crypto';
import { physicalTopic, TOPICS } from '@nhi/contracts';
import { KafkaTestClient, KafkaTopicTap, waitFor } from '@nhi/testing';
import { startRotationPlatform, type RotationPlatform } from './support/rotation-platform';
import { OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver';

let receiver: OtlpReceiver;
let platform: RotationPlatform;
let tap: KafkaTopicTap;
let token: string;

/** The portal's own trace: its request to the gateway is the root of everything the rotation does. */
const TRACE_ID = randomBytes(16).toString('hex');
const PORTAL_SPAN_ID = randomBytes(8).toString('hex');
const PORTAL_TRACEPARENT = `00-${TRACE_ID}-${PORTAL_SPAN_ID}-01`;
const SPAN_KIND = { server: 2, consumer: 5 } as const;

function topic(name: string): string {
  return physicalTopic(name, platform.topicPrefix);
}

beforeAll(async () => {
  receiver = await OtlpReceiver.start();
  platform = await startRotationPlatform(5500, {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    // Spans leave within a fifth of a second instead of five: the test waits for them.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  });
  token = await platform.adminToken();
  tap = await KafkaTopicTap.start(platform.brokers, [topic(TOPICS.rotationRequests), topic(TOPICS.rotationResults)]);
});

afterAll(async () => {
  await tap?.stop();
  if (tap) {
    const kafka = await KafkaTestClient.connect(platform.brokers);
    await kafka.deleteGroups([tap.groupId]).catch(() => undefined);
    await kafka.disconnect();
  }
  await platform?.stop();
  await receiver?.stop();
});

/** A mutation as a traced portal sends it: with its W3C traceparent. */
async function requestRotation(identityId: string): Promise<string | false> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: PORTAL_TRACEPARENT },
    body: JSON.stringify({
      query: 'mutation ($id: ID!) { requestRotation(identityId: $id, reason: "e2e tracing") { id } }',
      variables: { id: identityId },
    }),
  });
  const body = (await response.json()) as { data?: { requestRotation: { id: string } }; errors?: unknown[] };
  return response.ok && !body.errors && body.data ? body.data.requestRotation.id : false;
}

function traceIdOf(value: string | null): string | undefined {
  const traceparent = (JSON.parse(value ?? '{}') as { traceparent?: string }).traceparent;
  return traceparent?.split('-')[1];
}

function spanOf(service: string, matches: (span: ReceivedSpan) => boolean): ReceivedSpan | undefined {
  return receiver.inTrace(TRACE_ID).find((span) => span.service === service && matches(span));
}

describe('one trace for a rotation, end to end', () => {
  it('covers gateway → lifecycle → Kafka → reference integrator → lifecycle under the portal trace id', async () => {
    const identityId = await platform.announceIdentity(`secret/e2e-trace-${platform.runId}`);
    const requestId = await waitFor(() => requestRotation(identityId), { what: 'lifecycle to know the identity and accept the rotation' });

    // Kafka: the request and the integrator's answer both carry the portal's trace id in their traceparent.
    const request = await tap.waitFor(
      (m) => m.topic === topic(TOPICS.rotationRequests) && m.value?.includes(requestId) === true,
      'the rotation request on Kafka',
    );
    const result = await tap.waitFor(
      (m) => m.topic === topic(TOPICS.rotationResults) && m.value?.includes(requestId) === true,
      'the integrator result on Kafka',
      30_000,
    );
    expect(traceIdOf(request.value)).toBe(TRACE_ID);
    expect(request.headers['ce_traceparent']).toBe(JSON.parse(request.value ?? '{}').traceparent);
    expect(traceIdOf(result.value)).toBe(TRACE_ID);

    // Spans: every hop exported its part of the same trace.
    const spans = await waitFor(
      () => {
        const hops = {
          gateway: spanOf('gateway', (s) => s.kind === SPAN_KIND.server && s.parentSpanId === PORTAL_SPAN_ID),
          lifecycleRequest: spanOf('lifecycle', (s) => s.kind === SPAN_KIND.server),
          integrator: spanOf('reference-integrator', (s) => s.name === 'process nhi.rotation.requested'),
          lifecycleResult: spanOf('lifecycle', (s) => s.kind === SPAN_KIND.consumer && s.name === 'process nhi.rotation.completed'),
        };
        return Object.values(hops).every(Boolean) && hops;
      },
      { timeoutMs: 30_000, what: `spans of every hop in trace ${TRACE_ID}` },
    );
    // The integrator's span is a child of the request event's context, the result's handler a child of the integrator's.
    expect(spans.lifecycleResult?.parentSpanId).toBe(spans.integrator?.spanId);
    expect(JSON.parse(result.value ?? '{}').traceparent).toContain(spans.integrator?.spanId);
  });
});
