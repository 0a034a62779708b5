import { openApi31Errors } from '@nhi/testing';
import openApiDocument from '../openapi.json';

/** ADR 0032: apps/metrics/openapi.json is a valid OpenAPI 3.1 document. */
describe('the metrics OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(await openApi31Errors(openApiDocument)).toEqual([]);
  });

  it('is found invalid when it is not (the validator is not a rubber stamp)', async () => {
    const broken = { ...openApiDocument, paths: { '/health': { get: { responses: { '200': { content: 'text' } } } } } };
    expect(await openApi31Errors(broken)).not.toEqual([]);
    expect(await openApi31Errors({ ...openApiDocument, openapi: '3.0.3' })).toEqual([
      expect.stringMatching(/^expected an OpenAPI 3.1 document/),
    ]);
  });
});
