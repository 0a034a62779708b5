import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

/**
 * The source argument is lower-cased to make one connector one source; the secret check must see
 * it as sent. These formats are case-sensitive: a lower-cased copy no longer matched its rule, so
 * the source was taken and the (lower-cased) secret stored in every sighting, outbox row and event.
 */
const CASE_SENSITIVE = [
  'pypi',
  'postman',
  'openai-legacy',
  'age',
  'aws-secret-with-key-id',
  'google-api-key',
  'azure-client-secret',
  'vault-legacy',
  'heroku-new',
  'slack-webhook',
  'sendgrid',
  'square',
  'discord',
  'new-relic',
];

const corpus = readFileSync(path.join(__dirname, '../../../../libs/secrets/corpus/secrets.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { format: string; value: string });

/** One sample of each format, as sent (the corpus wraps some in prose or JSON; those are refused too). */
const samples = CASE_SENSITIVE.map((format) => {
  const sample = corpus.find((s) => s.format === format && !s.value.startsWith('leaked') && !s.value.startsWith('{'));
  if (!sample) throw new Error(`no plain sample of ${format} in the corpus`);
  return sample;
});

const inventory = subgraphSpec('secret_source', bootstrap);
const client = new InventoryClient(inventory);

describe('a secret-looking source', () => {
  it.each(samples.map((s) => [s.format, s.value]))('is refused when it is a %s, and nothing is stored', async (_format, secret) => {
    const row = { provider: 'acme', externalId: `secret-source-${Date.now()}`, kind: 'service account', name: 'bot' };
    const result = await client.tryIngest(secret, [row]);

    expect(result.data?.ingestIdentities ?? null).toBeNull();
    expect(JSON.stringify(result.errors)).toMatch(/source looks like secret material|source must name the connector and match/);
    const sightings = await inventory.subgraph.sql<{ n: string }>(
      'SELECT count(*) AS n FROM identity_sightings WHERE lower(source) = lower($1)',
      [secret.trim()],
    );
    expect(Number(sightings[0]!.n)).toBe(0);
  });

  it('still takes a plain connector name, in any case', async () => {
    const row = { provider: 'acme', externalId: `plain-source-${Date.now()}`, kind: 'service account', name: 'bot' };
    const report = await client.ingest('Vault-Prod', [row]);
    expect(report.created).toBe(1);
    expect(await client.identity('acme', row.externalId)).toMatchObject({ sightings: [{ source: 'vault-prod' }] });
  });
});
