import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';
import type { UserError } from '@nhi/testing';

const inventory = subgraphSpec('ingest_mutations', bootstrap, { env: { INGEST_MAX_GRAPHQL_ROWS: '3' } });
const client = new InventoryClient(inventory);

let n = 0;
const unique = (label: string) => `${label}-${++n}-${Date.now().toString(36)}`;

interface IngestPayload {
  ingestReport: {
    received: number;
    created: number;
    unchanged: number;
    rejectedCount: number;
    rejected: Array<{ index: number; reason: string }>;
  } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

async function identitiesIngest(input: Record<string, unknown>): Promise<IngestPayload> {
  const result = await inventory.subgraph.query<{ identitiesIngest: IngestPayload | null }>(
    `mutation($input: IdentitiesIngestInput!) {
       identitiesIngest(input: $input) {
         ingestReport { received created unchanged rejectedCount rejected { index reason } }
         userErrors { field message code }
         clientMutationId
       }
     }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.identitiesIngest!;
}

const row = (externalId: string) => ({ provider: 'aws', externalId, kind: 'role', name: externalId });

describe('identitiesIngest', () => {
  it('imports the good rows, lists the bad ones in the report, echoes the clientMutationId, and changes nothing on a repeat', async () => {
    const externalId = unique('role');
    const identities = [row(externalId), { provider: ' ', externalId: 'x', kind: 'role', name: 'blank provider' }];

    const first = await identitiesIngest({ source: 'estate', identities, clientMutationId: 'i-1' });
    const repeat = await identitiesIngest({ source: 'estate', identities });

    expect(first).toMatchObject({
      userErrors: [],
      clientMutationId: 'i-1',
      ingestReport: { received: 2, created: 1, rejectedCount: 1, rejected: [{ index: 1, reason: expect.stringMatching(/^provider/) }] },
    });
    expect(repeat).toMatchObject({ userErrors: [], ingestReport: { received: 2, created: 0, unchanged: 1, rejectedCount: 1 } });
    expect(await client.identity('aws', externalId)).toMatchObject({ externalId, sightings: [{ source: 'estate' }] });
  });

  it('returns a batch refused as a whole as a userError naming source, identities or force', async () => {
    const badSource = await identitiesIngest({ source: 'not a source/name', identities: [row(unique('role'))] });
    const tooMany = await identitiesIngest({ source: 'estate', identities: [1, 2, 3, 4].map(() => row(unique('role'))) });
    const emptySnapshot = await identitiesIngest({ source: unique('empty'), identities: [], fullSnapshot: true });

    expect(badSource).toMatchObject({ ingestReport: null, userErrors: [{ field: ['source'], code: 'INVALID' }] });
    expect(badSource.userErrors[0]?.message).not.toContain('not a source/name');
    expect(tooMany).toMatchObject({ ingestReport: null, userErrors: [{ field: ['identities'], code: 'INVALID' }] });
    expect(emptySnapshot).toMatchObject({
      ingestReport: null,
      userErrors: [{ field: ['force'], code: 'INVALID', message: expect.stringMatching(/^this full snapshot has no valid rows/) }],
    });
  });

  it('still answers the deprecated ingestIdentities', async () => {
    const externalId = unique('legacy');

    const report = await client.ingest('estate', [row(externalId)]);
    const refused = await client.tryIngest(
      'estate',
      [1, 2, 3, 4].map(() => row(unique('role'))),
    );

    expect(report).toMatchObject({ received: 1, created: 1 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
