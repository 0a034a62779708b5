import type { INestApplication } from '@nestjs/common';
import { ACTOR_HEADER, Role, signActorHeader } from '@nhi/auth';
import { describedOperations, OpenApiResponses, seen, servedRoutes, subgraphSpec } from '@nhi/testing';
import openApiDocument from '../../openapi.json';
import { bootstrap } from '../../src/main';

/**
 * ADR 0032: apps/metrics/openapi.json against the running service. Each route
 * is called, answered and refused, and every answer must be one the document
 * describes, body and all; every route the code serves must be in it.
 */
let app: INestApplication | undefined;
const metrics = subgraphSpec('openapi_metrics', async (env, handleSignals) => {
  const running = await bootstrap(env, handleSignals);
  app = running.app;
  return running;
});
const responses = new OpenApiResponses(openApiDocument);

async function get(pathAndQuery: string, role?: Role) {
  const headers: Record<string, string> = role
    ? { [ACTOR_HEADER]: signActorHeader({ sub: `${role}-1`, roles: [role], ownerRefs: [] }, metrics.subgraph.signingKey) }
    : {};
  return seen(await fetch(`${new URL(metrics.subgraph.url).origin}${pathAndQuery}`, { headers }));
}

describe('metrics REST routes against their OpenAPI document', () => {
  it('describes every route the service serves, and serves every route it describes', () => {
    if (!app) throw new Error('the app did not start');
    expect(servedRoutes(app).sort()).toEqual(describedOperations(openApiDocument).sort());
  });

  it('GET /reports/governance.{format}: answers and refusals match the document', async () => {
    await metrics.subgraph.discover('identity_facts', { businessUnit: 'payments' });
    const answers = {
      json: await get('/reports/governance.json', 'auditor'),
      jsonAt: await get('/reports/governance.json?at=2026-11-01T00:00:00Z', 'security-admin'),
      csv: await get('/reports/governance.csv', 'auditor'),
      unauthenticated: await get('/reports/governance.json'),
      viewer: await get('/reports/governance.json', 'viewer'),
      badAt: await get('/reports/governance.json?at=yesterday', 'auditor'),
      badFormat: await get('/reports/governance.xml', 'auditor'),
    };

    expect(Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.status]))).toEqual({
      json: 200,
      jsonAt: 200,
      csv: 200,
      unauthenticated: 401,
      viewer: 403,
      badAt: 400,
      badFormat: 404,
    });
    for (const [name, answer] of Object.entries(answers)) {
      expect({ name, problems: responses.problems('GET', '/reports/governance.{format}', answer) }).toEqual({ name, problems: [] });
    }
    expect(JSON.parse(answers.json.body)).toMatchObject({ adoption: [expect.objectContaining({ businessUnit: 'payments' })] });
  });

  it('GET /health, /metrics and /openapi.json match the document', async () => {
    const answers = { health: await get('/health'), metrics: await get('/metrics'), openapi: await get('/openapi.json') };
    expect([answers.health.status, answers.metrics.status, answers.openapi.status]).toEqual([200, 200, 200]);
    expect(responses.problems('GET', '/health', answers.health)).toEqual([]);
    expect(responses.problems('GET', '/metrics', answers.metrics)).toEqual([]);
    expect(responses.problems('GET', '/openapi.json', answers.openapi)).toEqual([]);
    expect(JSON.parse(answers.openapi.body)).toEqual(openApiDocument);
  });
});
