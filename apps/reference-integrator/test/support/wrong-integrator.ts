import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { TOPICS } from '@nhi/contracts';

/**
 * An integrator that gets the contract wrong in the ways integrators do:
 * it answers every provider's requests, acts after the deadline, answers a
 * repeated request anew, keys answers by the request id, and sends a result of
 * an unknown kind as completed. Written without platform code, as a stranger would.
 */
export class WrongIntegrator {
  private readonly consumer: Consumer;
  private readonly producer: Producer;

  constructor(
    brokers: string[],
    private readonly prefix: string,
  ) {
    const kafka = new Kafka({ clientId: 'wrong-integrator', brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: `${prefix}wrong-integrator` });
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  }

  async start(): Promise<void> {
    await Promise.all([this.consumer.connect(), this.producer.connect()]);
    await this.consumer.subscribe({ topics: [`${this.prefix}${TOPICS.rotationRequests}`, `${this.prefix}${TOPICS.revocationRequests}`] });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const request = JSON.parse(message.value?.toString() ?? '{}') as { data: { requestId: string; nhiId: string } };
        const rotation = topic.endsWith(TOPICS.rotationRequests);
        const { requestId, nhiId } = request.data;
        const data = rotation
          ? { requestId, nhiId, rotatedAt: new Date().toISOString() }
          : { requestId, nhiId, revokedAt: new Date().toISOString() };
        const event = {
          specversion: '1.0',
          id: randomUUID(),
          source: '/integrators/wrong',
          type: rotation ? 'nhi.rotation.completed' : 'nhi.revocation.completed',
          data,
        };
        await this.producer.send({
          topic: `${this.prefix}${rotation ? TOPICS.rotationResults : TOPICS.revocationResults}`,
          messages: [{ key: requestId, value: JSON.stringify(event) }],
        });
      },
    });
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.consumer.disconnect(), this.producer.disconnect()]);
  }
}
