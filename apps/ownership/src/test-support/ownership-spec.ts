import { TOPICS } from '@nhi/contracts';
import { KafkaTopicTap, SubgraphUnderTest, testKafkaBrokers } from '@nhi/testing';
import { bootstrap } from '../main';
import { OwnershipClient } from './ownership-client';

export interface OwnershipSpec {
  ownership: SubgraphUnderTest;
  client: OwnershipClient;
  /** Everything published on nhi.ownership.events.v1 since the suite started. */
  tap: KafkaTopicTap;
}

/**
 * Runs ownership for one spec file: started in beforeAll (its own database and
 * topic prefix), stopped in afterAll. The fields are there once the suite runs.
 */
export function ownershipSpec(label: string, env: Record<string, string> = {}): OwnershipSpec {
  const spec = {} as OwnershipSpec;
  beforeAll(async () => {
    spec.ownership = await SubgraphUnderTest.start(label, bootstrap, env);
    spec.client = new OwnershipClient(spec.ownership);
    spec.tap = await KafkaTopicTap.start(testKafkaBrokers(), [spec.ownership.topic(TOPICS.ownershipEvents)]);
  });
  afterAll(async () => {
    await spec.tap?.stop();
    await spec.ownership?.stop();
  });
  return spec;
}

/** Names that no other test (or earlier run on the same broker and database) has used. */
export function uniqueNames(): (label: string) => string {
  let n = 0;
  return (label) => `${label}-${++n}-${Date.now().toString(36)}`;
}
