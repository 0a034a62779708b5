import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { generateDevKeys, mintDevToken, Role } from '@nhi/auth';
import { describedOperations, OpenApiResponses, seen, servedRoutes, subgraphSpec } from '@nhi/testing';
import openApiDocument from '../../openapi.json';
import { bootstrap } from '../../src/main';

/**
 * ADR 0032: apps/inventory/openapi.json against the running service. Each
 * route is called, answered and refused, and every answer must be one the
 * document describes, body and all; every route the code serves must be in it.
 */
const keys = generateDevKeys();
const keysDir = mkdtempSync(path.join(tmpdir(), 'openapi-keys-'));
writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);

let app: INestApplication | undefined;
const inventory = subgraphSpec(
  'openapi_inventory',
  async (env, handleSignals) => {
    const running = await bootstrap(env, handleSignals);
    app = running.app;
    return running;
  },
  { env: { DEV_KEYS_DIR: keysDir } },
);
const responses = new OpenApiResponses(openApiDocument);

const token = (role: Role, sources = ['aws-config']) =>
  mintDevToken(keys.privateKeyPem, { sub: `${role}-bot`, roles: [role], sources, issuer: 'nhi-dev', audience: 'nhi-platform' });

const IDENTITY = JSON.stringify({
  provider: 'aws',
  externalId: 'arn:aws:iam::1:role/openapi',
  kind: 'role',
  name: 'openapi',
  environment: 'prd',
});

async function ingest(pathAndQuery: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  return seen(
    await fetch(`${inventory.subgraph.url}${pathAndQuery}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...init.headers },
      body: init.body ?? IDENTITY,
    }),
  );
}

const get = async (pathAndQuery: string) => seen(await fetch(`${inventory.subgraph.url}${pathAndQuery}`));

describe('inventory REST routes against their OpenAPI document', () => {
  it('describes every route the service serves, and serves every route it describes', () => {
    if (!app) throw new Error('the app did not start');
    expect(servedRoutes(app).sort()).toEqual(describedOperations(openApiDocument).sort());
  });

  it('POST /ingest/{source}: answers and refusals match the document', async () => {
    const admin = { authorization: `Bearer ${await token('security-admin')}` };
    const integrator = { authorization: `Bearer ${await token('integrator')}` };
    const answers = {
      ingested: await ingest('/ingest/aws-config', { headers: integrator }),
      dryRun: await ingest('/ingest/aws-config?dryRun=true&fullSnapshot=true', { headers: admin, body: `${IDENTITY}\nnot json` }),
      unauthenticated: await ingest('/ingest/aws-config'),
      otherSource: await ingest('/ingest/gcp-asset', { headers: integrator }),
      viewer: await ingest('/ingest/aws-config', { headers: { authorization: `Bearer ${await token('viewer')}` } }),
      badFlag: await ingest('/ingest/aws-config?force=maybe', { headers: admin }),
      unknownFormat: await ingest('/ingest/aws-config?format=nope', { headers: admin }),
      notNdjson: await ingest('/ingest/aws-config', { headers: { ...admin, 'content-type': 'application/json' } }),
    };

    expect(Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.status]))).toEqual({
      ingested: 200,
      dryRun: 200,
      unauthenticated: 401,
      otherSource: 403,
      viewer: 403,
      badFlag: 400,
      unknownFormat: 400,
      notNdjson: 415,
    });
    for (const [name, answer] of Object.entries(answers)) {
      expect({ name, problems: responses.problems('POST', '/ingest/{source}', answer) }).toEqual({ name, problems: [] });
    }
    expect(JSON.parse(answers.dryRun.body)).toMatchObject({ dryRun: true, rejectedCount: 1 });
  });

  it('finds a response that does not match the document (the check is not a rubber stamp)', async () => {
    const answer = await ingest('/ingest/aws-config', { headers: { authorization: `Bearer ${await token('integrator')}` } });
    const altered = { ...answer, body: JSON.stringify({ ...JSON.parse(answer.body), created: 'one' }) };
    expect(responses.problems('POST', '/ingest/{source}', altered)).toEqual([expect.stringMatching(/^\/created must be integer/)]);
    expect(responses.problems('POST', '/ingest/{source}', { ...answer, status: 418 })).toEqual([
      'POST /ingest/{source} answered 418, which the document does not describe',
    ]);
  });

  it('GET /schemas, /schemas/asyncapi.json, /schemas/{id}, /health, /metrics and /openapi.json match the document', async () => {
    const index = await get('/schemas');
    const [firstId] = (JSON.parse(index.body) as { schemas: string[] }).schemas;
    const answers: Array<[string, string, Awaited<ReturnType<typeof get>>]> = [
      ['/schemas', '/schemas', index],
      ['/schemas/asyncapi.json', '/schemas/asyncapi.json', await get('/schemas/asyncapi.json')],
      ['/schemas/{id}', 'a schema', await get(`/schemas/${encodeURIComponent(firstId ?? '')}`)],
      ['/schemas/{id}', 'no schema', await get('/schemas/urn:nhi:schema:nothing:1')],
      ['/health', '/health', await get('/health')],
      ['/metrics', '/metrics', await get('/metrics')],
      ['/openapi.json', '/openapi.json', await get('/openapi.json')],
    ];

    expect(answers.map(([, name, answer]) => [name, answer.status])).toEqual([
      ['/schemas', 200],
      ['/schemas/asyncapi.json', 200],
      ['a schema', 200],
      ['no schema', 404],
      ['/health', 200],
      ['/metrics', 200],
      ['/openapi.json', 200],
    ]);
    for (const [template, name, answer] of answers) {
      expect({ name, problems: responses.problems('GET', template, answer) }).toEqual({ name, problems: [] });
    }
    expect(JSON.parse(answers[6]?.[2].body ?? '')).toEqual(openApiDocument);
  });
});
