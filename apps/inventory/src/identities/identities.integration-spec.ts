import { TOPICS } from '@nhi/contracts';
import { KafkaTopicTap, SubgraphUnderTest, testKafkaBrokers, waitFor } from '@nhi/testing';
import { bootstrap } from '../main';

const REGISTER = `
  mutation Register($input: RegisterIdentityInput!) {
    registerIdentity(input: $input) { id provider externalId environment sightings { source } }
  }`;

interface Registered {
  registerIdentity: { id: string; provider: string; externalId: string; environment: string; sightings: Array<{ source: string }> };
}

let inventory: SubgraphUnderTest;
let tap: KafkaTopicTap;

beforeAll(async () => {
  inventory = await SubgraphUnderTest.start('inventory', bootstrap);
  tap = await KafkaTopicTap.start(testKafkaBrokers(), [inventory.topic(TOPICS.inventoryEvents)]);
});

afterAll(async () => {
  await tap?.stop();
  await inventory?.stop();
});

function input(overrides: Record<string, unknown> = {}) {
  return {
    source: 'aws-config',
    kind: 'SERVICE_ACCOUNT',
    name: 'payments-batch',
    provider: 'aws',
    externalId: `arn:aws:iam::1:role/${Math.random().toString(36).slice(2)}`,
    environment: 'PRODUCTION',
    ...overrides,
  };
}

describe('registerIdentity', () => {
  it('stores the identity and publishes nhi.identity.registered keyed by its id', async () => {
    const result = await inventory.query<Registered>(REGISTER, { input: input({ businessUnit: 'Payments' }) });
    const identity = result.data!.registerIdentity;

    const message = await waitFor(() => tap.messages.find((m) => m.key === identity.id), { what: 'the registered event on Kafka' });
    const event = JSON.parse(message.value ?? '{}');
    expect(message.headers['content-type']).toContain('application/cloudevents+json');
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'nhi.identity.registered',
      source: '/nhi/inventory',
      subject: identity.id,
      data: { id: identity.id, provider: 'aws', businessUnit: 'Payments', environment: 'PRODUCTION' },
    });
    const [row] = await inventory.sql<{ sent_at: Date | null }>('SELECT sent_at FROM outbox_events WHERE id = $1', [event.id]);
    expect(row?.sent_at).not.toBeNull();
  });

  it('merges two sources reporting one identity into one identity with two sightings and one event', async () => {
    const first = await inventory.query<Registered>(REGISTER, { input: input({ externalId: 'shared-key-1', provider: 'aws' }) });
    const second = await inventory.query<Registered>(REGISTER, {
      input: input({ externalId: ' shared-key-1 ', provider: ' AWS ', source: 'vault' }),
    });

    expect(second.data!.registerIdentity.id).toBe(first.data!.registerIdentity.id);
    expect(second.data!.registerIdentity.sightings.map((s) => s.source).sort()).toEqual(['aws-config', 'vault']);
    const rows = await inventory.sql<{ count: string }>(
      "SELECT count(*) FROM identities WHERE provider = 'aws' AND external_id = 'shared-key-1'",
    );
    expect(rows[0]?.count).toBe('1');
    const events = await inventory.sql<{ count: string }>('SELECT count(*) FROM outbox_events WHERE message_key = $1', [
      first.data!.registerIdentity.id,
    ]);
    expect(events[0]?.count).toBe('1');
  });

  it('refuses something that is not a fingerprint, says which field, and stores nothing', async () => {
    const result = await inventory.query<Registered>(REGISTER, {
      input: input({ externalId: 'leaky', credentialFingerprint: 'AKIAIOSFODNN7EXAMPLE' }),
    });

    expect(result.data).toBeNull();
    expect(JSON.stringify(result.errors)).toContain('credentialFingerprint must be');
    expect(await inventory.sql("SELECT 1 FROM identities WHERE external_id = 'leaky'")).toEqual([]);
  });
});

describe('federation', () => {
  it('resolves many references in one request, in order, with null for unknown ids', async () => {
    const a = (await inventory.query<Registered>(REGISTER, { input: input({ name: 'a' }) })).data!.registerIdentity.id;
    const b = (await inventory.query<Registered>(REGISTER, { input: input({ name: 'b' }) })).data!.registerIdentity.id;
    const unknown = '7d1b7a52-0000-4000-8000-000000000000';

    const result = await inventory.query<{ _entities: Array<{ id: string; name: string } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { id name } } }`,
      { r: [b, unknown, a].map((id) => ({ __typename: 'NonHumanIdentity', id })) },
    );

    expect(result.data!._entities).toEqual([{ id: b, name: 'b' }, null, { id: a, name: 'a' }]);
  });

  it('refuses a call without the gateway signature, even for the service SDL', async () => {
    const response = await fetch(`${inventory.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: 'missing x-nhi-actor header: requests must come through the gateway', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('serves /health without a signature and reports database and Kafka', async () => {
    const response = await fetch(`${inventory.url}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, kafka: { status: 'up' } } });
  });
});
