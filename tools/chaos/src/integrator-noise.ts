import { randomUUID } from 'node:crypto';
import type { Consumer, IHeaders, Kafka, Producer } from 'kafkajs';
import { kafkaSecurityFromEnv } from '@nhi/config';
import { INTEGRATOR_RESULT_TOPICS, physicalTopic, TOPICS } from '@nhi/contracts';
import { REFERENCE_INTEGRATOR_SOURCE } from '@nhi/launcher';
import { kafkaClient } from '@nhi/messaging';
import type { Random } from './random';

interface SeenResult {
  topic: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
  requestId: string;
  at: number;
}

export interface NoiseCounts {
  /** The same message (same event id) again. */
  sameEventTwice: number;
  /** The same result as a new event (an integrator that retried its send). */
  resentAsNewEvent: number;
  /** An earlier attempt's result after a later one's. */
  outOfOrder: number;
  /** A result sent again long after its request's deadline. */
  late: number;
  /** Results for requests the platform never made. */
  unknownRequest: number;
  poison: { badJson: number; wrongSchema: number; oversized: number };
}

const LATE_AFTER_MS = 65_000;
/** Marks what this class sent, so that it never sends its own poison or copies again as if the integrator had. */
const OURS = 'x-chaos';

/**
 * Plays the integrators' side of the faults: results delivered twice, out of
 * order, late and for unknown requests, and poison on the results topics. It
 * reads what the reference integrator really answered and sends it again, so
 * the redeliveries are the real thing, not made up.
 */
export class IntegratorNoise {
  readonly counts: NoiseCounts = {
    sameEventTwice: 0,
    resentAsNewEvent: 0,
    outOfOrder: 0,
    late: 0,
    unknownRequest: 0,
    poison: { badJson: 0, wrongSchema: 0, oversized: 0 },
  };
  private readonly seen: SeenResult[] = [];
  /** What was answered for each identity: a retried request's attempts are separate requests of one identity. */
  private readonly byIdentity = new Map<string, SeenResult[]>();
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private readonly kafka: Kafka;

  constructor(
    brokers: string[],
    private readonly topicPrefix: string,
    private readonly groupId: string,
    private readonly random: Random,
  ) {
    this.kafka = kafkaClient({ clientId: 'chaos-integrator-noise', brokers, security: kafkaSecurityFromEnv(), retry: { retries: 30 } });
  }

  private get connected(): Producer {
    if (!this.producer) throw new Error('the integrator noise is not started');
    return this.producer;
  }

  get redelivered(): number {
    const c = this.counts;
    return c.sameEventTwice + c.resentAsNewEvent + c.outOfOrder + c.late;
  }

