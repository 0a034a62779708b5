import { TOPICS } from '@nhi/contracts';
import { reportTable, runConformance, type CheckResult } from '@nhi/integrator-sdk/conformance';
import { KafkaTestClient, testKafkaBrokers, uniqueTopicPrefix } from '@nhi/testing';
import { loadIntegratorConfig } from '../src/integrator-config';
import { ReferenceIntegrator } from '../src/reference-integrator';
import { WrongIntegrator } from './support/wrong-integrator';

const brokers = testKafkaBrokers();
const INTEGRATOR_TOPICS = [TOPICS.rotationRequests, TOPICS.revocationRequests, TOPICS.rotationResults, TOPICS.revocationResults];
let kafka: KafkaTestClient;

beforeAll(async () => {
  kafka = await KafkaTestClient.connect(brokers);
});

afterAll(async () => {
  await kafka?.disconnect();
});

/** Runs the kit against an integrator on topics of their own. */
async function conformanceOf(start: (prefix: string) => Promise<{ stop(): Promise<void> }>): Promise<CheckResult[]> {
  const prefix = uniqueTopicPrefix('conformance');
  await kafka.createTopics(INTEGRATOR_TOPICS.map((t) => `${prefix}${t}`));
  const integrator = await start(prefix);
  try {
    return await runConformance({ brokers, provider: 'demo', topicPrefix: prefix, waitSeconds: 15 });
  } finally {
    await integrator.stop();
    await kafka.deleteTopicsWithPrefix(prefix);
  }
}

const failed = (results: readonly CheckResult[]) => results.filter((r) => !r.passed).map((r) => `${r.caseName}: ${r.check}`);

describe('the integrator conformance kit', () => {
  it('passes the reference integrator', async () => {
    const results = await conformanceOf(async (prefix) => {
      const integrator = new ReferenceIntegrator(
        loadIntegratorConfig({
          KAFKA_BROKERS: brokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_GROUP_ID: `${prefix}integrator`,
          INTEGRATOR_PROVIDERS: 'demo',
        }),
        { info: () => undefined, warn: () => undefined },
      );
      await integrator.start();
      return integrator;
    });

    expect({ failed: failed(results), table: reportTable(results) }).toMatchObject({ failed: [] });
    expect(results.map((r) => `${r.caseName}: ${r.check}`)).toEqual(
      expect.arrayContaining([
        'rotation: envelope',
        'duplicate request: idempotency',
        'expired deadline: not acted on',
        'unknown kind: failure reported',
        'another provider: ignored',
      ]),
    );
  });

  it('fails an integrator that gets the contract wrong, with clear reasons', async () => {
    const results = await conformanceOf(async (prefix) => {
      const integrator = new WrongIntegrator(brokers, prefix);
      await integrator.start();
      return integrator;
    });

    expect(failed(results)).toEqual(
      expect.arrayContaining([
        'rotation: key',
        'duplicate request: idempotency',
        'expired deadline: not acted on',
        'unknown kind: failure reported',
        'another provider: ignored',
      ]),
    );
    expect(reportTable(results)).toMatch(/not conformant: \d+ of \d+ checks failed/);
    expect(results.find((r) => r.caseName === 'rotation' && r.check === 'key')?.detail).toBe(
      "1 answer(s) not keyed by the request's nhiId",
    );
  });
});
