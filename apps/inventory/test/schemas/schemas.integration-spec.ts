import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createEvent, EVENT_TYPES } from '@nhi/contracts';
import { identityDiscoveredData, subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const inventory = subgraphSpec('schemas', bootstrap);

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${inventory.subgraph.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the event contract over HTTP', () => {
  it('lists every schema, and serves each where the dataschema of an event points', async () => {
    const { body: index } = await get('/schemas');
    const ids = index.schemas as string[];
    for (const definition of Object.values(EVENT_TYPES)) expect(ids).toContain(definition.schema.$id);
    expect(ids).toEqual(
      expect.arrayContaining(['urn:nhi:schema:cloudevent:1', 'urn:nhi:schema:cloudevent-received:1', 'urn:nhi:schema:definitions:1']),
    );

    const data = identityDiscoveredData();
    const event = createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: data.identity.id, data });
    const { status, body: schema } = await get(`/schemas/${event.dataschema}`);
    expect(status).toBe(200);
    expect(schema.$id).toBe(event.dataschema);
  });

  it('serves schemas that validate real events on their own, fetched over HTTP as an integrator would', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema((await get('/schemas/urn:nhi:schema:definitions:1')).body);
    const validate = ajv.compile((await get('/schemas/urn:nhi:schema:nhi.rotation.completed:1')).body);
    const nhiId = '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11';
    expect(validate({ requestId: nhiId, nhiId, rotatedAt: '2026-12-02T10:00:00Z' })).toBe(true);
    expect(validate({ requestId: nhiId })).toBe(false);
  });

  it('serves the AsyncAPI document, and answers an unknown id with a 404 that does not repeat it', async () => {
    const { status, body } = await get('/schemas/asyncapi.json');
    expect(status).toBe(200);
    expect(body.asyncapi).toBe('3.0.0');

    const unknown = await get('/schemas/ghp_notaschemaatall0123456789abcdefABCD');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).not.toContain('ghp_');
  });
});
