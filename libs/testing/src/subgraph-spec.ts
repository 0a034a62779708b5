import { KafkaTopicTap } from './kafka-topic-tap';
import { testKafkaBrokers } from './kafka';
import { SubgraphBootstrap, SubgraphUnderTest } from './subgraph-under-test';

export interface SubgraphSpecOptions {
  /** Environment for this run of the service, over the harness's defaults. */
  env?: Record<string, string>;
  /** Logical topics (values of TOPICS) to record from the beginning, before any test runs: what a test asserts was published. */
  tap?: string[];
}

export interface SubgraphSpec {
  /** The service under test, started in beforeAll. */
  readonly subgraph: SubgraphUnderTest;
  /** Everything published on the tapped topics since the suite started. */
  readonly tap: KafkaTopicTap;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not there: use it inside a test or hook, after beforeAll has run`);
  return value;
}

/**
 * The harness of every integration spec: one subgraph for one spec file, on its
 * own database and topic prefix, started in beforeAll and stopped (database
 * dropped, topics deleted) in afterAll. Call it at the top of the file.
 */
export function subgraphSpec(label: string, bootstrap: SubgraphBootstrap, options: SubgraphSpecOptions = {}): SubgraphSpec {
  let subgraph: SubgraphUnderTest | undefined;
  let tap: KafkaTopicTap | undefined;
  beforeAll(async () => {
    subgraph = await SubgraphUnderTest.start(label, bootstrap, options.env);
    const topics = (options.tap ?? []).map((logical) => ready(subgraph, 'the subgraph').topic(logical));
    if (topics.length > 0) tap = await KafkaTopicTap.start(testKafkaBrokers(), topics);
  });
  afterAll(async () => {
    await tap?.stop();
    await subgraph?.stop();
  });
  return {
    get subgraph() {
      return ready(subgraph, 'the subgraph');
    },
    get tap() {
      if (!options.tap?.length) throw new Error(`${label} taps no topic: name them in subgraphSpec's tap option`);
      return ready(tap, 'the topic tap');
    },
  };
}
