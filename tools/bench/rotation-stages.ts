import { Client } from 'pg';
import { kafkaSecurityFromEnv } from '@nhi/config';
import { kafkaClient } from '@nhi/messaging';
import { postgresConnection } from '@nhi/persistence';

/** When one rotation passed each point of the round trip (epoch ms). */
export interface RotationTimeline {
  identityId: string;
  requestId: string;
  /** lifecycle accepted the request (rotation_requests.requested_at) */
  accepted: number;
  /** lifecycle's relay published nhi.rotation.requested (outbox_events.sent_at) */
  published: number;
  /** the integrator produced its result (the result message's Kafka timestamp) */
  answered: number;
  /** lifecycle applied the result (rotation_requests.completed_at) */
  applied: number;
}

/**
 * Where the time of a round trip goes, from what the platform itself
 * recorded: lifecycle's request and outbox rows, and the timestamps of the
 * integrator's results on Kafka.
 */
export async function rotationTimelines(
  lifecycleDatabaseUrl: string,
  brokers: string[],
  resultsTopic: string,
  identityIds: readonly string[],
): Promise<RotationTimeline[]> {
  const client = new Client(postgresConnection(lifecycleDatabaseUrl));
  await client.connect();
  let rows: Array<{ id: string; identity_id: string; accepted: string; published: string; applied: string }>;
  try {
    ({ rows } = await client.query(
      `SELECT r.id, r.identity_id, (extract(epoch FROM r.requested_at) * 1000)::bigint AS accepted,
              (extract(epoch FROM o.sent_at) * 1000)::bigint AS published,
              (extract(epoch FROM r.completed_at) * 1000)::bigint AS applied
       FROM rotation_requests r
       JOIN outbox_events o ON o.payload->>'type' = 'nhi.rotation.requested' AND o.payload->'data'->>'requestId' = r.id::text
       WHERE r.identity_id = ANY($1::uuid[]) AND r.status = 'COMPLETED'`,
      [identityIds],
    ));
  } finally {
    await client.end();
  }
  const answered = await resultTimestamps(brokers, resultsTopic, new Set(rows.map((row) => row.id)));
  return rows
    .filter((row) => answered.has(row.id))
    .map((row) => ({
      identityId: row.identity_id,
      requestId: row.id,
      accepted: Number(row.accepted),
      published: Number(row.published),
      answered: answered.get(row.id) ?? NaN,
      applied: Number(row.applied),
    }));
}

/** requestId -> when the integrator produced its result, read from the results topic. */
async function resultTimestamps(brokers: string[], topic: string, requestIds: ReadonlySet<string>): Promise<Map<string, number>> {
  const kafka = kafkaClient({ clientId: 'rotation-bench-stages', brokers, security: kafkaSecurityFromEnv() });
  const consumer = kafka.consumer({ groupId: `rotation-bench-stages-${Date.now()}` });
  const found = new Map<string, number>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, 30_000);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const requestId = (JSON.parse(message.value?.toString() ?? '{}') as { data?: { requestId?: string } }).data?.requestId;
            if (requestId && requestIds.has(requestId)) found.set(requestId, Number(message.timestamp));
            if (found.size === requestIds.size) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}

/** The stages of the round trip, each as the time from the point before it. */
export function stageDurations(
  timelines: readonly RotationTimeline[],
  sentAt: ReadonlyMap<string, number>,
  seenAt: ReadonlyMap<string, number>,
): Array<{ stage: string; durations: number[] }> {
  const stage = (name: string, of: (t: RotationTimeline) => number) => ({
    stage: name,
    durations: timelines.map(of).filter((ms) => Number.isFinite(ms)),
  });
  return [
    stage('gateway and lifecycle accept the request', (t) => t.accepted - (sentAt.get(t.identityId) ?? NaN)),
    stage("lifecycle's relay publishes it", (t) => t.published - t.accepted),
    stage('the integrator answers', (t) => t.answered - t.published),
    stage('lifecycle applies the result', (t) => t.applied - t.answered),
    stage('the bench sees it through the gateway', (t) => (seenAt.get(t.identityId) ?? NaN) - t.applied),
  ];
}