  async start(): Promise<void> {
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 500 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: INTEGRATOR_RESULT_TOPICS.map((t) => physicalTopic(t, this.topicPrefix)), fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        if (message.headers?.[OURS]) return;
        const value = message.value?.toString() ?? '';
        const ids = idsOf(value);
        if (!ids) return;
        const { requestId, nhiId } = ids;
        const result: SeenResult = {
          topic,
          key: message.key?.toString() ?? null,
          value,
          headers: stringHeaders(message.headers),
          requestId,
          at: Date.now(),
        };
        this.seen.push(result);
        this.byIdentity.set(nhiId, [...(this.byIdentity.get(nhiId) ?? []), result]);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  /** One round of redeliveries: a few of each kind, from what was answered so far. Errors (the broker down) are left to the next round. */
  async redeliver(perKind: number): Promise<void> {
    if (this.seen.length === 0) return;
    const producer = this.connected;
    const send = async (result: SeenResult, value = result.value, headers = result.headers) =>
      producer.send({ topic: result.topic, messages: [{ key: result.key, value, headers: { ...headers, [OURS]: 'again' } }] });
    try {
      for (let i = 0; i < perKind; i += 1) {
        await send(this.random.pick(this.seen));
        this.counts.sameEventTwice += 1;
        const again = this.random.pick(this.seen);
        const renamed = renameEvent(again.value);
        if (renamed) {
          await send(again, renamed);
          this.counts.resentAsNewEvent += 1;
        }
      }
      // An identity whose request was answered more than once (a failed attempt, then its retry): the first answer again, after the last.
      const retried = [...this.byIdentity.values()].filter((results) => results.length > 1);
      for (const [first] of this.random.shuffle(retried).slice(0, perKind)) {
        if (first) await send(first);
        this.counts.outOfOrder += 1;
      }
      const old = this.seen.filter((result) => Date.now() - result.at > LATE_AFTER_MS);
      for (const result of this.random.shuffle(old).slice(0, perKind)) {
        await send(result, renameEvent(result.value) ?? result.value);
        this.counts.late += 1;
      }
      for (let i = 0; i < perKind; i += 1) await this.unknownRequest(producer);
    } catch {
      // The broker is down (a fault of the run): the next round tries again.
    }
  }

  /** A well-formed result, written by hand as an outside integrator would, for a request the platform never made. */
  private async unknownRequest(producer: Producer): Promise<void> {
    const nhiId = randomUUID();
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: REFERENCE_INTEGRATOR_SOURCE,
      type: 'nhi.rotation.completed',
      subject: nhiId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: { requestId: randomUUID(), nhiId, rotatedAt: new Date().toISOString() },
    };
    const message = {
      key: nhiId,
      value: JSON.stringify(event),
      headers: { 'content-type': 'application/cloudevents+json', [OURS]: 'unknown' },
    };
    await producer.send({ topic: physicalTopic(TOPICS.rotationResults, this.topicPrefix), messages: [message] });
    this.counts.unknownRequest += 1;
  }

  /** Poison on the results topics: bad JSON, events that break the contract, and oversized ones. */
  async poison(total: number): Promise<void> {
    const topics = INTEGRATOR_RESULT_TOPICS.map((t) => physicalTopic(t, this.topicPrefix));
    const kinds = ['badJson', 'wrongSchema', 'oversized'] as const;
    for (let i = 0; i < total; i += 1) {
      const kind = i < total * 0.4 ? kinds[0] : i < total * 0.8 ? kinds[1] : kinds[2];
      const value = poisonValue(kind, i);
      const topic = this.random.pick(topics);
      await this.connected.send({
        topic,
        messages: [{ key: `poison-${i}`, value, headers: { 'content-type': 'application/cloudevents+json', [OURS]: 'poison' } }],
      });
      this.counts.poison[kind] += 1;
    }
  }
}

function poisonValue(kind: 'badJson' | 'wrongSchema' | 'oversized', i: number): string {
  if (kind === 'badJson') return i % 2 === 0 ? `{"specversion":"1.0","id":"poison-${i}",` : `not json at all ${i}`;
  const event = {
    specversion: '1.0',
    id: `poison-${i}-${randomUUID()}`,
    source: REFERENCE_INTEGRATOR_SOURCE,
    type: 'nhi.rotation.failed',
    subject: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data:
      kind === 'wrongSchema'
        ? { requestId: 42, nhiId: 'not-a-uuid', error: '' }
        : // Far beyond the 4,000 characters the contract allows an error: 600 kB.
          { requestId: randomUUID(), nhiId: randomUUID(), error: 'x'.repeat(600_000) },
  };
  return JSON.stringify(event);
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]));
}

/** The request and identity a structured result answers (the reference integrator sends structured events). */
function idsOf(value: string): { requestId: string; nhiId: string } | undefined {
  try {
    const { data } = JSON.parse(value) as { data?: { requestId?: unknown; nhiId?: unknown } };
    return typeof data?.requestId === 'string' && typeof data.nhiId === 'string'
      ? { requestId: data.requestId, nhiId: data.nhiId }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The same structured event with a new id: what an integrator that sent its result again would produce. */
function renameEvent(value: string): string | undefined {
  try {
    const event = JSON.parse(value) as { id?: string; specversion?: string };
    if (event.specversion !== '1.0') return undefined;
    return JSON.stringify({ ...event, id: randomUUID() });
  } catch {
    return undefined;
  }
}
