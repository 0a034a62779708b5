import { IMPORT_FORMATS } from '@nhi/importers';
import { openApi31Errors } from '@nhi/testing';
import openApiDocument from '../openapi.json';
import { NDJSON_TYPES } from './bulk/ndjson-types';

/** ADR 0032: apps/inventory/openapi.json is a valid OpenAPI 3.1 document and names what the code accepts. */
describe('the inventory OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(await openApi31Errors(openApiDocument)).toEqual([]);
  });

  const ingest = openApiDocument.paths['/ingest/{source}'].post;

  it('lists exactly the raw export formats the importers read', () => {
    const format = ingest.parameters.find((parameter) => parameter.name === 'format');
    expect(format?.schema.enum).toEqual([...IMPORT_FORMATS.keys()]);
  });

  it('lists every content type read as NDJSON', () => {
    expect(Object.keys(ingest.requestBody.content)).toEqual(expect.arrayContaining(NDJSON_TYPES));
  });
});
