import { Kafka, logLevel } from 'kafkajs';
import { startIntegrator, TOPICS, type RunningIntegrator } from '@nhi/integrator-sdk';
import { refuseUnknownKind, simulateRevocation, simulateRotation } from './answer';
import type { IntegratorConfig } from './integrator-config';
import type { IntegratorMetrics } from './integrator-metrics';

export interface IntegratorLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * A connector for a simulated secret manager, built only on the published
 * SDK (@nhi/integrator-sdk), as an outside integrator would build one: the SDK
 * consumes the requests, checks them against the contract, and answers with
 * valid CloudEvents carrying this integrator's source; this class decides
 * which providers it manages and what the secret manager does.
 */
export class ReferenceIntegrator {
  private running?: RunningIntegrator;
  answered = 0;

  constructor(
    private readonly config: IntegratorConfig,
    private readonly log: IntegratorLog,
    private readonly metrics?: IntegratorMetrics,
  ) {}

  async start(): Promise<void> {
    const { config } = this;
    this.running = await startIntegrator({
      kafka: new Kafka({
        clientId: 'reference-integrator',
        brokers: config.KAFKA_BROKERS,
        logLevel: logLevel.WARN,
        ...config.kafkaSecurity,
      }),
      source: config.INTEGRATOR_SOURCE,
      groupId: config.KAFKA_GROUP_ID,
      providers: config.INTEGRATOR_PROVIDERS,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      mode: config.INTEGRATOR_CONTENT_MODE,
      rotate: async (request) => {
        refuseUnknownKind(request.data.kind);
        await this.latency();
        return simulateRotation(config.INTEGRATOR_FAILURE_RATE, new Date(), Math.random, request.data.credentials ?? []);
      },
      revoke: async (request) => {
        refuseUnknownKind(request.data.kind);
        await this.latency();
        return simulateRevocation(config.INTEGRATOR_FAILURE_RATE, new Date());
      },
      onSkipped: (reason) => {
        this.metrics?.skipped();
        this.log.warn(`skipped a request that is not a valid event: ${reason}`);
      },
      onAnswered: (result) => {
        this.answered += 1;
        this.metrics?.answered(result);
      },
    });
    const requests = [TOPICS.rotationRequests, TOPICS.revocationRequests].map((topic) => `${config.KAFKA_TOPIC_PREFIX}${topic}`);
    this.log.info(
      `answering ${requests.join(', ')} for providers ${config.INTEGRATOR_PROVIDERS.join(', ')} as ${config.INTEGRATOR_SOURCE}`,
    );
  }

  async stop(): Promise<void> {
    await this.running?.stop();
  }

  private async latency(): Promise<void> {
    const ms = this.config.INTEGRATOR_LATENCY_MS + Math.floor(Math.random() * this.config.INTEGRATOR_LATENCY_JITTER_MS);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
