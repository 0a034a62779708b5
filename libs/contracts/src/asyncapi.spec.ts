import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { buildAsyncApiDocument } from './asyncapi';
import { EVENT_TYPES } from './event-types';
import { ALL_TOPICS } from './topics';

// Diagnostic severity 0 is an error in the AsyncAPI parser (Spectral's scale).
const ERROR = 0;

describe('AsyncAPI document', () => {
  it('is valid AsyncAPI 3.0 according to the reference parser', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(buildAsyncApiDocument()));

    expect(diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
    expect(
      document!
        .channels()
        .all()
        .map((c) => c.address())
        .sort(),
    ).toEqual([...ALL_TOPICS].sort());
    expect(
      document!
        .messages()
        .all()
        .map((m) => m.name())
        .sort(),
    ).toEqual(Object.keys(EVENT_TYPES).sort());
  });

  it('is what is committed in libs/contracts/asyncapi.json', () => {
    const committed = readFileSync(path.join(__dirname, '../asyncapi.json'), 'utf8');

    expect(JSON.parse(committed)).toEqual(buildAsyncApiDocument());
  });
});
